/** The `:id` of every deck route, and loading the deck it names; shared by the route modules. */
import { z } from 'zod';
import { DECK_ID_PATTERN } from '../../shared/limits.ts';
import type { DeckRecord, Store } from '../storage/Store.ts';
import { notFound } from './httpErrors.ts';

export const DeckParams = z.object({ id: z.string().regex(DECK_ID_PATTERN, 'not a deck id') });

/** Loads a deck the caller may edit, or throws 404. */
export async function editableDeck(store: Store, id: string): Promise<DeckRecord> {
  const deck = await store.getDeck(id);
  if (!deck) throw notFound('deck');
  return deck;
}
