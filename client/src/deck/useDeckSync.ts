/**
 * Connects one deck's Y.Doc to the sync server and exposes the connection state, a
 * permanent close (with its code), the deck title and, for pages that want them, the
 * slides' plain text, all kept up to date as the document changes.
 *
 * With `offlineCache` (editors only) the document is also kept in IndexedDB, named by deck
 * id: edits made while the server is unreachable survive a reload and are sent when the
 * connection returns (the server merges them like any update). A page opened with a link
 * token never gets a local copy: audience devices must not keep the deck. What it receives is
 * the server's audience document, which has one writer; a copy with two (kept across a
 * server restart, which starts a new one) is thrown away and synced afresh ([AU10]).
 *
 * The Y.Doc and provider are created inside an effect and kept in state: React StrictMode
 * mounts twice in development, and objects made during render would be destroyed by the
 * first cleanup while still in use.
 */
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { listSlides, readMeta, type SlideLayout } from '../../../shared/deckModel.ts';
import { CloseCode } from '../../../shared/closeCodes.ts';
import { fragmentText } from '../../../shared/slideContent.ts';
import { LINK_TOKEN_PARAM, SYNC_PATH } from '../../../shared/syncMessages.ts';
import { offlineCopyName } from './offlineCopies.ts';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting' | 'offline';

export interface SlideSummary {
  id: string;
  layout: SlideLayout;
  text: string;
}

export interface DeckSync {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

export interface DeckSyncOptions {
  /** Keep a copy in IndexedDB (editors only; ignored when a link token is used). */
  offlineCache?: boolean;
  /** Compute `slides` on every change (the editor reads the document itself). Default true. */
  summaries?: boolean;
  /** Publish an awareness state (presence). False for attendees: they send none. Default true. */
  presence?: boolean;
}

export interface DeckSyncState {
  sync: DeckSync | null;
  connection: ConnectionState;
  /** Set once the server closed for good (a 44xx code); the provider no longer retries. */
  closed: { code: number; reason: string } | null;
  /** True once the document has loaded from the server at least once. */
  loaded: boolean;
  /** True once the local copy (if any) has been read into the document. */
  localLoaded: boolean;
  /** Whether this page keeps a local copy. */
  offlineCache: boolean;
  title: string;
  slides: SlideSummary[];
}

export function syncServerUrl(): string {
  return `${window.location.protocol === 'https:' ? 'wss' : 'ws'}://${window.location.host}${SYNC_PATH}`;
}

function readSlides(doc: Y.Doc): SlideSummary[] {
  return listSlides(doc).map((slide) => ({ id: slide.id, layout: slide.layout, text: fragmentText(slide.content) }));
}

export function useDeckSync(deckId: string, params: Record<string, string> = {}, options: DeckSyncOptions = {}): DeckSyncState {
  const [sync, setSync] = useState<DeckSync | null>(null);
  const [status, setStatus] = useState<'connecting' | 'connected' | 'disconnected'>('connecting');
  const [synced, setSynced] = useState(false);
  const [everFailed, setEverFailed] = useState(false);
  const [online, setOnline] = useState(() => navigator.onLine);
  const [closed, setClosed] = useState<DeckSyncState['closed']>(null);
  const [loaded, setLoaded] = useState(false);
  const [localLoaded, setLocalLoaded] = useState(false);
  const [content, setContent] = useState<{ title: string; slides: SlideSummary[] }>({ title: '', slides: [] });
  /** Bumped to start over with a new document (a stale audience copy, see above). */
  const [generation, setGeneration] = useState(0);
  const paramsKey = JSON.stringify(params);
  const offlineCache = options.offlineCache === true && !(LINK_TOKEN_PARAM in params);
  const summaries = options.summaries !== false;
  const presence = options.presence !== false;

  useEffect(() => {
    const doc = new Y.Doc();
    const audience = LINK_TOKEN_PARAM in params;
    const refresh = () => {
      if (audience && doc.store.clients.size > 1) {
        setGeneration((g) => g + 1);
        return;
      }
      const title = readMeta(doc).title;
      // Without summaries only the title is read: typing must not re-render the whole page.
      setContent((previous) => (!summaries && previous.title === title ? previous : { title, slides: summaries ? readSlides(doc) : [] }));
    };
    const onStatus = ({ status: next }: { status: 'connected' | 'disconnected' | 'connecting' }) => setStatus(next);
    const onSync = (isSynced: boolean) => {
      setSynced(isSynced);
      if (isSynced) {
        setLoaded(true);
        refresh();
      }
    };
    const onConnectionClose = () => setEverFailed(true);
    let persistence: IndexeddbPersistence | null = null;
    const onClosed = (event: { code: number; reason: string }) => {
      setClosed({ code: event.code, reason: event.reason });
      // The local copy holds the change the server refused; kept, it would be sent again
      // after every reload and refused again. Reloading starts from the server's state.
      // RATE_LIMITED (4429) keeps the copy: the edits were refused for their pace, not their
      // content, and after a reload the sync step sends what is missing once, well within limits.
      if (event.code === CloseCode.FRAME_TOO_LARGE || event.code === CloseCode.MALFORMED) void persistence?.clearData();
    };

    setStatus('connecting');
    setSynced(false);
    setEverFailed(false);
    setClosed(null);
    setLoaded(false);
    setLocalLoaded(!offlineCache);
    setContent({ title: '', slides: [] });

    // Listeners go on before the socket opens; attached in a later render (an effect that
    // reads `sync` from state) they could miss a fast server's 'connected' and 'sync'.
    doc.on('update', refresh);
    if (offlineCache) {
      persistence = new IndexeddbPersistence(offlineCopyName(deckId), doc);
      persistence.on('synced', () => {
        refresh();
        setLocalLoaded(true);
      });
    }
    const provider = new WebsocketProvider(syncServerUrl(), deckId, doc, {
      disableBc: true,
      connect: false,
      params: JSON.parse(paramsKey) as Record<string, string>,
    });
    if (!presence) provider.awareness.setLocalState(null);
    provider.on('status', onStatus);
    provider.on('sync', onSync);
    provider.on('connection-close', onConnectionClose);
    provider.on('closed', onClosed);
    // Connect on the next tick: StrictMode's immediate unmount then cancels the timer instead
    // of opening a socket only to close it again.
    const connectTimer = window.setTimeout(() => provider.connect(), 0);
    setSync({ doc, provider });

    return () => {
      window.clearTimeout(connectTimer);
      provider.off('status', onStatus);
      provider.off('sync', onSync);
      provider.off('connection-close', onConnectionClose);
      provider.off('closed', onClosed);
      doc.off('update', refresh);
      provider.destroy();
      void persistence?.destroy();
      doc.destroy();
      setSync(null);
    };
  }, [deckId, paramsKey, offlineCache, summaries, presence, generation]);

  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
    };
  }, []);

  let connection: ConnectionState;
  if (closed || !online) connection = 'offline';
  else if (status === 'connected' && synced) connection = 'connected';
  else if (everFailed || loaded) connection = 'reconnecting';
  else connection = 'connecting';

  return { sync, connection, closed, loaded, localLoaded, offlineCache, title: content.title, slides: content.slides };
}
