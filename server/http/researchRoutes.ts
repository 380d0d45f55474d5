/** The research log over HTTP: CRUD per collection, CSV import/export, the audit trail. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AuditEntry } from '../../shared/research.ts';
import { COLLECTIONS } from '../../shared/research.ts';
import { MAX_CSV_BYTES } from '../research/ResearchService.ts';
import type { Services } from '../services.ts';
import { userNames } from './deckRoutes.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';

const CollectionParams = z.object({ collection: z.enum(COLLECTIONS) });
const RecordParams = CollectionParams.extend({ id: z.string().min(1).max(64) });
const ImportQuery = z.object({ kind: z.enum(COLLECTIONS), dryRun: z.enum(['0', '1', 'true', 'false']).optional() });
const AuditQuery = z.object({
  collection: z.enum(COLLECTIONS).optional(),
  recordId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export function researchRoutes(app: FastifyInstance, services: Services): void {
  const { research, store } = services;

  // CSV arrives as text; JSON stays JSON for every other route.
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_request, body, done) => done(null, body));

  app.get('/api/research/audit', async (request) => {
    requireUser(request);
    const query = parse(AuditQuery, request.query);
    const name = await userNames(store);
    const entries: AuditEntry[] = (await store.listAudit(query)).map((e) => ({
      id: e.id,
      at: e.at,
      user: name(e.userId),
      collection: e.collection,
      recordId: e.recordId,
      action: e.action,
      before: e.before,
      after: e.after,
    }));
    return { entries };
  });

  app.post('/api/research/import', { bodyLimit: MAX_CSV_BYTES }, async (request, reply) => {
    const user = requireUser(request);
    const query = parse(ImportQuery, request.query);
    if (typeof request.body !== 'string') throw new HttpError(415, 'unsupported-media-type', 'send the CSV file as text/csv');
    const dryRun = query.dryRun === '1' || query.dryRun === 'true';
    const result = await research.importCsv(query.kind, request.body, user.id, !dryRun);
    if (result.errors.length > 0) {
      return reply.status(422).send({ error: 'import-invalid', message: `${result.errors.length} row(s) have errors; nothing was imported`, rows: result.errors, count: result.count });
    }
    if (dryRun) return { valid: true, count: result.count, records: result.records, rows: [] };
    return reply.status(201).send({ imported: result.count, records: result.records });
  });

  app.get('/api/research/:collection/export.csv', async (request, reply) => {
    requireUser(request);
    const { collection } = parse(CollectionParams, request.params);
    const csv = await research.exportCsv(collection);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${collection}.csv"`)
      .send(`\uFEFF${csv}\r\n`);
  });

  app.get('/api/research/:collection', async (request) => {
    requireUser(request);
    const { collection } = parse(CollectionParams, request.params);
    return { records: await research.list(collection) };
  });

  app.post('/api/research/:collection', async (request, reply) => {
    const user = requireUser(request);
    const { collection } = parse(CollectionParams, request.params);
    return reply.status(201).send(await research.create(collection, request.body, user.id));
  });

  app.patch('/api/research/:collection/:id', async (request) => {
    const user = requireUser(request);
    const { collection, id } = parse(RecordParams, request.params);
    return research.update(collection, id, request.body, user.id);
  });

  app.delete('/api/research/:collection/:id', async (request, reply) => {
    const user = requireUser(request);
    const { collection, id } = parse(RecordParams, request.params);
    await research.remove(collection, id, user.id);
    return reply.status(204).send();
  });
}
