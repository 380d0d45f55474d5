/**
 * What both websocket endpoints (/sync and /stats) do over a socket's life, written once so
 * the two cannot drift: close it with a grace period, cut it when its credential expires
 * (however far ahead), close the sockets an access event names, and cut a peer that does not
 * read what it is sent instead of buffering for it without bound.
 */
import type { WebSocket } from 'ws';
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.ts';
import type { AccessBus } from '../events.ts';
import { closeReasonText } from './closeReason.ts';

/** A peer that never answers the close handshake is cut after this long. */
export const CLOSE_GRACE_MS = 5_000;
/** setTimeout's largest delay (~24.8 days); a later expiry is re-armed until it is due. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Closes with a named code and reason; terminates the socket if the peer does not answer. */
export function closeWithGrace(ws: WebSocket, name: CloseCodeName, detail?: string): void {
  ws.close(CloseCode[name], closeReasonText(name, detail));
  // A socket paused for backpressure must be read again, or the peer's close frame is never seen.
  if (ws.isPaused) ws.resume();
  setTimeout(() => ws.terminate(), CLOSE_GRACE_MS).unref();
}

/**
 * Calls `onExpired` once `expiresAt` has passed (at once if it already has); returns a
 * function that cancels it. Expiries beyond setTimeout's limit are re-armed, not dropped.
 */
export function armExpiry(expiresAt: string | null, onExpired: () => void): () => void {
  if (!expiresAt) return () => {};
  let timer: NodeJS.Timeout | undefined;
  let cancelled = false;
  const arm = (): void => {
    if (cancelled) return;
    const remaining = Date.parse(expiresAt) - Date.now();
    if (remaining <= 0) {
      onExpired();
      return;
    }
    timer = setTimeout(arm, Math.min(remaining, MAX_TIMER_MS));
    timer.unref();
  };
  arm();
  return () => {
    cancelled = true;
    clearTimeout(timer);
  };
}

/** The credentials a socket was opened with, as access events name them. */
export interface SocketCredentials {
  linkToken: string | null;
  sessionHash: string | null;
  userId: string | null;
  /** The deck the socket is bound to (all /sync sockets; /stats sockets of a link). */
  deckId: string | null;
}

/**
 * Closes the sockets an access event names: a revoked link (LINK_REVOKED), an ended session
 * or every session of a user (NO_CREDENTIALS), a deck moved to the trash (NO_SUCH_DECK).
 */
export function closeOnAccessEvents<T>(
  bus: AccessBus,
  sockets: () => Iterable<T>,
  credentialsOf: (socket: T) => SocketCredentials,
  close: (socket: T, name: CloseCodeName, detail?: string) => void,
): void {
  const closeWhere = (match: (c: SocketCredentials) => boolean, name: CloseCodeName, detail?: string): void => {
    for (const socket of sockets()) if (match(credentialsOf(socket))) close(socket, name, detail);
  };
  bus.on('linkRevoked', (token) => closeWhere((c) => c.linkToken === token, 'LINK_REVOKED'));
  bus.on('sessionEnded', (hash) => closeWhere((c) => c.sessionHash === hash, 'NO_CREDENTIALS', 'session ended'));
  bus.on('userSessionsEnded', (userId) => closeWhere((c) => c.userId === userId, 'NO_CREDENTIALS', 'session ended'));
  bus.on('deckTrashed', (deckId) => closeWhere((c) => c.deckId === deckId, 'NO_SUCH_DECK', 'moved to trash'));
}

/**
 * Sends `message`, unless the peer has stopped reading: with more than `maxBufferedBytes`
 * already queued for it, `onTooSlow` is called instead (the caller closes with TOO_SLOW, a
 * transient code: the client reconnects and resyncs once). Returns whether it was sent.
 */
export function sendUnlessSlow(ws: WebSocket, message: Uint8Array | string, maxBufferedBytes: number, onTooSlow: () => void): boolean {
  if (ws.readyState !== ws.OPEN) return false;
  if (ws.bufferedAmount > maxBufferedBytes) {
    onTooSlow();
    return false;
  }
  ws.send(message);
  return true;
}
