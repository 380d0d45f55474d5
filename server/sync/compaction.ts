/**
 * Compaction: replace a deck's update log by one snapshot.
 *
 * The log is replayed into a fresh Y.Doc and its state encoded (Y.mergeUpdates is
 * superlinear over long logs: 50,000 updates take over a minute). The store then swaps in
 * the snapshot and deletes exactly the updates that were replayed, in one transaction, so
 * an update written while the snapshot was being built survives.
 */
import * as Y from 'yjs';
import type { Store } from '../storage/Store.ts';

export interface CompactionResult {
  replayed: number;
  uptoSeq: number;
  snapshotBytes: number;
}

/** Compacts a deck's log unless another instance is compacting it right now (then null). */
export async function compactDeck(store: Store, deckId: string): Promise<CompactionResult | null> {
  return store.tryExclusive(`compact:${deckId}`, () => compactNow(store, deckId));
}

async function compactNow(store: Store, deckId: string): Promise<CompactionResult | null> {
  const stored = await store.loadDocument(deckId);
  const last = stored.updates.at(-1);
  if (!last) return null;
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
      for (const { data } of stored.updates) Y.applyUpdate(doc, data);
    });
    const snapshot = Y.encodeStateAsUpdate(doc);
    await store.compactDocument(deckId, snapshot, last.seq);
    return { replayed: stored.updates.length, uptoSeq: last.seq, snapshotBytes: snapshot.byteLength };
  } finally {
    doc.destroy();
  }
}
