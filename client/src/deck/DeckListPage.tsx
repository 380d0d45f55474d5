/**
 * `/` (and `/?view=trash`): the decks, searchable by title. Create (empty, from a template,
 * or by importing a Markdown file), rename, export, move to trash (with undo) and restore
 * from the trash.
 */
import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { DeckSummary } from '../../../shared/api.ts';
import { createDeck, listDecks, renameDeck, restoreDeck, trashDeck } from '../api/decks.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { DeckListItem } from '../components/DeckListItem.tsx';
import { DeckTitleDialog } from '../components/DeckTitleDialog.tsx';
import { ImportDeckDialog } from '../components/ImportDeckDialog.tsx';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { Notice, type NoticeData } from '../components/Notice.tsx';
import { TemplateDialog } from '../components/TemplateDialog.tsx';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { useRelativeTime } from '../hooks/useRelativeTime.ts';
import { CURSOR_IN_TITLE, type EditorOpening } from './editorOpening.ts';

type ListState = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; decks: DeckSummary[] };
type DialogState = null | { mode: 'create' } | { mode: 'template' } | { mode: 'import' } | { mode: 'rename'; deck: DeckSummary } | { mode: 'share'; deck: DeckSummary };

// The share dialog (and its QR code library) loads only when someone shares.
const ShareDialog = lazy(() => import('../share/ShareDialog.tsx').then((m) => ({ default: m.ShareDialog })));

/** Case- and accent-insensitive form for title search ("Damocles" finds "damoclès"). */
function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}

let noticeCounter = 0;

export default function DeckListPage() {
  const { t } = useTranslation();
  const relative = useRelativeTime();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const inTrash = params.get('view') === 'trash';
  const query = params.get('q') ?? '';
  const [list, setList] = useState<ListState>({ status: 'loading' });
  const [reloadKey, setReloadKey] = useState(0);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const noticeRef = useRef<HTMLDivElement>(null);
  const focusNotice = useRef(false);
  const headingId = useId();
  const searchId = useId();
  const heading = inTrash ? t('decks:trashTitle') : t('decks:title');
  useDocumentTitle(heading);

  useEffect(() => {
    const controller = new AbortController();
    setList({ status: 'loading' });
    listDecks(inTrash, { signal: controller.signal }).then(
      (decks) => setList({ status: 'ready', decks }),
      (err: unknown) => {
        if (!controller.signal.aborted) setList({ status: 'error', error: err });
      },
    );
    return () => controller.abort();
  }, [inTrash, reloadKey]);

  // A message that replaced a removed item takes the focus, so keyboard users are not lost.
  useEffect(() => {
    if (focusNotice.current && notice) {
      focusNotice.current = false;
      noticeRef.current?.focus();
    }
  }, [notice]);

  const show = useCallback((text: string, options: Omit<NoticeData, 'id' | 'text'> & { focus?: boolean } = {}) => {
    const { focus, ...rest } = options;
    focusNotice.current = focus ?? false;
    setNotice({ id: ++noticeCounter, text, ...rest });
  }, []);

  const updateDecks = (change: (decks: DeckSummary[]) => DeckSummary[]) =>
    setList((current) => (current.status === 'ready' ? { status: 'ready', decks: change(current.decks) } : current));

  const visible = useMemo(() => {
    if (list.status !== 'ready') return [];
    const needle = searchable(query.trim());
    return needle ? list.decks.filter((d) => searchable(d.title).includes(needle)) : list.decks;
  }, [list, query]);

  function setQuery(value: string) {
    const next = new URLSearchParams(params);
    if (value) next.set('q', value);
    else next.delete('q');
    setParams(next, { replace: true });
  }

  // A new deck opens in the editor at once, like one from a template or a file, with the
  // cursor in its first slide's title.
  async function onCreate(title: string) {
    const deck = await createDeck(title);
    openDeck(deck.id, CURSOR_IN_TITLE);
  }

  function openDeck(id: string, opening?: EditorOpening) {
    setDialog(null);
    navigate(`/decks/${encodeURIComponent(id)}`, opening ? { state: opening } : undefined);
  }

  async function onRename(deck: DeckSummary, title: string) {
    const renamed = await renameDeck(deck.id, title);
    setDialog(null);
    updateDecks((decks) => decks.map((d) => (d.id === renamed.id ? renamed : d)));
    show(t('decks:renamed', { title: renamed.title }));
  }

  async function onTrash(deck: DeckSummary) {
    try {
      await trashDeck(deck.id);
      updateDecks((decks) => decks.filter((d) => d.id !== deck.id));
      show(t('decks:trashed', { title: deck.title }), {
        focus: true,
        action: { label: t('decks:undo'), run: () => void onUndoTrash(deck) },
      });
    } catch (err) {
      show(errorMessage(t, err), { tone: 'error' });
    }
  }

  async function onUndoTrash(deck: DeckSummary) {
    try {
      const restored = await restoreDeck(deck.id);
      updateDecks((decks) => [restored, ...decks.filter((d) => d.id !== restored.id)]);
      show(t('decks:restored', { title: restored.title }));
    } catch (err) {
      show(errorMessage(t, err), { tone: 'error' });
    }
  }

  async function onRestore(deck: DeckSummary) {
    try {
      await restoreDeck(deck.id);
      updateDecks((decks) => decks.filter((d) => d.id !== deck.id));
      show(t('decks:restored', { title: deck.title }), { focus: true });
    } catch (err) {
      show(errorMessage(t, err), { tone: 'error' });
    }
  }

  return (
    <div className="deck-list-page">
      <div className="page-head">
        <h1 id={headingId}>{heading}</h1>
        {!inTrash && (
          <div className="page-head__actions">
            <button type="button" className="button" onClick={() => setDialog({ mode: 'import' })}>
              {t('importDeck:open')}
            </button>
            <button type="button" className="button" onClick={() => setDialog({ mode: 'template' })}>
              {t('templates:open')}
            </button>
            <button type="button" className="button button--primary" onClick={() => setDialog({ mode: 'create' })}>
              <span aria-hidden="true" className="button__plus">
                +
              </span>
              {t('decks:newDeck')}
            </button>
          </div>
        )}
      </div>
      {inTrash && <p className="page-hint">{t('decks:trashHint')}</p>}

      <div className="toolbar" role="search">
        <div className="field field--inline">
          <label htmlFor={searchId}>{t('decks:search')}</label>
          <input id={searchId} type="search" value={query} placeholder={t('decks:searchPlaceholder')} autoComplete="off" onChange={(event) => setQuery(event.target.value)} />
        </div>
        <p className="toolbar__count" aria-live="polite">
          {query.trim() && list.status === 'ready' ? t('decks:matches', { count: visible.length }) : ''}
        </p>
      </div>

      <Notice notice={notice} onDismiss={() => setNotice(null)} ref={noticeRef} />

      {list.status === 'loading' && <LoadingMessage />}
      {list.status === 'error' && (
        <div className="message message--error" role="alert">
          <p>
            {t('decks:loadFailed')} {errorMessage(t, list.error)}
          </p>
          <button type="button" className="button" onClick={() => setReloadKey((k) => k + 1)}>
            {t('decks:retry')}
          </button>
        </div>
      )}
      {list.status === 'ready' && visible.length === 0 && (
        <p className="empty">{query.trim() ? t('decks:noMatches', { query: query.trim() }) : inTrash ? t('decks:emptyTrash') : t('decks:empty')}</p>
      )}
      {list.status === 'ready' && visible.length > 0 && (
        <ul className="deck-list" aria-labelledby={headingId}>
          {visible.map((deck) => (
            <DeckListItem
              key={deck.id}
              deck={deck}
              inTrash={inTrash}
              relative={relative}
              onShare={(d) => setDialog({ mode: 'share', deck: d })}
              onRename={(d) => setDialog({ mode: 'rename', deck: d })}
              onTrash={(d) => void onTrash(d)}
              onRestore={(d) => void onRestore(d)}
            />
          ))}
        </ul>
      )}

      {dialog?.mode === 'create' && <DeckTitleDialog mode="create" onSubmit={onCreate} onClose={() => setDialog(null)} />}
      {/* A deck made new, from a template or from a file opens in the editor straight away. */}
      {dialog?.mode === 'template' && <TemplateDialog onCreated={(deck) => openDeck(deck.id)} onClose={() => setDialog(null)} />}
      {dialog?.mode === 'import' && <ImportDeckDialog onImported={(deck) => openDeck(deck.id)} onClose={() => setDialog(null)} />}
      {dialog?.mode === 'share' && (
        <Suspense fallback={<LoadingMessage />}>
          <ShareDialog deckId={dialog.deck.id} onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {dialog?.mode === 'rename' && (
        <DeckTitleDialog mode="rename" initialTitle={dialog.deck.title} onSubmit={(title) => onRename(dialog.deck, title)} onClose={() => setDialog(null)} />
      )}
    </div>
  );
}
