/**
 * What several instances share through Redis pub/sub: document updates and editor awareness
 * per open deck, access withdrawals (revoked links, ended sessions, trashed decks), and
 * research changes (so every instance recomputes statistics).
 *
 * Redis carries only notifications: every update is committed to PostgreSQL before it is
 * published, so an instance that missed messages (Redis down, a restart) catches up by
 * reading the store — which is what `resynced` listeners do.
 *
 * Frames are binary: one byte giving the length of the sender's instance id, the id, then
 * the payload (a Yjs update, an awareness update, or JSON), so an instance ignores its own.
 */
import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

const ACCESS_CHANNEL = 'tussenstand:access';
const RESEARCH_CHANNEL = 'tussenstand:research';
const docChannel = (deckId: string): string => `tussenstand:doc:${deckId}`;
const awarenessChannel = (deckId: string): string => `tussenstand:awareness:${deckId}`;

export interface RelayEvents {
  update: [deckId: string, update: Uint8Array];
  awareness: [deckId: string, update: Uint8Array];
  access: [event: string, arg: string];
  research: [];
  /** Redis is back after an outage: open decks must be read again from the store. */
  resynced: [];
}

export class RedisRelay extends EventEmitter<RelayEvents> {
  readonly instanceId = randomBytes(8).toString('hex');
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly decks = new Set<string>();
  private healthyNow = false;
  private everReady = false;
  private lastError: string | null = null;
  private lastLoggedAt = 0;
  private closing = false;

  constructor(
    url: string,
    private readonly logger: Logger,
  ) {
    super();
    this.setMaxListeners(0);
    // No offline queue: while Redis is down a publish fails at once (and is logged) instead
    // of piling up in memory; the store is the source of truth and a resync follows.
    const options = { enableOfflineQueue: false, maxRetriesPerRequest: 1, retryStrategy: (times: number) => Math.min(100 * times, 2_000), lazyConnect: true };
    this.pub = new Redis(url, options);
    this.sub = new Redis(url, { ...options, autoResubscribe: false });
    for (const client of [this.pub, this.sub]) {
      client.on('error', (err: Error) => this.down(err.message));
      client.on('end', () => this.down('connection ended'));
      client.on('close', () => this.down('connection closed'));
    }
    this.sub.on('ready', () => void this.onSubReady());
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.onMessage(channel.toString(), message));
  }

  /** Connects; resolves within a few seconds even if Redis is down (the instance then runs alone until it returns). */
  async start(): Promise<void> {
    await Promise.race([
      Promise.all([this.pub.connect(), this.sub.connect()]).catch((err: Error) => this.down(err.message)),
      new Promise((resolve) => setTimeout(resolve, 3_000)),
    ]);
  }

  /** A command connection for other shared state (the login throttle's counters). */
  get commands(): Redis {
    return this.pub;
  }

  get healthy(): boolean {
    return this.healthyNow && this.pub.status === 'ready' && this.sub.status === 'ready';
  }

  get problem(): string | null {
    return this.healthy ? null : `redis unavailable: ${this.lastError ?? this.sub.status}`;
  }

  private down(reason: string): void {
    if (this.closing) return;
    this.lastError = reason;
    if (this.healthyNow || Date.now() - this.lastLoggedAt > 10_000) {
      this.lastLoggedAt = Date.now();
      this.logger.error({ event: 'redis-down', reason }, 'Redis is unavailable: this instance serves its own clients only until it returns');
    }
    this.healthyNow = false;
  }

  private async onSubReady(): Promise<void> {
    try {
      await this.sub.subscribe(ACCESS_CHANNEL, RESEARCH_CHANNEL, ...[...this.decks].flatMap((d) => [docChannel(d), awarenessChannel(d)]));
      const wasReady = this.everReady;
      this.everReady = true;
      this.healthyNow = true;
      this.lastError = null;
      if (wasReady) {
        this.logger.warn({ event: 'redis-back', decks: this.decks.size }, 'Redis is back; resyncing open decks from the store');
        this.emit('resynced');
      } else {
        this.logger.info({ event: 'redis-ready', instance: this.instanceId }, 'connected to Redis');
      }
    } catch (err) {
      this.down((err as Error).message);
    }
  }

  /** Listens for other instances' changes to a deck; resolves once subscribed (or Redis is down). */
  async attach(deckId: string): Promise<void> {
    this.decks.add(deckId);
    if (this.sub.status !== 'ready') return;
    try {
      await this.sub.subscribe(docChannel(deckId), awarenessChannel(deckId));
    } catch (err) {
      this.down((err as Error).message);
    }
  }

  detach(deckId: string): void {
    this.decks.delete(deckId);
    if (this.sub.status === 'ready') this.sub.unsubscribe(docChannel(deckId), awarenessChannel(deckId)).catch(() => {});
  }

  private frame(payload: Uint8Array | string): Buffer {
    const id = Buffer.from(this.instanceId, 'latin1');
    return Buffer.concat([Buffer.from([id.length]), id, typeof payload === 'string' ? Buffer.from(payload) : Buffer.from(payload.buffer, payload.byteOffset, payload.byteLength)]);
  }

  private publish(channel: string, payload: Uint8Array | string): void {
    if (this.pub.status !== 'ready') {
      this.down(this.lastError ?? 'not connected');
      return;
    }
    this.pub.publish(channel, this.frame(payload)).catch((err: Error) => this.down(err.message));
  }

  publishUpdate(deckId: string, update: Uint8Array): void {
    this.publish(docChannel(deckId), update);
  }

  publishAwareness(deckId: string, update: Uint8Array): void {
    this.publish(awarenessChannel(deckId), update);
  }

  publishAccess(event: string, arg: string): void {
    this.publish(ACCESS_CHANNEL, JSON.stringify({ event, arg }));
  }

  publishResearch(): void {
    this.publish(RESEARCH_CHANNEL, '{}');
  }

  private onMessage(channel: string, message: Buffer): void {
    const idLength = message[0] ?? 0;
    if (message.subarray(1, 1 + idLength).toString('latin1') === this.instanceId) return;
    const payload = new Uint8Array(message.buffer, message.byteOffset + 1 + idLength, message.byteLength - 1 - idLength);
    try {
      if (channel === ACCESS_CHANNEL) {
        const { event, arg } = JSON.parse(Buffer.from(payload).toString()) as { event: string; arg: string };
        this.emit('access', event, arg);
      } else if (channel === RESEARCH_CHANNEL) {
        this.emit('research');
      } else if (channel.startsWith('tussenstand:doc:')) {
        this.emit('update', channel.slice('tussenstand:doc:'.length), payload);
      } else if (channel.startsWith('tussenstand:awareness:')) {
        this.emit('awareness', channel.slice('tussenstand:awareness:'.length), payload);
      }
    } catch (err) {
      this.logger.warn({ event: 'redis-bad-message', channel, err: (err as Error).message }, 'ignored a message from Redis that could not be read');
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
