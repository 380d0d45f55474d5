/**
 * 2. Throughput: the automerge-paper trace replayed by one client, one transaction (one
 * update, one websocket message) per edit, through the server to a second client.
 */
import { performance } from 'node:perf_hooks';
import { connectY, destroyAll, openRoom, withTimeout, yieldToEvents } from '../clients.ts';
import { row, type BenchContext, type Scenario } from '../scenario.ts';
import { startServer, type RunningServer, type ServerKind } from '../servers.ts';
import { median } from '../stats.ts';
import { applyTxn, expectedText, loadTrace } from '../trace.ts';

const KINDS: ServerKind[] = ['ours', 'reference'];
/** Edits sent before the writer lets socket events run (its socket flushes, the receiver reads). */
const CHUNK = 500;

interface Replay {
  edits: number;
  seconds: number;
  editsPerSecond: number;
  /** Time the writer spent applying the edits locally and handing them to its socket. */
  writerSeconds: number;
}

async function replay(server: RunningServer, count: number, expected: string): Promise<Replay> {
  const trace = loadTrace();
  const room = await openRoom(server, 'Throughput');
  const writer = connectY(room, room.editor);
  const receiver = connectY(room, room.editor);
  try {
    await withTimeout(Promise.all([writer.synced, receiver.synced]), 30_000, 'connecting');
    const text = writer.doc.getText('trace');
    const marker = receiver.doc.getMap('bench');
    const finished = new Promise<number>((resolve) => {
      const check = (): void => {
        if (marker.get('done') === count) {
          receiver.doc.off('update', check);
          resolve(performance.now());
        }
      };
      receiver.doc.on('update', check);
    });
    const t0 = performance.now();
    let writerMs = 0;
    for (let i = 0; i < count; i += CHUNK) {
      const w0 = performance.now();
      const end = Math.min(count, i + CHUNK);
      for (let j = i; j < end; j++) applyTxn(text, trace.patches[j]!);
      writerMs += performance.now() - w0;
      await yieldToEvents();
    }
    writer.doc.getMap('bench').set('done', count);
    const t1 = await withTimeout(finished, 600_000, `${server.kind}: receiver waiting for the last edit`);
    const received = receiver.doc.getText('trace').toString();
    if (received !== expected) {
      const at = [...received].findIndex((c, k) => c !== expected[k]);
      throw new Error(
        `${server.kind}: the receiver's text differs from the trace's ${count === trace.patches.length ? 'endContent' : `text after ${count} edits`} ` +
          `(${received.length} vs ${expected.length} characters, first difference at ${at})`,
      );
    }
    const seconds = (t1 - t0) / 1000;
    return { edits: count, seconds, editsPerSecond: count / seconds, writerSeconds: writerMs / 1000 };
  } finally {
    destroyAll([writer, receiver]);
  }
}

export const throughput: Scenario = {
  id: 'throughput',
  title: 'Throughput (editing trace, client → server → client)',
  async run(ctx: BenchContext) {
    const trace = loadTrace();
    const count = ctx.quick ? 20_000 : trace.patches.length;
    const rounds = 2;
    const expected = expectedText(trace, count);
    const servers = new Map<ServerKind, RunningServer>();
    const results = new Map<ServerKind, Replay[]>(KINDS.map((k) => [k, []]));
    try {
      for (const kind of KINDS) servers.set(kind, await startServer(kind, { cpuProfDir: ctx.profileDir ? `${ctx.profileDir}/throughput` : undefined }));
      for (let r = 0; r < rounds; r++) {
        for (const kind of KINDS) {
          const result = await replay(servers.get(kind)!, count, expected);
          results.get(kind)!.push(result);
          ctx.log(`  round ${r + 1} ${kind}: ${count} edits in ${result.seconds.toFixed(1)} s = ${Math.round(result.editsPerSecond)} edits/s (writer ${result.writerSeconds.toFixed(1)} s); text matches`);
        }
      }
    } finally {
      for (const s of servers.values()) await s.stop();
    }
    // Edits per second from the median wall time (so the two rows agree).
    const secs = (k: ServerKind): number => median(results.get(k)!.map((x) => x.seconds));
    const eps = (k: ServerKind): number => count / secs(k);
    return {
      rows: [row(`${count.toLocaleString('en-US')} edits`, 'edits/s', eps('ours'), eps('reference')), row('wall time', 's', secs('ours'), secs('reference'))],
      details: { edits: count, rounds, chunk: CHUNK, ours: results.get('ours'), reference: results.get('reference') },
      notes: [
        `One writer applies ${count.toLocaleString('en-US')} trace transactions to a Y.Text, one transaction each (one update, one websocket message), ` +
          `yielding to the event loop every ${CHUNK}; then it sets a marker. Time runs from the first edit to the receiver seeing the marker; ` +
          'the receiver’s text is then compared with the trace’s endContent (a mismatch fails the scenario). Both clients run in the bench process. ' +
          'Our server stores every update in SQLite before relaying it and compacts the log every 500 updates; the reference keeps the document in memory only.',
      ],
    };
  },
};
