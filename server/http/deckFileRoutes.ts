/** Decks as files: Markdown import and export, PowerPoint export, and the templates. */
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import type { ImportedDeck, TemplateListResponse } from '../../shared/deckFilesApi.ts';
import { readMeta } from '../../shared/deckModel.ts';
import { buildDeck } from '../../shared/deckFile/buildDeck.ts';
import { NotADeckError, parseDeck } from '../../shared/deckFile/parseDeck.ts';
import { deckToMarkdown } from '../../shared/deckFile/toMarkdown.ts';
import { MAX_DECK_FILE_BYTES } from '../../shared/limits.ts';
import { createDeck } from '../decks.ts';
import { listTemplates } from '../templates.ts';
import type { Services } from '../services.ts';
import { attachment } from './attachment.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

export function deckFileRoutes(app: FastifyInstance, services: Services): void {
  const { store, registry, stats } = services;

  app.addContentTypeParser(['text/markdown', 'text/x-markdown'], { parseAs: 'string', bodyLimit: MAX_DECK_FILE_BYTES }, (_request, body, done) => done(null, body));

  app.post('/api/decks/import', { bodyLimit: MAX_DECK_FILE_BYTES }, async (request, reply) => {
    const user = requireUser(request);
    if (typeof request.body !== 'string') throw new HttpError(415, 'unsupported-media-type', 'send the deck file as text/markdown');
    let parsed;
    try {
      parsed = parseDeck(request.body);
    } catch (err) {
      if (err instanceof NotADeckError) throw new HttpError(400, 'not-a-deck', `cannot import: ${err.message}`);
      throw err;
    }
    const deck = await createDeck(store, parsed.meta.title, user.id, (doc) => buildDeck(doc, parsed));
    await store.recordDeckEvent({ deckId: deck.id, kind: 'imported', userId: user.id, detail: { dialect: parsed.dialect, slides: deck.slideCount } });
    return reply.status(201).send({ id: deck.id, title: deck.title, slideCount: deck.slideCount, dialect: parsed.dialect } satisfies ImportedDeck);
  });

  app.get('/api/decks/:id/export.md', async (request, reply) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const deck = await editableDeck(store, id);
    const markdown = await registry.read(id, deckToMarkdown);
    return reply.header('content-type', 'text/markdown; charset=utf-8').header('content-disposition', attachment(`${deck.title}.md`)).send(markdown);
  });

  app.get('/api/decks/:id/export.pptx', async (request, reply) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const deck = await editableDeck(store, id);
    await stats.ready;
    const { state, title } = await registry.read(id, (doc) => ({ state: Y.encodeStateAsUpdate(doc), title: readMeta(doc).title }));
    // pptxgenjs is loaded on the first PowerPoint export, not with every server.
    const { deckToPptx } = await import('../export/pptx.ts');
    const file = await deckToPptx(state, { statValue: (key) => stats.get(key)?.value, image: (imageId) => store.getImageData(imageId), title });
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.presentationml.presentation')
      .header('content-disposition', attachment(`${deck.title}.pptx`))
      .send(file);
  });

  app.get('/api/templates', async (request) => {
    requireUser(request);
    return { templates: listTemplates() } satisfies TemplateListResponse;
  });
}
