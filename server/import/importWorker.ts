/**
 * The worker thread one import runs in (ImportRunner.ts): receives one ImportJob, answers
 * with its ImportOutcome (the update's bytes transferred, not copied), and ends. A separate
 * esbuild entry point (package.json "build:server" → dist/server/import/importWorker.js).
 */
import { parentPort } from 'node:worker_threads';
import { runImport, type ImportJob } from './importPipeline.ts';

if (!parentPort) throw new Error('importWorker.ts runs as a worker thread (ImportRunner)');
const port = parentPort;
port.once('message', (job: ImportJob) => {
  try {
    const outcome = runImport(job);
    const update = outcome.ok ? outcome.result.update : null;
    port.postMessage(outcome, update ? [update.buffer as ArrayBuffer] : []);
  } catch (err) {
    // A bug, not a refusal: the runner rejects with it and the route answers 500.
    port.postMessage({ crashed: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
});
