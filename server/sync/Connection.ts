/**
 * One websocket on `/sync/<deckId>`, with who opened it and what it may do.
 */
import type { WebSocket } from 'ws';
import type { CloseCodeName } from '../../shared/closeCodes.ts';
import { closeWithGrace, sendUnlessSlow } from '../ws/socketLifecycle.ts';
import { MessageType } from '../../shared/syncMessages.ts';
import { bucketFor, type RateLimit, type TokenBucket } from '../ws/rateLimit.ts';

export interface Identity {
  role: 'editor' | 'viewer';
  /** The signed-in user (editors), or null for an audience link. */
  userId: string | null;
  userName: string;
  /** SHA-256 of the session token, so a logout can find the sockets it opened. */
  sessionHash: string | null;
  /** The audience link token (viewers). */
  linkToken: string | null;
  linkLabel: string | null;
}

let nextConnectionId = 1;

/** Per-socket rate limits ([LM4]); null turns one off. */
export interface ConnectionLimits {
  sync: RateLimit | null;
  awareness: RateLimit | null;
}

/**
 * Work queued in the room for one socket and not yet done (stored and relayed). Beyond
 * either bound the server stops reading that socket (TCP backpressure: the sender's buffer
 * fills, not ours) until half of it has drained ([LM5]). A paused socket still delivers the
 * frames left in the chunk being parsed (at most 64 KiB) and a frame is at most
 * MAX_FRAME_BYTES, so one socket never has more than this plus those waiting in the room,
 * however fast it sends and however slow the store is.
 */
export const MAX_PENDING_MESSAGES = 256;
export const MAX_PENDING_BYTES = 8 * 1024 * 1024;


export class Connection {
  readonly id = nextConnectionId++;
  readonly openedAt = Date.now();
  /** Awareness client ids this socket introduced; only it may change or remove them. */
  readonly awarenessIds = new Set<number>();
  lastSentAt = Date.now();
  /** Cleared on every ping, set again by the pong; a socket that misses one is dead. */
  alive = true;
  closing = false;
  /** Writes a read-only socket sent and the server dropped (reported in the close log). */
  ignoredWrites = 0;
  /** Cancels the timer that ends the connection when its link or session expires. */
  cancelExpiry: () => void = () => {};
  /** Token buckets for SyncStep1/2 and Update, and for Awareness and QueryAwareness (null: off). */
  readonly syncBucket: TokenBucket | null;
  readonly awarenessBucket: TokenBucket | null;
  /** Messages (and their bytes) handed to the room's queue and not yet finished. */
  pendingMessages = 0;
  pendingBytes = 0;
  /** The most messages ever waiting at once, and how often reading was paused (for tests and logs). */
  peakPendingMessages = 0;
  pauses = 0;

  constructor(
    readonly ws: WebSocket,
    readonly deckId: string,
    readonly identity: Identity,
    /**
     * A socket with more than this queued for it is not keeping up (a phone on a bad network
     * during a large paste). Rather than buffer without bound, it is closed with a transient
     * code; the client reconnects and gets one compact resync.
     */
    private readonly maxBufferedBytes: number,
    limits: ConnectionLimits = { sync: null, awareness: null },
  ) {
    this.syncBucket = bucketFor(limits.sync);
    this.awarenessBucket = bucketFor(limits.awareness);
  }

  /** Counts a message the room has queued; stops reading the socket when too much is waiting. */
  queued(bytes: number): void {
    this.pendingMessages++;
    this.pendingBytes += bytes;
    this.peakPendingMessages = Math.max(this.peakPendingMessages, this.pendingMessages);
    if (!this.ws.isPaused && (this.pendingMessages > MAX_PENDING_MESSAGES || this.pendingBytes > MAX_PENDING_BYTES)) {
      this.ws.pause();
      this.pauses++;
    }
  }

  /** A queued message is done; reading resumes once half the backlog has drained. */
  settled(bytes: number): void {
    this.pendingMessages--;
    this.pendingBytes -= bytes;
    if (this.ws.isPaused && this.pendingMessages <= MAX_PENDING_MESSAGES / 2 && this.pendingBytes <= MAX_PENDING_BYTES / 2) this.ws.resume();
  }

  get readOnly(): boolean {
    return this.identity.role === 'viewer';
  }

  send(message: Uint8Array): void {
    if (this.closing || !sendUnlessSlow(this.ws, message, this.maxBufferedBytes, () => this.close('TOO_SLOW'))) return;
    this.lastSentAt = Date.now();
    // The y-websocket 3 client sends every awareness change it receives straight back
    // (its awareness 'update' handler does not look at the origin), so each awareness
    // message sent here earns the one echo it will cause. Without this, an editor in a
    // room with several moving carets would be cut for other people's activity.
    if (message[0] === MessageType.AWARENESS) this.awarenessBucket?.credit();
  }

  close(name: CloseCodeName, detail?: string): void {
    if (this.closing) return;
    this.closing = true;
    this.cancelExpiry();
    // What a paused socket sent meanwhile is discarded (the message handler checks closing).
    closeWithGrace(this.ws, name, detail);
  }
}
