/**
 * [LM4] [LM5] [ST6] Per-socket rate limits with the default settings: a flooding socket is
 * closed with 4429 (RATE_LIMITED) and a reason, everyone else keeps working, what was
 * accepted before the cut is stored consistently, the y-websocket client does not reconnect
 * after 4429, and a fast but real user is never cut.
 *
 * The oversized-frame case (4413, no resend loop) is [LM1] in test/sync/limits.test.ts.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/closeCodes.ts';
import { MAX_PENDING_MESSAGES, type Connection } from '../../server/sync/Connection.ts';
import { DEFAULT_AWARENESS_RATE_LIMIT, DEFAULT_STATS_RATE_LIMIT, DEFAULT_SYNC_RATE_LIMIT } from '../../server/ws/rateLimit.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { awarenessFrame, rawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts';
import { loggedIn } from '../helpers/apiClient.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { startTestServer, tempDataDir } from '../helpers/testServer.ts';
import { statsSocket } from '../helpers/statsSocket.ts';
import { connectClient, eventually, sleep, type YClient } from '../helpers/yClient.ts';
import { SlowStore } from '../helpers/slowStore.ts';

/** Updates that each set one key of a root map, in order: update i depends on update i-1. */
function floodUpdates(count: number, padding = 0): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => updates.push(u));
  const map = doc.getMap<number | string>('flood');
  for (let i = 0; i < count; i++) map.set(String(i), padding > 0 ? String(i % 10).repeat(padding) : i);
  doc.destroy();
  return updates;
}

/** The flood keys a document holds, checked to be exactly 0..n-1, and n. */
function acceptedPrefix(doc: Y.Doc): number {
  const keys = [...doc.getMap('flood').keys()].map(Number).sort((a, b) => a - b);
  keys.forEach((k, i) => expect(k).toBe(i));
  return keys.length;
}

async function editorsSyncBothWays(a: YClient, b: YClient, mark: string): Promise<void> {
  typeInto(a.doc, 0, ` a${mark}`);
  await eventually(() => expect(slideText(b.doc, 0)).toContain(` a${mark}`), 15_000);
  typeInto(b.doc, 0, ` b${mark}`);
  await eventually(() => expect(slideText(a.doc, 0)).toContain(` b${mark}`), 15_000);
}


describe('floods with the default limits', () => {
  const logLines: Record<string, unknown>[] = [];
  const fx = serverFixture({ logLines });

  test('[LM4] an update flood closes that socket with 4429; the others keep syncing; what was accepted is stored consistently', async () => {
    const deckId = await newDeck(fx.api, 'Flooded');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([a.synced, b.synced]);
    // Far more than the burst: whatever the store's speed, the sustained rate is exceeded
    // (the server stops reading a socket with a backlog, so the bucket sees the rate at
    // which it works through the flood, which must stay above 300/s for 6 s).
    const total = 30_000;
    const updates = floodUpdates(total);
    const flooder = rawSocket(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await flooder.opened;
    for (const u of updates) flooder.ws.send(syncUpdateFrame(u));
    // Edits during the flood still get through both ways (they wait behind at most one
    // socket's bounded backlog).
    await editorsSyncBothWays(a, b, 'during');
    const closed = await flooder.closed;
    expect(closed.code).toBe(CloseCode.RATE_LIMITED);
    expect(closed.reason).toMatch(/^rate limited: more than 300 sync messages\/s \(burst 3000\)$/);
    await editorsSyncBothWays(a, b, 'after');
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);

    // What was accepted before the cut: at least the burst, not everything, an unbroken
    // prefix, and the same for both editors and for a fresh client loading from the store.
    await fx.s.server.services.registry.get(deckId)?.drained();
    const fresh = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await fresh.synced;
    await eventually(() => {
      const n = acceptedPrefix(fresh.doc);
      expect(acceptedPrefix(a.doc)).toBe(n);
      expect(acceptedPrefix(b.doc)).toBe(n);
    }, 15_000);
    const accepted = acceptedPrefix(fresh.doc);
    expect(accepted).toBeGreaterThanOrEqual(DEFAULT_SYNC_RATE_LIMIT.burst);
    expect(accepted).toBeLessThan(total);
    expect(slideText(fresh.doc, 0)).toBe(slideText(a.doc, 0));
    // And the store itself (not only the room in memory) holds exactly that.
    const stored = await fx.s.server.services.store.loadDocument(deckId);
    const fromStore = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(fromStore, stored.snapshot);
    for (const { data } of stored.updates) Y.applyUpdate(fromStore, data);
    expect(acceptedPrefix(fromStore)).toBe(accepted);
    expect(slideText(fromStore, 0)).toBe(slideText(a.doc, 0));
    expect(Y.encodeStateVector(fromStore)).toEqual(Y.encodeStateVector(fresh.doc));
    expect(logLines.some((l) => l.event === 'ws-rate-limited' && l.deckId === deckId && l.kind === 'sync')).toBe(true);
    for (const c of [a, b, fresh]) c.destroy();
  });

  test('[LM4] an awareness flood closes that socket with 4429; the others keep syncing', async () => {
    const deckId = await newDeck(fx.api, 'Awareness flood');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([a.synced, b.synced]);
    const flooder = rawSocket(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await flooder.opened;
    const clientId = 424242;
    for (let clock = 1; clock <= 5_000; clock++) flooder.ws.send(awarenessFrame([{ clientId, clock, state: { cursor: clock } }]));
    const closed = await flooder.closed;
    expect(closed.code).toBe(CloseCode.RATE_LIMITED);
    expect(closed.reason).toBe(`rate limited: more than ${DEFAULT_AWARENESS_RATE_LIMIT.perSecond} awareness messages/s (burst ${DEFAULT_AWARENESS_RATE_LIMIT.burst})`);

    await editorsSyncBothWays(a, b, 'aw');
    // The editors received up to 600 relayed states and (as y-websocket does) echoed each
    // back; the echoes must not count against them. Only the flooder was cut.
    expect(logLines.filter((l) => l.event === 'ws-rate-limited' && l.deckId === deckId)).toHaveLength(1);
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    // The flooder's state went with its socket ([AW3]).
    await eventually(() => expect(a.provider.awareness.getStates().has(clientId)).toBe(false), 15_000);
    for (const c of [a, b]) c.destroy();
  });

  test('[LM4] an attendee socket flooding forged writes is cut too (they are dropped, but still counted)', async () => {
    const deckId = await newDeck(fx.api, 'Viewer flood');
    const token = await newLink(fx.api, deckId);
    const viewer = rawSocket(fx.s.wsUrl, deckId, { token });
    await viewer.opened;
    const update = floodUpdates(1)[0]!;
    for (let i = 0; i < 10_000; i++) viewer.ws.send(syncUpdateFrame(update));
    expect((await viewer.closed).code).toBe(CloseCode.RATE_LIMITED);
  });

  test('[ST6] a /stats subscribe flood closes that socket with 4429', async () => {
    const bystander = statsSocket(fx.s.wsUrl, { cookie: fx.api.cookie });
    const flooder = statsSocket(fx.s.wsUrl, { cookie: fx.api.cookie });
    await Promise.all([bystander.opened, flooder.opened]);
    for (let i = 0; i < 2_000; i++) flooder.subscribe(['interviews.total']);
    const closed = await flooder.closed;
    expect(closed.code).toBe(CloseCode.RATE_LIMITED);
    expect(closed.reason).toBe(`rate limited: more than ${DEFAULT_STATS_RATE_LIMIT.perSecond} messages/s (burst ${DEFAULT_STATS_RATE_LIMIT.burst})`);
    // The bystander is unaffected.
    bystander.subscribe(['interviews.total']);
    await eventually(() => expect(bystander.statsFor('interviews.total').length).toBeGreaterThan(0), 15_000);
    expect(bystander.ws.readyState).toBe(bystander.ws.OPEN);
    bystander.ws.close();
  });

  test('[LM4] a y-websocket client closed with 4429 does not reconnect', async () => {
    const deckId = await newDeck(fx.api, 'No reconnect');
    const opensBefore = (): number => logLines.filter((l) => l.event === 'ws-open' && l.deckId === deckId).length;
    const bystander = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const runaway = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([bystander.synced, runaway.synced]);
    expect(opensBefore()).toBe(2);
    let attempts = 0;
    runaway.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connecting') attempts++;
    });
    // A runaway pointer: every change is one awareness message, sent at once.
    for (let i = 0; i < 5_000; i++) runaway.provider.awareness.setLocalStateField('pointer', { x: i, y: i });
    const closed = await runaway.closed;
    expect(closed.code).toBe(CloseCode.RATE_LIMITED);
    // y-websocket would retry a transient close after ~100 ms-1 s; give it several times that.
    await sleep(3_000);
    expect(attempts).toBe(0);
    expect(runaway.provider.shouldConnect).toBe(false);
    expect(opensBefore()).toBe(2);
    typeInto(bystander.doc, 0, ' still here');
    await eventually(() => expect(slideText(bystander.doc, 0)).toContain('still here'));
    for (const c of [bystander, runaway]) c.destroy();
  });

  test('[LM4] a fast typist (2,000 edits at once) among three editors moving pointers at 60 Hz for 3 s is not cut', async () => {
    const deckId = await newDeck(fx.api, 'Typist');
    const editors = [0, 1, 2].map(() => connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie }));
    const [typist, reader] = editors as [YClient, YClient, YClient];
    await Promise.all(editors.map((e) => e.synced));
    let closes = 0;
    for (const e of editors) e.provider.on('connection-close', () => closes++);
    // Every call is its own transaction, so its own update message, all sent in one tick:
    // the worst a real editor does (a paste split into many transactions, an import loop).
    for (let i = 0; i < 2_000; i++) typeInto(typist.doc, 0, String(i % 10));
    // Each client sends its own 60 Hz and echoes the other two (y-websocket re-sends every
    // awareness change it receives): ~180 messages a second each. (That echoes are credited
    // is proven by the awareness-flood test above, whose bystanders echo 600 states at once.)
    const pointers = editors.map((e) => setInterval(() => e.provider.awareness.setLocalStateField('pointer', { x: Math.random(), y: Math.random() }), 1000 / 60));
    await sleep(3_000);
    for (const p of pointers) clearInterval(p);
    await eventually(() => expect(slideText(reader.doc, 0).length).toBe('Typist'.length + 2_000), 20_000);
    expect(closes).toBe(0);
    expect(editors.every((e) => e.provider.wsconnected)).toBe(true);
    expect(logLines.some((l) => l.event === 'ws-rate-limited' && l.deckId === deckId)).toBe(false);
    for (const e of editors) e.destroy();
  });
});

describe('a fast sender and a slow store', () => {
  test('[LM5] the server stops reading a socket whose backlog is full instead of queueing without bound', { timeout: 60_000 }, async () => {
    const store = new SlowStore({ dataDir: tempDataDir() });
    const s = await startTestServer({ store });
    try {
      const api = await loggedIn(s.url);
      const deckId = await newDeck(api, 'Backlog');
      const bystander = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
      await bystander.synced;
      // 2,500 updates of 4 KiB (10 MiB; under the sync burst, so no 4429) against a store
      // that needs 50 ms per commit: the socket sends far faster than the deck can store,
      // even with the room's group commit. (4 KiB, because a paused socket still delivers
      // the rest of the chunk it was reading, up to 64 KiB: with tiny frames that chunk
      // alone could hold the whole flood.)
      const total = 2_500;
      const updates = floodUpdates(total, 4096);
      store.appendDelayMs = 50;
      const sender = rawSocket(s.wsUrl, deckId, { cookie: api.cookie });
      await sender.opened;
      // The server's own count of queued work per socket (white-box: it is what [LM5] bounds).
      const connections = (s.server.services.sync as unknown as { connections: Set<Connection> }).connections;
      for (const u of updates) sender.ws.send(syncUpdateFrame(u));
      const room = s.server.services.registry.get(deckId)!;
      await eventually(() => expect(room.doc.getMap('flood').size).toBeGreaterThanOrEqual(1_500), 30_000);
      const conn = [...connections].find((c) => c.peakPendingMessages > 0 && !c.readOnly && c.pauses > 0);
      expect(conn, 'the flooding socket was paused at least once').toBeDefined();
      const peak = conn!.peakPendingMessages;
      // Without the bound most of the flood would be queued at once (loopback delivers
      // 10 MiB in a blink). Frames in the chunk that crossed the line still arrive after the
      // pause: at most 16 of these.
      expect(peak).toBeGreaterThan(MAX_PENDING_MESSAGES / 2);
      expect(peak).toBeLessThanOrEqual(MAX_PENDING_MESSAGES + 32);
      // The sender goes away; what the server had read is worked off and the deck serves on.
      sender.ws.terminate();
      store.appendDelayMs = 0;
      typeInto(bystander.doc, 0, ' still served');
      const check = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
      await check.synced;
      await eventually(() => expect(slideText(check.doc, 0)).toBe('Backlog still served'), 30_000);
      bystander.destroy();
      check.destroy();
    } finally {
      await s.close();
    }
  });
});
