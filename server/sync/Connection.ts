/**
 * One websocket on `/sync/<deckId>`, with who opened it and what it may do.
 */
import type { WebSocket } from 'ws';
import { CloseCode, CloseReason, type CloseCodeName } from '../../shared/closeCodes.ts';

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



/** Close reasons are limited to 123 bytes by RFC 6455. */
export function closeReasonText(name: CloseCodeName, detail?: string): string {
  const text = detail ? `${CloseReason[name]}: ${detail}` : CloseReason[name];
  let out = text;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}

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
  /** Timers that end the connection when its link or session expires. */
  expiryTimer: NodeJS.Timeout | undefined;

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
  ) {}

  get readOnly(): boolean {
    return this.identity.role === 'viewer';
  }

  send(message: Uint8Array): void {
    if (this.closing || this.ws.readyState !== this.ws.OPEN) return;
    if (this.ws.bufferedAmount > this.maxBufferedBytes) {
      this.close('TOO_SLOW');
      return;
    }
    this.ws.send(message);
    this.lastSentAt = Date.now();
  }

  close(name: CloseCodeName, detail?: string): void {
    if (this.closing) return;
    this.closing = true;
    clearTimeout(this.expiryTimer);
    this.ws.close(CloseCode[name], closeReasonText(name, detail));
    // A peer that never answers the close handshake is cut after a grace period.
    setTimeout(() => this.ws.terminate(), 5_000).unref();
  }
}
