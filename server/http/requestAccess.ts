/**
 * Resolves the session cookie once per API request and offers the guards routes call.
 * State-changing requests from another origin are refused before any route runs.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { isSameOrigin, resolveSession, SESSION_COOKIE, type SessionAccess } from '../auth/access.ts';
import type { UserRecord } from '../storage/Store.ts';
import type { Services } from '../services.ts';
import { HttpError } from './httpErrors.ts';

declare module 'fastify' {
  interface FastifyRequest {
    access: SessionAccess | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function installRequestAccess(app: FastifyInstance, services: Services): void {
  app.decorateRequest('access', null);
  app.addHook('onRequest', async (request) => {
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin;
      // Browsers send Origin on every cross-origin POST/PATCH/DELETE; Sec-Fetch-Site covers
      // the rare request that has no Origin but is still cross-site.
      if (origin !== undefined && origin !== 'null' && !isSameOrigin(origin, request.headers.host)) {
        throw new HttpError(403, 'cross-origin', 'cross-origin request refused');
      }
      if (origin === 'null' || request.headers['sec-fetch-site'] === 'cross-site') {
        throw new HttpError(403, 'cross-origin', 'cross-origin request refused');
      }
    }
    if (request.url.startsWith('/api/')) {
      request.access = await resolveSession(services.store, request.cookies[SESSION_COOKIE]);
    }
  });
}

export function requireUser(request: FastifyRequest): UserRecord {
  if (!request.access) throw new HttpError(401, 'unauthenticated', 'sign in first');
  return request.access.user;
}

export function requireAdmin(request: FastifyRequest): UserRecord {
  const user = requireUser(request);
  if (user.role !== 'admin') throw new HttpError(403, 'forbidden', 'administrators only');
  return user;
}
