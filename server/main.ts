/** `npm start`: one Tussenstand server process on the embedded SQLite store. */
import { createServer } from './app.ts';
import { loadConfig } from './config.ts';
import { createLogger } from './logger.ts';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const server = await createServer({ config, logger });
const url = await server.listen();
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
