/**
 * Real y-websocket 3 clients in this process (as test/helpers/yClient.ts makes them), against
 * either server. Benchmark clients publish no awareness state unless asked: attendees send
 * none in the real client (useDeckSync `presence: false`), and on the reference server every
 * awareness renewal of every client is broadcast to every client, which would measure
 * awareness traffic rather than document fan-out.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { SYNC_PATH } from '../shared/syncMessages.ts';
import { createDeck, createLink, type OurServer, type RunningServer } from './servers.ts';

// The y-websocket client's resync path uses the global (stack notes).
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
// Every WebsocketProvider adds a process 'exit' listener; a thousand clients are intended.
process.setMaxListeners(0);

export interface Auth {
  cookie?: string | null;
  token?: string;
}

/** A deck on our server (editor cookie and audience link), or a room on the reference. */
export interface Room {
  server: RunningServer;
  name: string;
  editor: Auth;
  viewer: Auth;
}

let roomCounter = 0;

export async function openRoom(server: RunningServer, title = 'Bench deck'): Promise<Room> {
  if (server.kind === 'ours') {
    const ours = server as OurServer;
    const deckId = await createDeck(ours.api, title);
    const token = await createLink(ours.api, deckId);
    return { server, name: deckId, editor: { cookie: ours.api.cookie }, viewer: { token } };
  }
  roomCounter++;
  return { server, name: `bench-${process.pid}-${roomCounter}-${Math.random().toString(36).slice(2, 8)}`, editor: {}, viewer: {} };
}

export interface BenchClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  synced: Promise<void>;
  /** How often the socket opened (1 = never reconnected). */
  opens: number;
  destroy(): void;
}

export interface ConnectOptions {
  /** Awareness state to publish; null (default) publishes none. */
  awareness?: Record<string, unknown> | null;
  doc?: Y.Doc;
}

export function connectY(room: Room, auth: Auth, options: ConnectOptions = {}): BenchClient {
  const doc = options.doc ?? new Y.Doc();
  const headers: Record<string, string> = auth.cookie ? { cookie: auth.cookie } : {};
  class HeaderWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers, perMessageDeflate: false });
    }
  }
  const base = room.server.kind === 'ours' ? `${room.server.wsUrl}${SYNC_PATH}` : room.server.wsUrl;
  const provider = new WebsocketProvider(base, room.name, doc, {
    WebSocketPolyfill: HeaderWebSocket as unknown as typeof globalThis.WebSocket,
    params: auth.token ? { token: auth.token } : {},
    disableBc: true,
    connect: false,
  });
  provider.awareness.setLocalState(options.awareness ?? null);
  const client: BenchClient = {
    doc,
    provider,
    opens: 0,
    synced: new Promise<void>((resolve) => {
      provider.on('sync', (isSynced: boolean) => {
        if (isSynced) resolve();
      });
    }),
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') client.opens++;
  });
  provider.connect();
  return client;
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: timed out after ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Connects `count` clients, `batch` at a time, each batch synced before the next starts. */
export async function connectMany(count: number, make: () => BenchClient, batch = 50): Promise<BenchClient[]> {
  const clients: BenchClient[] = [];
  try {
    while (clients.length < count) {
      const group = Array.from({ length: Math.min(batch, count - clients.length) }, make);
      clients.push(...group);
      await withTimeout(Promise.all(group.map((c) => c.synced)), 60_000, `syncing ${clients.length} of ${count} clients`);
    }
  } catch (err) {
    destroyAll(clients);
    throw err;
  }
  return clients;
}

export function destroyAll(clients: readonly BenchClient[]): void {
  for (const c of clients) c.destroy();
}

/** Resolves once every client has an open, synced socket (after a watchdog reconnect, say). */
export async function allConnected(clients: readonly BenchClient[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (clients.some((c) => !c.provider.wsconnected || !c.provider.synced)) {
    if (Date.now() > deadline) throw new Error('clients did not reconnect');
    await sleep(20);
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Lets pending socket events run (the readers live in this process). */
export const yieldToEvents = (): Promise<void> => new Promise((r) => setImmediate(r));

/** A promise with its resolve function (Promise.withResolvers is Node 22). */
export function deferred<T = void>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
