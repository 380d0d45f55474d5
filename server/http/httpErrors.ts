/**
 * Every API error leaves as `{ error, message, fields? }` with a 4xx status; only a bug in
 * the server gives 500. Validation errors name each bad field.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import type { z } from 'zod';
import type { ApiError } from '../../shared/api.ts';
import { ConflictError, DamagedDeckError, NotFoundError, StorageError, TooLargeError, ValidationError } from '../errors.ts';
import { isStorageFault } from '../storage/storageErrors.ts';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: ApiError['fields'],
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const notFound = (what: string): HttpError => new HttpError(404, 'not-found', `${what} not found`);

/** Parses a body, query or params object with a zod schema, or throws 400 naming the fields. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));
  throw new HttpError(400, 'validation', `invalid ${fields.map((f) => f.field).join(', ')}`, fields);
}

/** A domain error (server/errors.ts) as the HTTP error it answers with, or null for any other error. */
function fromDomain(err: unknown): HttpError | null {
  if (err instanceof ValidationError) return new HttpError(400, 'validation', err.message, err.fields);
  if (err instanceof NotFoundError) return notFound(err.what);
  if (err instanceof ConflictError) return new HttpError(409, err.code, err.message, err.fields);
  if (err instanceof TooLargeError) return new HttpError(413, err.code, err.message);
  return null;
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | HttpError, request, reply) => {
    const err = fromDomain(thrown) ?? thrown;
    if (err instanceof HttpError) {
      if (err.headers) void reply.headers(err.headers);
      const body: ApiError = { error: err.code, message: err.message, ...(err.fields ? { fields: err.fields } : {}) };
      return reply.status(err.status).send(body);
    }
    if (err instanceof DamagedDeckError) {
      const body: ApiError = { error: 'deck-damaged', message: 'the deck’s stored history is damaged; see the server log' };
      return reply.status(409).send(body);
    }
    if (err instanceof StorageError || isStorageFault(err)) {
      // Storage faults of either store (storageErrors.ts): a passing condition, so 503, not a 500 bug report.
      if (!(err instanceof StorageError)) request.log.error({ err }, 'storage refused a request');
      const body: ApiError = { error: 'storage-unavailable', message: 'storage is unavailable; try again shortly' };
      return reply.status(503).send(body);
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) request.log.error({ err }, 'request failed');
    const code = status === 413 ? 'too-large' : status === 415 ? 'unsupported-media-type' : status === 500 ? 'internal' : 'bad-request';
    const body: ApiError = { error: code, message: status === 500 ? 'internal server error' : err.message };
    return reply.status(status).send(body);
  });
  app.setNotFoundHandler((request, reply) => {
    const body: ApiError = { error: 'not-found', message: `no route ${request.method} ${request.url.split('?')[0]}` };
    return reply.status(404).send(body);
  });
}
