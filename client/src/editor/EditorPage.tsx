/**
 * `/decks/:id`: the collaborative deck editor. Loaded lazily from App.tsx, so Tiptap, yjs
 * and y-websocket stay out of the deck list's bundle.
 *
 * The deck's summary is asked first: an unknown or trashed deck gets a clear message
 * instead of an editor. When the server cannot be reached at all, the editor opens anyway
 * from the copy kept on this device (if there is one).
 */
import { useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { getDeck } from '../api/decks.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { useAuth } from '../auth/AuthContext.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { DeckMissing } from '../deck/DeckMissing.tsx';
import { wantsCursorInTitle } from '../deck/editorOpening.ts';
import { registerOfflineShell } from '../offline/registerOfflineShell.ts';
import { DeckEditor } from './DeckEditor.tsx';
import '../styles/deck.css';
import './slideStyles.ts';
import './editor.css';

type SummaryState = { status: 'loading' } | { status: 'missing' } | { status: 'error'; error: unknown } | { status: 'ready'; deck: DeckSummary } | { status: 'offline' };

export default function EditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { state: auth } = useAuth();
  const [summary, setSummary] = useState<SummaryState>({ status: 'loading' });
  const location = useLocation();
  const navigate = useNavigate();
  // Asked once, by the page that opened the editor; forgotten at once so a reload does not ask again.
  const [cursorInTitle, setCursorInTitle] = useState(() => wantsCursorInTitle(location.state));
  useEffect(() => {
    if (location.state !== null && location.state !== undefined) void navigate(location.pathname + location.search, { replace: true, state: null });
  }, [location, navigate]);

  useEffect(() => registerOfflineShell(), []);

  useEffect(() => {
    const controller = new AbortController();
    setSummary({ status: 'loading' });
    getDeck(id, { signal: controller.signal }).then(
      // A trashed deck cannot be opened (the sync server refuses it with 4404).
      (deck) => setSummary(deck.trashedAt ? { status: 'missing' } : { status: 'ready', deck }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiRequestError(err) && (err.status === 404 || err.status === 400)) setSummary({ status: 'missing' });
        else if (isApiRequestError(err) && err.status === 0) setSummary({ status: 'offline' });
        else setSummary({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [id]);

  if (summary.status === 'loading' || auth.status !== 'signed-in') return <LoadingMessage />;
  if (summary.status === 'missing') return <DeckMissing />;
  if (summary.status === 'error') {
    return (
      <div className="message message--error" role="alert">
        <p>{errorMessage(t, summary.error)}</p>
      </div>
    );
  }
  return (
    <DeckEditor
      key={id}
      deckId={id}
      fallbackTitle={summary.status === 'ready' ? summary.deck.title : ''}
      user={auth.user}
      openedOffline={summary.status === 'offline'}
      cursorInTitle={cursorInTitle}
      onCursorPlaced={() => setCursorInTitle(false)}
    />
  );
}
