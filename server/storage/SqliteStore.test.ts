import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { SqliteStore } from './SqliteStore.ts';
import { storeContract } from './storeContract.ts';

storeContract('SQLite', async () => new SqliteStore({ dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-store-')) }));

test('SQLite store runs in WAL mode and reopens its file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-store-'));
  const first = new SqliteStore({ dataDir: dir });
  await first.createDeck({ id: 'd1', title: 'Kept', createdBy: null, slideCount: 1 }, new Uint8Array([1]));
  await first.close();
  expect(fs.existsSync(path.join(dir, 'tussenstand.db'))).toBe(true);
  const second = new SqliteStore({ dataDir: dir });
  expect((await second.getDeck('d1'))?.title).toBe('Kept');
  await second.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the WAL is checkpointed by the worker thread, not by commits', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-store-'));
  const dbFile = path.join(dir, 'tussenstand.db');
  // ~8 MB of updates: far past SQLite's automatic checkpoint (1,000 pages, 4 MB).
  const chunk = new Uint8Array(4096).fill(7);
  const write8MB = async (store: SqliteStore) => {
    for (let i = 0; i < 2000; i++) await store.appendUpdate('d1', chunk, { userId: null, slideCount: 1 });
  };

  // A checkpointer that will not run during the test: no commit copies pages into the file.
  const idle = new SqliteStore({ dataDir: dir, checkpointIntervalMs: 60_000 });
  await idle.createDeck({ id: 'd1', title: 'Busy', createdBy: null, slideCount: 1 }, new Uint8Array([1]));
  const start = fs.statSync(dbFile).size;
  await write8MB(idle);
  expect(fs.statSync(dbFile).size).toBe(start);
  expect(fs.statSync(`${dbFile}-wal`).size).toBeGreaterThan(8_000_000);
  // Closing stops the worker and checkpoints the rest: the WAL file is gone, the data kept.
  await idle.close();
  expect(fs.existsSync(`${dbFile}-wal`)).toBe(false);
  const afterClose = fs.statSync(dbFile).size;
  expect(afterClose).toBeGreaterThan(start + 8_000_000);

  // A checkpointer every 100 ms moves the pages while the store stays open.
  const busy = new SqliteStore({ dataDir: dir, checkpointIntervalMs: 100 });
  try {
    await write8MB(busy);
    const deadline = Date.now() + 15_000;
    while (fs.statSync(dbFile).size < afterClose + 8_000_000 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(fs.statSync(dbFile).size).toBeGreaterThan(afterClose + 8_000_000);
    expect(await busy.countUpdates('d1')).toBe(4001);
  } finally {
    await busy.close();
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
