import { describe, expect, it } from 'vitest';
import { backoffDelay, StatsClient, type SocketLike } from './StatsClient.ts';
import { statsUrl } from './statsRegistry.ts';

type Handler = (event: never) => void;

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: unknown[] = [];
  closedWith: { code?: number; reason?: string } | null = null;
  private handlers = new Map<string, Handler[]>();
  constructor(readonly url: string) {}
  send(data: string): void {
    if (this.readyState !== 1) throw new Error('not open');
    this.sent.push(JSON.parse(data));
  }
  close(code?: number, reason?: string): void {
    this.closedWith = { code, reason };
    this.readyState = 3;
  }
  addEventListener(type: string, listener: Handler): void {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), listener]);
  }
  emit(type: string, event: unknown = {}): void {
    for (const h of this.handlers.get(type) ?? []) h(event as never);
  }
  open(): void {
    this.readyState = 1;
    this.emit('open');
  }
  serverClose(code: number, reason = ''): void {
    this.readyState = 3;
    this.emit('close', { code, reason });
  }
  message(data: unknown): void {
    this.emit('message', { data: typeof data === 'string' ? data : JSON.stringify(data) });
  }
}

function setup() {
  const sockets: FakeSocket[] = [];
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  let nextId = 1;
  const client = new StatsClient('ws://test/stats', {
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ fn, ms, id });
      return id;
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id);
      if (i >= 0) timers.splice(i, 1);
    },
    random: () => 0.5,
    idleCloseMs: 1000,
  });
  const runTimers = () => {
    const due = timers.splice(0);
    for (const t of due) t.fn();
    return due.map((t) => t.ms);
  };
  const last = () => sockets.at(-1)!;
  return { client, sockets, timers, runTimers, last };
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('StatsClient', () => {
  it('opens one socket and subscribes once per key however many users want it', async () => {
    const { client, sockets, last } = setup();
    const releaseA = client.retain('interviews.total');
    const releaseB = client.retain('interviews.total');
    const releaseC = client.retain('interviews.byMonth');
    await tick();
    expect(sockets).toHaveLength(1);
    expect(last().sent).toEqual([]); // not open yet
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', keys: ['interviews.total', 'interviews.byMonth'] }]);

    releaseA();
    await tick();
    expect(last().sent).toHaveLength(1);
    releaseB();
    releaseB(); // a second call is ignored
    await tick();
    expect(last().sent.at(-1)).toEqual({ type: 'unsubscribe', keys: ['interviews.total'] });
    releaseC();
    await tick();
    expect(last().sent.at(-1)).toEqual({ type: 'unsubscribe', keys: ['interviews.byMonth'] });
    expect(sockets).toHaveLength(1);
  });

  it('sends nothing for a release and retain in the same tick (StrictMode remount)', async () => {
    const { client, last } = setup();
    client.retain('agreements.total')();
    client.retain('agreements.total');
    last().open();
    await tick();
    expect(last().sent).toEqual([{ type: 'subscribe', keys: ['agreements.total'] }]);
    const release = client.retain('agreements.total');
    release();
    await tick();
    expect(last().sent).toHaveLength(1);
  });

  it('keeps validated values and tells listeners; ignores invalid frames and unwanted keys', async () => {
    const { client, last } = setup();
    let calls = 0;
    client.listen('interviews.total', () => calls++);
    client.retain('interviews.total');
    last().open();
    await tick();
    const before = client.get('interviews.total');
    expect(before).toMatchObject({ value: null, status: 'open', error: null });

    last().message({ type: 'stat', key: 'interviews.total', value: 32, updatedAt: '2026-11-28T10:00:00.000Z' });
    const after = client.get('interviews.total');
    expect(after).toMatchObject({ value: 32, updatedAt: '2026-11-28T10:00:00.000Z' });
    expect(client.get('interviews.total')).toBe(after); // stable snapshot
    expect(calls).toBeGreaterThan(0);

    const callsBefore = calls;
    last().message('not json');
    last().message({ type: 'stat', key: 'interviews.total', value: 'thirty', updatedAt: 'x' });
    last().message({ type: 'stat', key: 'interviews.total', value: [{ label: 'a' }], updatedAt: 'x' });
    last().message({ type: 'surprise' });
    last().message({ type: 'stat', key: 'factsheets.total', value: 2, updatedAt: 'x' });
    expect(client.get('interviews.total')).toBe(after);
    expect(client.get('factsheets.total').value).toBeNull();
    expect(calls).toBe(callsBefore);

    last().message({ type: 'stat', key: 'interviews.total', value: [{ label: '2026-01', value: 3 }], updatedAt: 'y' });
    expect(client.get('interviews.total').value).toEqual([{ label: '2026-01', value: 3 }]);
  });

  it('reports a refused key', async () => {
    const { client, last } = setup();
    client.retain('nope');
    last().open();
    await tick();
    last().message({ type: 'error', key: 'nope', message: 'unknown statistic' });
    expect(client.get('nope')).toMatchObject({ error: 'unknown statistic', value: null });
  });

  it('reconnects with growing backoff and resubscribes every wanted key', async () => {
    const { client, sockets, runTimers, last } = setup();
    client.retain('interviews.total');
    client.retain('damocles.byStatus');
    await tick();
    last().open();
    last().message({ type: 'stat', key: 'interviews.total', value: 5, updatedAt: 'a' });

    last().serverClose(1006);
    expect(client.get('interviews.total')).toMatchObject({ status: 'reconnecting', value: 5 }); // keeps the last value meanwhile
    expect(runTimers()).toEqual([backoffDelay(0, () => 0.5)]);
    expect(sockets).toHaveLength(2);
    last().serverClose(1006); // fails again before opening
    expect(runTimers()).toEqual([backoffDelay(1, () => 0.5)]);
    expect(sockets).toHaveLength(3);
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', keys: ['interviews.total', 'damocles.byStatus'] }]);
    expect(client.get('interviews.total').status).toBe('open');

    // A successful open resets the backoff.
    last().serverClose(1001);
    expect(runTimers()).toEqual([backoffDelay(0, () => 0.5)]);
  });

  it('reconnects at once when told the network is back', async () => {
    const { client, sockets, timers, last } = setup();
    client.retain('interviews.total');
    await tick();
    last().serverClose(1006);
    expect(timers).toHaveLength(1);
    client.retryNow();
    expect(timers).toHaveLength(0);
    expect(sockets).toHaveLength(2);
    client.retryNow(); // nothing pending: no extra socket
    expect(sockets).toHaveLength(2);
  });

  it('stops for good after a 44xx close', async () => {
    const { client, sockets, timers, last } = setup();
    client.retain('interviews.total');
    await tick();
    last().open();
    last().serverClose(4410, 'link revoked');
    expect(timers).toHaveLength(0);
    expect(client.get('interviews.total')).toMatchObject({ status: 'closed', closeCode: 4410 });
    client.retain('agreements.total');
    await tick();
    expect(sockets).toHaveLength(1);
    expect(client.get('agreements.total')).toMatchObject({ status: 'closed', closeCode: 4410 });
  });

  it('closes the socket a while after the last key goes, and reopens on demand', async () => {
    const { client, sockets, runTimers, last } = setup();
    const release = client.retain('interviews.total');
    await tick();
    last().open();
    release();
    await tick();
    expect(last().closedWith).toBeNull();
    expect(runTimers()).toEqual([1000]);
    expect(last().closedWith).toMatchObject({ code: 1000 });
    expect(client.connectionState.status).toBe('idle');

    client.retain('interviews.total');
    await tick();
    expect(sockets).toHaveLength(2);
    last().open();
    expect(last().sent).toEqual([{ type: 'subscribe', keys: ['interviews.total'] }]);
  });

  it('does not close when a key is wanted again before the idle timer fires', async () => {
    const { client, timers, last } = setup();
    const release = client.retain('interviews.total');
    await tick();
    last().open();
    release();
    await tick();
    expect(timers).toHaveLength(1);
    client.retain('interviews.byMonth');
    await tick();
    expect(timers).toHaveLength(0);
    expect(last().closedWith).toBeNull();
  });

  it('drops the value of a key nobody wants any more', async () => {
    const { client, last } = setup();
    const release = client.retain('interviews.total');
    await tick();
    last().open();
    last().message({ type: 'stat', key: 'interviews.total', value: 5, updatedAt: 'a' });
    release();
    await tick();
    client.retain('interviews.total');
    await tick();
    expect(client.get('interviews.total').value).toBeNull();
    expect(last().sent.at(-1)).toEqual({ type: 'subscribe', keys: ['interviews.total'] });
  });
});

describe('backoffDelay', () => {
  it('grows, is capped and jitters within ±25 %', () => {
    expect(backoffDelay(0, () => 0.5)).toBe(500);
    expect(backoffDelay(1, () => 0.5)).toBe(1000);
    expect(backoffDelay(20, () => 0.5)).toBe(15_000);
    expect(backoffDelay(0, () => 0)).toBe(375);
    expect(backoffDelay(0, () => 0.999)).toBeLessThanOrEqual(625);
  });
});

describe('statsUrl', () => {
  it('uses the page origin and encodes the token', () => {
    expect(statsUrl(null, { protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/stats');
    expect(statsUrl('a b&c', { protocol: 'https:', host: 'x.nl' })).toBe('wss://x.nl/stats?token=a%20b%26c');
  });
});
