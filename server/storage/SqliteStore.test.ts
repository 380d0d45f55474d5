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
