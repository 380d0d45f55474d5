/** The research log over HTTP: CRUD per collection, CSV import/export, the audit trail. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { MAX_CSV_BYTES } from '../../shared/limits.ts';
import {
  AuditQuery,
  COLLECTIONS,
  ImportQuery,
  type AuditEntry,
  type AuditListResponse,
  type ImportCheck,
  type ImportCommitted,
  type ImportInvalidBody,
  type CollectionName,
  type CollectionRecords,
  type ResearchListResponse,
  type ResearchRecord,
} from '../../shared/research.ts';
import type { Services } from '../services.ts';
import { HttpError, parse } from './httpErrors.ts';
import { requireUser } from './requestAccess.ts';
import { userNames } from './userReplies.ts';


const CollectionParams = z.object({ collection: z.enum(COLLECTIONS) });
const RecordParams = CollectionParams.extend({ id: z.string().min(1).max(64) });

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
    return { entries } satisfies AuditListResponse;
  });

  app.post('/api/research/import', { bodyLimit: MAX_CSV_BYTES }, async (request, reply) => {
    const user = requireUser(request);
    const query = parse(ImportQuery, request.query);
    if (typeof request.body !== 'string') throw new HttpError(415, 'unsupported-media-type', 'send the CSV file as text/csv');
    const dryRun = query.dryRun === '1' || query.dryRun === 'true';
    const result = await research.importCsv(query.kind, request.body, user.id, !dryRun);
    if (result.errors.length > 0) {
      return reply.status(422).send({ error: 'import-invalid', message: `${result.errors.length} row(s) have errors; nothing was imported`, rows: result.errors, count: result.count } satisfies ImportInvalidBody);
    }
    if (dryRun || !result.stored) return { valid: true, count: result.count, records: result.records, rows: [] } satisfies ImportCheck;
    return reply.status(201).send({ imported: result.count, records: result.stored } satisfies ImportCommitted);
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
    return { records: await research.list(collection) } satisfies ResearchListResponse<CollectionRecords[CollectionName]>;
  });

  app.post('/api/research/:collection', async (request, reply) => {
    const user = requireUser(request);
    const { collection } = parse(CollectionParams, request.params);
    return reply.status(201).send((await research.create(collection, request.body, user.id)) satisfies ResearchRecord);
  });

  app.patch('/api/research/:collection/:id', async (request) => {
    const user = requireUser(request);
    const { collection, id } = parse(RecordParams, request.params);
    return (await research.update(collection, id, request.body, user.id)) satisfies ResearchRecord;
  });

  app.delete('/api/research/:collection/:id', async (request, reply) => {
    const user = requireUser(request);
    const { collection, id } = parse(RecordParams, request.params);
    await research.remove(collection, id, user.id);
    return reply.status(204).send();
  });
}
