import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.ts';
import * as Y from 'yjs';
import { addSlide, listSlides, readPresentation, slideCount, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { paragraph } from '../../shared/slideContent.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { deckSnapshot, slideText, typeInto } from '../helpers/docEdits.ts';
import { createTestDatabase, postgresAvailable, type TestDatabase } from '../helpers/pgDatabase.ts';
import { startTestRedis, type TestRedis } from '../helpers/redisServer.ts';
import { rawSocket, syncStep1Frame } from '../helpers/rawSocket.ts';
import { statsSocket } from '../helpers/statsSocket.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

const available = await postgresAvailable();

describe.skipIf(!available)('several instances on PostgreSQL and Redis', () => {
  let db: TestDatabase;
  let redis: TestRedis;
  let a: TestServer;
  let b: TestServer;
  let apiA: ApiClient;
  let apiB: ApiClient;

  beforeAll(async () => {
    db = await createTestDatabase();
    redis = await startTestRedis();
    const shared = { databaseUrl: db.url, redisUrl: redis.url };
    // Started together against an empty database: one migrates and seeds, the other waits.
    [a, b] = await Promise.all([startTestServer(shared), startTestServer(shared)]);
    apiA = await loggedIn(a.url);
    apiB = await loggedIn(b.url);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await redis?.stop();
    await db?.drop();
  });

  test('concurrent first start seeds exactly once', async () => {
    const decks = (await apiA.get('/api/decks')).body.decks as { title: string }[];
    expect(decks.filter((d) => d.title.startsWith('Tussenstand Spoor 3'))).toHaveLength(1);
    const users = (await apiA.get('/api/users')).body.users as { username: string }[];
    expect(users.filter((u) => u.username === 'admin')).toHaveLength(1);
    expect((await apiA.get('/api/research/organisations')).body.records).toHaveLength(53);
  });

  test('a session made on one instance works on the other', async () => {
    const viaB = new ApiClient(b.url);
    viaB.cookie = apiA.cookie;
    expect((await viaB.get('/api/me')).status).toBe(200);
  });

  test('editors on different instances converge, with each other’s carets', async () => {
    const deckId = await newDeck(apiA, 'Across instances');
    const onA = connectClient(a.wsUrl, deckId, { cookie: apiA.cookie });
    const onB = connectClient(b.wsUrl, deckId, { cookie: apiB.cookie });
    await Promise.all([onA.synced, onB.synced]);
    typeInto(onA.doc, 0, ' from A');
    typeInto(onB.doc, 0, ' from B');
    addSlide(onB.doc, {});
    onA.provider.awareness.setLocalStateField('slideId', 'x');
    await eventually(() => {
      expect(slideText(onA.doc, 0)).toContain('from B');
      expect(slideText(onB.doc, 0)).toContain('from A');
      expect(slideCount(onA.doc)).toBe(2);
      expect(deckSnapshot(onA.doc)).toEqual(deckSnapshot(onB.doc));
      expect(onB.provider.awareness.getStates().get(onA.doc.clientID)).toMatchObject({ slideId: 'x', user: { name: 'Beheerder' } });
    });
    // A late joiner on either instance gets the merged deck.
    const late = connectClient(b.wsUrl, deckId, { cookie: apiB.cookie });
    await late.synced;
    expect(deckSnapshot(late.doc)).toEqual(deckSnapshot(onA.doc));
    for (const c of [onA, onB, late]) c.destroy();
  });

  test('a research record written on A is pushed by B', async () => {
    const onB = statsSocket(b.wsUrl, { cookie: apiB.cookie });
    await onB.opened;
    onB.subscribe(['interviews.total']);
    await eventually(() => expect(onB.statsFor('interviews.total')).toHaveLength(1));
    const before = onB.statsFor('interviews.total')[0]!.value as number;
    const org = ((await apiA.get('/api/research/organisations')).body.records as { id: string }[])[0]!;
    expect((await apiA.post('/api/research/interviews', { date: '2026-11-02', organisationId: org.id, staff: 1 })).status).toBe(201);
    await eventually(() => expect(onB.statsFor('interviews.total').at(-1)!.value).toBe(before + 1), 2_000);
    onB.ws.close();
  });

  test('[AU9] an attendee on B receives only what the presenter on A has shown', async () => {
    const deckId = await newDeck(apiA, 'Across instances, audience');
    const presenter = connectClient(a.wsUrl, deckId, { cookie: apiA.cookie });
    await presenter.synced;
    presenter.doc.transact(() => {
      for (let i = 2; i <= 4; i++) addSlide(presenter.doc, { content: [paragraph(`B-SLIDE-${i}`)], notes: [paragraph(`B-NOTE-${i}`)] });
    });
    await eventually(async () => expect((await apiA.get(`/api/decks/${deckId}`)).body.slideCount).toBe(4));
    const token = await newLink(apiA, deckId, { label: 'OM' });
    const raw = rawSocket(b.wsUrl, deckId, { token });
    await raw.opened;
    raw.ws.send(syncStep1Frame(new Y.Doc()));
    const attendee = connectClient(b.wsUrl, deckId, { token });
    await attendee.synced;
    expect(listSlides(attendee.doc)).toHaveLength(0);
    expect((await apiA.post(`/api/decks/${deckId}/presentation/start`)).status).toBe(200);
    await eventually(() => expect(readPresentation(presenter.doc).active).toBe(true));
    writePresentation(presenter.doc, { slideId: slideIds(presenter.doc)[1]! });
    await eventually(() => expect(slideIds(attendee.doc)).toEqual(slideIds(presenter.doc).slice(0, 2)));
    // An edit on A to a shown slide reaches B's attendee; one to a slide not shown does not.
    typeInto(presenter.doc, 1, ' B-LIVE');
    typeInto(presenter.doc, 3, ' B-HIDDEN');
    await eventually(() => expect(slideText(attendee.doc, 1)).toContain('B-LIVE'));
    await sleep(200);
    const bytes = Buffer.concat(raw.received.map((m) => Buffer.from(m))).toString('latin1');
    expect(bytes).toContain('B-SLIDE-2');
    for (const hidden of ['B-SLIDE-3', 'B-SLIDE-4', 'B-HIDDEN', 'B-NOTE-2', 'B-NOTE-3', 'B-NOTE-4']) expect(bytes).not.toContain(hidden);
    // Ended on A: B takes the slides away.
    expect((await apiA.post(`/api/decks/${deckId}/presentation/stop`)).status).toBe(200);
    await eventually(() => expect(listSlides(attendee.doc)).toHaveLength(0));
    raw.ws.close();
    attendee.destroy();
    presenter.destroy();
  });

  test('a link revoked on B cuts its viewer on A within 1 s', async () => {
    const deckId = await newDeck(apiA, 'Revoked across');
    const token = await newLink(apiA, deckId, { label: 'OM' });
    const viewer = connectClient(a.wsUrl, deckId, { token });
    await viewer.synced;
    const started = Date.now();
    expect((await apiB.delete(`/api/decks/${deckId}/links/${token}`)).status).toBe(200);
    expect((await viewer.closed).code).toBe(CloseCode.LINK_REVOKED);
    expect(Date.now() - started).toBeLessThan(1000);
    viewer.destroy();
  });

  test('Redis restarted mid-session: each instance keeps serving, reports it, and catches up', async () => {
    const deckId = await newDeck(apiA, 'Redis outage');
    const onA = connectClient(a.wsUrl, deckId, { cookie: apiA.cookie });
    const onB = connectClient(b.wsUrl, deckId, { cookie: apiB.cookie });
    const alsoA = connectClient(a.wsUrl, deckId, { cookie: apiA.cookie });
    await Promise.all([onA.synced, onB.synced, alsoA.synced]);
    await redis.stop();
    await eventually(async () => expect((await fetch(`${a.url}/healthz`)).status).toBe(503));
    const health = (await (await fetch(`${a.url}/healthz`)).json()) as { reason: string };
    expect(health.reason).toContain('redis');
    typeInto(onA.doc, 0, ' during outage');
    // Clients on the same instance still sync with each other.
    await eventually(() => expect(slideText(alsoA.doc, 0)).toContain('during outage'));
    await sleep(200);
    expect(slideText(onB.doc, 0)).not.toContain('during outage');
    await redis.start();
    await eventually(() => expect(slideText(onB.doc, 0)).toContain('during outage'), 10_000);
    await eventually(async () => expect((await fetch(`${a.url}/healthz`)).status).toBe(200), 10_000);
    // Everything flows again in both directions.
    typeInto(onB.doc, 0, ' after');
    await eventually(() => expect(slideText(onA.doc, 0)).toContain('after'));
    for (const c of [onA, onB, alsoA]) c.destroy();
  });
});
