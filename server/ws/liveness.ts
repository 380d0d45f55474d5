/**
 * Dead-peer detection shared by both websocket endpoints: every round a socket is pinged;
 * one that has not answered the previous ping (its TCP connection silently gone) is cut.
 */
import type { WebSocket, WebSocketServer } from 'ws';

export interface Pingable {
  ws: WebSocket;
  /** Cleared on every ping, set again by the pong (the caller wires `ws.on('pong')`). */
  alive: boolean;
}

/** Pings `conn`, or terminates it if it missed the last ping; returns whether it is still there. */
export function pingOrTerminate(conn: Pingable): boolean {
  if (!conn.alive) {
    conn.ws.terminate();
    return false;
  }
  conn.alive = false;
  conn.ws.ping();
  return true;
}

export function closeServer(wss: WebSocketServer): Promise<void> {
  return new Promise((resolve) => wss.close(() => resolve()));
}
