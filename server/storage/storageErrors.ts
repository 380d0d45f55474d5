/**
 * Which errors a store throws mean "storage is unavailable for now" (full disk, I/O error,
 * read-only file, lost database connection) rather than a bug: those answer HTTP 503 and
 * close a writer's socket with STORAGE_UNAVAILABLE, and are retried by clients. Each store's
 * driver reports them its own way, so each has its classifier here; callers ask
 * `isStorageFault`, which knows both.
 */

/** SQLite's result codes for a store that cannot take writes, or cannot be read. */
const SQLITE_FAULT_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_CANTOPEN', 'SQLITE_BUSY']);

export function isSqliteFault(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (SQLITE_FAULT_CODES.has(code) || /^SQLITE_(IOERR|READONLY)_/.test(code));
}

/**
 * PostgreSQL: SQLSTATE classes 08 (connection exception), 53 (insufficient resources: disk
 * full, out of memory, too many connections), 57P01–57P03 (server shutting down or starting),
 * 58 (I/O error); and the socket errors and messages node-postgres reports when the
 * connection is gone before any SQLSTATE could arrive.
 */
const PG_FAULT_STATES = /^(08|53|58)|^57P0[123]$/;
const SOCKET_FAULT_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH']);
const PG_FAULT_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|timeout exceeded when trying to connect/i;

export function isPostgresFault(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && (PG_FAULT_STATES.test(code) || SOCKET_FAULT_CODES.has(code))) return true;
  return typeof message === 'string' && PG_FAULT_MESSAGES.test(message);
}

/** Whether `err` is a passing storage fault of either store. */
export function isStorageFault(err: unknown): boolean {
  return isSqliteFault(err) || isPostgresFault(err);
}
