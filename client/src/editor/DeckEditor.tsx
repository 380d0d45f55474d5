/**
 * One open deck: connects it (with a local copy for offline work), waits until there is a
 * document to show (from the server, or from this device while the server is unreachable),
 * then lays out header, sorter and the selected slide.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { readMeta, slideIds, writeMeta } from '../../../shared/deckModel.ts';
import type { UserInfo } from '../../../shared/api.ts';
import { LoadingMessage } from '../components/LoadingMessage.tsx';
import { Notice, type NoticeData } from '../components/Notice.tsx';
import { ClosedMessage } from '../deck/ClosedMessage.tsx';
import { useDeckSync, type DeckSyncState } from '../deck/useDeckSync.ts';
import { useDocumentTitle } from '../hooks/useDocumentTitle.ts';
import { EditorHeader } from './EditorHeader.tsx';
import { SlideSorter } from './SlideSorter.tsx';
import { SlideWorkspace } from './SlideWorkspace.tsx';
import { DeckChromeProvider } from '../deck/DeckChrome.tsx';
import { useDeckChromeOf, useDeckMeta, useSlide, useSlideIds } from './useDeckDoc.ts';
import { usePeers, usePublishPresence } from './usePresence.ts';
import { useSlideUndo } from './useSlideUndo.ts';
import { colorForUser } from './userColor.ts';

const NO_PARAMS: Record<string, string> = {};

export interface DeckEditorProps {
  deckId: string;
  /** The title from the deck list, shown until the document has one. */
  fallbackTitle: string;
  user: UserInfo;
  /** The server could not be reached when the page opened. */
  openedOffline: boolean;
  /** Put the cursor in the first slide's title once it is shown (a deck just made). */
  cursorInTitle?: boolean;
  onCursorPlaced?: () => void;
}

export function DeckEditor({ deckId, fallbackTitle, user, openedOffline, cursorInTitle = false, onCursorPlaced }: DeckEditorProps) {
  const { t } = useTranslation();
  const live = useDeckSync(deckId, NO_PARAMS, { offlineCache: true, summaries: false });
  useDocumentTitle(live.title || fallbackTitle || null);

  if (!live.sync) return <LoadingMessage text={t('editor:loading')} />;
  const { doc } = live.sync;
  const fromDevice = live.localLoaded && (slideIds(doc).length > 0 || readMeta(doc).title !== '');
  if (!live.loaded && !fromDevice) {
    if (live.closed) return <ClosedMessage code={live.closed.code} reason={live.closed.reason} />;
    if (live.localLoaded && (openedOffline || live.connection === 'reconnecting' || live.connection === 'offline')) {
      return (
        <div className="message message--info" role="status">
          <p>{t('editor:notAvailableOffline')}</p>
        </div>
      );
    }
    return <LoadingMessage text={t('editor:loading')} />;
  }
  return (
    <EditorLayout
      deckId={deckId}
      doc={doc}
      provider={live.sync.provider}
      live={live}
      user={user}
      fallbackTitle={fallbackTitle}
      cursorInTitle={cursorInTitle}
      onCursorPlaced={onCursorPlaced}
    />
  );
}

interface EditorLayoutProps {
  deckId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  live: DeckSyncState;
  user: UserInfo;
  fallbackTitle: string;
  cursorInTitle: boolean;
  onCursorPlaced?: () => void;
}

function EditorLayout({ deckId, doc, provider, live, user, fallbackTitle, cursorInTitle, onCursorPlaced }: EditorLayoutProps) {
  const { t } = useTranslation();
  const ids = useSlideIds(doc);
  const meta = useDeckMeta(doc);
  const chrome = useDeckChromeOf(doc);
  const peers = usePeers(provider);
  const editable = live.closed === null;
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState<NoticeData | null>(null);
  const lastIndex = useRef(0);
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(null), 10_000);
    return () => window.clearTimeout(timer);
  }, [notice]);
  const focusEditor = useRef<() => void>(null);

  // The chosen slide, or, once it is gone (deleted here or elsewhere), the one now in its place.
  const selected = chosen && ids.includes(chosen) ? chosen : (ids[Math.min(lastIndex.current, ids.length - 1)] ?? null);
  const selectedIndex = selected ? ids.indexOf(selected) : -1;
  useEffect(() => {
    if (selectedIndex >= 0) lastIndex.current = selectedIndex;
  }, [selectedIndex]);

  const caretUser = useMemo(() => ({ id: user.id, name: user.displayName, color: colorForUser(user.id) }), [user.displayName, user.id]);
  usePublishPresence(provider, caretUser, selected);
  const undo = useSlideUndo(doc, selected, setChosen);
  const slide = useSlide(doc, selected);

  // Working from this device's copy because the server could not be reached (not merely still connecting).
  const workingFromDevice = !live.loaded && live.connection !== 'connecting';
  return (
    <div className="editor">
      <EditorHeader
        deckId={deckId}
        doc={doc}
        title={meta.title || fallbackTitle}
        theme={meta.theme}
        peers={peers}
        connection={live.connection}
        savedLocally={live.offlineCache && live.localLoaded && !live.closed}
        editable={editable}
        selectedSlideId={selected}
        onTheme={(theme) => writeMeta(doc, { theme })}
        language={meta.language}
        onLanguage={(language) => writeMeta(doc, { language })}
      />
      {live.closed && (
        <div className="editor__banner">
          <ClosedMessage code={live.closed.code} reason={live.closed.reason} />
          <p className="editor__banner-note">{t('editor:readOnlyClosed')}</p>
        </div>
      )}
      {!live.closed && workingFromDevice && (
        <div className="editor__banner">
          <div className="message message--info" role="status">
            <p>{t('editor:offlineOpened')}</p>
          </div>
        </div>
      )}
      <DeckChromeProvider chrome={chrome}>
        <div className="editor__body">
          <SlideSorter
            doc={doc}
            ids={ids}
            selectedId={selected}
            theme={meta.theme}
            language={meta.language}
            peers={peers}
            undo={undo}
            editable={editable}
            onSelect={setChosen}
            onEdit={() => focusEditor.current?.()}
            onDeleted={(number) =>
              setNotice({
                id: Date.now(),
                text: t('editor:sorter.deleted', { number }),
                action: {
                  label: t('editor:sorter.undoDelete'),
                  run: () => {
                    undo.undo();
                    setNotice(null);
                  },
                },
              })
            }
          />
          {slide ? (
            <SlideWorkspace
              // A new deck language redraws the slide editor: its image boxes are plain DOM drawn once.
              key={`${slide.id}:${meta.language}`}
              focusRef={focusEditor}
              deckId={deckId}
              doc={doc}
              provider={provider}
              slide={slide}
              number={selectedIndex + 1}
              theme={meta.theme}
              language={meta.language}
              user={caretUser}
              editable={editable}
              undo={undo}
              cursorInTitle={cursorInTitle && selectedIndex === 0 && editable}
              onCursorPlaced={onCursorPlaced}
            />
          ) : (
            <div className="workspace workspace--empty">
              <p>{t('editor:noSlideSelected')}</p>
            </div>
          )}
        </div>
      </DeckChromeProvider>
      <div className="editor__notice">
        <Notice notice={notice} onDismiss={() => setNotice(null)} />
      </div>
    </div>
  );
}
