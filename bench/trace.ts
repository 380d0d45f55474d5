/** The automerge-paper editing trace (/work/shared/bench-data/README.md). */
import fs from 'node:fs';
import zlib from 'node:zlib';
import type * as Y from 'yjs';

export const TRACE_PATH = process.env.BENCH_TRACE ?? '/work/shared/bench-data/automerge-paper.json.gz';

export type Patch = [pos: number, numDeleted: number, inserted: string];

export interface Trace {
  startContent: string;
  endContent: string;
  /** One patch per transaction, flattened. */
  patches: Patch[][];
}

let cached: Trace | null = null;

export function loadTrace(): Trace {
  if (cached) return cached;
  const raw = JSON.parse(zlib.gunzipSync(fs.readFileSync(TRACE_PATH)).toString('utf8')) as {
    startContent: string;
    endContent: string;
    txns: { patches: Patch[] }[];
  };
  cached = { startContent: raw.startContent, endContent: raw.endContent, patches: raw.txns.map((t) => t.patches) };
  return cached;
}

/** Applies transaction `i` of the trace to `text` (positions are code points; the trace is ASCII). */
export function applyTxn(text: Y.Text, patches: Patch[]): void {
  const doc = text.doc!;
  doc.transact(() => {
    for (const [pos, del, ins] of patches) {
      if (del > 0) text.delete(pos, del);
      if (ins) text.insert(pos, ins);
    }
  });
}

/** The text after the first `count` transactions, computed on a plain string. */
export function expectedText(trace: Trace, count: number): string {
  if (count >= trace.patches.length) return trace.endContent;
  const chars = [...trace.startContent];
  for (let i = 0; i < count; i++) for (const [pos, del, ins] of trace.patches[i]!) chars.splice(pos, del, ...ins);
  return chars.join('');
}
