import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.ts';
import { addSlide, readPresentation, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { chart } from '../../shared/slideContent.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { statsSocket } from '../helpers/statsSocket.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('live statistics websocket', () => {
  let s: TestServer;
  let api: ApiClient;
  let orgId: string;
  beforeAll(async () => {
    s = await startTestServer();
    api = await loggedIn(s.url);
    const orgs = (await api.get('/api/research/organisations')).body.records as { id: string; name: string }[];
    orgId = orgs.find((o) => o.name === 'Alkmaar')!.id;
  });
  afterAll(async () => s.close());

  test('subscribe answers each key with its current value; unknown keys get an error', async () => {
    const c = statsSocket(s.wsUrl, { cookie: api.cookie });
    await c.opened;
    c.subscribe(['staff.interviewed', 'organisations.nonPartner', 'no.such.stat']);
    await eventually(() => expect(c.messages).toHaveLength(3));
    expect(c.statsFor('organisations.nonPartner')[0]!.value).toBe(15);
    expect(typeof c.statsFor('staff.interviewed')[0]!.value).toBe('number');
    expect(c.messages).toContainEqual({ type: 'error', key: 'no.such.stat', message: 'unknown statistic' });
    c.ws.close();
  });

  test('a new interview is pushed to every subscriber of a statistic it changes, and only those', async () => {
    const a = statsSocket(s.wsUrl, { cookie: api.cookie });
    const b = statsSocket(s.wsUrl, { cookie: api.cookie });
    await Promise.all([a.opened, b.opened]);
    a.subscribe(['interviews.total', 'staff.interviewed', 'agreements.total']);
    b.subscribe(['interviews.total']);
    await eventually(() => expect(a.messages).toHaveLength(3));
    await eventually(() => expect(b.messages).toHaveLength(1));
    const total = a.statsFor('interviews.total')[0]!.value as number;
    const staff = a.statsFor('staff.interviewed')[0]!.value as number;
    const res = await api.post('/api/research/interviews', { date: '2026-11-20', organisationId: orgId, staff: 4 });
    expect(res.status).toBe(201);
    await eventually(() => {
      expect(a.statsFor('interviews.total').at(-1)!.value).toBe(total + 1);
      expect(a.statsFor('staff.interviewed').at(-1)!.value).toBe(staff + 4);
      expect(b.statsFor('interviews.total').at(-1)!.value).toBe(total + 1);
    });
    await sleep(150);
    // Agreements did not change: nothing was sent for them.
    expect(a.statsFor('agreements.total')).toHaveLength(1);
    a.ws.close();
    b.ws.close();
  });

  test('no push when a change leaves a statistic as it was', async () => {
    const c = statsSocket(s.wsUrl, { cookie: api.cookie });
    await c.opened;
    c.subscribe(['interviews.total', 'organisations.total']);
    await eventually(() => expect(c.messages).toHaveLength(2));
    // A new organisation nobody interviewed yet changes neither statistic.
    expect((await api.post('/api/research/organisations', { name: 'Nog niet gesproken', kind: 'public' })).status).toBe(201);
    // Renaming an interview's topic changes no count either.
    const list = (await api.get('/api/research/interviews')).body.records as { id: string }[];
    await api.patch(`/api/research/interviews/${list[0]!.id}`, { topic: 'nieuw onderwerp' });
    await sleep(300);
    expect(c.messages).toHaveLength(2);
    c.ws.close();
  });

  test('no credentials → 4401; another origin → 4403; a malformed message → 4400', async () => {
    const anon = statsSocket(s.wsUrl);
    expect((await anon.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    const evil = statsSocket(s.wsUrl, { cookie: api.cookie, headers: { origin: 'http://evil.example' } });
    expect((await evil.closed).code).toBe(CloseCode.FORBIDDEN);
    for (const bad of ['not json', JSON.stringify({ type: 'subscribe' }), JSON.stringify({ type: 'drop-tables' }), JSON.stringify({ type: 'subscribe', keys: 'interviews.total' })]) {
      const c = statsSocket(s.wsUrl, { cookie: api.cookie });
      await c.opened;
      c.ws.send(bad);
      expect((await c.closed).code).toBe(CloseCode.MALFORMED);
    }
    // The reason names the offending field.
    const wrongKeys = statsSocket(s.wsUrl, { cookie: api.cookie });
    await wrongKeys.opened;
    wrongKeys.ws.send(JSON.stringify({ type: 'subscribe', keys: ['x'.repeat(101)] }));
    expect(await wrongKeys.closed).toEqual({ code: CloseCode.MALFORMED, reason: 'malformed message: keys.0: too_big' });
  });

  test('a deck’s link token may subscribe only to the statistics its charts show, and is cut on revoke', async () => {
    const deckId = await newDeck(api, 'Charts for the OM');
    const editor = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await editor.synced;
    addSlide(editor.doc, { layout: 'chart-text', content: [chart('interviews.total', 'number')] });
    await eventually(async () => expect((await api.get(`/api/decks/${deckId}`)).body.slideCount).toBe(2));
    const token = await newLink(api, deckId, { label: 'OM' });
    // The chart is on slide 2: shown once the presenter moves there ([AU6]).
    expect((await api.post(`/api/decks/${deckId}/presentation/start`)).status).toBe(200);
    await eventually(() => expect(readPresentation(editor.doc).active).toBe(true));
    writePresentation(editor.doc, { slideId: slideIds(editor.doc)[1]! });
    await eventually(async () => expect((await s.server.services.registry.audienceStatKeys(deckId)).has('interviews.total')).toBe(true));
    const viewer = statsSocket(s.wsUrl, { token });
    await viewer.opened;
    viewer.subscribe(['interviews.total', 'staff.interviewed']);
    await eventually(() => expect(viewer.messages).toHaveLength(2));
    expect(viewer.statsFor('interviews.total')).toHaveLength(1);
    expect(viewer.messages).toContainEqual({ type: 'error', key: 'staff.interviewed', message: 'no slide shown to this audience shows that statistic' });
    // A chart added during the talk can be followed once its slide is shown.
    addSlide(editor.doc, { content: [chart('staff.interviewed', 'bar')] });
    await eventually(async () => expect((await api.get(`/api/decks/${deckId}`)).body.slideCount).toBe(3));
    writePresentation(editor.doc, { slideId: slideIds(editor.doc)[2]! });
    await eventually(async () => expect((await s.server.services.registry.audienceStatKeys(deckId)).has('staff.interviewed')).toBe(true));
    viewer.subscribe(['staff.interviewed']);
    await eventually(() => expect(viewer.statsFor('staff.interviewed')).toHaveLength(1));
    expect((await api.delete(`/api/decks/${deckId}/links/${token}`)).status).toBe(200);
    expect((await viewer.closed).code).toBe(CloseCode.LINK_REVOKED);
    const again = statsSocket(s.wsUrl, { token });
    expect((await again.closed).code).toBe(CloseCode.LINK_REVOKED);
    editor.destroy();
  });
});
