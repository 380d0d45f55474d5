import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createDeck, deckTitles, expectValidationError } from './support.ts';

let server: TestServer;
let admin: ApiClient;
let deck: { id: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
  deck = await createDeck(admin, 'Validation deck');
});
afterAll(async () => {
  await server?.close();
});

async function deckCount(): Promise<number> {
  return (await deckTitles(admin)).length;
}

describe('deck bodies', () => {
  test('POST /api/decks {} → 400 naming title, nothing created', async () => {
    const before = await deckCount();
    expectValidationError(await admin.post('/api/decks', {}), 'title');
    expect(await deckCount()).toBe(before);
  });

  test('POST /api/decks with a blank title → 400 naming title', async () => {
    expectValidationError(await admin.post('/api/decks', { title: '   ' }), 'title');
  });

  test('POST /api/decks with a non-string title → 400 naming title', async () => {
    expectValidationError(await admin.post('/api/decks', { title: 42 }), 'title');
  });

  test('title of 201 characters → 400 naming title; 200 characters is accepted', async () => {
    expectValidationError(await admin.post('/api/decks', { title: 'x'.repeat(201) }), 'title');
    const ok = await admin.post('/api/decks', { title: 'y'.repeat(200) });
    expect(ok.status).toBe(201);
    expect(ok.body.title).toHaveLength(200);
  });

  test('PATCH /api/decks/:id with an over-long title → 400 naming title, title unchanged', async () => {
    expectValidationError(await admin.patch(`/api/decks/${deck.id}`, { title: 'z'.repeat(250) }), 'title');
    expect((await admin.get(`/api/decks/${deck.id}`)).body.title).toBe('Validation deck');
  });

  test('GET /api/decks?trashed=maybe → 400 naming trashed', async () => {
    expectValidationError(await admin.get('/api/decks?trashed=maybe'), 'trashed');
  });
});

describe('user bodies', () => {
  test('POST /api/users with a short password → 400 naming password, no account', async () => {
    expectValidationError(await admin.post('/api/users', { username: 'shorty', password: 'short' }), 'password');
    const users = (await admin.get('/api/users')).body.users.map((u: { username: string }) => u.username);
    expect(users).not.toContain('shorty');
  });

  test('POST /api/users with an invalid username → 400 naming username', async () => {
    expectValidationError(await admin.post('/api/users', { username: 'Not Valid!', password: 'long-enough-password' }), 'username');
  });

  test('POST /api/users with an unknown role → 400 naming role', async () => {
    expectValidationError(await admin.post('/api/users', { username: 'roleless', password: 'long-enough-password', role: 'root' }), 'role');
  });
});

describe('link bodies', () => {
  test('expiresAt in the past → 400 naming expiresAt, no link created', async () => {
    expectValidationError(await admin.post(`/api/decks/${deck.id}/links`, { label: 'old', expiresAt: new Date(Date.now() - 60_000).toISOString() }), 'expiresAt');
    expect((await admin.get(`/api/decks/${deck.id}/links`)).body.links).toHaveLength(0);
  });

  test('expiresAt that is not a date → 400 naming expiresAt', async () => {
    expectValidationError(await admin.post(`/api/decks/${deck.id}/links`, { label: 'bad', expiresAt: 'next tuesday' }), 'expiresAt');
    expectValidationError(await admin.post(`/api/decks/${deck.id}/links`, { label: 'bad', expiresAt: 12345 }), 'expiresAt');
    expect((await admin.get(`/api/decks/${deck.id}/links`)).body.links).toHaveLength(0);
  });

  test('label over 80 characters → 400 naming label', async () => {
    expectValidationError(await admin.post(`/api/decks/${deck.id}/links`, { label: 'l'.repeat(81) }), 'label');
  });
});

describe('malformed bodies never cause a 500', () => {
  const bad: [string, string, string][] = [
    ['invalid JSON', 'application/json', '{"title":'],
    ['empty JSON body', 'application/json', ''],
    ['JSON array', 'application/json', '[]'],
    ['JSON string', 'application/json', '"a title"'],
    ['plain text', 'text/plain', 'a title'],
    ['XML', 'application/xml', '<title>x</title>'],
    ['form encoded', 'application/x-www-form-urlencoded', 'title=Form+deck'],
  ];
  for (const [name, type, body] of bad) {
    test(`${name} (${type}) → 4xx with an error code, nothing created`, async () => {
      const before = await deckCount();
      const res = await admin.request('POST', '/api/decks', body, { 'content-type': type });
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      expect(typeof res.body.error).toBe('string');
      expect(res.body.error).not.toBe('internal');
      expect(await deckCount()).toBe(before);
    });
  }

  test('invalid JSON is a 400 bad-request', async () => {
    const res = await admin.request('POST', '/api/decks', '{not json', { 'content-type': 'application/json' });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('bad-request');
  });
});

describe('body size limit', () => {
  test('a body over 1 MiB → 413 too-large, nothing created', async () => {
    const before = await deckCount();
    const res = await admin.post('/api/decks', { title: 'big', padding: 'p'.repeat(1024 * 1024 + 10) });
    expect(res.status).toBe(413);
    expect(res.body.error).toBe('too-large');
    expect(await deckCount()).toBe(before);
  });

  test('a chunked body (no Content-Length) over 1 MiB → 413 too-large, nothing created', async () => {
    const before = await deckCount();
    const encoder = new TextEncoder();
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('{"title":"chunked deck","pad":"'));
      },
      pull(controller) {
        if (sent > 1.5 * 1024 * 1024) {
          controller.enqueue(encoder.encode('"}'));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode('p'.repeat(64 * 1024)));
        sent += 64 * 1024;
      },
    });
    const res = await fetch(`${server.url}/api/decks`, {
      method: 'POST',
      body,
      duplex: 'half',
      headers: { cookie: admin.cookie!, 'content-type': 'application/json' },
    } as RequestInit);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toBe('too-large');
    expect(await deckTitles(admin)).not.toContain('chunked deck');
    expect(await deckCount()).toBe(before);
  });

  test('a body just under 1 MiB is read (and then validated normally)', async () => {
    // Over-long title inside a ~1000 KiB body: reaches validation, so 400 rather than 413.
    const res = await admin.post('/api/decks', { title: 't'.repeat(1000 * 1024) });
    expectValidationError(res, 'title');
  });
});
