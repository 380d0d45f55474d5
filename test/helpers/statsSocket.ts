/** A raw client of the `/stats` websocket for tests. */
import { WebSocket } from 'ws';
import { STATS_PATH, StatsServerMessage } from '../../shared/statsMessages.ts';

export interface StatsSocket {
  ws: WebSocket;
  messages: StatsServerMessage[];
  opened: Promise<void>;
  closed: Promise<{ code: number; reason: string }>;
  subscribe(keys: string[]): void;
  statsFor(key: string): Extract<StatsServerMessage, { type: 'stat' }>[];
}

export function statsSocket(wsUrl: string, options: { cookie?: string | null; token?: string; headers?: Record<string, string> } = {}): StatsSocket {
  const query = options.token ? `?token=${encodeURIComponent(options.token)}` : '';
  const ws = new WebSocket(`${wsUrl}${STATS_PATH}${query}`, { headers: { ...(options.cookie ? { cookie: options.cookie } : {}), ...options.headers } });
  const messages: StatsServerMessage[] = [];
  ws.on('message', (data: Buffer) => messages.push(StatsServerMessage.parse(JSON.parse(data.toString()))));
  ws.on('error', () => {});
  const opened = new Promise<void>((resolve) => ws.once('open', () => resolve()));
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code: number, reason: Buffer) => resolve({ code, reason: reason.toString() })));
  return {
    ws,
    messages,
    opened,
    closed,
    subscribe: (keys) => ws.send(JSON.stringify({ type: 'subscribe', keys })),
    statsFor: (key) => messages.filter((m): m is Extract<StatsServerMessage, { type: 'stat' }> => m.type === 'stat' && m.key === key),
  };
}
