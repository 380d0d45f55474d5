import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/closeCodes.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck } from '../helpers/decks.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/pgDatabase.ts';
import { startTestRedis, type TestRedis } from '../helpers/redisServer.ts';
import { startTcpProxy, type TcpProxy } from '../helpers/tcpProxy.ts';
import { ADMIN_PASSWORD, startChildServer, startTestServer, tempDataDir, type ChildServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

const available = await postgresAvailable();

describe.skipIf(!available)('kill -9 of one instance while its clients type', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  const children: ChildServer[] = [];
  const dataDir = tempDataDir();
  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startTestRedis();
  });
  afterEach(async () => {
    for (const c of children.splice(0)) if (c.process.exitCode === null && c.process.signalCode === null) await c.kill9();
  });
  afterAll(async () => {
    await redis?.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  test('clients reconnect to the other instance and nothing is lost', async () => {
    const env = { DATABASE_URL: db.url, REDIS_URL: redis.url };
    const [a, b] = await Promise.all([startChildServer(dataDir, env), startChildServer(dataDir, env)]);
    children.push(a, b);
    const api = new ApiClient(a.url);
    await api.login('admin', ADMIN_PASSWORD);
    const deckId = await newDeck(api, 'Crash');
    const typistDoc = new Y.Doc();
    let typist = connectClient(a.wsUrl, deckId, { cookie: api.cookie, doc: typistDoc });
    const watcher = connectClient(b.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([typist.synced, watcher.synced]);
    let typed = 0;
    const typing = setInterval(() => {
      typeInto(typistDoc, 0, String(typed % 10));
      typed++;
    }, 5);
    await eventually(() => expect(slideText(watcher.doc, 0).length).toBeGreaterThan('Crash'.length + 50));
    await a.kill9();
    await sleep(100);
    clearInterval(typing);
    // The load balancer sends the typist to B; its document (with every keystroke) goes along.
    typist.provider.destroy();
    typist = connectClient(b.wsUrl, deckId, { cookie: api.cookie, doc: typistDoc });
    await typist.synced;
    const expected = slideText(typistDoc, 0);
    expect(expected.length).toBe('Crash'.length + typed);
    await eventually(() => expect(slideText(watcher.doc, 0)).toBe(expected));
    const fresh = connectClient(b.wsUrl, deckId, { cookie: api.cookie });
    await fresh.synced;
    expect(slideText(fresh.doc, 0)).toBe(expected);
    for (const c of [typist, watcher, fresh]) c.destroy();
  });
});

describe.skipIf(!available)('PostgreSQL goes away', () => {
  let db: TestDatabase;
  let proxy: TcpProxy;
  let s: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    db = await createTestDatabase();
    proxy = await startTcpProxy('127.0.0.1', 5432);
    const url = new URL(db.url);
    url.port = String(proxy.port);
    s = await startTestServer({ databaseUrl: url.toString() });
    api = await loggedIn(s.url);
  });
  afterAll(async () => {
    await s?.close();
    await proxy?.close();
    await db?.drop();
  });

  test('writes fail with a clear close code, and the edit arrives once it is back', async () => {
    const deckId = await newDeck(api, 'No database');
    const editor = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    const peer = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([editor.synced, peer.synced]);
    const closes: number[] = [];
    editor.provider.on('connection-close', (e: CloseEvent | null) => e && closes.push(e.code));
    proxy.cut();
    typeInto(editor.doc, 0, ' typed while the database was away');
    await eventually(() => expect(closes).toContain(CloseCode.STORAGE_UNAVAILABLE));
    // Nothing unstored was relayed.
    expect(slideText(peer.doc, 0)).toBe('No database');
    proxy.restore();
    await eventually(() => expect(slideText(peer.doc, 0)).toBe('No database typed while the database was away'), 20_000);
    const fresh = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await fresh.synced;
    expect(slideText(fresh.doc, 0)).toBe('No database typed while the database was away');
    for (const c of [editor, peer, fresh]) c.destroy();
  });

  test('an HTTP route answers 503 storage-unavailable while the database is away, and serves again after', async () => {
    const deckId = await newDeck(api, 'HTTP without a database');
    proxy.cut();
    try {
      for (const request of [() => api.get('/api/decks'), () => api.get(`/api/decks/${deckId}`), () => api.post('/api/decks', { title: 'Not now' })]) {
        const res = await request();
        expect(res.status).toBe(503);
        expect(res.body).toMatchObject({ error: 'storage-unavailable' });
      }
    } finally {
      proxy.restore();
    }
    await eventually(async () => expect((await api.get(`/api/decks/${deckId}`)).status).toBe(200), 20_000);
  });
});
