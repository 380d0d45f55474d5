/** Deck fixtures over the real API. */
import { expect } from 'vitest';
import type { ApiClient } from './apiClient.ts';

export async function newDeck(api: ApiClient, title = `Deck ${Math.random().toString(36).slice(2, 8)}`): Promise<string> {
  const res = await api.post('/api/decks', { title });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

export async function newLink(api: ApiClient, deckId: string, body: { label?: string; expiresAt?: string } = {}): Promise<string> {
  const res = await api.post(`/api/decks/${deckId}/links`, body);
  expect(res.status).toBe(201);
  return res.body.token as string;
}

/** Starts a live session (its first slide is shown to the audience at once). */
export async function startSession(api: ApiClient, deckId: string): Promise<void> {
  const res = await api.post(`/api/decks/${deckId}/presentation/start`);
  expect(res.status).toBe(200);
}
