/**
 * Web-facing defences that test/api/health.test.ts and test/api/session.test.ts leave open:
 * the security headers on the client's page and files, on slide images (which set their own
 * CSP) and on errors other than 400/401/404; the session cookie's Secure flag for each way
 * a request can arrive; and sign-in throttling behind a proxy, where the client writes the
 * left part of X-Forwarded-For itself.
 */
import { FIXTURE_FILES, releaseClientFixture } from './clientFixture.ts';
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { listSlides } from '../../shared/deckModel.ts';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createUser, parseCsp, SESSION_COOKIE } from '../api/support.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let s: TestServer;
let admin: ApiClient;
let imageUrl: string;
let token: string;

beforeAll(async () => {
  s = await startTestServer({ serveClient: true });
  admin = await loggedIn(s.url);
  const deckId = await newDeck(admin, 'Headers');
  token = await newLink(admin, deckId);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(16)]);
  const res = await fetch(`${s.url}/api/decks/${deckId}/images`, { method: 'POST', headers: { cookie: admin.cookie!, 'content-type': 'image/png' }, body: png });
  expect(res.status).toBe(201);
  imageUrl = ((await res.json()) as { url: string }).url;
  // On the first slide of a live session, so the link's audience may fetch it ([AU1]).
  await s.server.services.registry.change(deckId, (doc) => {
    const image = new Y.XmlElement('image');
    image.setAttribute('src', imageUrl);
    listSlides(doc)[0]!.content.insert(0, [image]);
  }, null);
  expect((await admin.post(`/api/decks/${deckId}/presentation/start`)).status).toBe(200);
});
afterAll(async () => {
  await s?.close();
  releaseClientFixture();
});

interface Case {
  name: string;
  request: () => Promise<Response>;
  status: number;
  /** Expected start of the Content-Type: nosniff makes a wrong type break the page. */
  type?: string;
}

const get = (urlPath: string, init: RequestInit = {}): Promise<Response> => fetch(s.url + urlPath, init);

/** The policy every response carries, whatever produced it. */
function expectPageHeaders(res: Response, name: string): void {
  const csp = parseCsp(res.headers.get('content-security-policy'));
  // Scripts only from our own origin: no inline script, no eval, no other host.
  expect(csp.get('script-src'), name).toEqual(["'self'"]);
  for (const directive of ['default-src', 'script-src-elem', 'script-src-attr']) {
    expect(csp.get(directive) ?? [], `${name}: ${directive}`).not.toContain("'unsafe-inline'");
  }
  expect(csp.get('frame-ancestors'), name).toEqual(["'none'"]);
  expect(csp.get('object-src'), name).toEqual(["'none'"]);
  expect(csp.get('base-uri'), name).toEqual(["'none'"]);
  expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
  expect(res.headers.get('x-frame-options'), name).toBe('DENY');
  // Attendee URLs carry their link token (/v/<token>): it must never reach another site.
  expect(['same-origin', 'no-referrer'], name).toContain(res.headers.get('referrer-policy'));
}

const headerCases = (): Case[] => [
  { name: 'the app page', request: () => get('/'), status: 200, type: 'text/html' },
  { name: 'an attendee page /v/<token>', request: () => get(`/v/${token}`), status: 200, type: 'text/html' },
  { name: 'index.html as a file', request: () => get(FIXTURE_FILES.index), status: 200, type: 'text/html' },
  { name: 'HEAD of the app page', request: () => get('/decks', { method: 'HEAD' }), status: 200, type: 'text/html' },
  { name: 'a script', request: () => get(FIXTURE_FILES.script), status: 200, type: 'application/javascript' },
  { name: 'a stylesheet', request: () => get(FIXTURE_FILES.style), status: 200, type: 'text/css' },
  { name: 'the icon', request: () => get(FIXTURE_FILES.icon), status: 200, type: 'image/svg+xml' },
  { name: 'an unknown API path behind the client fallback (404)', request: () => get('/api/no-such-route/x'), status: 404, type: 'application/json' },
  { name: 'a cross-origin POST (403)', request: () => get('/api/decks', { method: 'POST', headers: { cookie: admin.cookie!, origin: 'http://evil.example', 'content-type': 'application/json' }, body: '{"title":"x"}' }), status: 403, type: 'application/json' },
  { name: 'an image upload of the wrong type (415)', request: () => get('/api/decks/x/images', { method: 'POST', headers: { cookie: admin.cookie!, 'content-type': 'application/pdf' }, body: '%PDF' }), status: 415, type: 'application/json' },
  { name: 'a body over the limit (413)', request: () => get('/api/decks', { method: 'POST', headers: { cookie: admin.cookie!, 'content-type': 'application/json' }, body: JSON.stringify({ title: 'x'.repeat(1_100_000) }) }), status: 413, type: 'application/json' },
  { name: 'a refused sign-in (401)', request: () => get('/api/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'nobody-at-all', password: 'wrong-password' }) }), status: 401, type: 'application/json' },
];

describe('security headers beyond the API', () => {

  test('every kind of response carries the CSP, nosniff, framing and referrer headers', async () => {
    for (const c of headerCases()) {
      const res = await c.request();
      expect(res.status, c.name).toBe(c.status);
      if (c.type) expect(res.headers.get('content-type') ?? '', c.name).toMatch(new RegExp(`^${c.type.replace(/[+/]/g, '\\$&')}`));
      expectPageHeaders(res, c.name);
      await res.arrayBuffer();
    }
  });

  test('a slide image keeps a sandboxing CSP that also forbids framing', async () => {
    // The image route sets its own, stricter policy; it must not lose frame-ancestors on the way.
    for (const request of [() => get(imageUrl, { headers: { cookie: admin.cookie! } }), () => get(`${imageUrl}?token=${token}`)]) {
      const res = await request();
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      const csp = parseCsp(res.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.has('sandbox')).toBe(true);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(['same-origin', 'no-referrer']).toContain(res.headers.get('referrer-policy'));
      await res.arrayBuffer();
    }
  });

  test('the real page has no inline script for the CSP to block', () => {
    // The served page in these tests is a stand-in (clientFixture.ts); this checks the source
    // Vite builds from, whose script tags it keeps as external module scripts.
    const html = fs.readFileSync(path.join(ROOT, 'client/index.html'), 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc="\/[^"]+"/);
      expect(body!.trim()).toBe('');
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
  });
});

/** The session cookie's attributes after a sign-in with these extra request headers. */
async function sessionCookieAttributes(server: TestServer, headers: Record<string, string> = {}): Promise<string[]> {
  const res = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ username: 'admin', password: ADMIN_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = res.headers.get('set-cookie') ?? '';
  expect(cookie.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
  const attributes = cookie.split(';').slice(1).map((a) => a.trim().toLowerCase());
  // Whatever the transport, script cannot read it and other sites' requests do not carry it.
  expect(attributes).toContain('httponly');
  expect(attributes).toContain('samesite=lax');
  return attributes;
}

describe('the session cookie is Secure exactly when the browser reached us over TLS', () => {
  let secure: TestServer;
  let proxied: TestServer;
  beforeAll(async () => {
    [secure, proxied] = await Promise.all([startTestServer({ cookieSecure: 'true' }), startTestServer({ trustProxy: true })]);
  });
  afterAll(async () => {
    await Promise.all([secure?.close(), proxied?.close()]);
  });

  test('COOKIE_SECURE=auto over plain HTTP: not Secure (the browser would never send it back)', async () => {
    expect(await sessionCookieAttributes(s)).not.toContain('secure');
  });

  test('COOKIE_SECURE=auto without TRUST_PROXY ignores a client’s X-Forwarded-Proto', async () => {
    expect(await sessionCookieAttributes(s, { 'x-forwarded-proto': 'https' })).not.toContain('secure');
  });

  test('COOKIE_SECURE=true: Secure even when TLS ends before us', async () => {
    expect(await sessionCookieAttributes(secure)).toContain('secure');
  });

  test('TRUST_PROXY with X-Forwarded-Proto: https from the proxy: Secure', async () => {
    expect(await sessionCookieAttributes(proxied, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.5' })).toContain('secure');
  });

  test('TRUST_PROXY: a client cannot dodge the sign-in throttle by writing X-Forwarded-For itself', async () => {
    const proxiedAdmin = new ApiClient(proxied.url);
    await proxiedAdmin.login('admin', ADMIN_PASSWORD);
    await createUser(proxiedAdmin, 'guessed', 'guessed-password-1');
    // nginx appends the address it saw ($proxy_add_x_forwarded_for, docs/deploy.md); what the
    // client sent stays on the left, different on every attempt.
    const attempt = (forged: string, real: string, password: string) =>
      fetch(`${proxied.url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `${forged}, ${real}`, 'x-forwarded-proto': 'https' },
        body: JSON.stringify({ username: 'guessed', password }),
      });
    for (let i = 1; i <= 5; i++) expect((await attempt(`198.51.100.${i}`, '203.0.113.7', `wrong-guess-${i}`)).status, `attempt ${i}`).toBe(401);
    const sixth = await attempt('198.51.100.6', '203.0.113.7', 'guessed-password-1');
    expect(sixth.status).toBe(429);
    // The throttle is per account and real address: the same account from elsewhere still signs in.
    expect((await attempt('198.51.100.7', '203.0.113.8', 'guessed-password-1')).status).toBe(200);
  });
});
