/**
 * `/decks/:id` (temporary, until the editor exists): the deck's summary, its live connection
 * state and a read-only list of its slides that follows the shared document.
 * Loaded lazily, so yjs and y-websocket stay out of the deck list's bundle.
 */
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { getDeck } from '../api/decks.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { ConnectionStatus } from '../deck/ConnectionStatus.tsx';
import { SlideList } from '../deck/SlideList.tsx';
import { useDeckSync } from '../deck/useDeckSync.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRelativeTime } from '../hooks/useRelativeTime.ts';
import '../styles/deck.css';

type SummaryState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; deck: DeckSummary };

export default function DeckPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const [summary, setSummary] = useState<SummaryState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setSummary({ status: 'loading' });
    getDeck(id, { signal: controller.signal }).then(
      // A trashed deck cannot be opened (the sync server refuses it with 4404).
      (deck) => setSummary(deck.trashedAt ? { status: 'missing' } : { status: 'ready', deck }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(err) && (err.status === 404 || err.status === 400)) setSummary({ status: 'missing' });
        else setSummary({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [id]);

  if (summary.status === 'loading') return <LoadingMessage />;
  if (summary.status === 'missing') return <DeckMissing />;
  if (summary.status === 'error') {
    return (
      <div className="message message--error" role="alert">
        <p>{errorMessage(t, summary.error)}</p>
      </div>
    );
  }
  return <DeckView deck={summary.deck} />;
}

function DeckMissing() {
  const { t } = useTranslation();
  useDocumentTitle(t('deck.notFound'));
  return (
    <div className="deck-page">
      <BackLink />
      <h1>{t('deck.notFound')}</h1>
      <p>{t('deck.notFoundText')}</p>
    </div>
  );
}

function BackLink() {
  const { t } = useTranslation();
  return (
    <p className="back-link">
      <Link to="/">
        <span aria-hidden="true">← </span>
        {t('deck.backToList')}
      </Link>
    </p>
  );
}

function DeckView({ deck }: { deck: DeckSummary }) {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const live = useDeckSync(deck.id);
  // The document is the live source of the title (a rename elsewhere shows up at once).
  const title = live.title || deck.title;
  useDocumentTitle(title);
  const slideCount = live.loaded ? live.slides.length : deck.slideCount;
  const edited = deck.updatedBy
    ? t('decks.lastEditedBy', { name: deck.updatedBy.name, time: relative(deck.updatedAt) })
    : t('decks.lastEdited', { time: relative(deck.updatedAt) });

  return (
    <div className="deck-page">
      <BackLink />
      <div className="deck-page__head">
        <h1>{title}</h1>
        <ConnectionStatus state={live.connection} />
      </div>
      <p className="deck-page__meta">
        {t('decks.slideCount', { count: slideCount })}
        <span aria-hidden="true"> · </span>
        {edited}
      </p>
      <p className="page-hint">{t('deck.temporaryNote')}</p>
      {live.closed && <ClosedMessage code={live.closed.code} reason={live.closed.reason} />}
      {live.loaded ? <SlideList slides={live.slides} /> : !live.closed && <LoadingMessage text={t('deck.waitingForSlides')} />}
    </div>
  );
}
