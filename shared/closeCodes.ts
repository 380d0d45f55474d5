/**
 * Every websocket close code Tussenstand's servers send, defined once for both ends.
 *
 * The y-websocket 3 client treats 4400–4499 as permanent (it stops reconnecting) and every
 * other code as transient. So a refusal that reconnecting cannot fix uses 44xx, and a failure
 * that may pass (storage down, server restarting) uses 45xx or a standard code.
 */
export const CloseCode = {
  /** Normal close initiated by the server, e.g. an idle deck unloaded. */
  NORMAL: 1000,
  /** The server is shutting down; reconnect to another instance or later. */
  GOING_AWAY: 1001,
  /** A frame that could not be decoded as a y-websocket or statistics message. */
  MALFORMED: 4400,
  /** No session cookie and no link token, or the session has ended. */
  NO_CREDENTIALS: 4401,
  /** Credentials were given but do not allow this deck (wrong deck, cross-origin, disabled user). */
  FORBIDDEN: 4403,
  /** The deck does not exist or is in the trash. */
  NO_SUCH_DECK: 4404,
  /** The audience link was revoked. */
  LINK_REVOKED: 4410,
  /** The audience link has expired. */
  LINK_EXPIRED: 4411,
  /** A frame over the configured size limit. Permanent, so the client does not resend it in a loop. */
  FRAME_TOO_LARGE: 4413,
  /** The deck's stored log is damaged and cannot be served safely. */
  DECK_DAMAGED: 4422,
  /** Too many messages in too short a time. Permanent for this socket, to break resend loops. */
  RATE_LIMITED: 4429,
  /** Storage failed to load or persist; nothing was acknowledged. The client retries. */
  STORAGE_UNAVAILABLE: 4503,
  /** The client read too slowly and too much piled up for it; it reconnects and resyncs. */
  TOO_SLOW: 4508,
} as const;

export type CloseCodeName = keyof typeof CloseCode;
export type CloseCodeValue = (typeof CloseCode)[CloseCodeName];

/** Human-readable reasons sent with each code (a close reason is at most 123 bytes). */
export const CloseReason: Record<CloseCodeName, string> = {
  NORMAL: 'closed',
  GOING_AWAY: 'server shutting down',
  MALFORMED: 'malformed message',
  NO_CREDENTIALS: 'no credentials',
  FORBIDDEN: 'forbidden',
  NO_SUCH_DECK: 'no such deck',
  LINK_REVOKED: 'link revoked',
  LINK_EXPIRED: 'link expired',
  FRAME_TOO_LARGE: 'frame too large',
  DECK_DAMAGED: 'deck damaged',
  RATE_LIMITED: 'rate limited',
  STORAGE_UNAVAILABLE: 'storage unavailable',
  TOO_SLOW: 'client too slow; resync',
};

/** True when the y-websocket client will not try again after this code. */
export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500;
}

export function closeCodeName(code: number): CloseCodeName | undefined {
  return (Object.keys(CloseCode) as CloseCodeName[]).find((name) => CloseCode[name] === code);
}
