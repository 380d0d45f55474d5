/** `npm start`: one Tussenstand server process on the embedded SQLite store. */
import fs from 'node:fs';
import path from 'node:path';
import type { TussenstandServer } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';

/** An operator's words for a file-system error on `what`. */
function explain(err: NodeJS.ErrnoException, what: string): string {
  if (err.code === 'EROFS') return `${what} is on a read-only file system`;
  if (err.code === 'EACCES' || err.code === 'EPERM') return `${what} is not writable by this user (${err.code})`;
  if (err.code === 'ENOSPC') return `${what} is on a full disk`;
  return `${what} cannot be used: ${err.message}`;
}

/**
 * Why the SQLite data directory cannot be written, or null when it can. Checked before the
 * store opens, because SQLite's own words for a read-only volume ("unable to open database
 * file") do not say which directory or what is wrong with it.
 */
function dataDirProblem(dataDir: string): string | null {
  try {
    fs.mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    return explain(err as NodeJS.ErrnoException, `the data directory ${dataDir}`);
  }
  // The directory itself, and the database and its WAL files if they exist (SQLite writes all three).
  for (const file of [dataDir, ...['tussenstand.db', 'tussenstand.db-wal', 'tussenstand.db-shm'].map((f) => path.join(dataDir, f))]) {
    try {
      fs.accessSync(file, fs.constants.W_OK);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return explain(err as NodeJS.ErrnoException, file === dataDir ? `the data directory ${dataDir}` : `${file} (in the data directory)`);
    }
  }
  return null;
}

/** Prints why the server cannot start, for the operator, and exits with 1 (no stack trace). */
function refuseToStart(message: string, hint?: string): never {
  process.stderr.write(`\n  Tussenstand could not start: ${message}\n${hint ? `  ${hint}\n` : ''}\n`);
  process.exit(1);
}

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  refuseToStart((err as Error).message);
}
const logger = createLogger(config.logLevel);

if (!config.databaseUrl) {
  const problem = dataDirProblem(config.dataDir);
  if (problem) refuseToStart(problem, 'Set DATA_DIR to a writable directory, or make this one writable.');
}

let server: TussenstandServer;
let url: string;
try {
  // Imported only now: a refusal above comes before loading the whole server, in well under a second.
  const { createServer } = await import('./app.ts');
  server = await createServer({ config, logger });
  url = await server.listen();
} catch (err) {
  const e = err as Error & { code?: string };
  logger.fatal({ event: 'startup-failed', err: e.message, code: e.code }, 'startup failed');
  // A SQLite error at this point is about the file in the data directory: say which.
  const where = !config.databaseUrl && e.code?.startsWith('SQLITE_') ? ` (SQLite store in ${config.dataDir})` : '';
  refuseToStart(`${e.message}${e.code ? ` [${e.code}]` : ''}${where}`, process.env.LOG_LEVEL === 'debug' ? e.stack : undefined);
}
logger.info({ event: 'listening', url, dataDir: config.dataDir, store: server.services.store.kind }, `Tussenstand listening on ${url}`);
process.stdout.write(`\n  Tussenstand is running at ${url}\n\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    logger.info({ event: 'shutdown', signal }, 'shutting down');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
