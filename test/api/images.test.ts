import { describe, expect, test } from 'vitest';
import { type ApiClient } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { type TestServer } from '../helpers/testServer.ts';

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
  const fx = serverFixture();

  test('an editor uploads a PNG and gets it back with its type', async () => {
    const deckId = await newDeck(fx.api);
    const res = await upload(fx.s, fx.api, deckId, PNG, 'image/png');
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^\/api\/images\/[A-Za-z0-9_-]+$/);
    const got = await fetch(`${fx.s.url}${res.body.url}`, { headers: { cookie: fx.api.cookie! } });
    expect(got.status).toBe(200);
    expect(got.headers.get('content-type')).toBe('image/png');
    expect(got.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await got.arrayBuffer()).equals(PNG)).toBe(true);
  });

  test('only its deck’s valid link token lets an attendee see an image', async () => {
    const deckId = await newDeck(fx.api);
    const other = await newDeck(fx.api);
    const { body } = await upload(fx.s, fx.api, deckId, PNG, 'image/png');
    const token = await newLink(fx.api, deckId);
    const otherToken = await newLink(fx.api, other);
    expect((await fetch(`${fx.s.url}${body.url}`)).status).toBe(401);
    expect((await fetch(`${fx.s.url}${body.url}?token=${token}`)).status).toBe(200);
    expect((await fetch(`${fx.s.url}${body.url}?token=${otherToken}`)).status).toBe(403);
    await fx.api.delete(`/api/decks/${deckId}/links/${token}`);
    expect((await fetch(`${fx.s.url}${body.url}?token=${token}`)).status).toBe(403);
  });

  test('refused: no session, a lie about the type, a non-image type, too large', async () => {
    const deckId = await newDeck(fx.api);
    expect((await upload(fx.s, null, deckId, PNG, 'image/png')).status).toBe(401);
    const lie = await upload(fx.s, fx.api, deckId, Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png');
    expect(lie.status).toBe(415);
    expect(lie.body.error).toBe('unsupported-media-type');
    expect((await upload(fx.s, fx.api, deckId, Buffer.from('<svg/>'), 'image/svg+xml')).status).toBe(415);
    const big = Buffer.concat([PNG, Buffer.alloc(5 * 1024 * 1024)]);
    expect((await upload(fx.s, fx.api, deckId, big, 'image/png')).status).toBe(413);
    expect((await upload(fx.s, fx.api, 'nosuchdeck1', PNG, 'image/png')).status).toBe(404);
  });
});
