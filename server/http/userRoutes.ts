/** Account management (admins only): list, add, change role or password, disable. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { CreateUserRequest, UpdateUserRequest, type UserListResponse } from '../../shared/api.ts';
import { hashPassword } from '../auth/passwords.ts';
import { newId } from '../auth/tokens.ts';
import type { Services } from '../services.ts';
import { HttpError, notFound, parse } from './httpErrors.ts';
import { requireAdmin } from './requestAccess.ts';
import { toUserInfo } from './userReplies.ts';

const UserParams = z.object({ id: z.string().min(1).max(64) });

export function userRoutes(app: FastifyInstance, services: Services): void {
  const { store, bus } = services;

  app.get('/api/users', async (request) => {
    requireAdmin(request);
    return { users: (await store.listUsers()).map(toUserInfo) } satisfies UserListResponse;
  });

  app.post('/api/users', async (request, reply) => {
    requireAdmin(request);
    const body = parse(CreateUserRequest, request.body);
    if (await store.getUserByUsername(body.username)) {
      throw new HttpError(409, 'exists', 'username already taken', [{ field: 'username', message: 'already taken' }]);
    }
    const user = await store.createUser({
      id: newId(),
      username: body.username,
      displayName: body.displayName ?? body.username,
      role: body.role,
      passwordHash: await hashPassword(body.password),
    });
    return reply.status(201).send(toUserInfo(user));
  });

  app.patch('/api/users/:id', async (request) => {
    const admin = requireAdmin(request);
    const { id } = parse(UserParams, request.params);
    const body = parse(UpdateUserRequest, request.body);
    const existing = await store.getUser(id);
    if (!existing) throw notFound('user');
    if (id === admin.id && (body.disabled === true || body.role === 'analyst')) {
      throw new HttpError(400, 'validation', 'you cannot disable or demote yourself', [{ field: body.disabled ? 'disabled' : 'role', message: 'not for your own account' }]);
    }
    const user = await store.updateUser(id, {
      displayName: body.displayName,
      role: body.role,
      disabled: body.disabled,
      passwordHash: body.password ? await hashPassword(body.password) : undefined,
    });
    // Disabling an account or resetting its password ends its sessions at once, sockets included.
    if (body.disabled === true || body.password) {
      await store.deleteSessionsOfUser(id);
      bus.emit('userSessionsEnded', id);
    }
    return toUserInfo(user!);
  });
}
