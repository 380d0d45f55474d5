/** Decks: list, create, read, rename, trash and restore, and each deck's history. */
import type { FastifyInstance } from 'fastify';
import { CreateDeckRequest, DeckListQuery, UpdateDeckRequest, type DeckEvent, type DeckHistoryResponse, type DeckListResponse, type DeckSummary } from '../../shared/api.ts';
import { initDeckDoc, writeMeta } from '../../shared/deckModel.ts';
import { buildDeck } from '../../shared/deckFile/buildDeck.ts';
import { parseDeck } from '../../shared/deckFile/parseDeck.ts';
import { fillTemplate } from '../templates.ts';
import { createDeck } from '../decks.ts';
import type { DeckRecord } from '../storage/Store.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';
import { userNames, type NameOf } from './userReplies.ts';

function toSummary(deck: DeckRecord, name: NameOf): DeckSummary {
  return {
    id: deck.id,
    title: deck.title,
    slideCount: deck.slideCount,
    createdAt: deck.createdAt,
    createdBy: name(deck.createdBy),
    updatedAt: deck.updatedAt,
    updatedBy: name(deck.updatedBy),
    trashedAt: deck.trashedAt,
  };
}

export function deckRoutes(app: FastifyInstance, services: Services): void {
  const { store, registry, bus } = services;

  app.get('/api/decks', async (request) => {
    requireUser(request);
    const query = parse(DeckListQuery, request.query);
    const trashed = query.trashed === '1' || query.trashed === 'true';
    const name = await userNames(store);
    return { decks: (await store.listDecks({ trashed })).map((d) => toSummary(d, name)) } satisfies DeckListResponse;
  });

  app.post('/api/decks', async (request, reply) => {
    const user = requireUser(request);
    const body = parse(CreateDeckRequest, request.body);
    let deck;
    if (body.template) {
      const text = fillTemplate(body.template, body.period ?? '');
      if (text === null) throw new HttpError(400, 'validation', 'unknown template', [{ field: 'template', message: 'no such template' }]);
      const parsed = parseDeck(text);
      deck = await createDeck(store, body.title, user.id, (doc) => buildDeck(doc, { ...parsed, meta: { ...parsed.meta, title: body.title, period: body.period ?? parsed.meta.period } }));
    } else {
      deck = await createDeck(store, body.title, user.id, (doc) => initDeckDoc(doc, { title: body.title, ...(body.period ? { period: body.period } : {}) }));
    }
    await store.recordDeckEvent({ deckId: deck.id, kind: 'created', userId: user.id, detail: { title: deck.title } });
    return reply.status(201).send(toSummary(deck, await userNames(store)));
  });

  app.get('/api/decks/:id', async (request) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    return toSummary(await editableDeck(store, id), await userNames(store));
  });

  app.patch('/api/decks/:id', async (request) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const body = parse(UpdateDeckRequest, request.body);
    const before = await editableDeck(store, id);
    // The title lives in the row (for listings) and in the document (for open editors).
    await registry.change(id, (doc) => writeMeta(doc, { title: body.title }), user.id);
    const deck = await store.renameDeck(id, body.title, user.id);
    await store.recordDeckEvent({ deckId: id, kind: 'renamed', userId: user.id, detail: { from: before.title, to: body.title } });
    return toSummary(deck!, await userNames(store));
  });

  app.delete('/api/decks/:id', async (request) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const before = await editableDeck(store, id);
    if (before.trashedAt) return toSummary(before, await userNames(store));
    const deck = await store.setDeckTrashed(id, true);
    await store.recordDeckEvent({ deckId: id, kind: 'trashed', userId: user.id, detail: {} });
    bus.emit('deckTrashed', id);
    return toSummary(deck!, await userNames(store));
  });

  app.post('/api/decks/:id/restore', async (request) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const before = await editableDeck(store, id);
    if (!before.trashedAt) return toSummary(before, await userNames(store));
    const deck = await store.setDeckTrashed(id, false);
    await store.recordDeckEvent({ deckId: id, kind: 'restored', userId: user.id, detail: {} });
    return toSummary(deck!, await userNames(store));
  });

  app.get('/api/decks/:id/history', async (request) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    await editableDeck(store, id);
    const name = await userNames(store);
    const events: DeckEvent[] = (await store.listDeckEvents(id)).map((e) => ({ id: e.id, kind: e.kind, at: e.at, user: name(e.userId), detail: e.detail }));
    return { events } satisfies DeckHistoryResponse;
  });
}
