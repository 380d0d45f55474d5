import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ApiClient, loggedIn } from '../helpers/apiClient.ts';
import { ADMIN_PASSWORD, startTestServer, type TestServer } from '../helpers/testServer.ts';
import { createUser, signedIn, withCookie } from './support.ts';

let server: TestServer;
let admin: ApiClient;
let analyst: ApiClient;
let analystInfo: { id: string; username: string };

beforeAll(async () => {
  server = await startTestServer();
  admin = await loggedIn(server.url);
  analystInfo = await createUser(admin, 'anna', 'anna-password-1', { displayName: 'Anna Analist' });
  analyst = await signedIn(server.url, 'anna', 'anna-password-1');
});
afterAll(async () => {
  await server?.close();
});

describe('user management is for admins only', () => {
  test('an analyst gets 403 on GET /api/users', async () => {
    const res = await analyst.get('/api/users');
    expect(res.status).toBe(403);
    expect(res.body.error).toBe('forbidden');
    expect(res.body).not.toHaveProperty('users');
  });

  test('an analyst gets 403 on POST /api/users and no account is created', async () => {
    const res = await analyst.post('/api/users', { username: 'sneaky', password: 'sneaky-password-1', role: 'admin' });
    expect(res.status).toBe(403);
    const names = (await admin.get('/api/users')).body.users.map((u: { username: string }) => u.username);
    expect(names).not.toContain('sneaky');
  });

  test('an analyst gets 403 on PATCH /api/users/:id (cannot promote themselves)', async () => {
    const res = await analyst.patch(`/api/users/${analystInfo.id}`, { role: 'admin' });
    expect(res.status).toBe(403);
    expect((await analyst.get('/api/me')).body.role).toBe('analyst');
  });

  test('without a session: 401 on GET /api/users', async () => {
    expect((await new ApiClient(server.url).get('/api/users')).status).toBe(401);
  });
});

describe('admin creates and manages accounts', () => {
  test('admin lists users: includes admin and the analyst, without password hashes', async () => {
    const res = await admin.get('/api/users');
    expect(res.status).toBe(200);
    const names = res.body.users.map((u: { username: string }) => u.username);
    expect(names).toEqual(expect.arrayContaining(['admin', 'anna']));
    expect(JSON.stringify(res.body)).not.toMatch(/scrypt|passwordHash|password_hash/);
  });

  test('admin creates an analyst → 201; the analyst signs in, lists and creates decks', async () => {
    const res = await admin.post('/api/users', { username: 'bart', password: 'bart-password-1', displayName: 'Bart B.' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ username: 'bart', displayName: 'Bart B.', role: 'analyst', disabled: false });
    expect(res.body).not.toHaveProperty('passwordHash');

    const bart = await signedIn(server.url, 'bart', 'bart-password-1');
    expect((await bart.get('/api/me')).body).toMatchObject({ username: 'bart', role: 'analyst' });
    const list = await bart.get('/api/decks');
    expect(list.status).toBe(200);
    expect(list.body.decks.length).toBeGreaterThanOrEqual(1);
    const created = await bart.post('/api/decks', { title: 'Bart deck' });
    expect(created.status).toBe(201);
    expect(created.body.createdBy).toEqual({ id: res.body.id, name: 'Bart B.' });
  });

  test('role defaults to analyst and displayName to the username', async () => {
    const res = await admin.post('/api/users', { username: 'plain', password: 'plain-password-1' });
    expect(res.status).toBe(201);
    expect(res.body.role).toBe('analyst');
    expect(res.body.displayName).toBe('plain');
  });

  test('duplicate username → 409 and the original password still works', async () => {
    const res = await admin.post('/api/users', { username: 'anna', password: 'other-password-1' });
    expect(res.status).toBe(409);
    expect(res.body.error).toBe('exists');
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('username');
    expect((await new ApiClient(server.url).post('/api/session', { username: 'anna', password: 'other-password-1' })).status).toBe(401);
    expect((await new ApiClient(server.url).post('/api/session', { username: 'anna', password: 'anna-password-1' })).status).toBe(200);
  });

  test('duplicate username differing only by surrounding spaces → 409', async () => {
    const res = await admin.post('/api/users', { username: ' anna ', password: 'other-password-1' });
    expect(res.status).toBe(409);
  });

  test('PATCH an unknown user id → 404', async () => {
    const res = await admin.patch('/api/users/no-such-user-id', { displayName: 'Ghost' });
    expect(res.status).toBe(404);
  });

  test('PATCH with nothing to change → 400 validation', async () => {
    const res = await admin.patch(`/api/users/${analystInfo.id}`, {});
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation');
  });
});

describe('disabling accounts', () => {
  test('PATCH disabled:true ends the analyst’s existing session and blocks sign-in', async () => {
    const user = await createUser(admin, 'carla', 'carla-password-1');
    const carla = await signedIn(server.url, 'carla', 'carla-password-1');
    const savedCookie = carla.cookie;
    expect((await carla.get('/api/me')).status).toBe(200);

    const res = await admin.patch(`/api/users/${user.id}`, { disabled: true });
    expect(res.status).toBe(200);
    expect(res.body.disabled).toBe(true);

    expect((await withCookie(server.url, savedCookie).get('/api/me')).status).toBe(401);
    expect((await withCookie(server.url, savedCookie).get('/api/decks')).status).toBe(401);
    const login = await new ApiClient(server.url).post('/api/session', { username: 'carla', password: 'carla-password-1' });
    expect(login.status).toBe(401);
    expect(login.body.error).toBe('invalid-credentials');

    const listed = (await admin.get('/api/users')).body.users.find((u: { id: string }) => u.id === user.id);
    expect(listed.disabled).toBe(true);
  });

  test('re-enabling an account lets it sign in again', async () => {
    const user = await createUser(admin, 'dirk', 'dirk-password-1');
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: true })).status).toBe(200);
    expect((await new ApiClient(server.url).post('/api/session', { username: 'dirk', password: 'dirk-password-1' })).status).toBe(401);
    expect((await admin.patch(`/api/users/${user.id}`, { disabled: false })).status).toBe(200);
    expect((await new ApiClient(server.url).post('/api/session', { username: 'dirk', password: 'dirk-password-1' })).status).toBe(200);
  });

  test('an admin cannot disable themselves (400) and stays signed in', async () => {
    const me = (await admin.get('/api/me')).body;
    const res = await admin.patch(`/api/users/${me.id}`, { disabled: true });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation');
    expect(res.body.fields.map((f: { field: string }) => f.field)).toContain('disabled');
    expect((await admin.get('/api/me')).status).toBe(200);
    expect((await new ApiClient(server.url).post('/api/session', { username: 'admin', password: ADMIN_PASSWORD })).status).toBe(200);
  });

  test('an admin cannot demote themselves to analyst (400)', async () => {
    const me = (await admin.get('/api/me')).body;
    const res = await admin.patch(`/api/users/${me.id}`, { role: 'analyst' });
    expect(res.status).toBe(400);
    expect((await admin.get('/api/me')).body.role).toBe('admin');
  });
});
