import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createDeck, createUser, deckTitles, signedIn } from './support.ts';

let server: TestServer;
let admin: ApiClient;
let analyst: ApiClient;
let adminId: string;
let analystId: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
  adminId = (await admin.get('/api/me')).body.id;
  analystId = (await createUser(admin, 'eva', 'eva-password-12', { displayName: 'Eva Editor' })).id;
  analyst = await signedIn(server.url, 'eva', 'eva-password-12');
});
afterAll(async () => {
  await server?.close();
});

describe('deck access needs a session', () => {
  test('GET /api/decks without a session → 401', async () => {
    const res = await new ApiClient(server.url).get('/api/decks');
    expect(res.status).toBe(401);
    expect(res.body).not.toHaveProperty('decks');
  });

  test('POST /api/decks without a session → 401 and nothing created', async () => {
    const res = await new ApiClient(server.url).post('/api/decks', { title: 'Anonymous deck' });
    expect(res.status).toBe(401);
    expect(await deckTitles(admin)).not.toContain('Anonymous deck');
  });

  test('GET /api/decks/:id of the seeded deck without a session → 401', async () => {
    const id = (await admin.get('/api/decks')).body.decks[0].id;
    expect((await new ApiClient(server.url).get(`/api/decks/${id}`)).status).toBe(401);
  });
});

describe('listing and creating decks', () => {
  test('the seeded example deck is listed with at least 6 slides', async () => {
    const res = await admin.get('/api/decks');
    expect(res.status).toBe(200);
    const example = res.body.decks.find((d: { title: string }) => d.title.startsWith('Tussenstand Spoor 3'));
    expect(example).toBeDefined();
    expect(example.slideCount).toBeGreaterThanOrEqual(6);
    expect(example.trashedAt).toBeNull();
  });

  test('POST /api/decks → 201 with id, title and one title slide', async () => {
    const res = await admin.post('/api/decks', { title: 'Kwartaalbriefing Q3' });
    expect(res.status).toBe(201);
    expect(res.body.id).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(res.body.title).toBe('Kwartaalbriefing Q3');
    expect(res.body.slideCount).toBe(1);
    expect(res.body.trashedAt).toBeNull();
    expect(res.body.createdBy).toEqual({ id: adminId, name: 'Beheerder' });
    expect(await deckTitles(admin)).toContain('Kwartaalbriefing Q3');
  });

  test('two decks with the same title get different ids', async () => {
    const a = await createDeck(admin, 'Same title');
    const b = await createDeck(admin, 'Same title');
    expect(a.id).not.toBe(b.id);
  });

  test('titles are trimmed and unicode survives the round trip', async () => {
    const deck = await createDeck(admin, '  Overzicht — “synthetische” drugs ✓  ');
    expect(deck.title).toBe('Overzicht — “synthetische” drugs ✓');
    expect((await admin.get(`/api/decks/${deck.id}`)).body.title).toBe('Overzicht — “synthetische” drugs ✓');
  });

  test('an analyst sees decks created by the admin', async () => {
    const deck = await createDeck(admin, 'Shared with analysts');
    expect(await deckTitles(analyst)).toContain('Shared with analysts');
    expect((await analyst.get(`/api/decks/${deck.id}`)).status).toBe(200);
  });
});

describe('reading one deck', () => {
  test('GET /api/decks/:id → id, title, slideCount, updatedAt', async () => {
    const deck = await createDeck(admin, 'Read me');
    const res = await admin.get(`/api/decks/${deck.id}`);
    expect(res.status).toBe(200);
    expect(res.body.id).toBe(deck.id);
    expect(res.body.title).toBe('Read me');
    expect(res.body.slideCount).toBe(1);
    expect(Number.isNaN(Date.parse(res.body.updatedAt))).toBe(false);
    expect(Math.abs(Date.parse(res.body.updatedAt) - Date.now())).toBeLessThan(60_000);
  });

  test('an unknown but well-formed id → 404', async () => {
    const res = await admin.get('/api/decks/AAAAAAAAAAAAAAAA');
    expect(res.status).toBe(404);
    expect(res.body.error).toBe('not-found');
  });

  const malformed = ['x', '..', '%2e%2e%2fetc', 'a'.repeat(65), 'abc def ghi', "abcdefgh'--", 'abcdefgh%00', '%', '%E0%A4%A'];
  for (const id of malformed) {
    test(`malformed id ${JSON.stringify(id.slice(0, 20))} → 400 or 404, never 500`, async () => {
      const res = await admin.get(`/api/decks/${id}`);
      expect([400, 404]).toContain(res.status);
    });
  }

  test('PATCH, DELETE, restore and history on an unknown id → 404', async () => {
    const id = 'BBBBBBBBBBBBBBBB';
    expect((await admin.patch(`/api/decks/${id}`, { title: 'x' })).status).toBe(404);
    expect((await admin.delete(`/api/decks/${id}`)).status).toBe(404);
    expect((await admin.post(`/api/decks/${id}/restore`)).status).toBe(404);
    expect((await admin.get(`/api/decks/${id}/history`)).status).toBe(404);
  });
});

describe('renaming, trashing and restoring', () => {
  test('PATCH title → listed with the new title and updatedBy is the renaming user', async () => {
    const deck = await createDeck(admin, 'Old name');
    const res = await analyst.patch(`/api/decks/${deck.id}`, { title: 'New name' });
    expect(res.status).toBe(200);
    expect(res.body.title).toBe('New name');
    expect(res.body.updatedBy).toEqual({ id: analystId, name: 'Eva Editor' });
    expect(Date.parse(res.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(deck.updatedAt));

    const listed = (await admin.get('/api/decks')).body.decks.find((d: { id: string }) => d.id === deck.id);
    expect(listed.title).toBe('New name');
    expect(listed.updatedBy).toEqual({ id: analystId, name: 'Eva Editor' });
    expect(listed.createdBy).toEqual({ id: adminId, name: 'Beheerder' });
    expect(await deckTitles(admin)).not.toContain('Old name');
  });

  test('DELETE moves the deck to the trash; GET still returns it; restore brings it back', async () => {
    const deck = await createDeck(admin, 'Trash me');

    const del = await admin.delete(`/api/decks/${deck.id}`);
    expect(del.status).toBe(200);
    expect(del.body.trashedAt).toEqual(expect.any(String));

    expect(await deckTitles(admin)).not.toContain('Trash me');
    const trashed = (await admin.get('/api/decks?trashed=1')).body.decks.find((d: { id: string }) => d.id === deck.id);
    expect(trashed).toBeDefined();
    expect(Number.isNaN(Date.parse(trashed.trashedAt))).toBe(false);
    expect(await deckTitles(admin, '?trashed=true')).toContain('Trash me');

    const get = await admin.get(`/api/decks/${deck.id}`);
    expect(get.status).toBe(200);
    expect(get.body.trashedAt).toBe(trashed.trashedAt);

    const restore = await admin.post(`/api/decks/${deck.id}/restore`);
    expect(restore.status).toBe(200);
    expect(restore.body.trashedAt).toBeNull();
    expect(await deckTitles(admin)).toContain('Trash me');
    expect(await deckTitles(admin, '?trashed=1')).not.toContain('Trash me');
  });

  test('the trash list does not contain live decks', async () => {
    await createDeck(admin, 'Alive and well');
    expect(await deckTitles(admin, '?trashed=1')).not.toContain('Alive and well');
    expect(await deckTitles(admin, '?trashed=0')).toContain('Alive and well');
  });
});

describe('deck history', () => {
  test('lists created, renamed, trashed and restored in order, with user names', async () => {
    const deck = await createDeck(admin, 'History deck');
    expect((await analyst.patch(`/api/decks/${deck.id}`, { title: 'History deck v2' })).status).toBe(200);
    expect((await analyst.delete(`/api/decks/${deck.id}`)).status).toBe(200);
    expect((await admin.post(`/api/decks/${deck.id}/restore`)).status).toBe(200);

    const res = await admin.get(`/api/decks/${deck.id}/history`);
    expect(res.status).toBe(200);
    const events = res.body.events as { kind: string; user: { id: string; name: string } | null; at: string; detail: Record<string, unknown> }[];
    expect(events.map((e) => e.kind)).toEqual(['created', 'renamed', 'trashed', 'restored']);
    expect(events.map((e) => e.user?.name)).toEqual(['Beheerder', 'Eva Editor', 'Eva Editor', 'Beheerder']);
    expect(events[1]!.detail).toMatchObject({ from: 'History deck', to: 'History deck v2' });
    for (const e of events) expect(Number.isNaN(Date.parse(e.at))).toBe(false);
  });

  test('history without a session → 401', async () => {
    const deck = await createDeck(admin, 'Private history');
    expect((await new ApiClient(server.url).get(`/api/decks/${deck.id}/history`)).status).toBe(401);
  });
});
