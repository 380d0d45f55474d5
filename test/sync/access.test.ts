import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.ts';
import { slideCount } from '../../shared/deckModel.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';

describe('access to /sync', () => {
  let s: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    api = await loggedIn(s.url);
  });
  afterAll(async () => s.close());

  test('[AC1] no credentials → 4401, and the client stops retrying', async () => {
    const deckId = await newDeck(api);
    const c = connectClient(s.wsUrl, deckId);
    const closed = await c.closed;
    expect(closed.code).toBe(CloseCode.NO_CREDENTIALS);
    expect(c.provider.shouldConnect).toBe(false);
    expect(slideCount(c.doc)).toBe(0);
    c.destroy();
  });

  test('[AC1] a forged session cookie → 4401', async () => {
    const deckId = await newDeck(api);
    const c = connectClient(s.wsUrl, deckId, { cookie: 'tussenstand_session=forged-value' });
    expect((await c.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    c.destroy();
  });

  test('[AC2] a token opens its own deck only', async () => {
    const deckA = await newDeck(api, 'Deck A');
    const deckB = await newDeck(api, 'Deck B');
    const tokenA = await newLink(api, deckA, { label: 'team' });
    const wrong = connectClient(s.wsUrl, deckB, { token: tokenA });
    expect((await wrong.closed).code).toBe(CloseCode.FORBIDDEN);
    expect(slideCount(wrong.doc)).toBe(0);
    const unknown = connectClient(s.wsUrl, deckA, { token: 'not-a-real-token' });
    expect((await unknown.closed).code).toBe(CloseCode.FORBIDDEN);
    const right = connectClient(s.wsUrl, deckA, { token: tokenA });
    await right.synced;
    expect(slideCount(right.doc)).toBe(1);
    wrong.destroy();
    unknown.destroy();
    right.destroy();
  });

  test('[AC3] a revoked link is cut within 1 s and refused afterwards', async () => {
    const deckId = await newDeck(api);
    const token = await newLink(api, deckId, { label: 'OM' });
    const viewers = [connectClient(s.wsUrl, deckId, { token }), connectClient(s.wsUrl, deckId, { token })];
    const editor = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([...viewers.map((v) => v.synced), editor.synced]);
    const started = Date.now();
    const res = await api.delete(`/api/decks/${deckId}/links/${token}`);
    expect(res.status).toBe(200);
    const closes = await Promise.all(viewers.map((v) => v.closed));
    const elapsed = Date.now() - started;
    for (const c of closes) expect(c.code).toBe(CloseCode.LINK_REVOKED);
    expect(elapsed).toBeLessThan(1000);
    // The editor on the same deck is unaffected.
    expect(editor.provider.wsconnected).toBe(true);
    const again = connectClient(s.wsUrl, deckId, { token });
    expect((await again.closed).code).toBe(CloseCode.LINK_REVOKED);
    for (const v of [...viewers, editor, again]) v.destroy();
  });

  test('[AC4] an expired link is refused, and a live viewer is cut when it expires', async () => {
    const deckId = await newDeck(api);
    const token = await newLink(api, deckId, { expiresAt: new Date(Date.now() + 1200).toISOString() });
    const viewer = connectClient(s.wsUrl, deckId, { token });
    await viewer.synced;
    expect((await viewer.closed).code).toBe(CloseCode.LINK_EXPIRED);
    const late = connectClient(s.wsUrl, deckId, { token });
    expect((await late.closed).code).toBe(CloseCode.LINK_EXPIRED);
    viewer.destroy();
    late.destroy();
  });

  test('[AC5] unknown and trashed decks → 4404; trashing closes open sockets', async () => {
    const unknown = connectClient(s.wsUrl, 'doesNotExist123', { cookie: api.cookie });
    expect((await unknown.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    const bad = rawSocket(s.wsUrl, '..%2F..%2Fetc', { cookie: api.cookie });
    expect((await bad.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    const deckId = await newDeck(api);
    const token = await newLink(api, deckId);
    const editor = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    const viewer = connectClient(s.wsUrl, deckId, { token });
    await Promise.all([editor.synced, viewer.synced]);
    expect((await api.delete(`/api/decks/${deckId}`)).status).toBe(200);
    expect((await editor.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    expect((await viewer.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    const after = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    expect((await after.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    for (const c of [unknown, editor, viewer, after]) c.destroy();
  });

  test('[AC6] an upgrade from another origin → 4403', async () => {
    const deckId = await newDeck(api);
    const evil = rawSocket(s.wsUrl, deckId, { cookie: api.cookie, headers: { origin: 'http://evil.example' } });
    const closed = await evil.closed;
    expect(closed.code).toBe(CloseCode.FORBIDDEN);
    expect(closed.reason).toContain('cross-origin');
    expect(evil.received).toHaveLength(0);
    const same = rawSocket(s.wsUrl, deckId, { cookie: api.cookie, headers: { origin: s.url } });
    await same.opened;
    await eventually(() => expect(same.received.length).toBeGreaterThan(0));
    same.ws.close();
  });

  test('[AC7] signing out and disabling an account close that user’s sockets', async () => {
    const deckId = await newDeck(api);
    const second = await loggedIn(s.url);
    const a = connectClient(s.wsUrl, deckId, { cookie: second.cookie });
    const b = connectClient(s.wsUrl, deckId, { cookie: api.cookie });
    await Promise.all([a.synced, b.synced]);
    expect((await second.delete('/api/session')).status).toBe(204);
    expect((await a.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    expect(b.provider.wsconnected).toBe(true);

    const created = await api.post('/api/users', { username: 'sanne', password: 'sanne-password-1', role: 'analyst' });
    expect(created.status).toBe(201);
    const sanne = new ApiClient(s.url);
    await sanne.login('sanne', 'sanne-password-1');
    const c = connectClient(s.wsUrl, deckId, { cookie: sanne.cookie });
    await c.synced;
    expect((await api.patch(`/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await c.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    for (const x of [a, b, c]) x.destroy();
  });

  test('[AC8] refusals arrive as close codes with reasons, not HTTP errors', async () => {
    const deckId = await newDeck(api);
    const raw = rawSocket(s.wsUrl, deckId);
    await raw.opened; // the upgrade itself succeeds
    const closed = await raw.closed;
    expect(closed).toEqual({ code: CloseCode.NO_CREDENTIALS, reason: 'no credentials' });
  });
});
