/**
 * SQLite WAL checkpoints off the commit path.
 *
 * By default SQLite checkpoints inside whichever commit pushes the WAL past 1,000 pages:
 * that commit copies the WAL into the database file and fsyncs it, which took 11–29 ms on
 * this project's 2-core machines, and because better-sqlite3 is synchronous the whole
 * event loop waited — every socket's next update, on every deck (BENCHMARKS.md, fan-out).
 * So the store turns automatic checkpoints off and this module runs
 * `PRAGMA wal_checkpoint(PASSIVE)` from a worker thread with its own connection to the
 * same file. PASSIVE never blocks writers or readers; the main thread keeps committing to
 * the WAL while the worker copies and fsyncs.
 *
 * Durability is unchanged: a commit is in the WAL before `appendUpdate` resolves, and a
 * checkpoint only moves committed pages. If the worker cannot start or dies, the caller's
 * `onFailure` turns SQLite's own automatic checkpoints back on.
 *
 * The worker is a few lines of plain JavaScript evaluated in the thread (no TypeScript
 * loader needed there, so it works the same under tsx, vitest and a build).
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface WalCheckpointerOptions {
  /** The database file (not ':memory:'). */
  file: string;
  /** How often to checkpoint, in ms. A WAL holds at most this long's worth of commits beyond the last checkpoint. */
  intervalMs: number;
  /** Called once if the worker cannot run; the store falls back to automatic checkpoints. */
  onFailure: (err: Error) => void;
}

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true });
db.pragma('busy_timeout = 0');
let running = true;
function tick() {
  if (!running) return;
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Tried again next tick: another checkpoint running (SQLITE_BUSY), a full disk or an
    // I/O error pass, and the commits themselves report write failures (Store.writeProblem).
  }
  setTimeout(tick, workerData.intervalMs);
}
parentPort.on('message', (message) => {
  if (message !== 'stop') return;
  running = false;
  db.close();
  parentPort.postMessage('stopped');
});
setTimeout(tick, workerData.intervalMs);
`;

export class WalCheckpointer {
  private readonly worker: Worker;
  private failed = false;

  constructor(options: WalCheckpointerOptions) {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file: options.file, intervalMs: options.intervalMs, driver } });
    // A checkpointer must never keep the process alive on its own.
    this.worker.unref();
    const fail = (err: Error): void => {
      if (this.failed) return;
      this.failed = true;
      options.onFailure(err);
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`WAL checkpoint worker exited with code ${code}`));
    });
  }

  /** Stops the worker and closes its connection, so the store's own close can checkpoint and remove the WAL. */
  async stop(): Promise<void> {
    if (this.failed) return;
    this.failed = true;
    const stopped = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 2000);
      this.worker.once('message', () => {
        clearTimeout(timer);
        resolve();
      });
      this.worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
    // A worker_threads port, not a window: there is no target origin to name.
    // oxlint-disable-next-line unicorn/require-post-message-target-origin
    this.worker.postMessage('stop');
    await stopped;
    await this.worker.terminate();
  }
}
