/**
 * The one fetch wrapper for the JSON API. Every failure becomes an ApiRequestError that
 * carries the HTTP status and the server's `{ error, message, fields }` body; a request
 * that never reached the server has status 0 and error 'network'.
 */
import type { ApiError } from '../../../shared/api.ts';

export class ApiRequestError extends Error {
  readonly status: number;
  /** The server's machine-readable code, e.g. 'invalid-credentials' or 'not-found'. */
  readonly error: string;
  readonly fields: NonNullable<ApiError['fields']>;
  /** Seconds from a Retry-After header (429), else null. */
  readonly retryAfterSeconds: number | null;
  /** The whole error body, for routes that add more than `fields` (e.g. a CSV import's `rows`). */
  readonly body: ApiError & Record<string, unknown>;

  constructor(status: number, body: ApiError, retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.status = status;
    this.error = body.error;
    this.fields = body.fields ?? [];
    this.retryAfterSeconds = retryAfterSeconds;
    this.body = body as ApiError & Record<string, unknown>;
  }
}

export function isApiRequestError(value: unknown): value is ApiRequestError {
  return value instanceof ApiRequestError;
}

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/**
 * Called whenever the server says the session is missing or over (401 'unauthenticated'),
 * so the app can send the user to the sign-in page. A wrong password is a different code.
 */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

function isApiErrorBody(value: unknown): value is ApiError {
  return typeof value === 'object' && value !== null && typeof (value as ApiError).error === 'string' && typeof (value as ApiError).message === 'string';
}

function parseRetryAfter(header: string | null): number | null {
  if (header === null) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.ceil(seconds);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** Send a string body as is with this content type (e.g. text/csv) instead of JSON. */
  contentType?: string;
}

export async function apiRequest<T>(method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: 'same-origin',
    headers: { accept: 'application/json' },
    signal: options.signal,
  };
  // Only send a content type with a body: the server rejects an empty JSON body.
  if (body !== undefined) {
    init.headers = { ...init.headers, 'content-type': options.contentType ?? 'application/json' };
    init.body = options.contentType !== undefined && typeof body === 'string' ? body : JSON.stringify(body);
  }
  return send<T>(path, init);
}

/** POSTs a file as the raw request body with its own content type (image uploads). */
export function apiUpload<T>(path: string, file: Blob, contentType: string, options: RequestOptions = {}): Promise<T> {
  return send<T>(path, {
    method: 'POST',
    credentials: 'same-origin',
    headers: { accept: 'application/json', 'content-type': contentType },
    body: file,
    signal: options.signal,
  });
}

async function send<T>(path: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, { error: 'network', message: err instanceof Error ? err.message : 'network error' });
  }

  const text = await response.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }

  if (!response.ok) {
    const errorBody: ApiError = isApiErrorBody(data) ? data : { error: `http-${response.status}`, message: response.statusText || `HTTP ${response.status}` };
    const error = new ApiRequestError(response.status, errorBody, parseRetryAfter(response.headers.get('retry-after')));
    if (response.status === 401 && error.error === 'unauthenticated') for (const listener of unauthorizedListeners) listener();
    throw error;
  }
  return data as T;
}

export const http = {
  get: <T>(path: string, options?: RequestOptions) => apiRequest<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => apiRequest<T>('POST', path, body, options),
  patch: <T>(path: string, body: unknown, options?: RequestOptions) => apiRequest<T>('PATCH', path, body, options),
  delete: <T>(path: string, options?: RequestOptions) => apiRequest<T>('DELETE', path, undefined, options),
};
