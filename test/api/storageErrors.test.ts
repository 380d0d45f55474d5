import { afterAll, beforeAll, expect, test } from 'vitest';
import { SqliteStore } from '../../server/storage/SqliteStore.ts';
import type { DeckRecord } from '../../server/storage/Store.ts';
import { loggedIn, type ApiClient } from '../helpers/apiClient.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts';

/** A store whose disk is full for new decks: the error better-sqlite3 throws then. */
class FullDiskStore extends SqliteStore {
  full = false;
  override async createDeck(deck: Pick<DeckRecord, 'id' | 'title' | 'createdBy' | 'slideCount'>, initialUpdate: Uint8Array): Promise<DeckRecord> {
    if (this.full) throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    return super.createDeck(deck, initialUpdate);
  }
}

let server: TestServer;
let store: FullDiskStore;
let api: ApiClient;

beforeAll(async () => {
  store = new FullDiskStore({ dataDir: tempDataDir() });
  server = await startTestServer({ store });
  api = await loggedIn(server.url);
});
afterAll(async () => server.close());

test('a store that cannot write answers 503 storage-unavailable (a passing condition), not 500', async () => {
  store.full = true;
  const refused = await api.post('/api/decks', { title: 'Tussenstand januari' });
  expect(refused.status).toBe(503);
  expect(refused.body).toEqual({ error: 'storage-unavailable', message: 'storage is unavailable; try again shortly' });
  store.full = false;
  const created = await api.post('/api/decks', { title: 'Tussenstand januari' });
  expect(created.status).toBe(201);
});
