/**
 * Runs deck file imports off the event loop: each in a worker thread of its own, at most
 * `concurrency` at once (the rest wait their turn), each ended after `timeoutMs`.
 *
 * Why not the main thread: decoding, markdown-it and building the Y.Doc update are
 * synchronous; 1 MiB of adversarial Markdown takes a second or more, and meanwhile no other
 * request (not even /healthz) would be answered. Why a worker per import rather than a kept
 * pool (or piscina): imports are rare and take far longer than a worker's start-up (~30 ms
 * bundled), a fresh worker returns all its memory when it ends, and a runaway import is
 * ended by terminating its worker without affecting the next one. No dependency needed.
 *
 * From source (tests, tsx) the worker is the .ts file loaded through tsx; bundled
 * (dist/server/main.js) it is dist/server/import/importWorker.js, a second esbuild entry point.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ImportJob, ImportOutcome } from './importPipeline.ts';

/**
 * The worker next to the bundle (dist/server/main.js), or, from source, the .ts file behind
 * tsx's loader. Node 20 does not apply `--import tsx` from a Worker's execArgv before the
 * worker's own module loads, so a two-line bootstrap registers tsx first, then imports it.
 */
function newWorker(resourceLimits: { maxOldGenerationSizeMb: number }): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./import/importWorker.js', here), { resourceLimits });
  const tsxApi = pathToFileURL(path.join(path.dirname(createRequire(here).resolve('tsx/esm/api')), 'index.mjs')).href;
  const source = new URL('./importWorker.ts', here).href;
  return new Worker(`import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`, { eval: true, resourceLimits });
}

export class ImportTimeoutError extends Error {}

export interface ImportRunnerOptions {
  /** Imports converted at the same time; more wait. */
  concurrency?: number;
  /** An import still running after this many ms is ended (ImportTimeoutError). */
  timeoutMs?: number;
  /** Heap one import may use (MB); beyond it the worker dies and the import fails. */
  maxHeapMb?: number;
}

export class ImportRunner {
  private readonly concurrency: number;
  private readonly timeoutMs: number;
  private readonly maxHeapMb: number;
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly workers = new Set<Worker>();
  private closed = false;

  constructor(options: ImportRunnerOptions = {}) {
    this.concurrency = options.concurrency ?? 2;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    // markdown-it's tokens for 1 MiB of one-line paragraphs take ~350 MB while a slide is read.
    this.maxHeapMb = options.maxHeapMb ?? 1024;
  }

  async run(job: ImportJob): Promise<ImportOutcome> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await this.inWorker(job);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }

  private inWorker(job: ImportJob): Promise<ImportOutcome> {
    if (this.closed) return Promise.reject(new Error('the import runner is closed'));
    const worker = newWorker({ maxOldGenerationSizeMb: this.maxHeapMb });
    this.workers.add(worker);
    return new Promise<ImportOutcome>((resolve, reject) => {
      let settled = false;
      const settle = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        this.workers.delete(worker);
        void worker.terminate();
        fn();
      };
      const timer = setTimeout(() => settle(() => reject(new ImportTimeoutError(`the file took longer than ${this.timeoutMs / 1000} s to convert`))), this.timeoutMs);
      worker.once('message', (message: ImportOutcome | { crashed: string }) => {
        settle(() => ('crashed' in message ? reject(new Error(`import worker failed: ${message.crashed}`)) : resolve(message)));
      });
      worker.once('error', (err) => settle(() => reject(err)));
      worker.once('exit', (code) => settle(() => reject(new Error(`import worker exited with ${code} before answering`))));
      // The file's bytes are copied once into the worker (at most MAX_DECK_FILE_BYTES).
      worker.postMessage(job, []);
    });
  }

  /** Ends running imports (server shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.workers].map((w) => w.terminate()));
    this.workers.clear();
  }
}
