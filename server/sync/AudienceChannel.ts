/**
 * The attendees' side of a deck room: their document (AudienceDocument), what their sockets
 * are sent, and when. A room hands every stored change to `publish()`; attendees receive the
 * change it made to their document, or nothing. Their first sync is answered from that
 * document, never from the deck's ([AU1]).
 */
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import type * as awarenessProtocol from 'y-protocols/awareness';
import { AudienceDocument } from './AudienceDocument.ts';
import type { Connection } from './Connection.ts';
import { isPointer } from '../../shared/pointer.ts';
import { armExpiry } from '../ws/socketLifecycle.ts';
import { encodeAwarenessMessage, encodeSyncStep2, encodeSyncUpdate, isEmptyStateVector } from './messages.ts';


export interface AudienceChannelDeps {
  /** The room's sockets (attendees are the read-only ones). */
  connections: () => Iterable<Connection>;
  /** Runs a task on the room's queue (kept slides expiring must not race a commit). */
  enqueue: (task: () => void) => void;
  /** Told when the statistics the audience may see change ([AU6]). */
  onStatKeys: (keys: ReadonlySet<string>) => void;
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((k) => b.has(k));
}

export class AudienceChannel {
  readonly document: AudienceDocument;
  /** SyncStep2 for an attendee who has nothing, shared until the audience document changes. */
  private fullState: Uint8Array | null = null;
  private cancelExpiry: () => void = () => {};
  private statKeys: ReadonlySet<string> = new Set();

  constructor(
    source: Y.Doc,
    private readonly deps: AudienceChannelDeps,
  ) {
    this.document = new AudienceDocument(source);
    this.document.doc.on('afterTransaction', () => {
      this.fullState = null;
    });
  }

  get live(): boolean {
    return this.document.state === 'live';
  }

  /** Brings the audience document up to date after a stored change and sends attendees what it changed. */
  publish(now: number = Date.now()): void {
    const update = this.document.refresh(now);
    if (update) {
      const message = encodeSyncUpdate(update);
      for (const conn of this.deps.connections()) if (conn.readOnly) conn.send(message);
    }
    const keys = this.document.liveStatKeys;
    if (!sameSet(keys, this.statKeys)) {
      this.statKeys = new Set(keys);
      this.deps.onStatKeys(this.statKeys);
    }
    this.armExpiry();
  }

  /** An attendee's SyncStep1: what it lacks of the audience document. Throws on a malformed state vector. */
  answerSyncStep1(conn: Connection, stateVector: Uint8Array): void {
    if (!isEmptyStateVector(stateVector)) {
      conn.send(encodeSyncStep2(this.document.doc, stateVector));
      return;
    }
    this.fullState ??= encodeSyncStep2(this.document.doc, stateVector);
    conn.send(this.fullState);
  }

  /**
   * The presenters' awareness as attendees may see it ([AU7]): `presenting` and the pointer,
   * nothing else of the state (not the presenter's name or id), and only while a session is
   * live; otherwise their entries are removed.
   */
  presenceMessage(awareness: awarenessProtocol.Awareness, ids: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, ids.length);
    for (const id of ids) {
      const state = awareness.getStates().get(id) as { presenting?: unknown; pointer?: unknown } | undefined;
      const clock = awareness.meta.get(id)?.clock ?? 0;
      const shown = this.live && state?.presenting === true ? { presenting: true, pointer: isPointer(state.pointer) ? { x: state.pointer.x, y: state.pointer.y } : null } : null;
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(shown));
    }
    return encodeAwarenessMessage(encoding.toUint8Array(encoder));
  }

  /** Kept slides are taken away from attendees the moment `keepUntil` passes ([AU4]). */
  private armExpiry(): void {
    this.cancelExpiry();
    const until = this.document.keptUntil;
    this.cancelExpiry = armExpiry(until === null ? null : new Date(until).toISOString(), () => this.deps.enqueue(() => this.publish()));
  }

  destroy(): void {
    this.cancelExpiry();
    this.document.destroy();
  }
}
