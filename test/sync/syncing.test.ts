import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, slideCount } from '../../shared/deckModel.ts';
import { paragraph } from '../../shared/slideContent.ts';
import { loggedIn, type ApiClient } from '../helpers/apiClient.ts';
import { newDeck } from '../helpers/decks.ts';
import { deckSnapshot, slideText, typeInto } from '../helpers/docEdits.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { startTestServer, tempDataDir, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';
import { SlowStore } from '../helpers/slowStore.ts';

describe('syncing', () => {
  const fx = serverFixture();

  test('[SY1] two editors converge', async () => {
    const deckId = await newDeck(fx.api, 'Convergence');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([a.synced, b.synced]);
    typeInto(a.doc, 0, ' from A');
    typeInto(b.doc, 0, ' from B');
    addSlide(b.doc, { layout: 'quote' });
    await eventually(() => {
      expect(slideText(a.doc, 0)).toContain('from A');
      expect(slideText(a.doc, 0)).toContain('from B');
      expect(slideCount(a.doc)).toBe(2);
      expect(deckSnapshot(a.doc)).toEqual(deckSnapshot(b.doc));
    });
    a.destroy();
    b.destroy();
  });

  test('[SY2] a late joiner gets everything', async () => {
    const deckId = await newDeck(fx.api, 'Late joiner');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await a.synced;
    for (let i = 0; i < 20; i++) typeInto(a.doc, 0, ` ${i}`);
    addSlide(a.doc, { layout: 'section' });
    await sleep(200);
    const late = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await late.synced;
    // The first sync already holds the whole document: no waiting for later messages.
    expect(deckSnapshot(late.doc)).toEqual(deckSnapshot(a.doc));
    expect(slideText(late.doc, 0)).toContain(' 19');
    a.destroy();
    late.destroy();
  });

  test('[SY5] edits made offline arrive when the editor reconnects', async () => {
    const deckId = await newDeck(fx.api, 'Offline');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await a.synced;
    a.provider.disconnect();
    typeInto(a.doc, 0, ' written offline');
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await b.synced;
    expect(slideText(b.doc, 0)).not.toContain('written offline');
    a.provider.connect();
    await eventually(() => expect(slideText(b.doc, 0)).toContain('written offline'));
    a.destroy();
    b.destroy();
  });
});


describe('ordering against storage', () => {
  let s: TestServer;
  let store: SlowStore;
  let api: ApiClient;
  beforeAll(async () => {
    store = new SlowStore({ dataDir: tempDataDir() });
    s = await startTestServer({ store, idleUnloadMs: 0 });
    api = await loggedIn(s.url);
  });
  afterAll(async () => s.close());

  test('[SY3] no SyncStep1 is answered before the deck has loaded', async () => {
    const deckId = await newDeck(api, 'Slow load');
    const writer = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await writer.synced;
    // One commit per slide (updates arriving together would be stored as one).
    for (let i = 0; i < 5; i++) {
      const before = store.committed;
      addSlide(writer.doc, {});
      await eventually(() => expect(store.committed).toBeGreaterThan(before));
    }
    writer.destroy();
    await eventually(() => expect(s.server.services.registry.get(deckId)).toBeUndefined());
    store.loadDelayMs = 400;
    const reader = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await reader.synced;
    // Synced means synced with the stored deck, not with an empty one.
    expect(slideCount(reader.doc)).toBe(6);
    store.loadDelayMs = 0;
    reader.destroy();
  });

  test('[SY6] updates arriving during a commit are stored together, and each still reaches everyone else', async () => {
    const deckId = await newDeck(api, 'Group commit');
    const a = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    const c = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    const watcher = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([a.synced, c.synced, watcher.synced]);
    addSlide(a.doc, { content: [paragraph('C: ')] });
    await eventually(() => expect(slideCount(c.doc)).toBe(2));
    // Slow commits: while one is stored, the next keystrokes of both editors pile up.
    store.appendDelayMs = 100;
    const before = store.committed;
    for (let i = 0; i < 60; i++) {
      typeInto(a.doc, 0, 'a');
      typeInto(c.doc, 1, 'c');
    }
    const expectedA = slideText(a.doc, 0);
    const expectedC = slideText(c.doc, 1);
    await eventually(() => {
      expect(slideText(watcher.doc, 0)).toBe(expectedA);
      expect(slideText(watcher.doc, 1)).toBe(expectedC);
      expect(slideText(a.doc, 1)).toBe(expectedC);
      expect(slideText(c.doc, 0)).toBe(expectedA);
    }, 20_000);
    // 120 updates, far fewer commits; and everything is in the store.
    expect(store.committed - before).toBeLessThan(60);
    store.appendDelayMs = 0;
    const fresh = new Y.Doc();
    const stored = await store.loadDocument(deckId);
    if (stored.snapshot) Y.applyUpdate(fresh, stored.snapshot);
    for (const u of stored.updates) Y.applyUpdate(fresh, u.data);
    expect(deckSnapshot(fresh)).toEqual(deckSnapshot(watcher.doc));
    a.destroy();
    c.destroy();
    watcher.destroy();
  });

  test('[SY7] clients that have nothing share one encoded state, dropped at the next change', async () => {
    const deckId = await newDeck(api, 'Shared state');
    const writer = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await writer.synced;
    typeInto(writer.doc, 0, ' before');
    await eventually(() => expect(store.committed).toBeGreaterThan(0));
    writer.destroy();
    // Unloaded and compacted: the next load finds a snapshot and no log after it.
    await eventually(() => expect(s.server.services.registry.get(deckId)).toBeUndefined());
    const first = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await first.synced;
    expect(slideText(first.doc, 0)).toBe('Shared state before');
    typeInto(first.doc, 0, ' after');
    const room = s.server.services.registry.get(deckId)!;
    await eventually(() => expect(slideText(room.doc, 0)).toBe('Shared state before after'));
    // Two more clients with nothing in a row: both get the state with the change.
    const second = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    const third = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([second.synced, third.synced]);
    expect(slideText(second.doc, 0)).toBe('Shared state before after');
    expect(deckSnapshot(third.doc)).toEqual(deckSnapshot(first.doc));
    for (const c of [first, second, third]) c.destroy();
  });

  test('[SY4] an update is stored before anyone else receives it', async () => {
    const deckId = await newDeck(api, 'Store first');
    const a = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    const b = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([a.synced, b.synced]);
    store.appendDelayMs = 150;
    const before = store.committed;
    const seenAtArrival: number[] = [];
    b.doc.on('update', (_u: Uint8Array, origin: unknown) => {
      if (origin === b.provider) seenAtArrival.push(store.committed);
    });
    typeInto(a.doc, 0, ' stored first');
    // A late joiner arriving while the commit is in flight must not get it early either.
    await sleep(50);
    const late = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await late.synced;
    const committedWhenLateSynced = store.committed;
    await eventually(() => expect(slideText(b.doc, 0)).toContain('stored first'));
    expect(seenAtArrival.length).toBeGreaterThan(0);
    for (const committed of seenAtArrival) expect(committed).toBeGreaterThan(before);
    if (slideText(late.doc, 0).includes('stored first')) expect(committedWhenLateSynced).toBeGreaterThan(before);
    store.appendDelayMs = 0;
    a.destroy();
    b.destroy();
    late.destroy();
  });
});
