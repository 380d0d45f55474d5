/**
 * A real y-websocket 3 client in Node, as a browser tab would run it, with the session
 * cookie or a link token. Used by every sync test.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SYNC_PATH } from '../../shared/syncMessages.ts';

export interface YClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Resolves on the first sync with the server. */
  synced: Promise<void>;
  /** Resolves with the first close the server sent. */
  closed: Promise<{ code: number; reason: string }>;
  destroy(): void;
}

export interface YClientOptions {
  cookie?: string | null;
  token?: string;
  doc?: Y.Doc;
  connect?: boolean;
  headers?: Record<string, string>;
}

export function connectClient(wsUrl: string, deckId: string, options: YClientOptions = {}): YClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers };
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers });
    }
  }
  const provider = new WebsocketProvider(`${wsUrl}${SYNC_PATH}`, deckId, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    params: options.token ? { token: options.token } : {},
    disableBc: true,
    connect: options.connect ?? true,
  });
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve();
    provider.on('sync', (isSynced: boolean) => {
      if (isSynced) resolve();
    });
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event) resolve({ code: event.code, reason: event.reason });
    });
  });
  return {
    doc,
    provider,
    synced,
    closed,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes or the timeout runs out (then throws its last error). */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      await check();
      return;
    } catch (err) {
      lastError = err;
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw lastError;
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
