/**
 * Who is in a deck room, as y-protocols awareness: editors' carets and names (stamped by the
 * server, [AW1]–[AW4]), the presenters' pointer as attendees may see it ([RO3], [AU7]), and
 * the attendee count the server publishes as its own state ([RO6]).
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { AudienceChannel } from './AudienceChannel.ts';
import { filterAwarenessUpdate } from './awarenessFilter.ts';
import { Connection } from './Connection.ts';
import type { RoomRelay } from './DeckRoom.ts';
import { encodeAwarenessMessage } from './messages.ts';

/** Attendee counts are sent to editors at most this often. */
const AUDIENCE_THROTTLE_MS = 250;
/** Owner of awareness client ids that belong to a socket on another instance. */
const REMOTE_OWNER = Symbol('remote owner');

export interface RoomAwarenessDeps {
  deckId: string;
  connections: () => Iterable<Connection>;
  audience: AudienceChannel;
  relay: RoomRelay | null;
  /** Owner of the server's own entry (the attendee count). */
  serverOrigin: symbol;
  /** Origin of what another instance published. */
  remoteOrigin: symbol;
}

export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  private readonly awarenessOwners = new Map<number, Connection | typeof REMOTE_OWNER>();
  /** Awareness client ids of presenters (state.presenting): the only presence attendees receive. */
  private readonly presentingIds = new Set<number>();
  private audienceTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly doc: Y.Doc,
    private readonly deps: RoomAwarenessDeps,
  ) {
    this.awareness = new awarenessProtocol.Awareness(doc);
    // The server is not a participant: it has no caret and no name.
    this.awareness.setLocalState(null);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** A socket joined: an attendee is counted and sees the presenter's pointer at once; an editor gets everyone's carets. */
  welcome(conn: Connection): void {
    if (conn.readOnly) {
      this.scheduleAudienceCount();
      if (this.presentingIds.size > 0) conn.send(this.deps.audience.presenceMessage(this.awareness, [...this.presentingIds]));
      return;
    }
    const others = [...this.awareness.getStates().keys()];
    if (others.length > 0) conn.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, others)));
  }

  /** A socket left: its states go for everyone ([AW3]); an attendee is no longer counted. */
  forget(conn: Connection): void {
    if (conn.readOnly) this.scheduleAudienceCount();
    if (conn.awarenessIds.size > 0) {
      const ids = [...conn.awarenessIds];
      for (const id of ids) this.awarenessOwners.delete(id);
      awarenessProtocol.removeAwarenessStates(this.awareness, ids, conn);
    }
  }

  /** An editor's awareness update: filtered, stamped with the user, then applied and relayed. */
  apply(conn: Connection, update: Uint8Array): void {
    const { userId } = conn.identity;
    if (conn.readOnly || userId === null) return;
    const filtered = filterAwarenessUpdate(update, {
      user: { id: userId, name: conn.identity.userName },
      ownIds: conn.awarenessIds,
      // The server's own entry (the attendee count, [RO6]) is nobody else's to change. The
      // stock client echoes every state it receives, so without this the first editor to
      // see the count would own it, and take it away for everyone when they leave.
      ownerOf: (clientId) => (clientId === this.awareness.clientID ? this.deps.serverOrigin : this.awarenessOwners.get(clientId)),
      self: conn,
    });
    for (const id of filtered.claimed) {
      conn.awarenessIds.add(id);
      this.awarenessOwners.set(id, conn);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, filtered.update, conn);
  }

  /** Sends every known awareness state to an editor who asked for it. */
  answerQuery(conn: Connection): void {
    if (conn.readOnly) return;
    const ids = [...this.awareness.getStates().keys()];
    conn.send(encodeAwarenessMessage(awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids)));
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = [...added, ...updated, ...removed];
    if (changed.length === 0) return;
    // Attendees never receive carets: hundreds of them would multiply every cursor move.
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    const message = encodeAwarenessMessage(update);
    for (const conn of this.deps.connections()) if (!conn.readOnly && conn !== origin) conn.send(message);
    this.relayPresenters(changed, removed);
    // Only what this instance changed goes out (its sockets, or its own audience count);
    // timeouts happen on every instance by themselves.
    if (origin instanceof Connection || origin === 'local') this.deps.relay?.publishAwareness(this.deps.deckId, update);
    // A state removed by the awareness timeout (not by its owner) frees its id.
    for (const id of removed) {
      const owner = this.awarenessOwners.get(id);
      if (owner && origin !== owner) {
        if (owner !== REMOTE_OWNER) owner.awarenessIds.delete(id);
        this.awarenessOwners.delete(id);
      }
    }
  };

  /**
   * Attendees receive no presence except the presenter's (for the laser pointer): states
   * marked `presenting`, and their removal when that ends.
   */
  private relayPresenters(changed: number[], removed: number[]): void {
    const relevant: number[] = [];
    for (const id of changed) {
      const state = this.awareness.getStates().get(id) as { presenting?: unknown } | undefined;
      const presenting = state?.presenting === true && !removed.includes(id);
      if (presenting || this.presentingIds.has(id)) relevant.push(id);
      if (presenting) this.presentingIds.add(id);
      else this.presentingIds.delete(id);
    }
    if (relevant.length === 0) return;
    const message = this.deps.audience.presenceMessage(this.awareness, relevant);
    for (const conn of this.deps.connections()) if (conn.readOnly) conn.send(message);
  }

  /**
   * Editors see how many attendees are connected, per link label, as this instance's own
   * awareness state `{ audience }` (each instance publishes its own; clients add them up).
   * Throttled: a room full of people arriving at once is one update, not hundreds.
   */
  scheduleAudienceCount(): void {
    if (this.audienceTimer) return;
    this.audienceTimer = setTimeout(() => {
      this.audienceTimer = undefined;
      if (this.doc.isDestroyed) return;
      const audience = this.viewerCounts();
      const current = (this.awareness.getLocalState() as { audience?: Record<string, number> } | null)?.audience;
      if (Object.keys(audience).length === 0) {
        if (current) this.awareness.setLocalState(null);
      } else if (JSON.stringify(current) !== JSON.stringify(audience)) {
        this.awareness.setLocalState({ audience });
      }
    }, AUDIENCE_THROTTLE_MS);
  }

  viewerCounts(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const conn of this.deps.connections()) {
      // A socket being closed no longer counts as an attendee.
      if (!conn.readOnly || conn.closing) continue;
      const label = conn.identity.linkLabel ?? '';
      counts[label] = (counts[label] ?? 0) + 1;
    }
    return counts;
  }
  /** Awareness from editors on another instance: their client ids are theirs, never a local socket's. */
  applyRemote(update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const count = decoding.readVarUint(decoder);
    const encoder = encoding.createEncoder();
    const kept: [number, number, string][] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      const owner = this.awarenessOwners.get(clientId);
      if (clientId === this.awareness.clientID || (owner !== undefined && owner !== REMOTE_OWNER)) continue;
      if (json === 'null') this.awarenessOwners.delete(clientId);
      else this.awarenessOwners.set(clientId, REMOTE_OWNER);
      kept.push([clientId, clock, json]);
    }
    encoding.writeVarUint(encoder, kept.length);
    for (const [clientId, clock, json] of kept) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), this.deps.remoteOrigin);
  }

  destroy(): void {
    clearTimeout(this.audienceTimer);
    this.awareness.off('update', this.onAwarenessUpdate);
    this.awareness.destroy();
  }
}
