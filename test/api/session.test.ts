import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createUser, SESSION_COOKIE, withCookie } from './support.ts';

let server: TestServer;
let admin: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
});
afterAll(async () => {
  await server?.close();
});

describe('POST /api/session (sign in)', () => {
  test('right password: 200, user info without any password hash, HttpOnly SameSite=Lax session cookie', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', { username: 'admin', password: ADMIN_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ username: 'admin', role: 'admin', disabled: false });
    expect(typeof res.body.id).toBe('string');
    expect(res.body).not.toHaveProperty('passwordHash');
    expect(res.body).not.toHaveProperty('password_hash');
    expect(JSON.stringify(res.body)).not.toContain('scrypt');

    const setCookie = res.headers.get('set-cookie');
    expect(setCookie).toBeTruthy();
    expect(setCookie!.startsWith(`${SESSION_COOKIE}=`)).toBe(true);
    const [nameValue, ...attrs] = setCookie!.split(';').map((s) => s.trim());
    expect(nameValue!.length).toBeGreaterThan(`${SESSION_COOKIE}=`.length + 20);
    const lower = attrs.map((a) => a.toLowerCase());
    expect(lower).toContain('httponly');
    expect(lower).toContain('samesite=lax');
    expect(lower).toContain('path=/');
  });

  test('wrong password: 401 and no session cookie', async () => {
    const client = new ApiClient(server.url);
    const res = await client.post('/api/session', { username: 'admin', password: 'not-the-password' });
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('invalid-credentials');
    expect(res.headers.get('set-cookie')).toBeNull();
    expect((await client.get('/api/me')).status).toBe(401);
  });

  test('unknown user: 401 with exactly the same error as a wrong password', async () => {
    const client = new ApiClient(server.url);
    const wrong = await client.post('/api/session', { username: 'admin', password: 'still-not-the-password' });
    const unknown = await client.post('/api/session', { username: 'nobody-here', password: 'whatever-password' });
    expect(unknown.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
    // Clear admin's failure count again so later tests start clean.
    await client.login('admin', ADMIN_PASSWORD);
  });
});

describe('GET /api/me', () => {
  test('with the session cookie: 200 and who I am', async () => {
    const res = await admin.get('/api/me');
    expect(res.status).toBe(200);
    expect(res.body.username).toBe('admin');
    expect(res.body).not.toHaveProperty('passwordHash');
  });

  test('without a cookie: 401', async () => {
    const res = await new ApiClient(server.url).get('/api/me');
    expect(res.status).toBe(401);
    expect(res.body.error).toBe('unauthenticated');
  });

  test('a forged session cookie: 401', async () => {
    for (const value of ['forged', 'A'.repeat(43), 'x'.repeat(500)]) {
      const res = await withCookie(server.url, `${SESSION_COOKIE}=${value}`).get('/api/me');
      expect(res.status, value.slice(0, 10)).toBe(401);
    }
  });

  test('a real session token with one character changed: 401', async () => {
    const client = await loggedIn(server.url);
    const [name, token] = client.cookie!.split('=') as [string, string];
    const flipped = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
    expect((await withCookie(server.url, client.cookie).get('/api/me')).status).toBe(200);
    expect((await withCookie(server.url, `${name}=${flipped}`).get('/api/me')).status).toBe(401);
  });
});

describe('GET /api/session (the client\'s start-up probe)', () => {
  test('signed in: 200 and who I am', async () => {
    const res = await admin.get('/api/session');
    expect(res.status).toBe(200);
    expect(res.body.user.username).toBe('admin');
    expect(res.body.user).not.toHaveProperty('passwordHash');
  });

  test('not signed in, or with a forged cookie: 200 and no user, so a signed-out page logs no error', async () => {
    expect((await new ApiClient(server.url).get('/api/session')).body).toEqual({ user: null });
    const forged = await withCookie(server.url, `${SESSION_COOKIE}=forged`).get('/api/session');
    expect(forged.status).toBe(200);
    expect(forged.body).toEqual({ user: null });
  });
});

describe('DELETE /api/session (sign out)', () => {
  test('204, clears the cookie, and the old cookie no longer works (session is gone server-side)', async () => {
    const client = await loggedIn(server.url);
    const oldCookie = client.cookie;
    expect((await client.get('/api/me')).status).toBe(200);

    const res = await client.delete('/api/session');
    expect(res.status).toBe(204);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie.startsWith(`${SESSION_COOKIE}=;`)).toBe(true);

    // Replaying the old cookie (as if the browser had kept it) must fail.
    const replay = await withCookie(server.url, oldCookie).get('/api/me');
    expect(replay.status).toBe(401);
    expect((await withCookie(server.url, oldCookie).get('/api/decks')).status).toBe(401);
  });

  test('signing out one session leaves another session of the same user working', async () => {
    const first = await loggedIn(server.url);
    const second = await loggedIn(server.url);
    expect((await first.delete('/api/session')).status).toBe(204);
    expect((await second.get('/api/me')).status).toBe(200);
  });
});

describe('login throttling', () => {
  test('after 5 failed logins the 6th (even with the right password) gets 429 with Retry-After; other usernames are unaffected', async () => {
    await createUser(admin, 'throttled', 'throttled-password-1');
    const client = new ApiClient(server.url);
    for (let i = 0; i < 5; i++) {
      const res = await client.post('/api/session', { username: 'throttled', password: `wrong-${i}-password` });
      expect(res.status, `attempt ${i + 1}`).toBe(401);
    }
    const sixth = await client.post('/api/session', { username: 'throttled', password: 'throttled-password-1' });
    expect(sixth.status).toBe(429);
    expect(sixth.body.error).toBe('too-many-attempts');
    const retryAfter = Number(sixth.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThan(0);
    expect(sixth.headers.get('set-cookie')).toBeNull();
    expect((await client.get('/api/me')).status).toBe(401);

    // Same address, same letters in another case: still the throttled account.
    const upper = await client.post('/api/session', { username: 'THROTTLED', password: 'throttled-password-1' });
    expect(upper.status).toBe(429);

    // Another username from the same address signs in normally.
    const other = new ApiClient(server.url);
    const ok = await other.post('/api/session', { username: 'admin', password: ADMIN_PASSWORD });
    expect(ok.status).toBe(200);
    expect((await other.get('/api/me')).body.username).toBe('admin');
  });

  test('a successful login resets the failure count', async () => {
    await createUser(admin, 'resetter', 'resetter-password-1');
    const client = new ApiClient(server.url);
    for (let i = 0; i < 4; i++) expect((await client.post('/api/session', { username: 'resetter', password: 'wrong-password' })).status).toBe(401);
    expect((await client.post('/api/session', { username: 'resetter', password: 'resetter-password-1' })).status).toBe(200);
    for (let i = 0; i < 4; i++) expect((await client.post('/api/session', { username: 'resetter', password: 'wrong-password' })).status).toBe(401);
    expect((await client.post('/api/session', { username: 'resetter', password: 'resetter-password-1' })).status).toBe(200);
  });

  test('a burst of parallel wrong passwords is throttled too: at most 5 are checked, the rest get 429', async () => {
    await createUser(admin, 'burst', 'burst-password-12');
    const client = new ApiClient(server.url);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => client.post('/api/session', { username: 'burst', password: `guess-${i}-password` })),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.every((s) => s === 401 || s === 429), statuses.join(',')).toBe(true);
    // Each 401 is one password actually tried; the throttle promises no more than 5.
    expect(statuses.filter((s) => s === 401).length, statuses.join(',')).toBeLessThanOrEqual(5);
  });
});
