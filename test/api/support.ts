/** Small helpers shared by the API tests (not a test file itself). */
import { expect } from 'vitest';
import type { ApiClient, ApiResponse } from '../helpers/apiClient.ts';
import { ApiClient as Client } from '../helpers/apiClient.ts';

export const SESSION_COOKIE = 'tussenstand_session';

/** Asserts a 400 validation error that names `field` among its bad fields. */
export function expectValidationError(res: ApiResponse, field: string): void {
  expect(res.status).toBe(400);
  expect(res.body.error).toBe('validation');
  expect(Array.isArray(res.body.fields)).toBe(true);
  expect(res.body.fields.map((f: { field: string }) => f.field)).toContain(field);
}

/** Creates an account through the admin API and returns its info. */
export async function createUser(admin: ApiClient, username: string, password: string, extra: Record<string, unknown> = {}): Promise<any> {
  const res = await admin.post('/api/users', { username, password, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A client signed in as the given user. */
export async function signedIn(baseUrl: string, username: string, password: string): Promise<ApiClient> {
  const client = new Client(baseUrl);
  await client.login(username, password);
  return client;
}

/** A fresh client that only carries the given cookie header value (e.g. a saved session). */
export function withCookie(baseUrl: string, cookie: string | null): ApiClient {
  const client = new Client(baseUrl);
  client.cookie = cookie;
  return client;
}

/** Creates a deck and returns its summary. */
export async function createDeck(client: ApiClient, title: string): Promise<any> {
  const res = await client.post('/api/decks', { title });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

export async function deckTitles(client: ApiClient, query = ''): Promise<string[]> {
  const res = await client.get(`/api/decks${query}`);
  expect(res.status).toBe(200);
  return res.body.decks.map((d: { title: string }) => d.title);
}

/** Parses a Content-Security-Policy header into directive → sources. */
export function parseCsp(header: string | null): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const part of (header ?? '').split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) map.set(name.toLowerCase(), sources);
  }
  return map;
}
