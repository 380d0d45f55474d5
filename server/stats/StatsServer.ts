/**
 * The `/stats` websocket: live statistics for charts. Editors (session cookie) may subscribe
 * to any statistic; an audience link token only to those the charts on the slides its
 * audience has been shown display ([AU6]), and loses a subscription the moment its slide is
 * no longer theirs. A value is sent on subscribe and again whenever it changes, and only then.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.ts';
import { STAT_KEYS } from '../../shared/statsCatalogue.ts';
import { describeStatsIssue, StatsClientMessage, type StatsServerMessage } from '../../shared/statsMessages.ts';
import { identifySocket } from '../auth/socketAccess.ts';
import type { AccessBus } from '../events.ts';
import type { Store } from '../storage/Store.ts';
import { closeReasonText } from '../ws/closeReason.ts';
import { LimitedWebSocket } from '../ws/LimitedWebSocket.ts';
import { closeServer, pingOrTerminate } from '../ws/liveness.ts';
import { armExpiry, closeOnAccessEvents, closeWithGrace, sendUnlessSlow } from '../ws/socketLifecycle.ts';
import { bucketFor, type RateLimit, type TokenBucket } from '../ws/rateLimit.ts';
import type { StatsHub, StatSnapshot } from './StatsHub.ts';

/** Subscribe messages are tiny; anything larger is not one. */
const MAX_STATS_FRAME_BYTES = 16 * 1024;
const PING_EVERY_MS = 30_000;

interface StatsConnection {
  ws: WebSocket;
  keys: Set<string>;
  /** Set for audience links: the deck whose charts bound what may be subscribed. */
  deckId: string | null;
  linkToken: string | null;
  sessionHash: string | null;
  userId: string | null;
  /** When the audience link stops working. */
  expiresAt: string | null;
  alive: boolean;
  closing: boolean;
  /** Messages this socket may still send ([ST6]); null when the limit is off. */
  bucket: TokenBucket | null;
}

export interface StatsServerOptions {
  store: Store;
  logger: Logger;
  bus: AccessBus;
  hub: StatsHub;
  /** The live statistics a deck's audience may see now (its document's charts, [AU6]). */
  audienceStatKeys: (deckId: string) => Promise<ReadonlySet<string>>;
  parseCookie: (header: string) => Record<string, string | undefined>;
  /** Per-socket message rate limit ([ST6]); null turns it off. */
  rateLimit: RateLimit | null;
  /** Bytes queued for one socket before it is closed as too slow (TOO_SLOW). */
  maxBufferedBytes: number;
}

type Admission = { ok: true; conn: Omit<StatsConnection, 'ws' | 'keys' | 'alive' | 'closing' | 'bucket'> } | { ok: false; code: CloseCodeName; detail?: string };

export class StatsServer {
  private readonly wss = new WebSocketServer({ noServer: true, maxPayload: MAX_STATS_FRAME_BYTES, perMessageDeflate: false, WebSocket: LimitedWebSocket });
  private readonly connections = new Set<StatsConnection>();
  private readonly pingTimer: NodeJS.Timeout;
  private readonly rateLimit: RateLimit | null;

  constructor(private readonly options: StatsServerOptions) {
    this.rateLimit = options.rateLimit;
    const { bus, hub } = options;
    hub.on('changed', (stats) => this.push(stats));
    closeOnAccessEvents(bus, () => this.connections, (c) => c, (c, name, detail) => this.closeConnection(c, name, detail));
    this.pingTimer = setInterval(() => this.ping(), PING_EVERY_MS);
    this.pingTimer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    void this.admit(req).then(
      (admission) => this.accept(req, socket, head, admission),
      (err: unknown) => {
        this.options.logger.error({ event: 'stats-admit-failed', err }, 'could not check credentials');
        this.accept(req, socket, head, { ok: false, code: 'STORAGE_UNAVAILABLE' });
      },
    );
  }

  private async admit(req: IncomingMessage): Promise<Admission> {
    const { store } = this.options;
    const access = await identifySocket(req, store, this.options.parseCookie);
    if (!access.ok) return access;
    if (access.kind === 'link') {
      const deck = await store.getDeck(access.link.deckId);
      if (!deck || deck.trashedAt) return { ok: false, code: 'NO_SUCH_DECK' };
      return { ok: true, conn: { deckId: deck.id, linkToken: access.token, sessionHash: null, userId: null, expiresAt: access.link.expiresAt } };
    }
    const { session } = access;
    return { ok: true, conn: { deckId: null, linkToken: null, sessionHash: session.tokenHash, userId: session.user.id, expiresAt: session.expiresAt } };
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer, admission: Admission): void {
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!admission.ok) {
        ws.close(CloseCode[admission.code], closeReasonText(admission.code, admission.detail));
        this.options.logger.info({ event: 'stats-refused', code: CloseCode[admission.code] }, 'stats connection refused');
        return;
      }
      const conn: StatsConnection = { ...admission.conn, ws, keys: new Set(), alive: true, closing: false, bucket: bucketFor(this.rateLimit) };
      this.connections.add(conn);
      ws.on('message', (data: RawData, isBinary: boolean) => void this.onMessage(conn, data, isBinary));
      ws.on('pong', () => (conn.alive = true));
      ws.on('error', () => {});
      const cancelExpiry = armExpiry(conn.expiresAt, () => this.closeConnection(conn, conn.linkToken ? 'LINK_EXPIRED' : 'NO_CREDENTIALS'));
      ws.on('close', () => {
        cancelExpiry();
        this.connections.delete(conn);
      });
    });
  }

  private async onMessage(conn: StatsConnection, data: RawData, isBinary: boolean): Promise<void> {
    if (conn.closing) return;
    // Counted before parsing: each subscribe may read a deck's document, so a flood is cut
    // before it queues that work.
    if (conn.bucket && !conn.bucket.take()) {
      const limit = this.rateLimit!;
      this.options.logger.warn({ event: 'stats-rate-limited', user: conn.userId, deckId: conn.deckId }, 'too many stats messages; closing that socket');
      this.closeConnection(conn, 'RATE_LIMITED', `more than ${limit.perSecond} messages/s (burst ${limit.burst})`);
      return;
    }
    let message: StatsClientMessage;
    try {
      if (isBinary) throw new Error('binary frame');
      const parsed = StatsClientMessage.safeParse(JSON.parse(String(data)));
      if (!parsed.success) throw new Error(describeStatsIssue(parsed.error));
      message = parsed.data;
    } catch (err) {
      this.closeConnection(conn, 'MALFORMED', (err as Error).message.slice(0, 60));
      return;
    }
    if (message.type === 'unsubscribe') {
      for (const key of message.keys) conn.keys.delete(key);
      return;
    }
    const allowed = conn.deckId ? await this.keysShownBy(conn.deckId) : null;
    if (conn.closing) return;
    await this.options.hub.ready;
    for (const key of message.keys) {
      if (!STAT_KEYS.has(key)) this.send(conn, { type: 'error', key, message: 'unknown statistic' });
      else if (allowed && !allowed.has(key)) this.send(conn, { type: 'error', key, message: 'no slide shown to this audience shows that statistic' });
      else {
        conn.keys.add(key);
        const current = this.options.hub.get(key);
        if (current) this.send(conn, { type: 'stat', ...current });
      }
    }
  }

  /** Statistics the deck's audience may see now; none when the deck cannot be read. */
  private async keysShownBy(deckId: string): Promise<ReadonlySet<string>> {
    try {
      return await this.options.audienceStatKeys(deckId);
    } catch {
      return new Set();
    }
  }

  /** The statistics a deck's audience may see changed: audience subscriptions to others end ([AU6]). */
  audienceKeysChanged(deckId: string, keys: ReadonlySet<string>): void {
    for (const conn of this.connections) {
      if (conn.deckId !== deckId) continue;
      for (const key of conn.keys) if (!keys.has(key)) conn.keys.delete(key);
    }
  }

  private push(stats: StatSnapshot[]): void {
    for (const stat of stats) {
      const frame = JSON.stringify({ type: 'stat', ...stat } satisfies StatsServerMessage);
      for (const conn of this.connections) if (conn.keys.has(stat.key)) this.sendFrame(conn, frame);
    }
  }

  private send(conn: StatsConnection, message: StatsServerMessage): void {
    this.sendFrame(conn, JSON.stringify(message));
  }

  /** A socket that does not read its pushes is cut (TOO_SLOW), as on /sync, not buffered for. */
  private sendFrame(conn: StatsConnection, frame: string): void {
    if (!conn.closing) sendUnlessSlow(conn.ws, frame, this.options.maxBufferedBytes, () => this.closeConnection(conn, 'TOO_SLOW'));
  }

  private closeConnection(conn: StatsConnection, code: CloseCodeName, detail?: string): void {
    if (conn.closing) return;
    conn.closing = true;
    closeWithGrace(conn.ws, code, detail);
  }

  private ping(): void {
    for (const conn of this.connections) pingOrTerminate(conn);
  }

  async close(): Promise<void> {
    clearInterval(this.pingTimer);
    for (const conn of this.connections) this.closeConnection(conn, 'GOING_AWAY');
    await closeServer(this.wss);
  }
}
