/** The reason text of a websocket close, for both endpoints. */
import { CloseReason, type CloseCodeName } from '../../shared/closeCodes.ts';

/** Close reasons are limited to 123 bytes by RFC 6455; a longer detail is cut, never the frame. */
export function closeReasonText(name: CloseCodeName, detail?: string): string {
  const text = detail ? `${CloseReason[name]}: ${detail}` : CloseReason[name];
  let out = text;
  while (Buffer.byteLength(out) > 123) out = out.slice(0, -1);
  return out;
}
