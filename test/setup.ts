import { WebSocket } from 'ws';

// y-websocket's resync path uses the global WebSocket; Node 20 has none.
(globalThis as { WebSocket?: unknown }).WebSocket ??= WebSocket;
