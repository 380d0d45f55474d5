import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createDeck, deckTitles, withCookie } from './support.ts';

const EVIL = { origin: 'http://evil.example' };

let server: TestServer;
let admin: ApiClient;
let deck: { id: string; title: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
  deck = await createDeck(admin, 'Origin target');
});
afterAll(async () => {
  await server?.close();
});

describe('state-changing requests with a foreign Origin are refused', () => {
  test('POST /api/decks from evil.example → 403 and no deck is created', async () => {
    const res = await admin.request('POST', '/api/decks', { title: 'CSRF deck' }, EVIL);
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('cross-origin');
    expect(await deckTitles(admin)).not.toContain('CSRF deck');
  });

  test('PATCH /api/decks/:id from evil.example → 403 and the title is unchanged', async () => {
    const res = await admin.request('PATCH', `/api/decks/${deck.id}`, { title: 'Renamed by CSRF' }, EVIL);
    expect(res.status).toBe(403);
    const after = await admin.get(`/api/decks/${deck.id}`);
    expect(after.body.title).toBe('Origin target');
  });

  test('DELETE /api/decks/:id from evil.example → 403 and the deck is not trashed', async () => {
    const res = await admin.request('DELETE', `/api/decks/${deck.id}`, undefined, EVIL);
    expect(res.status).toBe(403);
    const after = await admin.get(`/api/decks/${deck.id}`);
    expect(after.body.trashedAt).toBeNull();
    expect(await deckTitles(admin, '?trashed=1')).not.toContain('Origin target');
  });

  test('POST /api/users from evil.example → 403 and no account is created', async () => {
    const res = await admin.request('POST', '/api/users', { username: 'csrf-user', password: 'csrf-password-1' }, EVIL);
    expect(res.status).toBe(403);
    const users = (await admin.get('/api/users')).body.users.map((u: { username: string }) => u.username);
    expect(users).not.toContain('csrf-user');
  });

  test('DELETE /api/session from evil.example → 403 and the session still works', async () => {
    const client = await loggedIn(server.url);
    const res = await client.request('DELETE', '/api/session', undefined, EVIL);
    expect(res.status).toBe(403);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  test('POST /api/session (login CSRF) from evil.example → 403 and no cookie is set', async () => {
    const client = new ApiClient(server.url);
    const res = await client.request('POST', '/api/session', { username: 'admin', password: ADMIN_PASSWORD }, EVIL);
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  test('same host on another port is a foreign origin → 403', async () => {
    const port = Number(new URL(server.url).port);
    const other = `http://127.0.0.1:${port === 1 ? 2 : port - 1}`;
    const res = await admin.request('POST', '/api/decks', { title: 'Other port deck' }, { origin: other });
    expect(res.status).toBe(403);
    expect(await deckTitles(admin)).not.toContain('Other port deck');
  });

  test('Origin: null (sandboxed frame, data: URL) → 403', async () => {
    const res = await admin.request('POST', '/api/decks', { title: 'Null origin deck' }, { origin: 'null' });
    expect(res.status).toBe(403);
    expect(await deckTitles(admin)).not.toContain('Null origin deck');
  });

  test('Sec-Fetch-Site: cross-site without an Origin header → 403 and nothing created', async () => {
    const res = await admin.request('POST', '/api/decks', { title: 'Fetch-site deck' }, { 'sec-fetch-site': 'cross-site' });
    expect(res.status).toBe(403);
    expect(await deckTitles(admin)).not.toContain('Fetch-site deck');
  });
});

describe('requests that are allowed', () => {
  test('POST with a same-origin Origin header (matching Host) → 201', async () => {
    const res = await admin.request('POST', '/api/decks', { title: 'Same-origin deck' }, { origin: server.url });
    expect(res.status).toBe(201);
    expect(await deckTitles(admin)).toContain('Same-origin deck');
  });

  test('PATCH with same-origin Origin and Sec-Fetch-Site: same-origin → 200', async () => {
    const target = await createDeck(admin, 'Rename me');
    const res = await admin.request('PATCH', `/api/decks/${target.id}`, { title: 'Renamed same-origin' }, { origin: server.url, 'sec-fetch-site': 'same-origin' });
    expect(res.status).toBe(200);
    expect((await admin.get(`/api/decks/${target.id}`)).body.title).toBe('Renamed same-origin');
  });

  test('POST without Origin (curl, scripts) → 201', async () => {
    const res = await admin.post('/api/decks', { title: 'No-origin deck' });
    expect(res.status).toBe(201);
  });

  test('GET with a foreign Origin still works (reads are not blocked)', async () => {
    const res = await admin.request('GET', '/api/decks', undefined, EVIL);
    expect(res.status).toBe(200);
    expect(res.body.decks.map((d: { title: string }) => d.title)).toContain('Origin target');
    // ...and no CORS grant is handed to the foreign origin.
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  test('GET /api/links/:token with a foreign Origin works for attendees', async () => {
    const link = await admin.post(`/api/decks/${deck.id}/links`, { label: 'x' });
    expect(link.status).toBe(201);
    const res = await withCookie(server.url, null).request('GET', `/api/links/${link.body.token}`, undefined, EVIL);
    expect(res.status).toBe(200);
    expect(res.body.deckId).toBe(deck.id);
  });
});
