import { SqliteStore } from '../../server/storage/SqliteStore.ts';
import type { UpdateMeta } from '../../server/storage/Store.ts';
import { sleep } from './yClient.ts';

/** A SQLite store whose loads and commits can be slowed down, and whose commits are counted. */
export class SlowStore extends SqliteStore {
  loadDelayMs = 0;
  appendDelayMs = 0;
  committed = 0;

  override async loadDocument(deckId: string) {
    const doc = await super.loadDocument(deckId);
    await sleep(this.loadDelayMs);
    return doc;
  }

  override async appendUpdate(deckId: string, update: Uint8Array, meta: UpdateMeta): Promise<number> {
    await sleep(this.appendDelayMs);
    const seq = await super.appendUpdate(deckId, update, meta);
    this.committed++;
    return seq;
  }
}
