/**
 * Asks for the deck's summary before a presenting page connects: an unknown or trashed
 * deck gets a clear message instead of an empty stage.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { getDeck } from '../api/decks.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';

type SummaryState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; deck: DeckSummary };

export interface DeckGateProps {
  deckId: string;
  className: string;
  children: (deck: DeckSummary) => ReactNode;
  /** Told when the deck cannot be shown (the print page reports it to the exporter). */
  onUnavailable?: (reason: 'missing' | 'error') => void;
}

export function DeckGate({ deckId, className, children, onUnavailable }: DeckGateProps) {
  const { t } = useTranslation();
  const [state, setState] = useState<SummaryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getDeck(deckId, { signal: controller.signal }).then(
      (deck) => setState(deck.trashedAt ? { status: 'missing' } : { status: 'ready', deck }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(err) && (err.status === 404 || err.status === 400)) setState({ status: 'missing' });
        else setState({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [deckId]);

  useEffect(() => {
    if (state.status === 'missing' || state.status === 'error') onUnavailable?.(state.status);
  }, [state.status, onUnavailable]);

  if (state.status === 'ready') return <>{children(state.deck)}</>;
  return (
    <main id="main" className={`${className} present-gate`}>
      {state.status === 'loading' && <LoadingMessage />}
      {state.status === 'missing' && (
        <div className="present-gate__box">
          <h1>{t('deck:notFound')}</h1>
          <p>{t('deck:notFoundText')}</p>
          <p>
            <Link to="/">{t('deck:backToList')}</Link>
          </p>
        </div>
      )}
      {state.status === 'error' && (
        <div className="present-gate__box">
          <h1>{t('present:errorTitle')}</h1>
          <p className="message message--error" role="alert">
            {errorMessage(t, state.error)}
          </p>
        </div>
      )}
    </main>
  );
}
