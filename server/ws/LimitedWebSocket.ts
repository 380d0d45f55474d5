/**
 * ws closes a socket whose frame exceeds `maxPayload` with 1009, a code the y-websocket
 * client treats as transient: it reconnects and sends the same oversized state again, for
 * ever (y-websocket #189). This subclass turns that one close into FRAME_TOO_LARGE (4413),
 * which the client treats as final. ws still stops reading the frame at the limit, so an
 * oversized frame never sits in memory whole.
 */
import { WebSocket } from 'ws';
import { CloseCode } from '../../shared/closeCodes.ts';
import { closeReasonText } from './closeReason.ts';

const MESSAGE_TOO_BIG = 1009;

export class LimitedWebSocket extends WebSocket {
  override close(code?: number, data?: string | Buffer): void {
    if (code === MESSAGE_TOO_BIG) {
      super.close(CloseCode.FRAME_TOO_LARGE, closeReasonText('FRAME_TOO_LARGE'));
      return;
    }
    super.close(code, data);
  }
}
