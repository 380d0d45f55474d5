/**
 * Live statistics over the `/stats` websocket: one shared socket per page (per credential:
 * the session cookie, or one audience link token), reference-counted subscriptions and
 * automatic reconnection with backoff.
 *
 * - A key is subscribed when the first chart needs it and unsubscribed when the last one
 *   lets go. Changes are sent once per microtask as the net difference, so a component that
 *   unmounts and mounts again in the same tick (React StrictMode) costs no messages.
 * - On reconnect every wanted key is subscribed again (the server answers each with its
 *   current value). A 44xx close is permanent: the client stops and reports it.
 * - Every frame from the server is validated with StatsServerMessage; anything else is ignored.
 * - The socket opens with the first key and closes a little after the last key is released.
 *
 * The socket and timers are injectable so the logic can be tested without a server. The
 * page's shared clients are in statsRegistry.ts, the React hook in useStat.ts.
 */
import { isPermanentClose } from '../../../shared/closeCodes.ts';
import type { StatValue } from '../../../shared/statsCatalogue.ts';
import { MAX_SUBSCRIBE_KEYS, StatsServerMessage, type StatsClientMessage } from '../../../shared/statsMessages.ts';

export type StatsStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface StatState {
  value: StatValue | null;
  updatedAt: string | null;
  /** The server's message when it refused this key (unknown, or not shown by the link's deck). */
  error: string | null;
  status: StatsStatus;
  /** The close code when status is 'closed' (a 44xx refusal), else null. */
  closeCode: number | null;
  /**
   * True when `value` is the server's stored last known value (GET /api/stats/:key), put
   * here because no live value came in time ([ST11]); `updatedAt` is then its date. A live
   * value replaces it.
   */
  stored: boolean;
}

/** The part of the browser WebSocket the client uses. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener(type: 'open' | 'error', listener: () => void): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  addEventListener(type: 'close', listener: (event: { code: number; reason: string }) => void): void;
}

export interface StatsClientOptions {
  createSocket?: (url: string) => SocketLike;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  /** 0 ≤ random() < 1, for backoff jitter. */
  random?: () => number;
  /** How long the socket stays open after the last key is released. */
  idleCloseMs?: number;
}

const OPEN = 1;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 15_000;
const DEFAULT_IDLE_CLOSE_MS = 5_000;

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with ±25 % jitter. */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(attempt, 10));
  return Math.round(base * (0.75 + random() * 0.5));
}

interface Entry {
  /** How many users want this key. */
  count: number;
  state: StatState;
}

type Listener = () => void;

export function initialState(status: StatsStatus, closeCode: number | null): StatState {
  return { value: null, updatedAt: null, error: null, status, closeCode, stored: false };
}

export class StatsClient {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Map<string, Set<Listener>>();
  /** Keys the server has been asked for on the current socket. */
  private serverKeys = new Set<string>();
  private socket: SocketLike | null = null;
  private status: StatsStatus = 'idle';
  private closeCode: number | null = null;
  private attempt = 0;
  private reconnectTimer: unknown = null;
  private idleTimer: unknown = null;
  private flushQueued = false;
  private readonly createSocket: (url: string) => SocketLike;
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly random: () => number;
  private readonly idleCloseMs: number;

  constructor(
    private readonly url: string,
    options: StatsClientOptions = {},
  ) {
    this.createSocket = options.createSocket ?? ((u) => new WebSocket(u) as unknown as SocketLike);
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.random = options.random ?? Math.random;
    this.idleCloseMs = options.idleCloseMs ?? DEFAULT_IDLE_CLOSE_MS;
  }

  /** Start wanting `key`; returns the release function (call it exactly once). */
  retain(key: string): () => void {
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { count: 0, state: initialState(this.connectionStatus(), this.closeCode) };
      this.entries.set(key, entry);
    }
    entry.count += 1;
    this.wantSocket();
    this.queueFlush();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release(key);
    };
  }

  /** Listen for changes of one key's state (value, error or connection status). */
  listen(key: string, listener: Listener): () => void {
    let set = this.listeners.get(key);
    if (!set) {
      set = new Set();
      this.listeners.set(key, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(key) === set) this.listeners.delete(key);
    };
  }

  /** The current state of a key; the same object until something about it changes. */
  get(key: string): StatState {
    return this.entries.get(key)?.state ?? this.placeholder();
  }

  /**
   * Draw `key` from its stored last known value (the print page's fallback, [ST11]); ignored
   * when a live value has arrived meanwhile or nobody wants the key.
   */
  takeStored(snapshot: { key: string; value: StatValue; updatedAt: string }): void {
    const entry = this.entries.get(snapshot.key);
    if (!entry || entry.count === 0 || (entry.state.value !== null && !entry.state.stored)) return;
    entry.state = { ...entry.state, value: snapshot.value, updatedAt: snapshot.updatedAt, error: null, stored: true };
    this.notify(snapshot.key);
  }

  /** Keys with at least one user. */
  wantedKeys(): string[] {
    return [...this.entries.entries()].filter(([, e]) => e.count > 0).map(([k]) => k);
  }

  get connectionState(): { status: StatsStatus; closeCode: number | null } {
    return { status: this.status, closeCode: this.closeCode };
  }

  /** The network is back: reconnect now instead of waiting out the backoff. */
  retryNow(): void {
    if (this.reconnectTimer === null || this.socket) return;
    this.clearTimer(this.reconnectTimer);
    this.reconnectTimer = null;
    this.attempt = 0;
    if (this.wantedKeys().length > 0) this.connect();
  }

  /** Close the socket for good (page teardown, tests). */
  dispose(): void {
    this.clearTimer(this.reconnectTimer);
    this.clearTimer(this.idleTimer);
    this.reconnectTimer = this.idleTimer = null;
    this.dropSocket();
    this.setStatus('idle');
  }

  private placeholderState: StatState | null = null;
  private placeholder(): StatState {
    const s = this.placeholderState;
    if (s && s.status === this.connectionStatus() && s.closeCode === this.closeCode) return s;
    this.placeholderState = initialState(this.connectionStatus(), this.closeCode);
    return this.placeholderState;
  }

  private connectionStatus(): StatsStatus {
    return this.status;
  }

  private release(key: string): void {
    const entry = this.entries.get(key);
    if (!entry || entry.count === 0) return;
    entry.count -= 1;
    this.queueFlush();
  }

  private queueFlush(): void {
    if (this.flushQueued) return;
    this.flushQueued = true;
    queueMicrotask(() => {
      this.flushQueued = false;
      this.flush();
    });
  }

  /** Send the net difference between what is wanted and what the server was asked for. */
  private flush(): void {
    const wanted = new Set(this.wantedKeys());
    // Forget keys nobody wants: their values would go stale without a subscription.
    for (const [key, entry] of this.entries) if (entry.count === 0) this.entries.delete(key);
    if (wanted.size === 0) this.scheduleIdleClose();
    const socket = this.socket;
    if (!socket || socket.readyState !== OPEN) return;
    const add = [...wanted].filter((k) => !this.serverKeys.has(k));
    const remove = [...this.serverKeys].filter((k) => !wanted.has(k));
    for (const k of add) this.serverKeys.add(k);
    for (const k of remove) this.serverKeys.delete(k);
    this.sendKeys(socket, 'unsubscribe', remove);
    this.sendKeys(socket, 'subscribe', add);
  }

  private sendKeys(socket: SocketLike, type: StatsClientMessage['type'], keys: string[]): void {
    for (let i = 0; i < keys.length; i += MAX_SUBSCRIBE_KEYS) {
      const message: StatsClientMessage = { type, keys: keys.slice(i, i + MAX_SUBSCRIBE_KEYS) };
      try {
        socket.send(JSON.stringify(message));
      } catch {
        // The socket is closing; its close handler reconnects and resubscribes.
      }
    }
  }

  private wantSocket(): void {
    this.clearTimer(this.idleTimer);
    this.idleTimer = null;
    if (this.socket || this.reconnectTimer !== null || this.status === 'closed') return;
    this.connect();
  }

  private scheduleIdleClose(): void {
    if (this.idleTimer !== null || (!this.socket && this.reconnectTimer === null)) return;
    this.idleTimer = this.setTimer(() => {
      this.idleTimer = null;
      if (this.wantedKeys().length > 0) return;
      this.clearTimer(this.reconnectTimer);
      this.reconnectTimer = null;
      this.dropSocket();
      this.attempt = 0;
      this.setStatus('idle');
    }, this.idleCloseMs);
  }

  private connect(): void {
    this.setStatus(this.attempt === 0 ? 'connecting' : 'reconnecting');
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    this.serverKeys = new Set();
    // Every handler first checks that this is still the current socket: a dropped socket's
    // late events are ignored.
    socket.addEventListener('open', () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setStatus('open');
      this.flush();
    });
    socket.addEventListener('message', (event) => {
      if (this.socket === socket) this.receive(event.data);
    });
    socket.addEventListener('close', (event) => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.serverKeys = new Set();
      if (isPermanentClose(event.code)) {
        this.closeCode = event.code;
        this.setStatus('closed');
        return;
      }
      if (this.wantedKeys().length === 0) {
        this.attempt = 0;
        this.setStatus('idle');
        return;
      }
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    this.setStatus('reconnecting');
    const delay = backoffDelay(this.attempt, this.random);
    this.attempt += 1;
    this.reconnectTimer = this.setTimer(() => {
      this.reconnectTimer = null;
      if (this.wantedKeys().length > 0 && !this.socket) this.connect();
      else if (!this.socket) this.setStatus('idle');
    }, delay);
  }

  private dropSocket(): void {
    const socket = this.socket;
    this.socket = null;
    this.serverKeys = new Set();
    if (!socket) return;
    try {
      socket.close(1000, 'no charts');
    } catch {
      // Already closed.
    }
  }

  private receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = StatsServerMessage.safeParse(json);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'stat') {
      const entry = this.entries.get(message.key);
      if (!entry || entry.count === 0) return;
      entry.state = { ...entry.state, value: message.value, updatedAt: message.updatedAt, error: null, stored: false };
      this.notify(message.key);
    } else if (message.key !== undefined) {
      const entry = this.entries.get(message.key);
      if (!entry) return;
      entry.state = { ...entry.state, error: message.message };
      this.notify(message.key);
    }
  }

  private setStatus(status: StatsStatus): void {
    if (this.status === status) return;
    this.status = status;
    for (const [key, entry] of this.entries) {
      entry.state = { ...entry.state, status, closeCode: status === 'closed' ? this.closeCode : null };
      this.notify(key);
    }
  }

  private notify(key: string): void {
    const set = this.listeners.get(key);
    if (set) for (const listener of set) listener();
  }
}
