/**
 * The `/sync/<deckId>` endpoint: the y-websocket protocol, with access control.
 *
 * A refused client is accepted and then closed with a named 44xx code: an HTTP error on the
 * upgrade reaches the browser as a bare 1006, and the y-websocket client retries for ever.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CloseCode, closeCodeName, type CloseCodeName } from '../../shared/closeCodes.ts';
import { DECK_ID_PATTERN } from '../../shared/limits.ts';
import { identifySocket } from '../auth/socketAccess.ts';
import type { AccessBus } from '../events.ts';
import type { Store } from '../storage/Store.ts';
import { closeReasonText } from '../ws/closeReason.ts';
import { Connection, type ConnectionLimits, type Identity } from './Connection.ts';
import { DamagedDeckError, StorageError } from '../errors.ts';
import { handleMessage, MalformedMessage, RateLimited } from './handleMessage.ts';
import { LimitedWebSocket } from '../ws/LimitedWebSocket.ts';
import { closeServer, pingOrTerminate } from '../ws/liveness.ts';
import { armExpiry, closeOnAccessEvents } from '../ws/socketLifecycle.ts';
import { KEEPALIVE_MESSAGE } from './messages.ts';
import type { RoomRegistry } from './RoomRegistry.ts';

export interface SyncServerOptions {
  store: Store;
  logger: Logger;
  registry: RoomRegistry;
  bus: AccessBus;
  maxFrameBytes: number;
  parseCookie: (header: string) => Record<string, string | undefined>;
  /** Silence after which the server sends a keep-alive; the y-websocket client gives up after 30 s. */
  keepaliveAfterMs: number;
  /** Bytes queued for one socket before it is closed as too slow (TOO_SLOW). */
  maxBufferedBytes: number;
  /** Per-socket message rate limits ([LM4]); null turns one off. */
  rateLimits: ConnectionLimits;
}

/** A socket that has not answered a ping within this long is terminated. */
const PING_EVERY_MS = 30_000;

type Admission = { ok: true; identity: Identity; expiresAt: string | null } | { ok: false; code: CloseCodeName; detail?: string };

export class SyncServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly tickTimer: NodeJS.Timeout;
  private lastPing = Date.now();
  private readonly limits: ConnectionLimits;

  constructor(private readonly options: SyncServerOptions) {
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: options.maxFrameBytes,
      perMessageDeflate: false,
      WebSocket: LimitedWebSocket,
    });
    this.limits = options.rateLimits;
    closeOnAccessEvents(
      options.bus,
      () => this.connections,
      (c) => ({ linkToken: c.identity.linkToken, sessionHash: c.identity.sessionHash, userId: c.identity.userId, deckId: c.deckId }),
      (c, name, detail) => c.close(name, detail),
    );
    this.tickTimer = setInterval(() => this.tick(), Math.max(50, Math.floor(options.keepaliveAfterMs / 3)));
    this.tickTimer.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Viewer counts per link label for one deck (the presenter's attendee count). */
  viewerCounts(deckId: string): Record<string, number> {
    return this.options.registry.get(deckId)?.presence.viewerCounts() ?? {};
  }

  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer, deckId: string): void {
    // A socket that errors while we look up credentials must not crash the process.
    socket.on('error', () => socket.destroy());
    void this.admit(req, deckId).then(
      (admission) => this.accept(req, socket, head, deckId, admission),
      (err: unknown) => {
        this.options.logger.error({ event: 'ws-admit-failed', deckId, err }, 'could not check credentials');
        this.accept(req, socket, head, deckId, { ok: false, code: 'STORAGE_UNAVAILABLE' });
      },
    );
  }

  private async admit(req: IncomingMessage, deckId: string): Promise<Admission> {
    const { store } = this.options;
    const access = await identifySocket(req, store, this.options.parseCookie);
    if (!access.ok) return access;
    if (!DECK_ID_PATTERN.test(deckId)) return { ok: false, code: 'NO_SUCH_DECK' };
    if (access.kind === 'link' && access.link.deckId !== deckId) return { ok: false, code: 'FORBIDDEN', detail: 'link is for another deck' };
    const deck = await store.getDeck(deckId);
    if (!deck || deck.trashedAt) return { ok: false, code: 'NO_SUCH_DECK' };
    if (access.kind === 'link') {
      const { link, token } = access;
      return {
        ok: true,
        expiresAt: link.expiresAt,
        identity: { role: 'viewer', userId: null, userName: link.label, sessionHash: null, linkToken: token, linkLabel: link.label },
      };
    }
    const { session } = access;
    return {
      ok: true,
      expiresAt: session.expiresAt,
      identity: { role: 'editor', userId: session.user.id, userName: session.user.displayName, sessionHash: session.tokenHash, linkToken: null, linkLabel: null },
    };
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer, deckId: string, admission: Admission): void {
    const { logger } = this.options;
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      if (!admission.ok) {
        ws.close(CloseCode[admission.code], closeReasonText(admission.code, admission.detail));
        logger.info({ event: 'ws-refused', deckId, code: CloseCode[admission.code], reason: admission.detail ?? admission.code }, 'sync connection refused');
        return;
      }
      this.attach(ws, deckId, admission.identity, admission.expiresAt);
    });
  }

  private attach(ws: WebSocket, deckId: string, identity: Identity, expiresAt: string | null): void {
    const { logger, registry } = this.options;
    const conn = new Connection(ws, deckId, identity, this.options.maxBufferedBytes, this.limits);
    const room = registry.acquire(deckId);
    this.connections.add(conn);
    room.addConnection(conn);
    conn.cancelExpiry = armExpiry(expiresAt, () => conn.close(conn.readOnly ? 'LINK_EXPIRED' : 'NO_CREDENTIALS', conn.readOnly ? undefined : 'session expired'));
    logger.info({ event: 'ws-open', deckId, role: identity.role, user: identity.userId, link: identity.linkLabel, conn: conn.id }, 'sync connection opened');

    room.loaded.catch((err: unknown) => {
      if (err instanceof DamagedDeckError) conn.close('DECK_DAMAGED', 'see server log');
      else conn.close('STORAGE_UNAVAILABLE');
    });

    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (conn.closing) return;
      if (!isBinary) {
        conn.close('MALFORMED', 'text frame');
        return;
      }
      const bytes = toBytes(data);
      try {
        const pending = handleMessage(room, conn, bytes);
        if (pending) {
          // Bounded per socket ([LM5]): past a backlog the socket is paused, not buffered.
          const size = bytes.byteLength;
          conn.queued(size);
          pending.then(
            () => conn.settled(size),
            (err: unknown) => {
              conn.settled(size);
              this.onMessageError(conn, err);
            },
          );
        }
      } catch (err) {
        this.onMessageError(conn, err);
      }
    });
    ws.on('pong', () => {
      conn.alive = true;
    });
    ws.on('error', (err: Error & { code?: string }) => {
      logger.warn({ event: 'ws-error', deckId, conn: conn.id, code: err.code, err: err.message }, 'sync socket error');
    });
    ws.on('close', (code: number, reason: Buffer) => {
      conn.cancelExpiry();
      this.connections.delete(conn);
      room.removeConnection(conn);
      registry.release(room);
      logger.info(
        {
          event: 'ws-close',
          deckId,
          role: identity.role,
          conn: conn.id,
          code,
          codeName: closeCodeName(code),
          reason: reason.toString(),
          ms: Date.now() - conn.openedAt,
          ...(conn.ignoredWrites > 0 ? { ignoredWrites: conn.ignoredWrites } : {}),
        },
        'sync connection closed',
      );
    });
  }

  private onMessageError(conn: Connection, err: unknown): void {
    if (err instanceof StorageError) return; // the room has closed every socket already
    if (err instanceof RateLimited) {
      const limit = err.kind === 'sync' ? this.limits.sync : this.limits.awareness;
      const detail = `more than ${limit?.perSecond ?? '?'} ${err.kind} messages/s (burst ${limit?.burst ?? '?'})`;
      this.options.logger.warn({ event: 'ws-rate-limited', deckId: conn.deckId, conn: conn.id, user: conn.identity.userId, link: conn.identity.linkLabel, kind: err.kind }, 'too many messages; closing that socket');
      conn.close('RATE_LIMITED', detail);
      return;
    }
    const detail = err instanceof MalformedMessage ? err.message : `update rejected: ${(err as Error).message}`;
    this.options.logger.warn({ event: 'ws-malformed', deckId: conn.deckId, conn: conn.id, reason: detail }, 'malformed frame; closing that socket');
    conn.close('MALFORMED', detail.slice(0, 80));
  }

  private tick(): void {
    const now = Date.now();
    const ping = now - this.lastPing >= PING_EVERY_MS;
    if (ping) this.lastPing = now;
    for (const conn of this.connections) {
      if (conn.closing) continue;
      if (now - conn.lastSentAt >= this.options.keepaliveAfterMs) conn.send(KEEPALIVE_MESSAGE);
      if (ping) pingOrTerminate(conn);
    }
  }

  /** Closes every socket with GOING_AWAY (clients reconnect elsewhere or later). */
  async close(): Promise<void> {
    clearInterval(this.tickTimer);
    for (const conn of this.connections) conn.close('GOING_AWAY');
    await closeServer(this.wss);
  }
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
