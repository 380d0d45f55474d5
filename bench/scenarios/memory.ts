/**
 * 5. Memory: the server's resident set (VmRSS of its process) with many idle attendees on one
 * deck, and with many decks open (one editor each). Each round starts fresh servers; rounds
 * alternate ours, reference.
 */
import * as Y from 'yjs';
import { initDeckDoc } from '../../shared/deckModel.ts';
import { allConnected, connectMany, connectY, destroyAll, openRoom, sleep, withTimeout, type BenchClient } from '../clients.ts';
import { row, type BenchContext, type Scenario } from '../scenario.ts';
import { startServer, type RunningServer, type ServerKind } from '../servers.ts';
import { median } from '../stats.ts';

const KINDS: ServerKind[] = ['ours', 'reference'];
const SETTLE_MS = 2_000;

interface Reading {
  /** VmRSS, median of 5 readings after a full GC. */
  rssKb: number;
  /** V8 heap in use plus external memory (Buffers) after a full GC. */
  heapKb: number;
}

/** After a quiet period and a full GC in the server: its RSS and heap. */
async function settled(server: RunningServer): Promise<Reading> {
  await sleep(SETTLE_MS);
  const usage = await server.gcAndMemory();
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    samples.push(server.rssKb());
    await sleep(300);
  }
  return { rssKb: median(samples), heapKb: (usage.heapUsed + usage.external) / 1024 };
}

interface Measure {
  baseline: Reading;
  loaded: Reading;
  rssPerItemKb: number;
  heapPerItemKb: number;
  reconnects: number;
}

function measure(baseline: Reading, loaded: Reading, count: number, clients: readonly BenchClient[]): Measure {
  return {
    baseline,
    loaded,
    rssPerItemKb: (loaded.rssKb - baseline.rssKb) / count,
    heapPerItemKb: (loaded.heapKb - baseline.heapKb) / count,
    reconnects: clients.reduce((a, c) => a + c.opens - 1, 0),
  };
}

async function attendeesOnOneDeck(kind: ServerKind, count: number): Promise<Measure> {
  const server = await startServer(kind, { inspect: true });
  const clients: BenchClient[] = [];
  try {
    const room = await openRoom(server, 'Memory: attendees');
    if (kind === 'reference') {
      // The reference room gets the same document a new deck has on ours.
      const doc = new Y.Doc();
      const seed = connectY(room, room.editor, { doc });
      await withTimeout(seed.synced, 30_000, 'seeding');
      initDeckDoc(doc, { title: 'Memory: attendees' });
      await sleep(200);
      seed.destroy();
    }
    const baseline = await settled(server);
    clients.push(...(await connectMany(count, () => connectY(room, room.viewer), 100)));
    await allConnected(clients);
    return measure(baseline, await settled(server), count, clients);
  } finally {
    destroyAll(clients);
    await server.stop();
  }
}

async function decksWithOneEditor(kind: ServerKind, count: number): Promise<Measure> {
  const server = await startServer(kind, { inspect: true });
  const clients: BenchClient[] = [];
  try {
    const rooms = [];
    for (let i = 0; i < count; i++) rooms.push(await openRoom(server, `Memory deck ${i + 1}`));
    const baseline = await settled(server);
    for (let i = 0; i < rooms.length; i += 20) {
      const group = rooms.slice(i, i + 20).map((room) => {
        const doc = new Y.Doc();
        const client = connectY(room, room.editor, { doc, awareness: { user: { name: 'Bench', color: '#2f6f9f' } } });
        return { client, doc };
      });
      await withTimeout(Promise.all(group.map((g) => g.client.synced)), 60_000, 'editors syncing');
      if (kind === 'reference') for (const g of group) initDeckDoc(g.doc, { title: 'Memory deck' });
      clients.push(...group.map((g) => g.client));
    }
    await allConnected(clients);
    return measure(baseline, await settled(server), count, clients);
  } finally {
    destroyAll(clients);
    await server.stop();
  }
}

const med = (map: Map<ServerKind, Measure[]>, k: ServerKind, f: (m: Measure) => number): number => median(map.get(k)!.map(f));
const mib = (kb: number): number => kb / 1024;
const describe = (m: Measure): string =>
  `RSS ${mib(m.baseline.rssKb).toFixed(1)} → ${mib(m.loaded.rssKb).toFixed(1)} MiB (${m.rssPerItemKb.toFixed(1)} kB each), ` +
  `heap ${mib(m.baseline.heapKb).toFixed(1)} → ${mib(m.loaded.heapKb).toFixed(1)} MiB (${m.heapPerItemKb.toFixed(1)} kB each), ${m.reconnects} reconnects`;

export const memory: Scenario = {
  id: 'memory',
  title: 'Server memory (RSS)',
  async run(ctx: BenchContext) {
    const attendees = ctx.quick ? 200 : 1000;
    const decks = ctx.quick ? 20 : 100;
    const rounds = ctx.quick ? 1 : 2;
    const a = new Map<ServerKind, Measure[]>(KINDS.map((k) => [k, []]));
    const d = new Map<ServerKind, Measure[]>(KINDS.map((k) => [k, []]));
    for (let r = 0; r < rounds; r++) {
      for (const kind of KINDS) {
        const m = await attendeesOnOneDeck(kind, attendees);
        a.get(kind)!.push(m);
        ctx.log(`  ${kind}: ${attendees} attendees: ${describe(m)}`);
      }
      for (const kind of KINDS) {
        const m = await decksWithOneEditor(kind, decks);
        d.get(kind)!.push(m);
        ctx.log(`  ${kind}: ${decks} decks: ${describe(m)}`);
      }
    }
    return {
      rows: [
        row(`RSS, ${attendees} idle attendees on 1 deck`, 'MiB', mib(med(a, 'ours', (m) => m.loaded.rssKb)), mib(med(a, 'reference', (m) => m.loaded.rssKb))),
        row('  RSS per attendee connection', 'kB', med(a, 'ours', (m) => m.rssPerItemKb), med(a, 'reference', (m) => m.rssPerItemKb)),
        row('  heap per attendee connection', 'kB', med(a, 'ours', (m) => m.heapPerItemKb), med(a, 'reference', (m) => m.heapPerItemKb)),
        row(`RSS, ${decks} decks open (1 editor each)`, 'MiB', mib(med(d, 'ours', (m) => m.loaded.rssKb)), mib(med(d, 'reference', (m) => m.loaded.rssKb))),
        row('  RSS per open deck (incl. its editor)', 'kB', med(d, 'ours', (m) => m.rssPerItemKb), med(d, 'reference', (m) => m.rssPerItemKb)),
        row('  heap per open deck (incl. its editor)', 'kB', med(d, 'ours', (m) => m.heapPerItemKb), med(d, 'reference', (m) => m.heapPerItemKb)),
        row('RSS idle (baseline, after GC)', 'MiB', mib(med(a, 'ours', (m) => m.baseline.rssKb)), mib(med(a, 'reference', (m) => m.baseline.rssKb))),
        row('heap idle (baseline, after GC)', 'MiB', mib(med(a, 'ours', (m) => m.baseline.heapKb)), mib(med(a, 'reference', (m) => m.baseline.heapKb))),
      ],
      details: { attendees, decks, rounds, attendeesOnOneDeck: Object.fromEntries(a), decksOpen: Object.fromEntries(d) },
      notes: [
        'VmRSS from /proc/<pid>/status of the server process (median of 5 readings, 0.3 s apart), taken after 2 s of quiet and two full GCs triggered through the ' +
          'server’s inspector (both servers run with --inspect=127.0.0.1:0 in this scenario only), which also reports process.memoryUsage() from inside: ' +
          '“heap” = heapUsed + external. Measured before (baseline: started, signed in, rooms created but not opened) and after the clients synced; ' +
          'per item = (after − baseline) / count. Each measurement starts a fresh server; ' +
          `${rounds} alternating round(s), medians shown. Attendees connect with an audience link and no awareness; editors with a small awareness state. ` +
          'On the reference the deck document is written by a client (same content as a new deck on ours). RSS does not always shrink after a GC ' +
          '(freed pages can stay mapped), so the heap figures are the steadier per-item measure. Our server runs as `npm start` runs it (the esbuild bundle on plain Node, no TypeScript loader thread); its baseline includes fastify, pino, zod, SQLite with its WAL checkpoint worker thread, and the seeded sample data.',
      ],
    };
  },
};
