/** Deck list and deck lifecycle calls. */
import type { DeckListResponse, DeckSummary } from '../../../shared/api.ts';
import { http, type RequestOptions } from './http.ts';

const deckPath = (id: string): string => `/api/decks/${encodeURIComponent(id)}`;

export async function listDecks(trashed: boolean, options?: RequestOptions): Promise<DeckSummary[]> {
  const { decks } = await http.get<DeckListResponse>(trashed ? '/api/decks?trashed=1' : '/api/decks', options);
  return decks;
}

export const getDeck = (id: string, options?: RequestOptions): Promise<DeckSummary> => http.get<DeckSummary>(deckPath(id), options);

export const createDeck = (title: string): Promise<DeckSummary> => http.post<DeckSummary>('/api/decks', { title });

export const renameDeck = (id: string, title: string): Promise<DeckSummary> => http.patch<DeckSummary>(deckPath(id), { title });

export const trashDeck = (id: string): Promise<DeckSummary> => http.delete<DeckSummary>(deckPath(id));

export const restoreDeck = (id: string): Promise<DeckSummary> => http.post<DeckSummary>(`${deckPath(id)}/restore`);
