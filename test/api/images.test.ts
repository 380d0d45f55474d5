import { describe, expect, test } from 'vitest';
import { type ApiClient } from '../helpers/apiClient.ts';
import * as Y from 'yjs';
import { addSlide, listSlides, readPresentation, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';
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
    // The image is on slide 2: its audience may fetch it once that slide has been shown ([AU1]).
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await editor.synced;
    editor.doc.transact(() => {
      addSlide(editor.doc, {});
      const image = new Y.XmlElement('image');
      image.setAttribute('src', body.url as string);
      image.setAttribute('alt', 'logo');
      listSlides(editor.doc)[1]!.content.insert(0, [image]);
    });
    expect((await fetch(`${fx.s.url}${body.url}`)).status).toBe(401);
    await eventually(async () => expect((await fx.api.get(`/api/decks/${deckId}`)).body.slideCount).toBe(2));
    expect((await fetch(`${fx.s.url}${body.url}?token=${token}`)).status).toBe(403);
    await startSession(fx.api, deckId);
    expect((await fetch(`${fx.s.url}${body.url}?token=${token}`)).status).toBe(403);
    await eventually(() => expect(readPresentation(editor.doc).active).toBe(true));
    writePresentation(editor.doc, { slideId: slideIds(editor.doc)[1]! });
    await eventually(async () => expect((await fetch(`${fx.s.url}${body.url}?token=${token}`)).status).toBe(200));
    editor.destroy();
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
