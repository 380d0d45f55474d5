/** Sign in, sign out, who is signed in (a probe that is no error when nobody is), and who am I. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { LoginRequest, type SessionResponse } from '../../shared/api.ts';
import { SESSION_COOKIE } from '../auth/access.ts';
import { DUMMY_HASH, verifyPassword } from '../auth/passwords.ts';
import { newSecretToken, sha256 } from '../auth/tokens.ts';
import type { Services } from '../services.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';
import { toUserInfo } from './userReplies.ts';

function cookieSecure(services: Services, request: FastifyRequest): boolean {
  const setting = services.config.cookieSecure;
  return setting === 'auto' ? request.protocol === 'https' : setting === 'true';
}

export function sessionRoutes(app: FastifyInstance, services: Services): void {
  const { store, throttle, config, bus } = services;

  app.post('/api/session', async (request: FastifyRequest, reply: FastifyReply) => {
    const body = parse(LoginRequest, request.body);
    const username = body.username.toLowerCase();
    // Behind TRUST_PROXY this is the address our proxy saw (server/app.ts trusts one hop).
    const address = request.ip;
    const wait = await throttle.reserve(username, address);
    if (wait > 0) {
      const seconds = Math.ceil(wait / 1000);
      throw new HttpError(429, 'too-many-attempts', `too many failed sign-ins; try again in ${seconds} s`, undefined, { 'retry-after': String(seconds) });
    }
    const user = await store.getUserByUsername(username);
    // Verify against a dummy hash for unknown users so response time does not reveal them.
    const valid = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !valid || user.disabled) {
      throw new HttpError(401, 'invalid-credentials', 'wrong username or password');
    }
    await throttle.succeeded(username, address);
    const token = newSecretToken();
    const createdAt = new Date();
    const expiresAt = new Date(createdAt.getTime() + config.sessionDays * 86_400_000);
    await store.createSession({ tokenHash: sha256(token), userId: user.id, createdAt: createdAt.toISOString(), expiresAt: expiresAt.toISOString() });
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'lax',
      path: '/',
      secure: cookieSecure(services, request),
      expires: expiresAt,
    });
    return toUserInfo(user);
  });

  app.delete('/api/session', async (request, reply) => {
    if (request.access) {
      await store.deleteSession(request.access.tokenHash);
      bus.emit('sessionEnded', request.access.tokenHash);
    }
    void reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.status(204).send();
  });

  // The client's start-up probe. Not being signed in is an answer here, not an error: a 401
  // would be logged in the browser's console on every signed-out page (the attendee link too).
  app.get('/api/session', async (request): Promise<SessionResponse> => ({ user: request.access ? toUserInfo(request.access.user) : null }));

  app.get('/api/me', async (request) => toUserInfo(requireUser(request)));
}
