/** Decks as files: Markdown import and export, PowerPoint export, and the templates. */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import type { ImportedDeck, ImportPreview, TemplateListResponse } from '../../shared/deckFilesApi.ts';
import { readMeta } from '../../shared/deckModel.ts';
import { deckToMarkdown } from '../../shared/deckFile/toMarkdown.ts';
import { contentDisposition, exportFileName } from '../../shared/fileNames.ts';
import { imagePath, type ImageType } from '../../shared/images.ts';
import { REMOTE_IMAGE_CHOICES } from '../../shared/importReport.ts';
import { MAX_DECK_FILE_BYTES, MAX_REMOTE_IMAGES } from '../../shared/limits.ts';
import { newId } from '../auth/tokens.ts';
import { createDeckFromUpdate } from '../decks.ts';
import { TooLargeError } from '../errors.ts';
import { fetchRemoteImages } from '../images/remoteImages.ts';
import { fileTooLarge, remoteImageUrls, withRemoteImageNotices, type ImportJob, type ImportResult, type RemoteImageOutcome } from '../import/importPipeline.ts';
import { ImportRunner, ImportTimeoutError } from '../import/ImportRunner.ts';
import { listTemplates } from '../templates.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

/** Content types a deck file may be sent as; the body is taken as bytes (the encoding is the file's, see decodeText.ts). */
const DECK_FILE_TYPES = ['text/markdown', 'text/x-markdown', 'text/plain', 'application/octet-stream'];

const ImportQuery = z.object({
  dryRun: z.enum(['true', 'false']).default('false'),
  remoteImages: z.enum(REMOTE_IMAGE_CHOICES).default('placeholder'),
});

export function deckFileRoutes(app: FastifyInstance, services: Services): void {
  const { store, registry, stats, config } = services;
  // Conversion runs in worker threads, so a large file never holds up other requests.
  const runner = new ImportRunner();
  app.addHook('onClose', async () => runner.close());

  /** Runs one pipeline pass in a worker; a refusal becomes the HTTP error it answers with. */
  async function convert(job: ImportJob): Promise<ImportResult> {
    let outcome;
    try {
      outcome = await runner.run(job);
    } catch (err) {
      if (err instanceof ImportTimeoutError) throw new TooLargeError(`cannot import: ${err.message}`);
      throw err;
    }
    if (outcome.ok) return outcome.result;
    const { kind, message } = outcome.failure;
    if (kind === 'not-a-deck') throw new HttpError(400, 'not-a-deck', `cannot import: ${message}`);
    throw new TooLargeError(message, kind);
  }

  // Its own scope: here text/plain (a parser the research CSV import registers as a string) is bytes too.
  void app.register(async (scope) => {
    scope.removeContentTypeParser(DECK_FILE_TYPES.filter((type) => scope.hasContentTypeParser(type)));
    scope.addContentTypeParser(DECK_FILE_TYPES, { parseAs: 'buffer', bodyLimit: MAX_DECK_FILE_BYTES }, (_request, body, done) => done(null, body));

    scope.post(
      '/api/decks/import',
      {
        bodyLimit: MAX_DECK_FILE_BYTES,
        // Refused before the body is read, with the limit named (Fastify's own 413 does not name it).
        onRequest: async (request) => {
          requireUser(request);
          const length = Number(request.headers['content-length']);
          if (Number.isFinite(length) && length > MAX_DECK_FILE_BYTES) throw new TooLargeError(fileTooLarge(length).message);
        },
      },
      async (request, reply) => {
        const user = requireUser(request);
        const query = parse(ImportQuery, request.query);
        const dryRun = query.dryRun === 'true';
        if (!Buffer.isBuffer(request.body)) throw new HttpError(415, 'unsupported-media-type', `send the deck file as ${DECK_FILE_TYPES.join(', ')}`);
        // A copy of just these bytes (a small Buffer may be a view into a larger pool).
        const bytes = new Uint8Array(request.body);
        let result = await convert({ bytes, build: !dryRun });
        const outcomes = new Map<string, RemoteImageOutcome>();
        const stored: { id: string; data: Buffer; contentType: ImageType }[] = [];
        if (!dryRun && query.remoteImages === 'fetch' && result.report.remoteImages.length > 0) {
          const { fetch, skipped } = remoteImageUrls(result.report);
          const paths: Record<string, string> = {};
          for (const [url, fetched] of await fetchRemoteImages(fetch, { allowPrivate: config.allowPrivateImageHosts })) {
            if ('failed' in fetched) {
              outcomes.set(url, { failed: fetched.failed });
              continue;
            }
            const id = newId();
            paths[url] = imagePath(id);
            outcomes.set(url, { stored: paths[url] });
            stored.push({ id, data: fetched.data, contentType: fetched.contentType });
          }
          for (const url of skipped) outcomes.set(url, { failed: `more than ${MAX_REMOTE_IMAGES} remote images in one file (MAX_REMOTE_IMAGES)` });
          // The second pass builds the deck with its image nodes pointing at the stored copies.
          if (stored.length > 0) result = await convert({ bytes, build: true, images: paths });
        }
        const report = dryRun && query.remoteImages === 'fetch' ? result.report : withRemoteImageNotices(result.report, query.remoteImages, outcomes);
        if (dryRun) return reply.status(200).send({ report } satisfies ImportPreview);

        const deck = await createDeckFromUpdate(store, { id: newId(), title: result.title, userId: user.id, slideCount: result.slideCount }, result.update!);
        // After the deck (an image row names its deck); the slides already point at these ids.
        for (const image of stored) {
          const sha256 = createHash('sha256').update(image.data).digest('hex');
          await store.createImage({ id: image.id, deckId: deck.id, contentType: image.contentType, bytes: image.data.length, sha256, createdBy: user.id }, image.data);
        }
        await store.recordDeckEvent({ deckId: deck.id, kind: 'imported', userId: user.id, detail: { dialect: report.dialect, slides: deck.slideCount, remoteImagesStored: stored.length } });
        return reply.status(201).send({ id: deck.id, title: deck.title, slideCount: deck.slideCount, dialect: report.dialect, report } satisfies ImportedDeck);
      },
    );
  });

  app.get('/api/decks/:id/export.md', async (request, reply) => {
    requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const deck = await editableDeck(store, id);
    const markdown = await registry.read(id, deckToMarkdown);
    return reply.header('content-type', 'text/markdown; charset=utf-8').header('content-disposition', contentDisposition(exportFileName(deck.title, 'md'))).send(markdown);
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
      .header('content-disposition', contentDisposition(exportFileName(deck.title, 'pptx')))
      .send(file);
  });

  app.get('/api/templates', async (request) => {
    requireUser(request);
    return { templates: listTemplates() } satisfies TemplateListResponse;
  });
}
