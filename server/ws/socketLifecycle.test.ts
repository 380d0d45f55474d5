import { afterEach, describe, expect, test, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { armExpiry, sendUnlessSlow } from './socketLifecycle.ts';

describe('socket lifecycle shared by /sync and /stats', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  test('an expiry beyond setTimeout’s limit (~25 days) is re-armed and fires when due, not at once and not never', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-02T00:00:00Z'));
    const fired: number[] = [];
    armExpiry('2027-01-01T00:00:00Z', () => fired.push(Date.now()));
    vi.advanceTimersByTime(29 * 86_400_000);
    expect(fired).toEqual([]);
    vi.advanceTimersByTime(2 * 86_400_000);
    expect(fired).toEqual([Date.parse('2027-01-01T00:00:00Z')]);
  });

  test('an expiry that has passed fires at once; a cancelled one never', () => {
    vi.useFakeTimers();
    const fired: string[] = [];
    armExpiry(new Date(Date.now() - 1000).toISOString(), () => fired.push('past'));
    const cancel = armExpiry(new Date(Date.now() + 60_000).toISOString(), () => fired.push('cancelled'));
    cancel();
    vi.advanceTimersByTime(120_000);
    expect(fired).toEqual(['past']);
  });

  test('a peer that stops reading is cut once more than the bound is queued for it', async () => {
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise<void>((resolve) => wss.once('listening', () => resolve()));
    const port = (wss.address() as { port: number }).port;
    const serverSide = new Promise<WebSocket>((resolve) => wss.once('connection', (ws) => resolve(ws)));
    const client = new WebSocket(`ws://127.0.0.1:${port}`);
    await new Promise<void>((resolve) => client.once('open', () => resolve()));
    const ws = await serverSide;
    // The client stops reading: kernel buffers fill, then ws queues on the server side.
    client.pause();
    const chunk = new Uint8Array(256 * 1024);
    const outcome = { cut: false };
    let sent = 0;
    for (let i = 0; i < 2_000 && !outcome.cut; i++) {
      if (sendUnlessSlow(ws, chunk, 1024 * 1024, () => (outcome.cut = true))) sent++;
      await new Promise((r) => setImmediate(r));
    }
    expect(outcome.cut).toBe(true);
    expect(ws.bufferedAmount).toBeGreaterThan(1024 * 1024);
    // Never more than the bound plus one message beyond what the kernel took.
    expect(sent).toBeLessThan(2_000);
    client.terminate();
    ws.terminate();
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  });
});
