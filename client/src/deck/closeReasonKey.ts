/**
 * The one client-side mapping from a websocket close code to the translation key that says
 * why, for the sync connection (ClosedMessage) and the statistics socket (ChartView) alike.
 * Codes a user cannot act on (normal close, shutdown, storage down, too slow) are not
 * explained: the client reconnects after those, so they fall back to `closeReason:unknown`.
 */
import { closeCodeName, type CloseCodeName } from '../../../shared/closeCodes.ts';

type ExplainedCode = Exclude<CloseCodeName, 'NORMAL' | 'GOING_AWAY' | 'STORAGE_UNAVAILABLE' | 'TOO_SLOW'>;

const CLOSE_REASON_KEYS = {
  NO_CREDENTIALS: 'closeReason:NO_CREDENTIALS',
  FORBIDDEN: 'closeReason:FORBIDDEN',
  NO_SUCH_DECK: 'closeReason:NO_SUCH_DECK',
  LINK_REVOKED: 'closeReason:LINK_REVOKED',
  LINK_EXPIRED: 'closeReason:LINK_EXPIRED',
  MALFORMED: 'closeReason:MALFORMED',
  FRAME_TOO_LARGE: 'closeReason:FRAME_TOO_LARGE',
  DECK_DAMAGED: 'closeReason:DECK_DAMAGED',
  RATE_LIMITED: 'closeReason:RATE_LIMITED',
} as const satisfies Record<ExplainedCode, `closeReason:${ExplainedCode}`>;

export type CloseReasonKey = (typeof CLOSE_REASON_KEYS)[ExplainedCode] | 'closeReason:unknown';

function isExplained(name: CloseCodeName | undefined): name is ExplainedCode {
  return name !== undefined && Object.hasOwn(CLOSE_REASON_KEYS, name);
}

/** The translation key for why a socket was closed with `code` (null: no code known). */
export function closeReasonKey(code: number | null): CloseReasonKey {
  const name = code === null ? undefined : closeCodeName(code);
  return isExplained(name) ? CLOSE_REASON_KEYS[name] : 'closeReason:unknown';
}
