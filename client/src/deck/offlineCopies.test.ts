import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { IndexeddbPersistence } from 'y-indexeddb';
import { addSlide, slideIds } from '../../../shared/deckModel.ts';
import { clearOfflineCopies, offlineCopyName } from './offlineCopies.ts';

async function names(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name ?? '').sort();
}

describe('local deck copies', () => {
  test('a deck kept in IndexedDB comes back into a new document (what a reload while offline relies on)', async () => {
    const doc = new Y.Doc();
    const first = new IndexeddbPersistence(offlineCopyName('deck-a'), doc);
    await first.whenSynced;
    const id = addSlide(doc, {});
    await new Promise((resolve) => setTimeout(resolve, 50));
    await first.destroy();

    const reopened = new Y.Doc();
    const second = new IndexeddbPersistence(offlineCopyName('deck-a'), reopened);
    await second.whenSynced;
    expect(slideIds(reopened)).toEqual([id]);
    await second.destroy();
  });

  test('signing out deletes every deck copy and nothing else', async () => {
    for (const deckId of ['deck-b', 'deck-c']) {
      const persistence = new IndexeddbPersistence(offlineCopyName(deckId), new Y.Doc());
      await persistence.whenSynced;
      await persistence.destroy();
    }
    await new Promise<void>((resolve) => {
      const request = indexedDB.open('some-other-app');
      request.addEventListener('success', () => {
        request.result.close();
        resolve();
      });
    });
    expect(await names()).toEqual(expect.arrayContaining(['tussenstand-deck-deck-b', 'tussenstand-deck-deck-c', 'some-other-app']));
    await clearOfflineCopies();
    expect((await names()).filter((n) => n.startsWith('tussenstand-deck-'))).toEqual([]);
    expect(await names()).toContain('some-other-app');
  });
});
