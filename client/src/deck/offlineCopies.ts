/**
 * Local copies of decks (IndexedDB, one database per deck) and of the signed-in user, so an
 * editor can reopen a deck while the server is unreachable. Signing out removes them: decks
 * carry criminal-intelligence findings and must not stay on a shared computer.
 */
import type { UserInfo } from '../../../shared/api.ts';

const DECK_PREFIX = 'tussenstand-deck-';
const USER_KEY = 'tussenstand.user';

export const offlineCopyName = (deckId: string): string => `${DECK_PREFIX}${deckId}`;

/** Deletes every local deck copy. Resolves even where the browser cannot list databases. */
export async function clearOfflineCopies(): Promise<void> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return;
  try {
    const databases = await indexedDB.databases();
    await Promise.all(
      databases
        .map((db) => db.name)
        .filter((name): name is string => typeof name === 'string' && name.startsWith(DECK_PREFIX))
        .map(
          (name) =>
            new Promise<void>((resolve) => {
              const request = indexedDB.deleteDatabase(name);
              for (const type of ['success', 'error', 'blocked']) request.addEventListener(type, () => resolve());
            }),
        ),
    );
  } catch {
    // Storage disabled or unavailable: there is nothing to delete.
  }
}

export function rememberUser(user: UserInfo): void {
  try {
    window.localStorage.setItem(USER_KEY, JSON.stringify({ id: user.id, username: user.username, displayName: user.displayName, role: user.role, disabled: false, createdAt: user.createdAt }));
  } catch {
    // Private mode: offline reopening is not available, everything else works.
  }
}

export function forgetUser(): void {
  try {
    window.localStorage.removeItem(USER_KEY);
  } catch {
    // Nothing stored.
  }
}

/** The user last signed in on this device, for opening decks while the server is unreachable. */
export function rememberedUser(): UserInfo | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(USER_KEY) ?? 'null');
    if (typeof value !== 'object' || value === null) return null;
    const user = value as Partial<UserInfo>;
    if (typeof user.id !== 'string' || typeof user.displayName !== 'string' || typeof user.username !== 'string') return null;
    return { id: user.id, username: user.username, displayName: user.displayName, role: user.role === 'admin' ? 'admin' : 'analyst', disabled: false, createdAt: typeof user.createdAt === 'string' ? user.createdAt : '' };
  } catch {
    return null;
  }
}
