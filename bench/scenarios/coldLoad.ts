/**
 * 3. Cold load (ours): a deck whose log holds the whole editing trace as individual updates.
 * The updates are written straight into the SQLite store (SqliteStore.appendUpdate) while the
 * server is stopped; each measurement starts a fresh server process (so the deck is not in
 * memory) and times one client from connect to synced. Then the log is compacted
 * (compactDeck, what the server runs) and the same is measured again.
 */
import { performance } from 'node:perf_hooks';
import * as Y from 'yjs';
import { compactDeck } from '../../server/sync/compaction.ts';
import { SqliteStore } from '../../server/storage/SqliteStore.ts';
import { connectY, openRoom, withTimeout } from '../clients.ts';
import { row, type BenchContext, type Scenario } from '../scenario.ts';
import { startOurs, tempDir } from '../servers.ts';
import { median } from '../stats.ts';
import { applyTxn, expectedText, loadTrace } from '../trace.ts';
import fs from 'node:fs';

/** No compaction on unload, no unload at all while measuring. */
const ENV = { IDLE_UNLOAD_MS: String(3_600_000) };

async function timeLoad(dataDir: string, deckId: string, expected: string, profileDir: string | undefined): Promise<number> {
  const server = await startOurs({ dataDir, env: ENV, cpuProfDir: profileDir });
  try {
    const room = { server, name: deckId, editor: { cookie: server.api.cookie }, viewer: {} };
    const t0 = performance.now();
    const client = connectY(room, room.editor);
    try {
      await withTimeout(client.synced, 120_000, 'cold load');
      const ms = performance.now() - t0;
      const text = client.doc.getText('trace').toString();
      if (text !== expected) throw new Error(`cold load: the client's text differs from the trace (${text.length} vs ${expected.length} characters)`);
      return ms;
    } finally {
      client.destroy();
    }
  } finally {
    await server.stop();
  }
}

export const coldLoad: Scenario = {
  id: 'coldload',
  title: 'Cold load of a deck holding the trace (ours)',
  async run(ctx: BenchContext) {
    const trace = loadTrace();
    const count = ctx.quick ? 30_000 : trace.patches.length;
    const rounds = ctx.quick ? 1 : 3;
    const expected = expectedText(trace, count);
    const dataDir = tempDir('tussenstand-bench-cold-');
    try {
      // A deck made through the API (so it has its row, links and first update).
      const setup = await startOurs({ dataDir, env: ENV });
      let deckId: string;
      try {
        deckId = (await openRoom(setup, 'Cold load')).name;
      } finally {
        await setup.stop();
      }

      const t0 = performance.now();
      const doc = new Y.Doc();
      // A fixed client id (a 5-byte varint, as most random ids are) keeps the log's size the same run to run.
      doc.clientID = 3_000_000_000;
      const updates: Uint8Array[] = [];
      doc.on('update', (u: Uint8Array) => updates.push(u));
      const text = doc.getText('trace');
      for (let i = 0; i < count; i++) applyTxn(text, trace.patches[i]!);
      doc.destroy();
      const store = new SqliteStore({ dataDir });
      try {
        for (const u of updates) await store.appendUpdate(deckId, u, { userId: null, slideCount: 1 });
      } finally {
        await store.close();
      }
      const logBytes = updates.reduce((a, u) => a + u.byteLength, 0);
      ctx.log(`  wrote ${updates.length.toLocaleString('en-US')} updates (${(logBytes / 1024).toFixed(0)} KiB) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

      const before: number[] = [];
      for (let r = 0; r < rounds; r++) {
        before.push(await timeLoad(dataDir, deckId, expected, ctx.profileDir ? `${ctx.profileDir}/coldload-before` : undefined));
        ctx.log(`  before compaction: connect → synced ${before.at(-1)!.toFixed(0)} ms`);
      }

      const compactStore = new SqliteStore({ dataDir });
      let compactMs: number;
      let snapshotBytes = 0;
      try {
        const c0 = performance.now();
        const result = await compactDeck(compactStore, deckId);
        compactMs = performance.now() - c0;
        snapshotBytes = result?.snapshotBytes ?? 0;
        ctx.log(`  compaction: ${result?.replayed} updates → ${snapshotBytes} bytes in ${compactMs.toFixed(0)} ms`);
      } finally {
        await compactStore.close();
      }

      const after: number[] = [];
      for (let r = 0; r < rounds; r++) {
        after.push(await timeLoad(dataDir, deckId, expected, ctx.profileDir ? `${ctx.profileDir}/coldload-after` : undefined));
        ctx.log(`  after compaction: connect → synced ${after.at(-1)!.toFixed(0)} ms`);
      }
      const afterMs = median(after);
      return {
        rows: [
          row(`before compaction (${count.toLocaleString('en-US')} updates)`, 'ms', median(before), null),
          row('compaction (compactDeck)', 'ms', compactMs, null),
          row('after compaction', 'ms', afterMs, null, { text: '< 300 ms', met: afterMs < 300 }),
        ],
        details: { updates: updates.length, logBytes, snapshotBytes, compactMs, beforeMs: before, afterMs: after },
        notes: [
          `The trace’s first ${count.toLocaleString('en-US')} transactions, encoded as ${count.toLocaleString('en-US')} separate updates, are appended to a new deck’s log ` +
            'with SqliteStore.appendUpdate while the server is stopped. Each measurement starts a fresh server process (IDLE_UNLOAD_MS=1 h, so nothing compacts on its own), ' +
            'and times one editor client from creating the provider to its first sync (WebSocket upgrade, session check, loading the log into a Y.Doc, SyncStep2); ' +
            'the client’s text is checked against the trace. Then compactDeck (server/sync/compaction.ts) replaces the log with one snapshot ' +
            `(${snapshotBytes.toLocaleString('en-US')} bytes) and the load is timed again. Median of ${rounds} fresh starts each.`,
        ],
      };
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
