/** Creating decks: the row and the first document update, built from the shared model. */
import * as Y from 'yjs';
import { buildDeckUpdate, initDeckDoc, slideCount } from '../shared/deckModel.ts';
import { newId } from './auth/tokens.ts';
import type { DeckRecord, Store } from './storage/Store.ts';

export async function createDeck(store: Store, title: string, userId: string | null, build?: (doc: Y.Doc) => void): Promise<DeckRecord> {
  let count = 0;
  const update = buildDeckUpdate((doc) => {
    if (build) build(doc);
    else initDeckDoc(doc, { title });
    count = slideCount(doc);
  });
  return store.createDeck({ id: newId(), title, createdBy: userId, slideCount: count }, update);
}
