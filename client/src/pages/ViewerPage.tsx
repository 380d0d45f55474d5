/**
 * `/v/:token`: what an attendee with a read-only link sees. For now the deck title, or a
 * clear message when the link is unknown, revoked or expired; the live presentation follows.
 */
import { useEffect, useState } from 'react';
import { useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { LinkView } from '../../../shared/api.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { getLinkView } from '../api/links.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';

type ViewerState =
  | { status: 'loading' }
  | { status: 'ready'; view: LinkView }
  | { status: 'unavailable'; kind: 'notFound' | 'revoked' | 'expired' }
  | { status: 'error'; error: unknown };

export default function ViewerPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  const [state, setState] = useState<ViewerState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    getLinkView(token, { signal: controller.signal }).then(
      (view) => setState({ status: 'ready', view }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(err) && (err.status === 404 || err.status === 400)) setState({ status: 'unavailable', kind: 'notFound' });
        else if (isApiRequestError(err) && err.status === 410) setState({ status: 'unavailable', kind: err.error === 'link-expired' ? 'expired' : 'revoked' });
        else setState({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [token]);

  const pageTitle =
    state.status === 'ready' ? state.view.title : state.status === 'unavailable' ? t(`viewer.${state.kind}Title`) : t('viewer.pageTitle');
  useDocumentTitle(pageTitle);

  if (state.status === 'loading') return <LoadingMessage />;
  if (state.status === 'error') {
    return (
      <div className="viewer">
        <h1>{t('viewer.pageTitle')}</h1>
        <p className="message message--error" role="alert">
          {errorMessage(t, state.error)}
        </p>
      </div>
    );
  }
  if (state.status === 'unavailable') {
    return (
      <div className="viewer viewer--unavailable">
        <h1>{t(`viewer.${state.kind}Title`)}</h1>
        <p>{t(`viewer.${state.kind}Text`)}</p>
      </div>
    );
  }
  return (
    <div className="viewer">
      <h1>{state.view.title}</h1>
      {state.view.label && <p className="viewer__label">{t('viewer.label', { label: state.view.label })}</p>}
      <p className="viewer__waiting">{t('viewer.waiting')}</p>
    </div>
  );
}
