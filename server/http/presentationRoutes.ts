/**
 * Starting and ending a live session. The position during the talk is written by the
 * presenter's client straight into the deck's presentation state (only editors can write
 * to the document); starting and ending go through here so they are recorded in the deck's
 * history with who and when.
 */
import type { FastifyInstance } from 'fastify';
import { StopPresentationRequest, type AudienceResponse } from '../../shared/api.ts';
import { beginSession, endSession, readPresentation, slideIds, type PresentationState } from '../../shared/deckModel.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

export function presentationRoutes(app: FastifyInstance, services: Services): void {
  const { store, registry } = services;

  app.post('/api/decks/:id/presentation/start', async (request) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const deck = await editableDeck(store, id);
    if (deck.trashedAt) throw new HttpError(409, 'deck-trashed', 'restore the deck from the trash before presenting it');
    const startedAt = new Date().toISOString();
    let state: PresentationState | null = null;
    await registry.change(
      id,
      (doc) => {
        const current = readPresentation(doc);
        // A session that is already running keeps its position and what it has shown; a new
        // one starts at the first slide with nothing shown.
        if (!current.active) beginSession(doc, { slideId: slideIds(doc)[0] ?? null, startedAt, startedBy: user.displayName });
        state = readPresentation(doc);
      },
      user.id,
    );
    // What was shown to the OM on this date is kept as a version, with the figures of the moment.
    const sessionStart = (state as PresentationState | null)?.startedAt ?? startedAt;
    const version = await services.versions.create(id, `as presented on ${sessionStart.slice(0, 10)}`, 'session', user.id);
    await store.recordDeckEvent({ deckId: id, kind: 'session-started', userId: user.id, detail: { startedAt: sessionStart, version: version.id } });
    return state;
  });

  app.post('/api/decks/:id/presentation/stop', async (request) => {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const body = parse(StopPresentationRequest, request.body ?? undefined);
    await editableDeck(store, id);
    const keepUntil = body?.keepUntil ? new Date(body.keepUntil).toISOString() : null;
    let state: PresentationState | null = null;
    await registry.change(
      id,
      (doc) => {
        endSession(doc, { endedAt: new Date().toISOString(), keepUntil });
        state = readPresentation(doc);
      },
      user.id,
    );
    await store.recordDeckEvent({ deckId: id, kind: 'session-ended', userId: user.id, detail: keepUntil ? { keepUntil } : {} });
    return state;
  });

  // The attendee count for presenters who are not connected over the sync socket (and for tests).
  app.get('/api/decks/:id/audience', async (request) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    await editableDeck(store, id);
    const body: AudienceResponse = { audience: services.sync.viewerCounts(id) };
    return body;
  });
}
