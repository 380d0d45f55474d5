import { describe, expect, test } from 'vitest';
import { CloseCode } from '../../shared/closeCodes.ts';
import { readMeta, slideCount } from '../../shared/deckModel.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { rawSocket } from '../helpers/rawSocket.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';

describe('access to /sync', () => {
  const fx = serverFixture();

  test('[AC1] no credentials → 4401, and the client stops retrying', async () => {
    const deckId = await newDeck(fx.api);
    const c = connectClient(fx.s.wsUrl, deckId);
    const closed = await c.closed;
    expect(closed.code).toBe(CloseCode.NO_CREDENTIALS);
    expect(c.provider.shouldConnect).toBe(false);
    expect(slideCount(c.doc)).toBe(0);
    c.destroy();
  });

  test('[AC1] a forged session cookie → 4401', async () => {
    const deckId = await newDeck(fx.api);
    const c = connectClient(fx.s.wsUrl, deckId, { cookie: 'tussenstand_session=forged-value' });
    expect((await c.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    c.destroy();
  });

  test('[AC2] a token opens its own deck only', async () => {
    const deckA = await newDeck(fx.api, 'Deck A');
    const deckB = await newDeck(fx.api, 'Deck B');
    const tokenA = await newLink(fx.api, deckA, { label: 'team' });
    const wrong = connectClient(fx.s.wsUrl, deckB, { token: tokenA });
    expect((await wrong.closed).code).toBe(CloseCode.FORBIDDEN);
    expect(slideCount(wrong.doc)).toBe(0);
    const unknown = connectClient(fx.s.wsUrl, deckA, { token: 'not-a-real-token' });
    expect((await unknown.closed).code).toBe(CloseCode.FORBIDDEN);
    const right = connectClient(fx.s.wsUrl, deckA, { token: tokenA });
    await right.synced;
    // Before a session the audience gets the title and nothing else ([AU2]).
    expect(readMeta(right.doc).title).toBe('Deck A');
    wrong.destroy();
    unknown.destroy();
    right.destroy();
  });

  test('[AC3] a revoked link is cut within 1 s and refused afterwards', async () => {
    const deckId = await newDeck(fx.api);
    const token = await newLink(fx.api, deckId, { label: 'OM' });
    const viewers = [connectClient(fx.s.wsUrl, deckId, { token }), connectClient(fx.s.wsUrl, deckId, { token })];
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([...viewers.map((v) => v.synced), editor.synced]);
    const started = Date.now();
    const res = await fx.api.delete(`/api/decks/${deckId}/links/${token}`);
    expect(res.status).toBe(200);
    const closes = await Promise.all(viewers.map((v) => v.closed));
    const elapsed = Date.now() - started;
    for (const c of closes) expect(c.code).toBe(CloseCode.LINK_REVOKED);
    expect(elapsed).toBeLessThan(1000);
    // The editor on the same deck is unaffected.
    expect(editor.provider.wsconnected).toBe(true);
    const again = connectClient(fx.s.wsUrl, deckId, { token });
    expect((await again.closed).code).toBe(CloseCode.LINK_REVOKED);
    for (const v of [...viewers, editor, again]) v.destroy();
  });

  test('[AC4] an expired link is refused, and a live viewer is cut when it expires', async () => {
    const deckId = await newDeck(fx.api);
    const token = await newLink(fx.api, deckId, { expiresAt: new Date(Date.now() + 1200).toISOString() });
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await viewer.synced;
    expect((await viewer.closed).code).toBe(CloseCode.LINK_EXPIRED);
    const late = connectClient(fx.s.wsUrl, deckId, { token });
    expect((await late.closed).code).toBe(CloseCode.LINK_EXPIRED);
    viewer.destroy();
    late.destroy();
  });

  test('[AC5] unknown and trashed decks → 4404; trashing closes open sockets', async () => {
    const unknown = connectClient(fx.s.wsUrl, 'doesNotExist123', { cookie: fx.api.cookie });
    expect((await unknown.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    const bad = rawSocket(fx.s.wsUrl, '..%2F..%2Fetc', { cookie: fx.api.cookie });
    expect((await bad.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    const deckId = await newDeck(fx.api);
    const token = await newLink(fx.api, deckId);
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await Promise.all([editor.synced, viewer.synced]);
    expect((await fx.api.delete(`/api/decks/${deckId}`)).status).toBe(200);
    expect((await editor.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    expect((await viewer.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    const after = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    expect((await after.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    for (const c of [unknown, editor, viewer, after]) c.destroy();
  });

  test('[AC6] an upgrade from another origin → 4403', async () => {
    const deckId = await newDeck(fx.api);
    const evil = rawSocket(fx.s.wsUrl, deckId, { cookie: fx.api.cookie, headers: { origin: 'http://evil.example' } });
    const closed = await evil.closed;
    expect(closed.code).toBe(CloseCode.FORBIDDEN);
    expect(closed.reason).toContain('cross-origin');
    expect(evil.received).toHaveLength(0);
    const same = rawSocket(fx.s.wsUrl, deckId, { cookie: fx.api.cookie, headers: { origin: fx.s.url } });
    await same.opened;
    await eventually(() => expect(same.received.length).toBeGreaterThan(0));
    same.ws.close();
  });

  test('[AC7] signing out and disabling an account close that user’s sockets', async () => {
    const deckId = await newDeck(fx.api);
    const second = await loggedIn(fx.s.url);
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: second.cookie });
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([a.synced, b.synced]);
    expect((await second.delete('/api/session')).status).toBe(204);
    expect((await a.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    expect(b.provider.wsconnected).toBe(true);

    const created = await fx.api.post('/api/users', { username: 'sanne', password: 'sanne-password-1', role: 'analyst' });
    expect(created.status).toBe(201);
    const sanne = new ApiClient(fx.s.url);
    await sanne.login('sanne', 'sanne-password-1');
    const c = connectClient(fx.s.wsUrl, deckId, { cookie: sanne.cookie });
    await c.synced;
    expect((await fx.api.patch(`/api/users/${created.body.id}`, { disabled: true })).status).toBe(200);
    expect((await c.closed).code).toBe(CloseCode.NO_CREDENTIALS);
    for (const x of [a, b, c]) x.destroy();
  });

  test('[AC8] refusals arrive as close codes with reasons, not HTTP errors', async () => {
    const deckId = await newDeck(fx.api);
    const raw = rawSocket(fx.s.wsUrl, deckId);
    await raw.opened; // the upgrade itself succeeds
    const closed = await raw.closed;
    expect(closed).toEqual({ code: CloseCode.NO_CREDENTIALS, reason: 'no credentials' });
  });
});
