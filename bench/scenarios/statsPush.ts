/**
 * 6. Stats push (ours): a research record written over the API → the changed statistic at
 * every `/stats` subscriber ([ST2], target 200 ms).
 */
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import { STATS_PATH } from '../../shared/statsMessages.ts';
import { deferred, sleep, withTimeout } from '../clients.ts';
import { row, type BenchContext, type Scenario } from '../scenario.ts';
import { startOurs } from '../servers.ts';
import { summarize } from '../stats.ts';

const KEY = 'interviews.total';

interface Subscriber {
  ws: WebSocket;
  /** Called with every value of KEY that arrives. */
  onValue: ((value: unknown, at: number) => void) | null;
  first: Promise<unknown>;
}

function subscribe(wsUrl: string, cookie: string): Subscriber {
  const ws = new WebSocket(`${wsUrl}${STATS_PATH}`, { headers: { cookie }, perMessageDeflate: false });
  const first = deferred<unknown>();
  const sub: Subscriber = { ws, onValue: null, first: first.promise };
  ws.on('open', () => ws.send(JSON.stringify({ type: 'subscribe', keys: [KEY] })));
  ws.on('message', (data: Buffer) => {
    const at = performance.now();
    const msg = JSON.parse(data.toString()) as { type: string; key?: string; value?: unknown };
    if (msg.type !== 'stat' || msg.key !== KEY) return;
    first.resolve(msg.value);
    sub.onValue?.(msg.value, at);
  });
  ws.on('error', () => {});
  return sub;
}

export const statsPush: Scenario = {
  id: 'stats',
  title: 'Stats push (research record → /stats subscribers, ours)',
  async run(ctx: BenchContext) {
    const subscribers = 100;
    const writes = ctx.quick ? 10 : 40;
    const server = await startOurs({ cpuProfDir: ctx.profileDir ? `${ctx.profileDir}/stats` : undefined });
    const subs: Subscriber[] = [];
    try {
      const orgs = await server.api.get<{ records: { id: string }[] }>('/api/research/organisations');
      const organisationId = orgs.body.records[0]?.id;
      if (!organisationId) throw new Error('no organisations seeded');
      for (let i = 0; i < subscribers; i++) subs.push(subscribe(server.wsUrl, server.api.cookie!));
      const firstValues = await withTimeout(Promise.all(subs.map((s) => s.first)), 30_000, 'stats subscriptions');
      let total = firstValues[0] as number;
      const samples: number[] = [];
      const postMs: number[] = [];
      const lastPerWrite: number[] = [];
      let missing = 0;
      for (let w = 0; w < writes + 2; w++) {
        const expected = total + 1;
        let count = 0;
        let last = 0;
        const all = deferred();
        const t0 = performance.now();
        for (const s of subs) {
          let seen = false;
          s.onValue = (value, at) => {
            if (seen || value !== expected) return;
            seen = true;
            if (w >= 2) samples.push(at - t0);
            last = Math.max(last, at - t0);
            if (++count === subs.length) all.resolve();
          };
        }
        const res = await server.api.post('/api/research/interviews', { date: '2026-03-02', organisationId, staff: 1 });
        if (res.status !== 201 && res.status !== 200) throw new Error(`writing an interview: ${res.status} ${JSON.stringify(res.body)}`);
        if (w >= 2) postMs.push(performance.now() - t0);
        await Promise.race([all.promise, sleep(5_000)]);
        if (w >= 2) {
          missing += subs.length - count;
          lastPerWrite.push(Math.round(last * 10) / 10);
        }
        total = expected;
        await sleep(100);
      }
      const s = summarize(samples);
      const post = summarize(postMs);
      ctx.log(`  ${subscribers} subscribers × ${writes} writes: p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms (POST p50 ${post.p50.toFixed(1)} ms); ${missing} missing`);
      return {
        rows: [
          row(`${subscribers} subscribers p50`, 'ms', s.p50, null),
          row(`${subscribers} subscribers p99`, 'ms', s.p99, null, { text: '< 200 ms (ST2)', met: s.p99 < 200 && missing === 0 }),
          row(`${subscribers} subscribers max`, 'ms', s.max, null),
          row('  POST /api/research/interviews p50', 'ms', post.p50, null),
        ],
        details: { subscribers, writes, latency: s, post, missing, lastArrivalPerWrite: lastPerWrite, postMsPerWrite: postMs.map((x) => Math.round(x * 10) / 10) },
        notes: [
          `${subscribers} /stats websockets (session cookie) subscribe to ${KEY}. Each of ${writes} measured writes (after 2 unmeasured) is a ` +
            'POST /api/research/interviews; latency runs from just before the POST to a subscriber receiving the stat message with the new total ' +
            '(the server coalesces changes for 15 ms, recomputes every statistic from the store, then pushes). 100 ms between writes. No reference: it has no such feature.',
        ],
      };
    } finally {
      for (const s of subs) s.ws.terminate();
      await server.stop();
    }
  },
};
