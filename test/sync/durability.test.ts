import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import Database from 'better-sqlite3';
import path from 'node:path';
import { addSlide, slideCount } from '../../shared/deckModel.ts';
import { CloseCode } from '../../shared/closeCodes.ts';
import { compactDeck } from '../../server/sync/compaction.ts';
import { SqliteStore } from '../../server/storage/SqliteStore.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck } from '../helpers/decks.ts';
import { deckSnapshot, slideText, typeInto } from '../helpers/docEdits.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { startChildServer, startTestServer, tempDataDir, ADMIN_PASSWORD, type ChildServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('restarts and crashes (child process)', () => {
  let dataDir: string;
  let child: ChildServer | null = null;
  beforeAll(() => {
    dataDir = tempDataDir();
  });
  afterEach(async () => {
    if (child && child.process.exitCode === null) await child.kill9();
    child = null;
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  test('[DU1] a restart keeps everything', async () => {
    child = await startChildServer(dataDir);
    const api = new ApiClient(child.url);
    await api.login('admin', ADMIN_PASSWORD);
    const deckId = await newDeck(api, 'Restart');
    const a = connectClient(child.wsUrl, deckId, { cookie: api.cookie });
    await a.synced;
    typeInto(a.doc, 0, ' survives');
    addSlide(a.doc, { layout: 'quote' });
    const expected = deckSnapshot(a.doc);
    await eventually(async () => expect((await api.get(`/api/decks/${deckId}`)).body.slideCount).toBe(2));
    a.destroy();
    await child.stop();

    child = await startChildServer(dataDir);
    const api2 = new ApiClient(child.url);
    await api2.login('admin', ADMIN_PASSWORD);
    const b = connectClient(child.wsUrl, deckId, { cookie: api2.cookie });
    await b.synced;
    expect(deckSnapshot(b.doc)).toEqual(expected);
    // First start seeded once; a restart does not seed again.
    const decks = (await api2.get('/api/decks')).body.decks as { title: string }[];
    expect(decks.filter((d) => d.title.startsWith('Tussenstand Spoor 3'))).toHaveLength(1);
    b.destroy();
  });

  test('[DU2] kill -9 right after a burst loses nothing a peer received', async () => {
    child = await startChildServer(dataDir);
    const api = new ApiClient(child.url);
    await api.login('admin', ADMIN_PASSWORD);
    const deckId = await newDeck(api, 'Burst');
    const writer = connectClient(child.wsUrl, deckId, { cookie: api.cookie });
    const peer = connectClient(child.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([writer.synced, peer.synced]);
    for (let i = 0; i < 300; i++) typeInto(writer.doc, 0, `${i % 10}`);
    for (let i = 0; i < 5; i++) addSlide(writer.doc, {});
    await eventually(() => expect(slideCount(peer.doc)).toBe(6), 10_000);
    // The peer has everything: kill the server at once, without any shutdown.
    const received = deckSnapshot(peer.doc);
    await child.kill9();
    writer.destroy();
    peer.destroy();

    child = await startChildServer(dataDir);
    const api2 = new ApiClient(child.url);
    await api2.login('admin', ADMIN_PASSWORD);
    const after = connectClient(child.wsUrl, deckId, { cookie: api2.cookie });
    await after.synced;
    expect(deckSnapshot(after.doc)).toEqual(received);
    expect(slideText(after.doc, 0)).toHaveLength('Burst'.length + 300);
    after.destroy();
  });
});

describe('compaction, damage and memory', () => {
  const fx = serverFixture({ compactAfterUpdates: 40, idleUnloadMs: 50 });

  test('[DU3] compaction keeps the content identical', async () => {
    const deckId = await newDeck(fx.api, 'Compact');
    const { store } = fx.s.server.services;
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await a.synced;
    // One stored update per character: updates that reach the server together are stored as
    // one log entry (group commit), and this test needs many entries.
    const room = () => fx.s.server.services.registry.get(deckId)!;
    for (let i = 0; i < 120; i++) {
      typeInto(a.doc, 0, String.fromCharCode(97 + (i % 26)));
      await eventually(() => expect(slideText(room().doc, 0)).toBe(slideText(a.doc, 0)));
    }
    addSlide(a.doc, {});
    const expected = deckSnapshot(a.doc);
    const watcher = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await eventually(() => expect(deckSnapshot(watcher.doc)).toEqual(expected));
    // The log was compacted along the way (threshold 40), so it holds far fewer than 122 rows.
    await eventually(async () => {
      expect((await store.loadDocument(deckId)).snapshot).not.toBeNull();
      expect(await store.countUpdates(deckId)).toBeLessThan(40);
    });
    watcher.destroy();
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await b.synced;
    expect(deckSnapshot(b.doc)).toEqual(expected);
    a.destroy();
    b.destroy();
  });

  test('[DU3] an update written while compaction runs is kept', async () => {
    const dir = tempDataDir();
    const store = new SqliteStore({ dataDir: dir });
    const base = new Y.Doc();
    addSlide(base, {});
    const deck = await store.createDeck({ id: 'compactRace1', title: 'Race', createdBy: null, slideCount: 1 }, Y.encodeStateAsUpdate(base));
    const later = new Y.Doc();
    Y.applyUpdate(later, Y.encodeStateAsUpdate(base));
    const sv = Y.encodeStateVector(later);
    addSlide(later, {});
    const lateUpdate = Y.encodeStateAsUpdate(later, sv);
    // Write the late update between compaction's read and its write.
    const realCompact = store.compactDocument.bind(store);
    store.compactDocument = async (deckId, snapshot, uptoSeq) => {
      await store.appendUpdate(deckId, lateUpdate, { userId: null, slideCount: 2 });
      await realCompact(deckId, snapshot, uptoSeq);
    };
    await compactDeck(store, deck.id);
    const reloaded = new Y.Doc();
    const { snapshot, updates } = await store.loadDocument(deck.id);
    Y.applyUpdate(reloaded, snapshot!);
    for (const u of updates) Y.applyUpdate(reloaded, u.data);
    expect(updates).toHaveLength(1);
    expect(slideCount(reloaded)).toBe(2);
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('[MM1] an idle deck is unloaded and loads again from the store', async () => {
    const deckId = await newDeck(fx.api, 'Idle');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await a.synced;
    typeInto(a.doc, 0, ' again');
    await eventually(() => expect(fx.s.server.services.registry.get(deckId)).toBeDefined());
    await sleep(100);
    a.destroy();
    await eventually(() => expect(fx.s.server.services.registry.get(deckId)).toBeUndefined());
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await b.synced;
    expect(slideText(b.doc, 0)).toBe('Idle again');
    b.destroy();
  });

  test('[DU4] a damaged deck is reported and other decks keep serving', async () => {
    const damaged = await newDeck(fx.api, 'Damaged');
    const healthy = await newDeck(fx.api, 'Healthy');
    await eventually(() => expect(fx.s.server.services.registry.get(damaged)).toBeUndefined());
    // Corrupt the deck's stored log behind the server's back (a bad disk, a bad restore).
    const db = new Database(path.join(fx.s.dataDir, 'tussenstand.db'));
    db.prepare('INSERT INTO doc_updates (deck_id, data) VALUES (?, ?)').run(damaged, Buffer.from([0, 1, 2, 250, 251, 252, 7]));
    db.close();
    const victim = connectClient(fx.s.wsUrl, damaged, { cookie: fx.api.cookie });
    const closed = await victim.closed;
    expect(closed.code).toBe(CloseCode.DECK_DAMAGED);
    const ok = connectClient(fx.s.wsUrl, healthy, { cookie: fx.api.cookie });
    await ok.synced;
    expect(slideText(ok.doc, 0)).toBe('Healthy');
    victim.destroy();
    ok.destroy();
  });
});

describe('[LG1] connection logs', () => {
  const lines: Record<string, unknown>[] = [];
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ logLines: lines });
  });
  afterAll(async () => s.close());

  test('one line per open and close, with deck, role and code', async () => {
    const api = await loggedIn(s.url);
    const deckId = await newDeck(api);
    const a = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await a.synced;
    a.destroy();
    const refused = connectClient(s.wsUrl, deckId);
    await refused.closed;
    refused.destroy();
    await eventually(() => {
      const open = lines.filter((l) => l.event === 'ws-open' && l.deckId === deckId);
      const close = lines.filter((l) => l.event === 'ws-close' && l.deckId === deckId);
      const refusedLines = lines.filter((l) => l.event === 'ws-refused' && l.deckId === deckId);
      expect(open).toHaveLength(1);
      expect(open[0]).toMatchObject({ role: 'editor' });
      expect(close).toHaveLength(1);
      expect(close[0]).toMatchObject({ role: 'editor', code: expect.any(Number) });
      expect(refusedLines).toHaveLength(1);
      expect(refusedLines[0]).toMatchObject({ code: CloseCode.NO_CREDENTIALS });
    });
  });
});
