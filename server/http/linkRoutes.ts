/**
 * Audience links: read-only capabilities for one deck. Revoking one closes every socket
 * opened with it (through the access bus).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { MAX_TOKEN_LENGTH } from '../../shared/limits.ts';
import { CreateLinkRequest, type LinkInfo, type LinkListResponse, type LinkView } from '../../shared/api.ts';
import { resolveLink } from '../auth/access.ts';
import { newSecretToken } from '../auth/tokens.ts';
import type { LinkRecord } from '../storage/Store.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, notFound, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';
import { userNames, type NameOf } from './userReplies.ts';

const LinkParams = DeckParams.extend({ token: z.string().min(1).max(MAX_TOKEN_LENGTH) });
const TokenParams = z.object({ token: z.string().min(1).max(MAX_TOKEN_LENGTH) });

/** Path of the attendee page for a token. */
export const viewerPath = (token: string): string => `/v/${token}`;

function toLinkInfo(link: LinkRecord, request: FastifyRequest, nameOf: NameOf): LinkInfo {
  const path = viewerPath(link.token);
  return {
    token: link.token,
    url: path,
    href: `${request.protocol}://${request.host}${path}`,
    label: link.label,
    createdAt: link.createdAt,
    createdBy: nameOf(link.createdBy),
    expiresAt: link.expiresAt,
    revokedAt: link.revokedAt,
  };
}

export function linkRoutes(app: FastifyInstance, services: Services): void {
  const { store, bus } = services;

  app.post('/api/decks/:id/links', async (request, reply) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const body = parse(CreateLinkRequest, request.body);
    await editableDeck(store, id);
    const link = await store.createLink({
      token: newSecretToken(),
      deckId: id,
      label: body.label ?? '',
      createdBy: user.id,
      expiresAt: body.expiresAt ? new Date(body.expiresAt).toISOString() : null,
    });
    await store.recordDeckEvent({ deckId: id, kind: 'link-created', userId: user.id, detail: { label: link.label, expiresAt: link.expiresAt } });
    return reply.status(201).send(toLinkInfo(link, request, await userNames(store)));
  });

  app.get('/api/decks/:id/links', async (request) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    await editableDeck(store, id);
    const nameOf = await userNames(store);
    const body: LinkListResponse = { links: (await store.listLinks(id)).map((l) => toLinkInfo(l, request, nameOf)) };
    return body;
  });

  app.delete('/api/decks/:id/links/:token', async (request) => {
    const user = requireUser(request);
    const { id, token } = parse(LinkParams, request.params);
    const existing = await store.getLink(token);
    if (!existing || existing.deckId !== id) throw notFound('link');
    // Revoking twice is harmless and records nothing new.
    if (existing.revokedAt) return toLinkInfo(existing, request, await userNames(store));
    const link = (await store.revokeLink(id, token))!;
    bus.emit('linkRevoked', token);
    await store.recordDeckEvent({ deckId: id, kind: 'link-revoked', userId: user.id, detail: { label: link.label } });
    return toLinkInfo(link, request, await userNames(store));
  });

  // What an attendee's page needs before it connects: the deck id and title, nothing more.
  app.get('/api/links/:token', async (request) => {
    const { token } = parse(TokenParams, request.params);
    const access = await resolveLink(store, token);
    if (access.state === 'unknown') throw notFound('link');
    if (access.state === 'revoked') throw new HttpError(410, 'link-revoked', 'this link has been revoked');
    if (access.state === 'expired') throw new HttpError(410, 'link-expired', 'this link has expired');
    const deck = await store.getDeck(access.link.deckId);
    if (!deck || deck.trashedAt) throw notFound('deck');
    const view: LinkView = { deckId: deck.id, title: deck.title, label: access.link.label };
    return view;
  });
}
