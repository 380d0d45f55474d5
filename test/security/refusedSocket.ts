/**
 * A bare websocket for access tests: any URL (an empty `?token=` included, which the other
 * helpers leave out), any headers, and every frame it receives kept raw, so a test can
 * check that nothing at all arrived before the server's close.
 */
import { WebSocket } from 'ws';

export interface ProbeSocket {
  ws: WebSocket;
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  /** Every frame received, as text (binary frames as latin1, so marker strings stay findable). */
  frames: string[];
}

export function probeSocket(url: string, headers: Record<string, string> = {}): ProbeSocket {
  const ws = new WebSocket(url, { headers });
  const frames: string[] = [];
  ws.on('message', (data: Buffer, isBinary: boolean) => frames.push(isBinary ? data.toString('latin1') : data.toString('utf8')));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  return { ws, opened, closed, frames };
}
