import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createDeck, SESSION_COOKIE, withCookie } from './support.ts';

let server: TestServer;
let admin: ApiClient;
/** An attendee: no session, no cookie. */
let attendee: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
  attendee = new ApiClient(server.url);
});
afterAll(async () => {
  await server?.close();
});

async function createLink(deckId: string, body: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post(`/api/decks/${deckId}/links`, body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('creating and listing audience links', () => {
  test('POST /api/decks/:id/links {label:"OM"} → 201 with a token and url /v/<token>', async () => {
    const deck = await createDeck(admin, 'Briefing OM');
    const res = await admin.post(`/api/decks/${deck.id}/links`, { label: 'OM' });
    expect(res.status).toBe(201);
    expect(typeof res.body.token).toBe('string');
    expect(res.body.token.length).toBeGreaterThanOrEqual(32);
    expect(res.body.url).toBe(`/v/${res.body.token}`);
    expect(res.body.label).toBe('OM');
    expect(res.body.expiresAt).toBeNull();
    expect(res.body.revokedAt).toBeNull();
  });

  test('each link gets its own token', async () => {
    const deck = await createDeck(admin, 'Two links');
    const a = await createLink(deck.id, { label: 'A' });
    const b = await createLink(deck.id, { label: 'B' });
    expect(a.token).not.toBe(b.token);
  });

  test('GET /api/decks/:id/links lists the deck’s links (and only those)', async () => {
    const deck = await createDeck(admin, 'Listed links');
    const other = await createDeck(admin, 'Other deck');
    const link = await createLink(deck.id, { label: 'Gemeente' });
    const otherLink = await createLink(other.id, { label: 'Elsewhere' });
    const res = await admin.get(`/api/decks/${deck.id}/links`);
    expect(res.status).toBe(200);
    const tokens = res.body.links.map((l: { token: string }) => l.token);
    expect(tokens).toEqual([link.token]);
    expect(tokens).not.toContain(otherLink.token);
    expect(res.body.links[0]).toMatchObject({ label: 'Gemeente', url: `/v/${link.token}`, revokedAt: null });
  });

  test('creating or listing links needs a session', async () => {
    const deck = await createDeck(admin, 'Private links');
    await createLink(deck.id, { label: 'x' });
    expect((await attendee.post(`/api/decks/${deck.id}/links`, { label: 'y' })).status).toBe(401);
    expect((await attendee.get(`/api/decks/${deck.id}/links`)).status).toBe(401);
    expect((await admin.get(`/api/decks/${deck.id}/links`)).body.links).toHaveLength(1);
  });

  test('a link for an unknown deck → 404', async () => {
    expect((await admin.post('/api/decks/CCCCCCCCCCCCCCCC/links', { label: 'x' })).status).toBe(404);
  });
});

describe('GET /api/links/:token (attendees, no session)', () => {
  test('returns exactly deckId, title and label', async () => {
    const deck = await createDeck(admin, 'Attendee deck');
    const link = await createLink(deck.id, { label: 'OM' });
    const res = await attendee.get(`/api/links/${link.token}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ deckId: deck.id, title: 'Attendee deck', label: 'OM' });
    expect(attendee.cookie).toBeNull();
  });

  test('shows the current title after a rename', async () => {
    const deck = await createDeck(admin, 'Before rename');
    const link = await createLink(deck.id);
    expect((await admin.patch(`/api/decks/${deck.id}`, { title: 'After rename' })).status).toBe(200);
    expect((await attendee.get(`/api/links/${link.token}`)).body.title).toBe('After rename');
  });

  test('an unknown token → 404', async () => {
    const res = await attendee.get('/api/links/this-token-does-not-exist');
    expect(res.status).toBe(404);
  });

  test('a link to a trashed deck stops working and works again after restore', async () => {
    const deck = await createDeck(admin, 'Trashed for attendees');
    const link = await createLink(deck.id);
    expect((await admin.delete(`/api/decks/${deck.id}`)).status).toBe(200);
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(404);
    expect((await admin.post(`/api/decks/${deck.id}/restore`)).status).toBe(200);
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(200);
  });
});

describe('revoking links', () => {
  test('DELETE revokes: then GET /api/links/:token → 410, and the list shows revokedAt', async () => {
    const deck = await createDeck(admin, 'Revoke deck');
    const link = await createLink(deck.id, { label: 'OM' });
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(200);

    const res = await admin.delete(`/api/decks/${deck.id}/links/${link.token}`);
    expect(res.status).toBe(200);
    expect(res.body.revokedAt).toEqual(expect.any(String));

    const after = await attendee.get(`/api/links/${link.token}`);
    expect(after.status).toBe(410);
    expect(after.body.error).toBe('link-revoked');
    expect(after.body).not.toHaveProperty('deckId');

    const listed = (await admin.get(`/api/decks/${deck.id}/links`)).body.links[0];
    expect(listed.revokedAt).toEqual(expect.any(String));
  });

  test('revoking one link leaves the deck’s other links working', async () => {
    const deck = await createDeck(admin, 'Two audiences');
    const a = await createLink(deck.id, { label: 'A' });
    const b = await createLink(deck.id, { label: 'B' });
    expect((await admin.delete(`/api/decks/${deck.id}/links/${a.token}`)).status).toBe(200);
    expect((await attendee.get(`/api/links/${a.token}`)).status).toBe(410);
    expect((await attendee.get(`/api/links/${b.token}`)).status).toBe(200);
  });

  test('revoking a token through another deck’s URL → 404 and the link still works', async () => {
    const deck = await createDeck(admin, 'Owner deck');
    const other = await createDeck(admin, 'Wrong deck');
    const link = await createLink(deck.id, { label: 'OM' });
    const res = await admin.delete(`/api/decks/${other.id}/links/${link.token}`);
    expect(res.status).toBe(404);
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(200);
    expect((await admin.get(`/api/decks/${deck.id}/links`)).body.links[0].revokedAt).toBeNull();
  });

  test('revoking an unknown token → 404', async () => {
    const deck = await createDeck(admin, 'No such link');
    expect((await admin.delete(`/api/decks/${deck.id}/links/not-a-real-token`)).status).toBe(404);
  });

  test('revoking needs a session (401) and the link keeps working', async () => {
    const deck = await createDeck(admin, 'Attendee cannot revoke');
    const link = await createLink(deck.id);
    expect((await attendee.delete(`/api/decks/${deck.id}/links/${link.token}`)).status).toBe(401);
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(200);
  });

  test('link create and revoke show up in the deck history', async () => {
    const deck = await createDeck(admin, 'Link history');
    const link = await createLink(deck.id, { label: 'Raad' });
    expect((await admin.delete(`/api/decks/${deck.id}/links/${link.token}`)).status).toBe(200);
    const kinds = (await admin.get(`/api/decks/${deck.id}/history`)).body.events.map((e: { kind: string }) => e.kind);
    expect(kinds).toEqual(['created', 'link-created', 'link-revoked']);
  });
});

describe('expiring links', () => {
  test('a link expiring in 1.5 s works before and gives 410 after', async () => {
    const deck = await createDeck(admin, 'Short-lived');
    const expiresAt = new Date(Date.now() + 1500).toISOString();
    const link = await createLink(deck.id, { label: 'kort', expiresAt });
    expect(Date.parse(link.expiresAt)).toBe(Date.parse(expiresAt));

    const before = await attendee.get(`/api/links/${link.token}`);
    expect(before.status).toBe(200);
    expect(before.body.deckId).toBe(deck.id);

    await sleep(Math.max(0, Date.parse(expiresAt) - Date.now()) + 150);
    const after = await attendee.get(`/api/links/${link.token}`);
    expect(after.status).toBe(410);
    expect(after.body.error).toBe('link-expired');
  });

  test('expiresAt with a timezone offset is stored as the same instant', async () => {
    const deck = await createDeck(admin, 'Offset expiry');
    const link = await createLink(deck.id, { expiresAt: '2099-06-01T12:00:00+02:00' });
    expect(link.expiresAt).toBe('2099-06-01T10:00:00.000Z');
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(200);
  });
});

describe('a link token is not a session', () => {
  test('?token=<link token> gives no access to the editor API', async () => {
    const deck = await createDeck(admin, 'Token not session');
    const link = await createLink(deck.id);
    expect((await attendee.get(`/api/decks?token=${link.token}`)).status).toBe(401);
    expect((await attendee.get(`/api/decks/${deck.id}?token=${link.token}`)).status).toBe(401);
    expect((await attendee.get(`/api/me?token=${link.token}`)).status).toBe(401);
  });

  test('the link token as session cookie → 401', async () => {
    const deck = await createDeck(admin, 'Token as cookie');
    const link = await createLink(deck.id);
    const client = withCookie(server.url, `${SESSION_COOKIE}=${link.token}`);
    expect((await client.get('/api/decks')).status).toBe(401);
    expect((await client.get('/api/me')).status).toBe(401);
    expect((await client.get(`/api/decks/${deck.id}/links`)).status).toBe(401);
    expect((await client.delete(`/api/decks/${deck.id}/links/${link.token}`)).status).toBe(401);
    expect((await attendee.get(`/api/links/${link.token}`)).status).toBe(200);
  });
});
