/**
 * Access matrix: every HTTP route the app registers and both websockets, tried with every
 * kind of credential that must not open them. Each refusal must carry the expected status
 * (or close code) and must not leak deck or research content: unique marker strings are
 * planted in a deck's title, slide text, notes and version label, in research records and
 * in a statistic, and every refused response's body and headers are searched for them.
 *
 * The route list comes from the server itself (TussenstandServer.routes, collected by an
 * onRoute hook), so a route added without an entry in ROUTE_ACCESS below fails this test.
 *
 * Expected refusals, per kind of route:
 * - editor routes (any signed-in account): no valid session → 401 `unauthenticated`;
 *   link tokens are never sessions, however they are sent (query, cookie, bearer header).
 * - admin routes: no valid session → 401; an analyst's session → 403.
 * - the image route: no credentials → 401; a link token that is not valid for the image's
 *   deck (another deck's, revoked, expired, unknown) → 403; its own deck's token → allowed.
 * - state-changing requests from another origin → 403 on every route, public ones included,
 *   even with a valid admin session.
 * - public routes (health, sign-in/out, the session probe, the client's files and pages, the link view) answer,
 *   but show nothing beyond what they are for: the link view shows its own deck's title
 *   while the link works, and nothing once it is revoked, expired or its deck trashed.
 *
 * The last block tries awareness spoofing that test/sync/awareness.test.ts does not: another
 * user's id, the server's own attendee-count state, an attendee posing as the presenter.
 *
 * Covered elsewhere and not repeated here: an attendee's writes on /sync change nothing
 * ([RO2], [RO5] in test/sync/readOnly.test.ts); cross-origin upgrades ([AC6] and [ST4]);
 * claimed names and taking over another editor's awareness id ([AW1], [AW2]); the login
 * throttle's 429 (test/api/session.test.ts).
 */
import { FIXTURE_CLIENT_DIR, FIXTURE_FILES, releaseClientFixture } from './clientFixture.ts';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CloseCode, type CloseCodeName } from '../../shared/closeCodes.ts';
import { STATS_PATH } from '../../shared/statsMessages.ts';
import { LINK_TOKEN_PARAM, MessageType, SYNC_PATH } from '../../shared/syncMessages.ts';
import { newSecretToken, sha256 } from '../../server/auth/tokens.ts';
import { SESSION_COOKIE } from '../../server/auth/access.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { awarenessFrame, rawSocket, syncStep1Frame } from '../helpers/rawSocket.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';
import { probeSocket, type ProbeSocket } from './refusedSocket.ts';

type RouteKind = 'public' | 'editor' | 'admin' | 'image' | 'linkView';

interface RouteAccess {
  kind: RouteKind;
  /** Concrete request paths for the pattern, filled with real ids so an unguarded route would reach data. */
  paths: (f: Fixture) => string[];
  /** A valid body for state-changing routes: if a guard were missing, the change would really happen. */
  body?: (f: Fixture) => unknown;
}

interface Fixture {
  deckA: string;
  deckB: string;
  deckTrashed: string;
  tokenA: string;
  tokenB: string;
  tokenTrashed: string;
  tokenRevoked: string;
  tokenExpired: string;
  versionId: string;
  imageId: string;
  orgId: string;
  adminId: string;
  analystId: string;
}

const deck = (f: Fixture, rest = ''): string[] => [`/api/decks/${f.deckA}${rest}`];

/**
 * Every route's access rule. HEAD routes (Fastify's twins of GET routes) follow their GET
 * entry; the client's files are recognised as files of the client directory.
 */
const ROUTE_ACCESS: Record<string, RouteAccess> = {
  'GET /healthz': { kind: 'public', paths: () => ['/healthz'] },
  'POST /api/session': { kind: 'public', paths: () => ['/api/session'], body: () => ({}) },
  'DELETE /api/session': { kind: 'public', paths: () => ['/api/session'] },
  // Answers everyone; without a session (a link token is none) it says `{ user: null }`.
  'GET /api/session': { kind: 'public', paths: () => ['/api/session'] },
  'GET /api/me': { kind: 'editor', paths: () => ['/api/me'] },
  'GET /api/users': { kind: 'admin', paths: () => ['/api/users'] },
  'POST /api/users': { kind: 'admin', paths: () => ['/api/users'], body: () => ({ username: 'mallory', password: 'mallory-password-1', role: 'admin' }) },
  'PATCH /api/users/:id': { kind: 'admin', paths: (f) => [`/api/users/${f.analystId}`], body: () => ({ role: 'admin' }) },
  'GET /api/decks': { kind: 'editor', paths: () => ['/api/decks', '/api/decks?trashed=1'] },
  'POST /api/decks': { kind: 'editor', paths: () => ['/api/decks'], body: () => ({ title: 'Planted by an intruder' }) },
  'GET /api/decks/:id': { kind: 'editor', paths: (f) => deck(f) },
  'PATCH /api/decks/:id': { kind: 'editor', paths: (f) => deck(f), body: () => ({ title: 'Renamed by an intruder' }) },
  'DELETE /api/decks/:id': { kind: 'editor', paths: (f) => deck(f) },
  'POST /api/decks/:id/restore': { kind: 'editor', paths: (f) => [`/api/decks/${f.deckTrashed}/restore`] },
  'GET /api/decks/:id/history': { kind: 'editor', paths: (f) => deck(f, '/history') },
  'POST /api/decks/:id/links': { kind: 'editor', paths: (f) => deck(f, '/links'), body: () => ({ label: 'intruder' }) },
  'GET /api/decks/:id/links': { kind: 'editor', paths: (f) => deck(f, '/links') },
  'DELETE /api/decks/:id/links/:token': { kind: 'editor', paths: (f) => deck(f, `/links/${f.tokenA}`) },
  'GET /api/links/:token': { kind: 'linkView', paths: (f) => [`/api/links/${f.tokenA}`] },
  'POST /api/decks/:id/images': { kind: 'editor', paths: (f) => deck(f, '/images'), body: () => ({}) },
  'GET /api/images/:id': { kind: 'image', paths: (f) => [`/api/images/${f.imageId}`] },
  'GET /api/research/audit': { kind: 'editor', paths: () => ['/api/research/audit', '/api/research/audit?collection=interviews'] },
  'POST /api/research/import': { kind: 'editor', paths: () => ['/api/research/import?kind=organisations'], body: () => ({}) },
  'GET /api/research/:collection/export.csv': { kind: 'editor', paths: () => ['/api/research/interviews/export.csv', '/api/research/organisations/export.csv'] },
  'GET /api/research/:collection': { kind: 'editor', paths: () => ['/api/research/interviews', '/api/research/organisations'] },
  'POST /api/research/:collection': { kind: 'editor', paths: () => ['/api/research/organisations'], body: () => ({ name: 'Intruder BV', kind: 'private' }) },
  'PATCH /api/research/:collection/:id': { kind: 'editor', paths: (f) => [`/api/research/organisations/${f.orgId}`], body: () => ({ name: 'Renamed by an intruder', kind: 'private' }) },
  'DELETE /api/research/:collection/:id': { kind: 'editor', paths: (f) => [`/api/research/organisations/${f.orgId}`] },
  'POST /api/decks/:id/presentation/start': { kind: 'editor', paths: (f) => deck(f, '/presentation/start') },
  'POST /api/decks/:id/presentation/stop': { kind: 'editor', paths: (f) => deck(f, '/presentation/stop') },
  'GET /api/decks/:id/audience': { kind: 'editor', paths: (f) => deck(f, '/audience') },
  'POST /api/decks/:id/exports': { kind: 'editor', paths: (f) => deck(f, '/exports'), body: () => ({ format: 'html' }) },
  'GET /api/exports/:id': { kind: 'editor', paths: () => ['/api/exports/AAAAAAAAAAAAAAAA'] },
  'GET /api/exports/:id/file': { kind: 'editor', paths: () => ['/api/exports/AAAAAAAAAAAAAAAA/file'] },
  'GET /api/decks/:id/export.pdf': { kind: 'editor', paths: (f) => deck(f, '/export.pdf?notes=1') },
  'GET /api/decks/:id/export.html': { kind: 'editor', paths: (f) => deck(f, '/export.html') },
  'POST /api/decks/import': { kind: 'editor', paths: () => ['/api/decks/import'], body: () => ({}) },
  'GET /api/decks/:id/export.md': { kind: 'editor', paths: (f) => deck(f, '/export.md') },
  'GET /api/decks/:id/export.pptx': { kind: 'editor', paths: (f) => deck(f, '/export.pptx') },
  'GET /api/templates': { kind: 'editor', paths: () => ['/api/templates'] },
  'POST /api/decks/:id/versions': { kind: 'editor', paths: (f) => deck(f, '/versions'), body: () => ({ label: 'intruder' }) },
  'GET /api/decks/:id/versions': { kind: 'editor', paths: (f) => deck(f, '/versions') },
  'GET /api/decks/:id/versions/:version': { kind: 'editor', paths: (f) => deck(f, `/versions/${f.versionId}`) },
  'GET /api/decks/:id/versions/:version/state': { kind: 'editor', paths: (f) => deck(f, `/versions/${f.versionId}/state`) },
  'GET /api/decks/:id/versions/:version/export.md': { kind: 'editor', paths: (f) => deck(f, `/versions/${f.versionId}/export.md`) },
  'GET /api/decks/:id/versions/:version/export.pptx': { kind: 'editor', paths: (f) => deck(f, `/versions/${f.versionId}/export.pptx`) },
  'POST /api/decks/:id/versions/:version/restore': { kind: 'editor', paths: (f) => deck(f, `/versions/${f.versionId}/restore`) },
  'GET /api/stats': { kind: 'editor', paths: () => ['/api/stats'] },
  'GET /api/stats/:key': { kind: 'editor', paths: () => ['/api/stats/staff.interviewed'] },
  // The client's pages (client routing): index.html for any other path, 404 JSON under /api/.
  // The attendee page: the app, with the live slide in it while a session runs ([AU13]); the link token in the path is its only credential.
  'GET /v/:token': { kind: 'public', paths: (f) => [`/v/${f.tokenA}`, '/v/no-such-token'] },
  'GET /*': { kind: 'public', paths: (f) => [`/decks/${f.deckA}`, `/api/decks/${f.deckA}/no-such-thing`] },
};

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

interface Credential {
  name: string;
  /** Headers (and query) for one request; may make a fresh credential each time. */
  make: (f: Fixture) => Promise<{ headers: Record<string, string>; query?: string }> | { headers: Record<string, string>; query?: string };
  /** A body sent instead of the route's valid one. */
  body?: unknown;
  /** Expected status for a kind of route (and method), 'allowed' when it may pass, or null when it does not apply. */
  expect: (kind: RouteKind, method: string) => number | 'allowed' | null;
}

const EVIL_ORIGIN = 'http://evil.example';
const cookie = (value: string): Record<string, string> => ({ cookie: `${SESSION_COOKIE}=${value}` });

let s: TestServer;
let admin: ApiClient;
let analyst: ApiClient;
let f: Fixture;
/** Cookie of a session that was signed out. */
let signedOutCookie: string;
/** Cookie of a session that exists in the store but belongs to a disabled account. */
let disabledCookie: string;

/** Marker strings: letters and digits only, so URL-encoding (Content-Disposition) leaves them as they are. */
const tag = randomBytes(4).toString('hex');
const MARKERS = {
  title: `TitleMarker${tag}`,
  slideText: `SlideMarker${tag}`,
  notes: `NotesMarker${tag}`,
  versionLabel: `VersionMarker${tag}`,
  organisation: `OrganisationMarker${tag}`,
  person: `PersonMarker${tag}`,
  figure: '', // the planted statistic's value, set once the records are in
};

/** Headers whose values are framing, not content (a length could equal the figure by chance). */
const FRAMING_HEADERS = new Set(['content-length', 'date', 'etag', 'last-modified', 'keep-alive', 'connection']);

function leakedMarkers(text: string, headers: Headers, allowed: string[] = []): string[] {
  const headerText = [...headers].filter(([name]) => !FRAMING_HEADERS.has(name)).map(([name, value]) => `${name}: ${value}`).join('\n');
  const haystack = `${text}\n${headerText}`;
  return Object.entries(MARKERS)
    .filter(([name, value]) => value !== '' && !allowed.includes(name) && haystack.includes(value))
    .map(([name]) => name);
}

/** A session token of the admin whose session ended a minute ago (the API cannot make one). */
async function expiredSession(): Promise<string> {
  const token = newSecretToken();
  const past = new Date(Date.now() - 60_000).toISOString();
  await s.server.services.store.createSession({ tokenHash: sha256(token), userId: f.adminId, createdAt: past, expiresAt: past });
  return token;
}

const noSession = (kind: RouteKind): number | 'allowed' | null => (kind === 'public' || kind === 'linkView' ? 'allowed' : 401);
/** A link token that is not valid for the image's deck: refused as forbidden there, and never a session elsewhere. */
const badToken = (kind: RouteKind): number | 'allowed' | null => (kind === 'image' ? 403 : noSession(kind));

function baseCredentials(): Credential[] {
  return [
    { name: 'no credentials', make: () => ({ headers: {} }), expect: noSession },
    {
      // Authentication comes before validation: an anonymous caller learns nothing about a route's input.
      name: 'no credentials, invalid body',
      make: () => ({ headers: {} }),
      body: { title: 42, format: 'nope', label: 42, username: 1, role: 'root', name: 5, kind: 'x' },
      expect: (kind, method) => (UNSAFE_METHODS.has(method) ? noSession(kind) : null),
    },
    { name: 'forged session cookie', make: () => ({ headers: cookie(newSecretToken()) }), expect: noSession },
    { name: 'garbage session cookie', make: () => ({ headers: cookie(`%00${'A'.repeat(300)}%FF"\\`) }), expect: noSession },
    // A fresh one each time: the server deletes an expired session the first time it sees it.
    { name: 'expired session', make: async () => ({ headers: cookie(await expiredSession()) }), expect: noSession },
    { name: 'session of a disabled account', make: () => ({ headers: { cookie: disabledCookie } }), expect: noSession },
    { name: 'signed-out session', make: () => ({ headers: { cookie: signedOutCookie } }), expect: noSession },
    { name: 'attendee link token (?token=)', make: (fx) => ({ headers: {}, query: `token=${fx.tokenA}` }), expect: (kind) => (kind === 'image' ? 'allowed' : noSession(kind)) },
    { name: 'attendee link token as session cookie', make: (fx) => ({ headers: cookie(fx.tokenA) }), expect: noSession },
    { name: 'attendee link token as bearer header', make: (fx) => ({ headers: { authorization: `Bearer ${fx.tokenA}`, 'x-link-token': fx.tokenA } }), expect: noSession },
    { name: 'another deck’s link token', make: (fx) => ({ headers: {}, query: `token=${fx.tokenB}` }), expect: badToken },
    { name: 'revoked link token', make: (fx) => ({ headers: {}, query: `token=${fx.tokenRevoked}` }), expect: badToken },
    { name: 'expired link token', make: (fx) => ({ headers: {}, query: `token=${fx.tokenExpired}` }), expect: badToken },
    { name: 'unknown link token', make: () => ({ headers: {}, query: `token=${newSecretToken()}` }), expect: badToken },
    {
      name: 'analyst session on admin routes',
      make: () => ({ headers: { cookie: analyst.cookie! } }),
      // Analysts may do everything else; public routes are left out so DELETE /api/session cannot sign them out.
      expect: (kind) => (kind === 'admin' ? 403 : null),
    },
    {
      name: 'admin session from another origin',
      make: () => ({ headers: { cookie: admin.cookie!, origin: EVIL_ORIGIN } }),
      expect: (_kind, method) => (UNSAFE_METHODS.has(method) ? 403 : null),
    },
  ];
}

interface Sent {
  status: number;
  text: string;
  headers: Headers;
}

async function send(method: string, urlPath: string, headers: Record<string, string>, body?: unknown): Promise<Sent> {
  const hasBody = body !== undefined && method !== 'GET' && method !== 'HEAD' && method !== 'DELETE';
  const res = await fetch(s.url + urlPath, {
    method,
    headers: { ...(hasBody ? { 'content-type': 'application/json' } : {}), ...headers },
    body: hasBody ? JSON.stringify(body) : undefined,
    redirect: 'manual',
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/** True for a body that is exactly `{ error, message }` with string values (shared/api.ts ApiError). */
function isBareError(text: string): boolean {
  try {
    const body = JSON.parse(text) as Record<string, unknown>;
    return Object.keys(body).sort().join() === 'error,message' && typeof body.error === 'string' && typeof body.message === 'string';
  } catch {
    return false;
  }
}

const withQuery = (urlPath: string, query: string | undefined): string => (query ? `${urlPath}${urlPath.includes('?') ? '&' : '?'}${query}` : urlPath);

/** The route's access rule: its own entry, its GET twin's for HEAD, or 'static' for a client file. */
function accessOf(method: string, url: string): RouteAccess | 'static' | undefined {
  const own = ROUTE_ACCESS[`${method} ${url}`] ?? (method === 'HEAD' ? ROUTE_ACCESS[`GET ${url}`] : undefined);
  if (own) return own;
  const file = path.join(FIXTURE_CLIENT_DIR, url);
  if ((method === 'GET' || method === 'HEAD') && !url.includes(':') && !url.includes('*') && fs.existsSync(file) && fs.statSync(file).isFile()) return 'static';
  return undefined;
}

beforeAll(async () => {
  s = await startTestServer({ serveClient: true });
  admin = await loggedIn(s.url);
  const adminId = (await admin.get('/api/me')).body.id as string;
  const store = s.server.services.store;

  const created = await admin.post('/api/users', { username: 'pieter', displayName: 'Pieter de Vries', password: 'pieter-password-1', role: 'analyst' });
  expect(created.status).toBe(201);
  analyst = await loggedIn(s.url, 'pieter', 'pieter-password-1');

  // A disabled account whose session is still in the store: the account check itself must refuse it
  // (disabling through the API also deletes the sessions, which would hide a missing check).
  const dora = await admin.post('/api/users', { username: 'dora', password: 'dora-password-1', role: 'admin' });
  expect((await admin.patch(`/api/users/${dora.body.id}`, { disabled: true })).status).toBe(200);
  const doraToken = newSecretToken();
  const now = new Date();
  await store.createSession({ tokenHash: sha256(doraToken), userId: dora.body.id, createdAt: now.toISOString(), expiresAt: new Date(now.getTime() + 86_400_000).toISOString() });
  disabledCookie = `${SESSION_COOKIE}=${doraToken}`;

  const leaver = await loggedIn(s.url);
  signedOutCookie = leaver.cookie!;
  expect((await leaver.delete('/api/session')).status).toBe(204);

  // Deck A carries the deck markers: title, slide text, speaker notes, a version label.
  const markdown = ['---', 'format: tussenstand/1', `title: ${MARKERS.title}`, '---', '', '<!-- slide: layout=title-content -->', '', `# ${MARKERS.slideText}`, '', 'Note:', MARKERS.notes, ''].join('\n');
  const imported = await admin.request('POST', '/api/decks/import', markdown, { 'content-type': 'text/markdown' });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const deckA = imported.body.id as string;
  const version = await admin.post(`/api/decks/${deckA}/versions`, { label: MARKERS.versionLabel });
  expect(version.status).toBe(201);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(32)]);
  const image = await fetch(`${s.url}/api/decks/${deckA}/images`, { method: 'POST', headers: { cookie: admin.cookie!, 'content-type': 'image/png' }, body: png });
  expect(image.status).toBe(201);
  const imageId = ((await image.json()) as { id: string }).id;

  const tokenA = await newLink(admin, deckA, { label: 'OM' });
  const tokenRevoked = await newLink(admin, deckA, { label: 'revoked' });
  expect((await admin.delete(`/api/decks/${deckA}/links/${tokenRevoked}`)).status).toBe(200);
  // The API only accepts future expiry dates; an expired link is written to the store directly.
  const tokenExpired = newSecretToken();
  await store.createLink({ token: tokenExpired, deckId: deckA, label: 'expired', createdBy: adminId, expiresAt: new Date(Date.now() - 60_000).toISOString() });

  const deckB = await newDeck(admin, 'Another deck');
  const tokenB = await newLink(admin, deckB, { label: 'B' });
  const deckTrashed = await newDeck(admin, 'Trashed deck');
  const tokenTrashed = await newLink(admin, deckTrashed, { label: 'trashed' });
  expect((await admin.delete(`/api/decks/${deckTrashed}`)).status).toBe(200);

  // Research markers: an organisation, a person named in an interview, and a figure they move.
  const org = await admin.post('/api/research/organisations', { name: MARKERS.organisation, kind: 'private' });
  expect(org.status).toBe(201);
  const staffBefore = (await admin.get('/api/stats/staff.interviewed')).body.value as number;
  const planted = [991, 997, 983];
  for (const staff of planted) {
    const interview = await admin.post('/api/research/interviews', { date: '2026-11-02', organisationId: org.body.id, staff, topic: `Gesprek met ${MARKERS.person}` });
    expect(interview.status).toBe(201);
  }
  // Statistics are recomputed after a change, not during it: wait for the planted figure.
  const figure = staffBefore + planted.reduce((a, b) => a + b, 0);
  await eventually(async () => expect((await admin.get('/api/stats/staff.interviewed')).body.value).toBe(figure));
  MARKERS.figure = String(figure);

  f = { deckA, deckB, deckTrashed, tokenA, tokenB, tokenTrashed, tokenRevoked, tokenExpired, versionId: version.body.id, imageId, orgId: org.body.id, adminId, analystId: created.body.id };
});

afterAll(async () => {
  await s?.close();
  releaseClientFixture();
});

/** Which markers an admin sees at a path (the positive control for the leak search). */
async function markersSeenAt(urlPath: string): Promise<string[]> {
  const res = await send('GET', urlPath, { cookie: admin.cookie! });
  expect(res.status, urlPath).toBe(200);
  return leakedMarkers(res.text, res.headers);
}

describe('access matrix: HTTP', () => {
  test('the matrix has an access rule for every registered route, and no rule for a route that is gone', () => {
    const registered = s.server.routes;
    expect(registered.length).toBeGreaterThan(40);
    const unclassified = registered.filter((r) => accessOf(r.method, r.url) === undefined).map((r) => `${r.method} ${r.url}`);
    expect(unclassified, 'routes without an entry in ROUTE_ACCESS').toEqual([]);
    const keys = new Set(registered.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(ROUTE_ACCESS).filter((k) => !keys.has(k)), 'ROUTE_ACCESS entries for routes that do not exist').toEqual([]);
    // The client's files are registered one route each; the fixture's must all be there.
    for (const file of Object.values(FIXTURE_FILES)) expect(keys.has(`GET ${file}`), file).toBe(true);
  });

  test('the markers are where an editor sees them (so the search below would find a leak)', async () => {
    expect(MARKERS.figure).toMatch(/^\d{4,}$/);
    expect(await markersSeenAt(`/api/decks/${f.deckA}`)).toContain('title');
    expect(await markersSeenAt(`/api/decks/${f.deckA}/export.md`)).toEqual(expect.arrayContaining(['title', 'slideText', 'notes']));
    expect(await markersSeenAt(`/api/decks/${f.deckA}/versions`)).toContain('versionLabel');
    expect(await markersSeenAt('/api/research/interviews/export.csv')).toEqual(expect.arrayContaining(['organisation', 'person']));
    expect(await markersSeenAt('/api/stats/staff.interviewed')).toContain('figure');
  });

  test('every route × every credential kind is refused with its status and leaks nothing', async () => {
    const credentials = baseCredentials();
    const failures: string[] = [];
    let checks = 0;
    const routesTried = new Set<string>();
    const jobs: (() => Promise<void>)[] = [];
    for (const route of s.server.routes) {
      const access = accessOf(route.method, route.url);
      if (!access) continue; // reported by the first test
      const rule: RouteAccess = access === 'static' ? { kind: 'public', paths: () => [route.url] } : access;
      for (const urlPath of rule.paths(f)) {
        for (const credential of credentials) {
          const expected = credential.expect(rule.kind, route.method);
          if (expected === null) continue;
          jobs.push(async () => {
            const { headers, query } = await credential.make(f);
            const target = withQuery(urlPath, query);
            const res = await send(route.method, target, headers, UNSAFE_METHODS.has(route.method) ? (credential.body ?? rule.body?.(f) ?? {}) : undefined);
            const where = `${route.method} ${target} [${credential.name}]`;
            checks++;
            routesTried.add(`${route.method} ${route.url}`);
            if (expected === 'allowed') {
              if (res.status >= 500) failures.push(`${where}: ${res.status}`);
            } else if (res.status !== expected) {
              failures.push(`${where}: expected ${expected}, got ${res.status} ${res.text.slice(0, 120)}`);
            } else if (route.method !== 'HEAD' && !isBareError(res.text)) {
              // A refusal is the API's error shape and nothing else, so there is nowhere for content to hide.
              failures.push(`${where}: refusal body is not { error, message }: ${res.text.slice(0, 120)}`);
            }
            // The link view may show its own deck's title (and only while the link works; see below).
            const allowed = rule.kind === 'linkView' && res.status === 200 ? ['title'] : [];
            const leaked = leakedMarkers(res.text, res.headers, allowed);
            if (leaked.length > 0) failures.push(`${where}: leaks ${leaked.join(', ')}`);
          });
        }
      }
    }
    // A few at a time: quick, without flooding a shared machine.
    const queue = [...jobs];
    await Promise.all(Array.from({ length: 6 }, async () => {
      for (let job = queue.shift(); job; job = queue.shift()) await job();
    }));
    expect(failures).toEqual([]);
    expect(routesTried.size).toBe(s.server.routes.length);
    expect(checks).toBe(jobs.length);
    // Nothing an unguarded route would have done happened.
    const deckA = await admin.get(`/api/decks/${f.deckA}`);
    expect(deckA.body).toMatchObject({ title: MARKERS.title, trashedAt: null });
    expect((await admin.get(`/api/links/${f.tokenA}`)).status).toBe(200);
    expect((await admin.get('/api/users')).body.users.map((u: { username: string }) => u.username)).not.toContain('mallory');
    console.info(`access matrix: ${s.server.routes.length} routes, ${credentials.length} credential kinds, ${checks} requests`);
  });

  test('the link view shows its own deck’s title only while the link works', async () => {
    const ok = await send('GET', `/api/links/${f.tokenA}`, {});
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toEqual({ deckId: f.deckA, title: MARKERS.title, label: 'OM' });
    const refused: [string, number][] = [
      [f.tokenRevoked, 410],
      [f.tokenExpired, 410],
      [f.tokenTrashed, 404],
      [newSecretToken(), 404],
    ];
    for (const [token, status] of refused) {
      const res = await send('GET', `/api/links/${token}`, { cookie: analyst.cookie! });
      expect(res.status, token).toBe(status);
      expect(leakedMarkers(res.text, res.headers)).toEqual([]);
      expect(res.text).not.toContain(f.deckA);
    }
  });
});

interface WsCase {
  name: string;
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  token?: () => string;
  /** Close code on /sync/<deck A>, or null when the case does not apply there. */
  sync: CloseCodeName | null;
  /** Close code on /stats, or null when the case does not apply there. */
  stats: CloseCodeName | null;
}

const wsCases = (): WsCase[] => [
  { name: 'no credentials', sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'forged session cookie', headers: () => cookie(newSecretToken()), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'garbage session cookie', headers: () => cookie(`%00${'A'.repeat(300)}%FF`), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'expired session', headers: async () => cookie(await expiredSession()), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'session of a disabled account', headers: () => ({ cookie: disabledCookie }), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'signed-out session', headers: () => ({ cookie: signedOutCookie }), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'attendee link token as session cookie', headers: () => cookie(f.tokenA), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  { name: 'attendee link token as bearer header', headers: () => ({ authorization: `Bearer ${f.tokenA}` }), sync: 'NO_CREDENTIALS', stats: 'NO_CREDENTIALS' },
  // /stats is not tied to one deck, so "another deck's token" only applies to /sync.
  { name: 'another deck’s link token', token: () => f.tokenB, sync: 'FORBIDDEN', stats: null },
  { name: 'unknown link token', token: () => newSecretToken(), sync: 'FORBIDDEN', stats: 'FORBIDDEN' },
  { name: 'revoked link token', token: () => f.tokenRevoked, sync: 'LINK_REVOKED', stats: 'LINK_REVOKED' },
  { name: 'expired link token', token: () => f.tokenExpired, sync: 'LINK_EXPIRED', stats: 'LINK_EXPIRED' },
  { name: 'link token of a trashed deck', token: () => f.tokenTrashed, sync: null, stats: 'NO_SUCH_DECK' },
  // A bad token is not quietly replaced by the editor's cookie sent with it.
  { name: 'revoked link token with an editor’s cookie', token: () => f.tokenRevoked, headers: () => ({ cookie: admin.cookie! }), sync: 'LINK_REVOKED', stats: 'LINK_REVOKED' },
  { name: 'empty link token with an editor’s cookie', token: () => '', headers: () => ({ cookie: admin.cookie! }), sync: 'FORBIDDEN', stats: 'FORBIDDEN' },
];

const tokenQuery = (token: string | undefined): string => (token === undefined ? '' : `?${LINK_TOKEN_PARAM}=${encodeURIComponent(token)}`);

/** Opens one socket per case, asks for content at once, and reports every way the refusal fell short. */
async function refuseAll(endpoint: 'sync' | 'stats', urlFor: (c: WsCase) => string, ask: (ws: ProbeSocket['ws']) => void): Promise<string[]> {
  const failures: string[] = [];
  const list = wsCases().filter((c) => c[endpoint] !== null);
  expect(list.length).toBeGreaterThan(10);
  await Promise.all(
    list.map(async (c) => {
      const sock = probeSocket(urlFor(c), (await c.headers?.()) ?? {});
      // [AC8]: the upgrade itself succeeds; the refusal is a close code.
      await sock.opened;
      // Ask for content at once: the refusal must come before any of it is answered.
      ask(sock.ws);
      const closed = await sock.closed;
      const expected = CloseCode[c[endpoint]!];
      if (closed.code !== expected) failures.push(`${endpoint} ${c.name}: expected ${expected}, got ${closed.code} ${closed.reason}`);
      if (sock.frames.length > 0) failures.push(`${endpoint} ${c.name}: ${sock.frames.length} frame(s) before the close`);
      const leaked = leakedMarkers(sock.frames.join('\n') + closed.reason, new Headers());
      if (leaked.length > 0) failures.push(`${endpoint} ${c.name}: leaks ${leaked.join(', ')}`);
    }),
  );
  return failures;
}

describe('access matrix: websockets', () => {
  test('/sync/<deck> refuses each with its close code, before any frame', async () => {
    const failures = await refuseAll(
      'sync',
      (c) => `${s.wsUrl}${SYNC_PATH}/${f.deckA}${tokenQuery(c.token?.())}`,
      (ws) => {
        ws.send(syncStep1Frame(new Y.Doc()));
        ws.send(Uint8Array.of(MessageType.QUERY_AWARENESS));
      },
    );
    // The trashed deck's own socket: its token is valid, the deck is gone.
    const trashed = probeSocket(`${s.wsUrl}${SYNC_PATH}/${f.deckTrashed}${tokenQuery(f.tokenTrashed)}`);
    expect((await trashed.closed).code).toBe(CloseCode.NO_SUCH_DECK);
    expect(trashed.frames).toEqual([]);
    expect(failures).toEqual([]);
  });

  test('/stats refuses each with its close code, before any statistic', async () => {
    const failures = await refuseAll(
      'stats',
      (c) => `${s.wsUrl}${STATS_PATH}${tokenQuery(c.token?.())}`,
      (ws) => ws.send(JSON.stringify({ type: 'subscribe', keys: ['staff.interviewed', 'interviews.total'] })),
    );
    expect(failures).toEqual([]);
  });
});

/**
 * Awareness spoofing beyond [AW1]/[AW2] (test/sync/awareness.test.ts): claiming another
 * user's id, the server's own audience state, and (as an attendee) the presenter's pointer.
 * Each test orders its check after the spoof through one socket, so no sleep decides it.
 */
describe('awareness spoofing has no effect', () => {
  type Presence = { user?: { id?: string; name?: string }; audience?: Record<string, number>; presenting?: boolean; pointer?: unknown };

  test('an editor claiming another user’s id and name is shown as itself', async () => {
    const deckId = await newDeck(admin);
    const watcher = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    await watcher.synced;
    const spoofer = rawSocket(s.wsUrl, deckId, { cookie: analyst.cookie });
    await spoofer.opened;
    spoofer.ws.send(awarenessFrame([{ clientId: 606001, clock: 1, state: { user: { id: f.adminId, name: 'Administrator', color: '#123456' }, cursor: { slide: 0 } } }]));
    await eventually(() => expect(watcher.provider.awareness.getStates().has(606001)).toBe(true));
    const seen = watcher.provider.awareness.getStates().get(606001) as Presence;
    expect(seen.user).toEqual({ id: f.analystId, name: 'Pieter de Vries', color: '#123456' });
    spoofer.ws.close();
    watcher.destroy();
  });

  // [AW4] The server's own awareness client id carries the attendee count ([RO6]); an editor
  // socket that sends an entry for it (on purpose, or because the stock client echoes every
  // state it receives) must not become its owner.
  test('an editor cannot overwrite or remove the server’s attendee count', async () => {
    const deckId = await newDeck(admin);
    const token = await newLink(admin, deckId, { label: 'OM' });
    // The spoofer is the only editor when the count first appears, so no other socket has
    // echoed the server's state back yet (the stock client echoes every state it receives).
    const spoofer = rawSocket(s.wsUrl, deckId, { cookie: analyst.cookie });
    await spoofer.opened;
    const attendee = connectClient(s.wsUrl, deckId, { token });
    await attendee.synced;
    const room = s.server.services.registry.get(deckId)!;
    await eventually(() => expect(room.presence.awareness.getLocalState()).toEqual({ audience: { OM: 1 } }));
    // Every editor learns the server's client id from that state; an attacker can aim at it.
    const serverId = room.presence.awareness.clientID;
    await eventually(() => expect(spoofer.received.some((frame) => frame[0] === MessageType.AWARENESS)).toBe(true));
    spoofer.ws.send(awarenessFrame([{ clientId: serverId, clock: 100_000, state: { audience: { OM: 999, Pers: 50 } } }]));
    spoofer.ws.send(awarenessFrame([{ clientId: serverId, clock: 100_001, state: null }]));
    // The spoofer's own state is handled after the forged ones; a later editor sees both.
    spoofer.ws.send(awarenessFrame([{ clientId: 606002, clock: 1, state: { cursor: null } }]));
    const watcher = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    await eventually(() => expect(watcher.provider.awareness.getStates().has(606002)).toBe(true));
    expect(watcher.provider.awareness.getStates().get(serverId)).toEqual({ audience: { OM: 1 } });
    expect(room.presence.awareness.getLocalState()).toEqual({ audience: { OM: 1 } });
    spoofer.ws.close();
    attendee.destroy();
    watcher.destroy();
  });

  // [AW4] The stock client echoes the count back; were the first editor to see it its owner,
  // [AW3] would remove the count for every other editor when that editor leaves.
  test('an editor who leaves does not take the attendee count with it', async () => {
    const deckId = await newDeck(admin);
    const token = await newLink(admin, deckId, { label: 'OM' });
    const first = connectClient(s.wsUrl, deckId, { cookie: analyst.cookie });
    await first.synced;
    const attendee = connectClient(s.wsUrl, deckId, { token });
    await attendee.synced;
    const room = s.server.services.registry.get(deckId)!;
    const serverId = room.presence.awareness.clientID;
    await eventually(() => expect(first.provider.awareness.getStates().get(serverId)).toEqual({ audience: { OM: 1 } }));
    const second = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    await eventually(() => expect(second.provider.awareness.getStates().get(serverId)).toEqual({ audience: { OM: 1 } }));
    const connections = s.server.services.sync.connectionCount;
    first.destroy();
    // Once the server has let go of the first editor's socket, whatever it removed is removed.
    await eventually(() => expect(s.server.services.sync.connectionCount).toBe(connections - 1));
    expect(room.presence.awareness.getLocalState()).toEqual({ audience: { OM: 1 } });
    attendee.destroy();
    second.destroy();
  });

  test('an attendee claiming to present shows no pointer to anyone', async () => {
    const deckId = await newDeck(admin);
    const token = await newLink(admin, deckId, { label: 'OM' });
    expect((await admin.post(`/api/decks/${deckId}/presentation/start`)).status).toBe(200);
    const presenter = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    const other = connectClient(s.wsUrl, deckId, { token });
    await Promise.all([presenter.synced, other.synced]);
    const spoofer = rawSocket(s.wsUrl, deckId, { token });
    await spoofer.opened;
    spoofer.ws.send(awarenessFrame([{ clientId: 606003, clock: 1, state: { presenting: true, pointer: { x: 0.5, y: 0.5 }, user: { name: 'Presenter' } } }]));
    // Its SyncStep1 is answered only after the awareness before it was handled.
    spoofer.ws.send(syncStep1Frame(new Y.Doc()));
    await eventually(() => expect(spoofer.received.length).toBeGreaterThan(0));
    // The real presenter's pointer, sent after that, reaches the other attendee behind anything the spoof caused.
    presenter.provider.awareness.setLocalState({ presenting: true, pointer: { x: 0.1, y: 0.9 } });
    await eventually(() => expect(other.provider.awareness.getStates().get(presenter.doc.clientID)).toMatchObject({ pointer: { x: 0.1, y: 0.9 } }));
    expect([...other.provider.awareness.getStates().keys()].sort()).toEqual([other.doc.clientID, presenter.doc.clientID].sort());
    expect(presenter.provider.awareness.getStates().has(606003)).toBe(false);
    spoofer.ws.close();
    presenter.destroy();
    other.destroy();
  });
});
