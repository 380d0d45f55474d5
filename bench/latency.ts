/**
 * Update-to-arrival latency. The writer and every reader live in this process, so one clock
 * (performance.now) serves both ends: t0 is taken just before the writer's transaction (the
 * y-websocket client sends the update synchronously from it), and each reader's arrival is
 * taken in its Y.Doc 'update' handler once the known change is visible in its document.
 */
import { performance } from 'node:perf_hooks';
import type * as Y from 'yjs';
import { allConnected, sleep, type BenchClient } from './clients.ts';

export interface LatencyRun {
  /** Arrival latencies in ms, one per reader per write. */
  samples: number[];
  /** Per write: first and last arrival (ms after the write). */
  spreads: { first: number; last: number }[];
  /** Reader-writes that never arrived within the timeout. */
  missing: number;
}

export interface LatencyOptions {
  readers: readonly BenchClient[];
  /** Makes change number `seq` in the writer's document. */
  write: (seq: number) => void;
  /** True once `doc` shows change number `seq`. */
  arrived: (doc: Y.Doc, seq: number) => boolean;
  writes: number;
  /** Writes made (and not measured) before the measured ones. */
  warmup?: number;
  /** Pause between one write having reached everyone and the next write. */
  gapMs?: number;
  timeoutMs?: number;
  /** First sequence number; keep it growing across runs on the same document. */
  firstSeq: number;
}

export async function measureArrivals(options: LatencyOptions): Promise<LatencyRun> {
  const { readers, write, arrived, writes, warmup = 2, gapMs = 30, timeoutMs = 10_000 } = options;
  await allConnected(readers);
  const samples: number[] = [];
  const spreads: { first: number; last: number }[] = [];
  let missing = 0;
  let seq = -1;
  let t0 = 0;
  let got = new Uint8Array(readers.length);
  let count = 0;
  let first = Number.POSITIVE_INFINITY;
  let last = 0;
  let measuring = false;
  let done: (() => void) | null = null;
  const handlers = readers.map((reader, i) => {
    const handler = (): void => {
      if (seq < 0 || got[i] === 1 || !arrived(reader.doc, seq)) return;
      const latency = performance.now() - t0;
      got[i] = 1;
      count++;
      if (measuring) samples.push(latency);
      first = Math.min(first, latency);
      last = Math.max(last, latency);
      if (count === readers.length) done?.();
    };
    reader.doc.on('update', handler);
    return handler;
  });
  try {
    for (let w = 0; w < warmup + writes; w++) {
      measuring = w >= warmup;
      seq = options.firstSeq + w;
      got = new Uint8Array(readers.length);
      count = 0;
      first = Number.POSITIVE_INFINITY;
      last = 0;
      const all = new Promise<void>((resolve) => (done = resolve));
      t0 = performance.now();
      write(seq);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([all, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      done = null;
      if (measuring) {
        missing += readers.length - count;
        spreads.push({ first, last });
      }
      await sleep(gapMs);
    }
  } finally {
    readers.forEach((reader, i) => reader.doc.off('update', handlers[i]!));
  }
  return { samples, spreads, missing };
}
