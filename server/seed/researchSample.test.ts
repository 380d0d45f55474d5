import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import * as Y from 'yjs';
import { chartsInDeck } from '../../shared/chartBlock.ts';
import { computeStats } from '../../shared/computeStats.ts';
import { slideCount } from '../../shared/deckModel.ts';
import { STAT_KEYS } from '../../shared/statsCatalogue.ts';
import { SqliteStore } from '../storage/SqliteStore.ts';
import { buildExampleDeck } from './exampleDeck.ts';
import { seedResearchSample } from './researchSample.ts';

test('the sample research log reproduces the published figures', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-seed-'));
  const store = new SqliteStore({ dataDir: dir });
  await seedResearchSample(store, null);
  const stats = computeStats({
    organisations: await store.listResearch('organisations'),
    interviews: await store.listResearch('interviews'),
    damocles: await store.listResearch('damocles'),
    agreements: await store.listResearch('agreements'),
    events: await store.listResearch('events'),
  });
  expect(stats['staff.interviewed']).toBe(52);
  expect(stats['organisations.total']).toBe(25);
  expect(stats['organisations.nonPartner']).toBe(15);
  const damocles = stats['damocles.byStatus'] as { label: string; value: number }[];
  expect(damocles.reduce((sum, p) => sum + p.value, 0)).toBe(34);
  expect(damocles.every((p) => p.value > 0)).toBe(true);
  expect(stats['agreements.total']).toBeGreaterThan(0);
  expect(stats['presentations.total']).toBeGreaterThanOrEqual(12);
  const months = stats['interviews.byMonth'] as { label: string }[];
  expect(months[0]!.label).toBe('2025-01');
  expect(months.length).toBeGreaterThanOrEqual(22);
  await store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the example deck has at least 6 slides with notes and live charts from the catalogue', () => {
  const doc = new Y.Doc();
  buildExampleDeck(doc);
  expect(slideCount(doc)).toBeGreaterThanOrEqual(6);
  const charts = chartsInDeck(doc);
  expect(charts.length).toBeGreaterThanOrEqual(3);
  for (const c of charts) expect(STAT_KEYS.has(c.statKey)).toBe(true);
});
