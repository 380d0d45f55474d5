/**
 * 1. Fan-out latency: one writer, N readers on one deck, for both servers. Readers are
 * editors' connections (session cookie on ours) that publish no awareness. Both servers run
 * for the whole scenario; rounds alternate ours, reference, ours, reference…
 */
import type * as Y from 'yjs';
import { connectMany, connectY, destroyAll, openRoom, type BenchClient, type Room } from '../clients.ts';
import { measureArrivals } from '../latency.ts';
import { roundsSummary, row, type BenchContext, type ResultRow, type Scenario } from '../scenario.ts';
import { startServer, type RunningServer, type ServerKind } from '../servers.ts';

const KINDS: ServerKind[] = ['ours', 'reference'];

const seqOf = (doc: Y.Doc): unknown => doc.getMap('bench').get('seq');

interface Side {
  server: RunningServer;
  room: Room;
  writer: BenchClient;
  readers: BenchClient[];
  rounds: { samples: number[]; missing: number; spreads: { first: number; last: number }[] }[];
  seq: number;
}

export const fanout: Scenario = {
  id: 'fanout',
  title: 'Fan-out latency (1 writer → N readers)',
  async run(ctx: BenchContext) {
    const sizes = ctx.quick ? [10, 50] : [10, 100, 500];
    // Many short rounds: the machine's load drifts, and fine alternation spreads it evenly.
    const roundsCount = ctx.quick ? 2 : 10;
    const writesPerRound = ctx.quick ? 8 : 10;
    const rows: ResultRow[] = [];
    const spreadNotes: string[] = [];
    const details: Record<string, unknown> = { sizes, rounds: roundsCount, writesPerRound, warmupWritesPerRound: 2 };
    for (const n of sizes) {
      const sides = new Map<ServerKind, Side>();
      try {
        for (const kind of KINDS) {
          const server = await startServer(kind, { cpuProfDir: ctx.profileDir ? `${ctx.profileDir}/fanout-${n}` : undefined });
          const room = await openRoom(server, `Fan-out ${n}`);
          const writer = connectY(room, room.editor);
          await writer.synced;
          const side: Side = { server, room, writer, readers: [], rounds: [], seq: 0 };
          sides.set(kind, side);
          side.readers = await connectMany(n, () => connectY(room, room.editor));
          ctx.log(`  fan-out N=${n}: ${kind} ready (${n} readers)`);
        }
        for (let r = 0; r < roundsCount; r++) {
          for (const kind of KINDS) {
            const side = sides.get(kind)!;
            const map = side.writer.doc.getMap('bench');
            const run = await measureArrivals({
              readers: side.readers,
              write: (seq) => map.set('seq', seq),
              arrived: (doc, seq) => seqOf(doc) === seq,
              writes: writesPerRound,
              firstSeq: side.seq,
            });
            side.seq += writesPerRound + 2;
            side.rounds.push(run);
          }
        }
        const summaries = Object.fromEntries(KINDS.map((k) => [k, roundsSummary(sides.get(k)!.rounds)]));
        const ours = summaries.ours!;
        const ref = summaries.reference!;
        const met = ours.median.p99 <= ref.median.p99;
        rows.push(row(`N=${n} p50`, 'ms', ours.median.p50, ref.median.p50));
        rows.push(row(`N=${n} p99`, 'ms', ours.median.p99, ref.median.p99, { text: 'ours ≤ reference', met }));
        rows.push(row(`N=${n} max`, 'ms', ours.median.max, ref.median.max));
        details[`N=${n}`] = {
          ...summaries,
          reconnects: Object.fromEntries(KINDS.map((k) => [k, sides.get(k)!.readers.reduce((a, c) => a + c.opens - 1, 0)])),
          lastArrivalPerWrite: Object.fromEntries(KINDS.map((k) => [k, sides.get(k)!.rounds.flatMap((x) => x.spreads.map((s) => Math.round(s.last * 100) / 100))])),
        };
        const range = (s: typeof ours): string => `${Math.min(...s.rounds.map((x) => x.p99)).toFixed(1)}–${Math.max(...s.rounds.map((x) => x.p99)).toFixed(1)}`;
        const wins = ours.rounds.filter((s, i) => s.p99 <= ref.rounds[i]!.p99).length;
        spreadNotes.push(
          `N=${n}: p99 of single rounds ranged ${range(ours)} ms (ours) and ${range(ref)} ms (reference); ours had the lower p99 in ${wins} of ${ours.rounds.length} paired rounds; ` +
            `all samples pooled: p99 ${ours.pooled.p99.toFixed(1)} vs ${ref.pooled.p99.toFixed(1)} ms.`,
        );
        ctx.log(`  fan-out N=${n}: p99 ours ${ours.median.p99.toFixed(1)} ms, reference ${ref.median.p99.toFixed(1)} ms`);
      } finally {
        for (const side of sides.values()) {
          destroyAll([side.writer, ...side.readers]);
          await side.server.stop();
        }
      }
    }
    return {
      rows,
      details,
      notes: [
        'Readers and writer are y-websocket 3.1 clients in the bench process (one clock); on ours all are editors’ connections (session cookie); readers publish no awareness. ' +
          'The writer sets a counter in a Y.Map; a reader records performance.now() in its Y.Doc update handler once the counter shows. ' +
          'Per N, both servers run side by side; each round is 2 unmeasured + the measured writes on ours, then the same on the reference; ' +
          'figures are the median over rounds of each round’s percentile. All readers decode in one Node thread, so the last reader’s ' +
          'arrival includes the client-side work of the readers before it — the same for both servers.',
        ...spreadNotes,
      ],
    };
  },
};
