/**
 * The decks open in this process: creates a room on first use, unloads it when it has been
 * idle, and schedules compaction off the hot path.
 */
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import type { RedisRelay } from '../cluster/RedisRelay.ts';
import type { Store } from '../storage/Store.ts';
import { DeckRoom } from './DeckRoom.ts';
import { compactDeck } from './compaction.ts';

export interface RegistryOptions {
  store: Store;
  logger: Logger;
  /** Redis relay when several instances serve the same decks; null for one instance. */
  relay: RedisRelay | null;
  compactAfterUpdates: number;
  idleUnloadMs: number;
}

/** A room unloaded with at least this many uncompacted updates is compacted on the way out. */
const COMPACT_ON_UNLOAD = 50;

export class RoomRegistry {
  private readonly rooms = new Map<string, DeckRoom>();
  /** Rooms being unloaded: a new room for the same deck loads only after they flushed. */
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly compacting = new Set<string>();
  /** Told after every stored change to a deck (automatic versions hang off this). */
  onEdited: (deckId: string) => void = () => {};
  /** Told when the live statistics a deck's audience may see change (the stats socket prunes). */
  onAudienceStatKeys: (deckId: string, keys: ReadonlySet<string>) => void = () => {};

  constructor(private readonly options: RegistryOptions) {
    const { relay } = options;
    if (relay) {
      relay.on('update', (deckId, update) => void this.rooms.get(deckId)?.applyRemoteUpdate(update).catch(() => {}));
      relay.on('awareness', (deckId, update) => {
        try {
          this.rooms.get(deckId)?.presence.applyRemote(update);
        } catch (err) {
          options.logger.warn({ event: 'remote-awareness-failed', deckId, err: (err as Error).message }, 'ignored unreadable awareness from another instance');
        }
      });
      relay.on('resynced', () => {
        for (const room of this.rooms.values()) void room.resync().catch(() => {});
      });
    }
  }

  get size(): number {
    return this.rooms.size;
  }

  get(deckId: string): DeckRoom | undefined {
    return this.rooms.get(deckId);
  }

  all(): IterableIterator<DeckRoom> {
    return this.rooms.values();
  }

  acquire(deckId: string): DeckRoom {
    const existing = this.rooms.get(deckId);
    if (existing) return existing;
    const room = new DeckRoom(deckId, {
      store: this.options.store,
      logger: this.options.logger,
      previous: this.unloading.get(deckId) ?? Promise.resolve(),
      relay: this.options.relay,
      onCommitted: (r, count) => {
        this.onEdited(r.deckId);
        if (count >= this.options.compactAfterUpdates) this.scheduleCompaction(r);
      },
      onFailed: (r) => this.drop(r),
      onAudienceStatKeys: (r, keys) => this.onAudienceStatKeys(r.deckId, keys),
    });
    this.rooms.set(deckId, room);
    // A room that fails to load is dropped so that the next connection tries again.
    room.loaded.catch(() => this.drop(room));
    return room;
  }

  /** Called when a socket leaves: a room with no sockets is unloaded after the idle period. */
  release(room: DeckRoom): void {
    if (room.connections.size > 0 || this.rooms.get(room.deckId) !== room) return;
    clearTimeout(room.unloadTimer);
    room.unloadTimer = setTimeout(() => void this.unload(room), this.options.idleUnloadMs);
    room.unloadTimer.unref();
  }

  /** Runs a server-side change on a deck, loading it if needed and releasing it afterwards. */
  async change(deckId: string, change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    const room = this.acquire(deckId);
    try {
      await room.loaded;
      await room.applyServerChange(change, userId);
    } finally {
      this.release(room);
    }
  }

  /** Reads a deck's current document (loading it if needed). */
  read<T>(deckId: string, read: (doc: Y.Doc) => T): Promise<T> {
    return this.withRoom(deckId, (room) => read(room.doc));
  }

  /** The live statistics the charts on a deck's audience document show (loading the deck if needed). */
  audienceStatKeys(deckId: string): Promise<ReadonlySet<string>> {
    return this.withRoom(deckId, (room) => room.audience.document.liveStatKeys);
  }

  /**
   * Reads a deck's audience document as an attendee's first sync would receive it: on the
   * room's queue, after every earlier commit has been copied into it (loading the deck if needed).
   */
  readAudience<T>(deckId: string, read: (audience: Y.Doc) => T): Promise<T> {
    return this.withRoom(deckId, (room) => read(room.audience.document.doc));
  }

  /** Whether a deck's audience may see the image at `path` (it is on a slide they have been shown). */
  audienceShowsImage(deckId: string, path: string): Promise<boolean> {
    return this.withRoom(deckId, (room) => room.audience.document.showsImage(path));
  }

  private async withRoom<T>(deckId: string, read: (room: DeckRoom) => T): Promise<T> {
    const room = this.acquire(deckId);
    try {
      await room.loaded;
      return await room.enqueue(() => read(room));
    } finally {
      this.release(room);
    }
  }

  private drop(room: DeckRoom): void {
    if (this.rooms.get(room.deckId) === room) this.rooms.delete(room.deckId);
    const done = room.drained().then(() => room.destroy());
    this.trackUnloading(room.deckId, done);
  }

  private trackUnloading(deckId: string, done: Promise<void>): void {
    if (!this.rooms.has(deckId)) this.options.relay?.detach(deckId);
    const entry = done.finally(() => {
      if (this.unloading.get(deckId) === entry) this.unloading.delete(deckId);
    });
    this.unloading.set(deckId, entry);
  }

  private async unload(room: DeckRoom): Promise<void> {
    if (room.connections.size > 0 || this.rooms.get(room.deckId) !== room) return;
    this.rooms.delete(room.deckId);
    const done = (async () => {
      await room.drained();
      const pending = room.updatesSinceCompaction;
      room.destroy();
      if (!room.failed && room.damage === null && pending >= COMPACT_ON_UNLOAD) await this.compact(room.deckId);
    })();
    this.trackUnloading(room.deckId, done);
    await done;
    this.options.logger.debug({ event: 'deck-unloaded', deckId: room.deckId }, 'idle deck unloaded');
  }

  private scheduleCompaction(room: DeckRoom): void {
    if (this.compacting.has(room.deckId)) return;
    room.updatesSinceCompaction = 0;
    setImmediate(() => void this.compact(room.deckId));
  }

  /** Compacts one deck's log; at most one compaction per deck runs at a time. */
  async compact(deckId: string): Promise<void> {
    if (this.compacting.has(deckId)) return;
    this.compacting.add(deckId);
    const started = Date.now();
    try {
      const result = await compactDeck(this.options.store, deckId);
      if (result) this.options.logger.info({ event: 'compacted', deckId, ...result, ms: Date.now() - started }, 'deck log compacted');
    } catch (err) {
      this.options.logger.error({ event: 'compaction-failed', deckId, err }, 'compaction failed; the log is left as it was');
    } finally {
      this.compacting.delete(deckId);
    }
  }

  /** Waits for every room to flush (shutdown). */
  async closeAll(): Promise<void> {
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    await Promise.all(rooms.map(async (room) => {
      clearTimeout(room.unloadTimer);
      await room.drained();
      room.destroy();
    }));
    await Promise.all(this.unloading.values());
  }
}
