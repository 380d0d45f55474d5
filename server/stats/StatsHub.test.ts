/**
 * The hub keeps the last value of every statistic in the store, with the time it changed,
 * so a chart can be drawn from it when the research log cannot be read (stats-spec [ST10]).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import { afterEach, expect, test } from 'vitest';
import { SqliteStore } from '../storage/SqliteStore.ts';
import { seedResearchSample } from '../seed/researchSample.ts';
import { StatsHub } from './StatsHub.ts';

const logger = pino({ level: 'silent' });
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function openStore(dir: string, options: { researchFails?: boolean } = {}): SqliteStore {
  const store = new SqliteStore({ dataDir: dir });
  if (options.researchFails) {
    // The research log unreadable (a broken table, a disk error): only this read fails.
    store.listResearch = () => Promise.reject(new Error('disk I/O error'));
  }
  return store;
}

test('[ST10] a value is stored with the time it changed; a restart with an unreadable research log still has it, dated', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-statshub-'));
  dirs.push(dir);
  const first = openStore(dir);
  await seedResearchSample(first, null);
  const hub = new StatsHub(first, logger);
  await hub.ready;
  const total = hub.get('organisations.total')!;
  expect(total.value).toBe(25);
  hub.close();
  await first.close();

  const broken = openStore(dir, { researchFails: true });
  const fallback = new StatsHub(broken, logger);
  await fallback.ready;
  expect(fallback.get('organisations.total')).toEqual(total);
  expect(fallback.get('interviews.byMonth')?.value).toEqual(expect.arrayContaining([{ label: '2025-01', value: expect.any(Number) }]));
  fallback.close();
  await broken.close();

  // Readable again and unchanged: the value keeps the date it became what it is.
  const again = openStore(dir);
  const hub2 = new StatsHub(again, logger);
  await hub2.ready;
  expect(hub2.get('organisations.total')).toEqual(total);

  // A change gets a new date, and that is what is stored.
  const interviews = hub2.get('interviews.total')!;
  // An organisation already interviewed: the count of organisations reached stays 25.
  const [earlier] = await again.listResearch('interviews');
  await again.insertResearch('interviews', [{ id: 'int-new', date: '2026-11-20', organisationId: earlier!.organisationId, staff: 2, track: 3, topic: '' }], null, 'create');
  const changed = new Promise<void>((resolve) => hub2.once('changed', () => resolve()));
  hub2.invalidate();
  await changed;
  const after = hub2.get('interviews.total')!;
  expect(after.value).toBe((interviews.value as number) + 1);
  expect(after.updatedAt > interviews.updatedAt).toBe(true);
  expect(hub2.get('organisations.total')).toEqual(total);
  await new Promise((r) => setTimeout(r, 50));
  expect((await again.loadStatSnapshots()).find((s) => s.key === 'interviews.total')).toEqual(after);
  hub2.close();
  await again.close();
});
