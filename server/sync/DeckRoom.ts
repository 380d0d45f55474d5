/**
 * One open deck: its Y.Doc, the sockets on it, its audience document (AudienceChannel) and
 * who is here (RoomAwareness).
 *
 * Every step that reads or changes the document runs on one serial queue per room. That
 * gives the two promises the sync protocol rests on:
 *  - nothing is answered before the deck has loaded (loading is the queue's first task);
 *  - an update is committed to the store before anyone else receives it, and a late
 *    joiner's state (SyncStep2) is computed only after every earlier commit has finished,
 *    so no client ever holds an update the store does not.
 */
import * as Y from 'yjs';
import type { Logger } from 'pino';
import { slideCount } from '../../shared/deckModel.ts';
import { DamagedDeckError, StorageError } from '../errors.ts';
import type { Store } from '../storage/Store.ts';
import { AudienceChannel } from './AudienceChannel.ts';
import type { Connection } from './Connection.ts';
import { RoomAwareness } from './RoomAwareness.ts';
import { isEmptyStateVector, encodeSyncStep1, encodeSyncStep2, encodeSyncStep2Update, encodeSyncUpdate } from './messages.ts';

/** Origin of changes the server itself makes (rename, seeding, presentation start). */
export const SERVER_ORIGIN = Symbol('server');
const LOAD_ORIGIN = Symbol('load');
/** Origin of changes another instance made (already stored by it) and of resyncs. */
export const REMOTE_ORIGIN = Symbol('remote');

/** How a room hears of and tells about changes on other instances (Redis, when scaled out). */
export interface RoomRelay {
  /** Subscribes to the deck's changes; resolves once subscribed, so loading can follow. */
  attach(deckId: string): Promise<void>;
  publishUpdate(deckId: string, update: Uint8Array): void;
  publishAwareness(deckId: string, update: Uint8Array): void;
}

/** Most client updates stored in one transaction: bounds a commit's size and the wait of the last one in it. */
const MAX_UPDATES_PER_COMMIT = 500;

/** Updates one change produced, and the socket it came from (null: the server or another instance). */
interface Change {
  from: Connection | null;
  updates: Uint8Array[];
}

interface PendingUpdate {
  conn: Connection;
  update: Uint8Array;
  resolve: () => void;
  reject: (err: unknown) => void;
}


export interface RoomDeps {
  store: Store;
  logger: Logger;
  /** Called after each commit with the number of updates since the last compaction. */
  onCommitted: (room: DeckRoom, updatesSinceCompaction: number) => void;
  /** Called when the room can no longer serve (storage failed); the registry drops it. */
  onFailed: (room: DeckRoom) => void;
  /** Resolves once a previous instance of this room has flushed its queue. */
  previous: Promise<void>;
  relay: RoomRelay | null;
  /** Told when the statistics this deck's audience may subscribe to change ([AU6]). */
  onAudienceStatKeys?: (room: DeckRoom, keys: ReadonlySet<string>) => void;
}

export class DeckRoom {
  readonly doc = new Y.Doc();
  /** Who is here: editors' carets, the presenters' pointer for attendees, the attendee count. */
  readonly presence: RoomAwareness;
  readonly connections = new Set<Connection>();
  /** What attendees receive: a document of its own, never this one ([AU1]). */
  readonly audience: AudienceChannel;
  readonly loaded: Promise<void>;
  /** Set when loading found an update it could not apply; the room then refuses service. */
  damage: string | null = null;
  failed = false;
  updatesSinceCompaction = 0;
  unloadTimer: NodeJS.Timeout | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  /**
   * SyncStep2 for a client that has nothing (every attendee, every editor without an offline
   * copy), kept while the document is unchanged: a room of attendees joining at the start of
   * a talk costs one encoding, not one each. Any transaction on the document drops it.
   */
  private fullStateMessage: Uint8Array | null = null;
  /** The stored snapshot, when loading found no log after it: already the whole state, encoded. */
  private loadedState: Uint8Array | null = null;
  /** Client updates waiting for the next group commit (see applyClientUpdate). */
  private pendingUpdates: PendingUpdate[] = [];

  constructor(
    readonly deckId: string,
    private readonly deps: RoomDeps,
  ) {
    this.audience = new AudienceChannel(this.doc, {
      connections: () => this.connections,
      enqueue: (task) => void this.enqueue(task).catch(() => {}),
      onStatKeys: (keys) => deps.onAudienceStatKeys?.(this, keys),
    });
    this.presence = new RoomAwareness(this.doc, {
      deckId,
      connections: () => this.connections,
      audience: this.audience,
      relay: deps.relay,
      serverOrigin: SERVER_ORIGIN,
      remoteOrigin: REMOTE_ORIGIN,
    });
    // 'afterTransaction', not 'update': an update listener makes Yjs encode every transaction.
    this.doc.on('afterTransaction', () => {
      this.fullStateMessage = null;
      this.loadedState = null;
    });
    this.loaded = this.enqueue(async () => {
      await deps.previous;
      await this.load();
    });
    // Callers observe the failure through `loaded`; this keeps it from being "unhandled".
    this.loaded.catch(() => {});
  }

  /** Runs `task` after every task queued before it; its result or error goes to the caller. */
  enqueue<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.tail.then(task);
    this.tail = run.catch(() => {});
    return run;
  }

  /** Resolves once everything queued so far has run. */
  drained(): Promise<void> {
    return this.tail.then(() => {});
  }

  private async load(): Promise<void> {
    const started = Date.now();
    // Subscribe first, read second: an update another instance stores in between arrives
    // through the subscription (queued behind this load), so none falls in the gap.
    await this.deps.relay?.attach(this.deckId);
    let stored;
    try {
      stored = await this.deps.store.loadDocument(this.deckId);
    } catch (err) {
      throw new StorageError(`loading deck failed: ${(err as Error).message}`);
    }
    const problems: string[] = [];
    this.doc.transact(() => {
      if (stored.snapshot) {
        try {
          Y.applyUpdate(this.doc, stored.snapshot, LOAD_ORIGIN);
        } catch (err) {
          problems.push(`snapshot: ${(err as Error).message}`);
        }
      }
      for (const { seq, data } of stored.updates) {
        try {
          Y.applyUpdate(this.doc, data, LOAD_ORIGIN);
        } catch (err) {
          problems.push(`update ${seq}: ${(err as Error).message}`);
        }
      }
    }, LOAD_ORIGIN);
    this.updatesSinceCompaction = stored.updates.length;
    if (problems.length > 0) {
      this.damage = problems.join('; ');
      this.deps.logger.error({ event: 'deck-damaged', deckId: this.deckId, problems }, 'deck log holds updates that cannot be applied');
      throw new DamagedDeckError(this.damage);
    }
    // Set after the load transaction, whose end would have cleared it.
    if (stored.snapshot && stored.updates.length === 0) this.loadedState = stored.snapshot;
    this.audience.publish();
    this.deps.logger.debug({ event: 'deck-loaded', deckId: this.deckId, updates: stored.updates.length, ms: Date.now() - started }, 'deck loaded');
  }

  /** Applies `change` and returns the updates it produced (possibly partial if it threw). */
  private capture(change: () => void): { updates: Uint8Array[]; error: unknown } {
    // Listen only while capturing: with an 'update' listener attached, Yjs encodes every
    // transaction as an update, and loading a deck would encode the whole document for
    // nothing (a third of a cold load's CPU for a 290 kB document; see BENCHMARKS.md).
    const updates: Uint8Array[] = [];
    const onUpdate = (update: Uint8Array): void => {
      updates.push(update);
    };
    this.doc.on('update', onUpdate);
    let error: unknown = null;
    try {
      change();
    } catch (err) {
      error = err;
    } finally {
      this.doc.off('update', onUpdate);
    }
    return { updates, error };
  }

  /**
   * Stores what one or more changes produced as one log entry, then relays it: each socket
   * receives every change but its own. Nothing is relayed before it is stored ([SY4]).
   */
  private async commit(changes: Change[], userId: string | null): Promise<void> {
    const produced = changes.filter((c) => c.updates.length > 0);
    if (produced.length === 0) return;
    const all = produced.flatMap((c) => c.updates);
    const update = all.length === 1 ? all[0]! : Y.mergeUpdates(all);
    try {
      await this.deps.store.appendUpdate(this.deckId, update, { userId, slideCount: slideCount(this.doc) });
    } catch (err) {
      // The in-memory document is now ahead of the store. Drop the room: every client
      // reconnects, the room reloads what the store holds, and the clients' own sync
      // step sends the unsaved change again. Nothing unstored was relayed.
      this.fail(`storing an update failed: ${(err as Error).message}`);
      throw new StorageError((err as Error).message);
    }
    this.updatesSinceCompaction++;
    this.broadcast(produced, update);
    // Only now, stored, may the change reach attendees, as what it made of their document ([AU8]).
    this.audience.publish();
    this.deps.relay?.publishUpdate(this.deckId, update);
    this.deps.onCommitted(this, this.updatesSinceCompaction);
  }

  /**
   * Sends `merged` (all of `changes`) to every editor's socket that made none of them, and
   * each maker the others' changes. Attendees are never sent the deck's updates ([AU1]).
   */
  private broadcast(changes: Change[], merged: Uint8Array): void {
    const makers = new Set<Connection>();
    for (const change of changes) if (change.from) makers.add(change.from);
    const message = encodeSyncUpdate(merged);
    for (const conn of this.connections) if (!conn.readOnly && !makers.has(conn)) conn.send(message);
    for (const maker of makers) {
      if (!this.connections.has(maker)) continue;
      const others = changes.filter((c) => c.from !== maker).flatMap((c) => c.updates);
      if (others.length > 0) maker.send(encodeSyncUpdate(others.length === 1 ? others[0]! : Y.mergeUpdates(others)));
    }
  }

  /** Applies what changed in `apply` (with the remote origin) and relays it to this instance's sockets. */
  private relayRemote(apply: () => void): void {
    const { updates, error } = this.capture(() => this.doc.transact(apply, REMOTE_ORIGIN));
    if (updates.length > 0) this.broadcast([{ from: null, updates }], updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates));
    this.audience.publish();
    if (error) this.deps.logger.warn({ event: 'remote-update-failed', deckId: this.deckId, err: (error as Error).message }, 'could not apply an update from another instance');
  }

  /** An update another instance stored and published. */
  applyRemoteUpdate(update: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      if (!this.failed && this.damage === null) this.relayRemote(() => Y.applyUpdate(this.doc, update, REMOTE_ORIGIN));
    });
  }

  /** Reads the deck again from the store and relays what this instance missed (after a Redis outage). */
  resync(): Promise<void> {
    return this.enqueue(async () => {
      if (this.failed || this.damage !== null) return;
      const stored = await this.deps.store.loadDocument(this.deckId);
      this.relayRemote(() => {
        if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot, REMOTE_ORIGIN);
        for (const { data } of stored.updates) Y.applyUpdate(this.doc, data, REMOTE_ORIGIN);
      });
    });
  }

  private fail(reason: string): void {
    if (this.failed) return;
    this.failed = true;
    this.deps.logger.error({ event: 'room-failed', deckId: this.deckId, reason }, 'deck room failed');
    for (const conn of this.connections) conn.close('STORAGE_UNAVAILABLE', reason.slice(0, 60));
    this.deps.onFailed(this);
  }

  addConnection(conn: Connection): void {
    clearTimeout(this.unloadTimer);
    this.unloadTimer = undefined;
    this.connections.add(conn);
    if (conn.readOnly) {
      this.presence.welcome(conn);
      return;
    }
    // Editors get our state vector so they send what we lack (edits made offline), and the
    // carets of everyone already here.
    void this.enqueue(() => {
      conn.send(encodeSyncStep1(this.doc));
      this.presence.welcome(conn);
    }).catch(() => {});
  }

  removeConnection(conn: Connection): void {
    this.connections.delete(conn);
    this.presence.forget(conn);
  }

  /** A client asked for what it lacks (SyncStep1); answered once all earlier commits are stored. */
  answerSyncStep1(conn: Connection, stateVector: Uint8Array): Promise<void> {
    return this.enqueue(() => {
      if (conn.readOnly) {
        this.audience.answerSyncStep1(conn, stateVector);
        return;
      }
      if (!isEmptyStateVector(stateVector)) {
        conn.send(encodeSyncStep2(this.doc, stateVector));
        return;
      }
      this.fullStateMessage ??= this.loadedState ? encodeSyncStep2Update(this.loadedState) : encodeSyncStep2(this.doc, stateVector);
      conn.send(this.fullStateMessage);
    });
  }

  /**
   * An editor's SyncStep2 or Update. Resolves once it is stored and relayed; rejects with
   * the decode error if the update is malformed.
   *
   * Group commit: updates that arrive while the room is busy (a fast typist, a paste, many
   * editors at once) wait in `pendingUpdates`, and one queue task applies them all and
   * stores them in one transaction. Under light load a batch holds one update, so nothing
   * waits for a batch to fill; under heavy load one commit serves many updates.
   */
  applyClientUpdate(conn: Connection, update: Uint8Array): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pendingUpdates.push({ conn, update, resolve, reject });
      // A drain is already queued whenever the list was not empty.
      if (this.pendingUpdates.length === 1) this.scheduleDrain();
    });
  }

  private scheduleDrain(): void {
    this.enqueue(() => this.commitPending()).catch(() => {});
  }

  private async commitPending(): Promise<void> {
    const batch = this.pendingUpdates.splice(0, MAX_UPDATES_PER_COMMIT);
    if (this.pendingUpdates.length > 0) this.scheduleDrain();
    if (this.failed) {
      for (const item of batch) item.resolve();
      return;
    }
    const changes: Change[] = [];
    const errors = new Map<PendingUpdate, unknown>();
    let userId: string | null = null;
    for (const item of batch) {
      const { updates, error } = this.capture(() => Y.applyUpdate(this.doc, item.update, item.conn));
      // Whatever part of a bad update was integrated is stored and relayed like any other
      // change, so memory, store and peers never disagree.
      if (updates.length > 0) {
        changes.push({ from: item.conn, updates });
        userId = item.conn.identity.userId;
      }
      if (error) errors.set(item, error);
    }
    try {
      await this.commit(changes, userId);
    } catch (err) {
      for (const item of batch) item.reject(err);
      return;
    }
    for (const item of batch) {
      if (errors.has(item)) item.reject(errors.get(item));
      else item.resolve();
    }
  }

  /** A change made by the server (rename, seeding); stored and relayed to every socket. */
  applyServerChange(change: (doc: Y.Doc) => void, userId: string | null): Promise<void> {
    return this.enqueue(async () => {
      if (this.failed) throw new StorageError('room failed');
      const { updates, error } = this.capture(() => this.doc.transact(() => change(this.doc), SERVER_ORIGIN));
      await this.commit([{ from: null, updates }], userId);
      if (error) throw error;
    });
  }

  destroy(): void {
    clearTimeout(this.unloadTimer);
    this.presence.destroy();
    this.audience.destroy();
    this.doc.destroy();
  }
}
