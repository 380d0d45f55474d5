/** Deck exports: a job with progress for the UI, and direct downloads that wait for it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { z } from 'zod';
import { readMeta, type DeckLanguage } from '../../shared/deckModel.ts';
import { contentDisposition } from '../../shared/fileNames.ts';
import { handoutFromParams, type ExportFormat, type HandoutOptions } from '../../shared/exportOptions.ts';
import { CreateExportRequest } from '../../shared/exports.ts';
import { SESSION_COOKIE } from '../auth/access.ts';
import { NoBrowserError, type ExportVersion } from '../export/ExportService.ts';
import type { Services } from '../services.ts';
import { DeckParams, editableDeck } from './deckAccess.ts';
import { HttpError, notFound, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

const JobParams = z.object({ id: z.string().min(1).max(64) });
const Flag = z.enum(['0', '1', 'true', 'false']).optional();
const isOn = (flag: string | undefined): boolean => flag === '1' || flag === 'true';
/** `export.pdf?notes=1`, or a handout: `export.pdf?handout=3&lines=1` (the same choices as the job API's `handout`). */
const PdfQuery = z
  .object({ notes: Flag, handout: z.enum(['2', '3', '6']).optional(), lines: Flag, version: z.string().min(1).max(64).optional() })
  .superRefine((value, ctx) => {
    if (value.handout && isOn(value.notes)) ctx.addIssue({ code: 'custom', path: ['handout'], message: 'a handout has no speaker notes pages: leave notes out' });
  });

export function exportRoutes(app: FastifyInstance, services: Services): void {
  const { store, exports, registry } = services;

  /** A stored version's title, language and what its file says of it ("as presented on" for a session's). */
  async function versionToExport(deckId: string, versionId: string): Promise<{ title: string; language: DeckLanguage; version: ExportVersion }> {
    const version = await store.getVersion(deckId, versionId);
    if (!version) throw notFound('version');
    const doc = new Y.Doc();
    try {
      Y.applyUpdate(doc, version.state);
      const meta = readMeta(doc);
      return { title: meta.title, language: meta.language, version: { id: version.id, kind: version.kind, label: version.label, createdAt: version.createdAt } };
    } finally {
      doc.destroy();
    }
  }

  async function startJob(request: FastifyRequest, format: ExportFormat, notes: boolean, handout?: HandoutOptions, versionId?: string) {
    const user = requireUser(request);
    const { id } = parse(DeckParams, request.params);
    const deck = await editableDeck(store, id);
    // The file's words (name suffix, PDF language and bookmarks) are in the deck's language, like its pages.
    const source = versionId ? await versionToExport(id, versionId) : { title: deck.title, language: (await registry.read(id, readMeta)).language };
    try {
      return exports.start({
        deckId: id,
        title: source.title,
        userId: user.id,
        sessionToken: request.cookies[SESSION_COOKIE]!,
        format,
        notes,
        language: source.language,
        author: user.displayName,
        ...(handout ? { handout } : {}),
        ...('version' in source ? { version: source.version } : {}),
      });
    } catch (err) {
      if (err instanceof NoBrowserError) throw new HttpError(503, 'no-browser', err.message);
      throw err;
    }
  }

  async function sendFile(reply: FastifyReply, jobId: string, userId: string) {
    const job = exports.get(jobId, userId);
    if (!job) throw notFound('export');
    await job.finished;
    if (job.state !== 'done' || !job.file) throw new HttpError(job.message?.includes('Chromium') ? 503 : 500, 'export-failed', job.message ?? 'export failed');
    return reply
      .header('content-type', job.contentType)
      .header('content-disposition', contentDisposition(job.filename))
      .send(job.file);
  }

  app.post('/api/decks/:id/exports', async (request, reply) => {
    // Signed in before the body is looked at, like every other route (startJob checks again).
    requireUser(request);
    const body = parse(CreateExportRequest, request.body);
    return reply.status(202).send(await startJob(request, body.format, body.notes, body.handout, body.version));
  });

  app.get('/api/exports/:id', async (request) => {
    const user = requireUser(request);
    const { id } = parse(JobParams, request.params);
    const job = exports.get(id, user.id);
    if (!job) throw notFound('export');
    return exports.info(job);
  });

  app.get('/api/exports/:id/file', async (request, reply) => {
    const user = requireUser(request);
    const { id } = parse(JobParams, request.params);
    return sendFile(reply, id, user.id);
  });

  app.get('/api/decks/:id/export.pdf', async (request, reply) => {
    const query = parse(PdfQuery, request.query);
    const job = await startJob(request, 'pdf', isOn(query.notes), handoutFromParams(query.handout, query.lines), query.version);
    return sendFile(reply, job.id, request.access!.user.id);
  });

  app.get('/api/decks/:id/export.html', async (request, reply) => {
    const job = await startJob(request, 'html', false);
    return sendFile(reply, job.id, request.access!.user.id);
  });
}
