import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loggedIn, type ApiClient } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

async function upload(s: TestServer, api: ApiClient | null, deckId: string, body: Buffer, type: string) {
  const res = await fetch(`${s.url}/api/decks/${deckId}/images`, {
    method: 'POST',
    headers: { 'content-type': type, ...(api?.cookie ? { cookie: api.cookie } : {}) },
    body: new Uint8Array(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('slide images', () => {
  let s: TestServer;
  let api: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    api = await loggedIn(s.url);
  });
  afterAll(async () => s.close());

  test('an editor uploads a PNG and gets it back with its type', async () => {
    const deckId = await newDeck(api);
    const res = await upload(s, api, deckId, PNG, 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^\/api\/images\/[A-Za-z0-9_-]+$/);
    const got = await fetch(`${s.url}${res.body.url}`, { headers: { cookie: api.cookie! } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('only its deck’s valid link token lets an attendee see an image', async () => {
    const deckId = await newDeck(api);
    const other = await newDeck(api);
    const { body } = await upload(s, api, deckId, PNG, 'image/png');
    const token = await newLink(api, deckId);
    const otherToken = await newLink(api, other);
    expect((await fetch(`${s.url}${body.url}`)).status).toBe(401);
    expect((await fetch(`${s.url}${body.url}?token=${token}`)).status).toBe(200);
    expect((await fetch(`${s.url}${body.url}?token=${otherToken}`)).status).toBe(403);
    await api.delete(`/api/decks/${deckId}/links/${token}`);
    expect((await fetch(`${s.url}${body.url}?token=${token}`)).status).toBe(403);
  });

  test('refused: no session, a lie about the type, a non-image type, too large', async () => {
    const deckId = await newDeck(api);
    expect((await upload(s, null, deckId, PNG, 'image/png')).status).toBe(401);
    const lie = await upload(s, api, deckId, Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(lie.status).toBe(415);
    expect(lie.body.error).toBe('unsupported-media-type');
    expect((await upload(s, api, deckId, Buffer.from('<svg/>'), 'image/svg+xml')).status).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(s, api, deckId, big, 'image/png')).status).toBe(413);
    expect((await upload(s, api, 'nosuchdeck1', PNG, 'image/png')).status).toBe(404);
  });
});
