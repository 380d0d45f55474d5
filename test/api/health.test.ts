import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { parseCsp } from './support.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe('GET /healthz', () => {
  test('answers 200 with ok:true and needs no session', async () => {
    const res = await new ApiClient(server.url).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });
});

describe('security headers on API responses', () => {
  const cases: [string, (c: ApiClient) => Promise<any>, number][] = [
    ['signed-in GET /api/decks (200)', (c) => c.get('/api/decks'), 200],
    ['GET /api/me without session (401)', () => new ApiClient(server.url).get('/api/me'), 401],
    ['unknown API route (404)', (c) => c.get('/api/no-such-route'), 404],
    ['validation error (400)', (c) => c.post('/api/decks', {}), 400],
  ];

  for (const [name, call, status] of cases) {
    test(`${name} carries CSP, nosniff and Referrer-Policy`, async () => {
      const res = await call(admin);
      expect(res.status).toBe(status);

      const csp = parseCsp(res.headers.get('content-security-policy'));
      // script-src must be exactly 'self': no 'unsafe-inline', no 'unsafe-eval', no hosts.
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);

      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      const referrer = res.headers.get('referrer-policy');
      expect(referrer).toBeTruthy();
      // A policy that leaks full URLs (with link tokens) to other sites would be wrong.
      expect(referrer).not.toMatch(/unsafe-url|no-referrer-when-downgrade/);
    });
  }
});

describe('errors raised before routing', () => {
  // Fastify answers a URL with broken percent-encoding itself (FST_ERR_BAD_URL), before the
  // onRequest hooks that add the security headers and before the API error handler.
  test('GET /api/decks/% → 400 in the API error shape, with the security headers', async () => {
    const res = await admin.get('/api/decks/%');
    expect(res.status).toBe(400);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(parseCsp(res.headers.get('content-security-policy')).get('frame-ancestors')).toEqual(["'none'"]);
    expect(res.headers.get('referrer-policy')).toBeTruthy();
    // Every API error is { error: <code>, message, fields? } (server/http/httpErrors.ts).
    expect(Object.keys(res.body).sort()).toEqual(['error', 'message']);
    expect(res.body.error).toBe('bad-request');
  });
});
