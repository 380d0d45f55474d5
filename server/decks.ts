/** Creating decks: the row and the first document update, built from the shared model. */
import * as Y from 'yjs';
import { buildDeckUpdate, initDeckDoc, slideCount } from '../shared/deckModel.ts';
import { newId } from './auth/tokens.ts';
import type { DeckRecord, Store } from './storage/Store.ts';

/** `id`: a pre-made one, e.g. when images stored with the deck must name it (an import). */
export async function createDeck(store: Store, title: string, userId: string | null, build?: (doc: Y.Doc) => void, id: string = newId()): Promise<DeckRecord> {
  let count = 0;
  const update = buildDeckUpdate((doc) => {
    if (build) build(doc);
    else initDeckDoc(doc, { title });
    count = slideCount(doc);
  });
  return createDeckFromUpdate(store, { id, title, userId, slideCount: count }, update);
}

/** A deck whose first update was built elsewhere (an import's worker thread, server/import/). */
export function createDeckFromUpdate(store: Store, deck: { id: string; title: string; userId: string | null; slideCount: number }, update: Uint8Array): Promise<DeckRecord> {
  return store.createDeck({ id: deck.id, title: deck.title, createdBy: deck.userId, slideCount: deck.slideCount }, update);
}
