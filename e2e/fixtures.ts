/**
 * Shared test setup: page objects, a signed-in page (signed in through the API, which is
 * fast and leaves the UI sign-in to its own test), and helpers to create decks through the
 * API with unique titles so tests do not depend on each other or on order.
 */
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test';
import type { DeckSummary } from '../shared/api.ts';
import { ConsoleGuard } from './consoleGuard.ts';
import { ADMIN, EXAMPLE_DECK_TITLE } from './credentials.ts';
import { DeckListPage } from './pages/DeckListPage.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { LoginPage } from './pages/LoginPage.ts';

export { expect };
export { expectConsoleErrors, refusedRequest } from './consoleGuard.ts';
export { ADMIN, EXAMPLE_DECK_TITLE } from './credentials.ts';

let counter = 0;
/** A title no other test uses: prefix, worker-local counter and a random part. */
export function uniqueTitle(prefix: string): string {
  counter += 1;
  return `${prefix} ${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
}

/** Signs the page's browser context in as the admin (the cookie is shared with the page). */
export async function signInViaApi(page: Page, username: string = ADMIN.username, password: string = ADMIN.password): Promise<void> {
  const response = await page.request.post('/api/session', { data: { username, password } });
  expect(response.status(), await response.text()).toBe(200);
}

export async function createDeckViaApi(request: APIRequestContext, title: string): Promise<DeckSummary> {
  const response = await request.post('/api/decks', { data: { title } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as DeckSummary;
}

/** The seeded example deck, found by its title (tests must not assume its id). */
export async function findExampleDeck(request: APIRequestContext): Promise<DeckSummary> {
  const response = await request.get('/api/decks');
  expect(response.status()).toBe(200);
  const { decks } = (await response.json()) as { decks: DeckSummary[] };
  const deck = decks.find((d) => d.title === EXAMPLE_DECK_TITLE);
  if (!deck) throw new Error('the example deck is missing');
  return deck;
}

/** Downloads the PDF from the export menu on `page` (the editor's, the first one), kept at `file`. */
export async function exportPdfFromMenu(page: Page, file: string): Promise<string> {
  await page.getByRole('button', { name: /^(Exporteren|Export): / }).first().click();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await page.getByRole('button', { name: 'PDF', exact: true }).click();
  await (await downloading).saveAs(file);
  return file;
}

interface Fixtures {
  /** Watches every page of the test for console errors; fails the test on one not declared. */
  consoleGuard: ConsoleGuard;
  loginPage: LoginPage;
  deckList: DeckListPage;
  deckPage: DeckPage;
  /** A page whose context is signed in as the admin. */
  signedInPage: Page;
}

export const test = base.extend<Fixtures>({
  consoleGuard: [
    async ({ browser }, use) => {
      const guard = new ConsoleGuard();
      const unwatch = guard.watchBrowser(browser);
      try {
        await use(guard);
      } finally {
        unwatch();
      }
      guard.check();
    },
    { auto: true },
  ],
  // The test's own context (and so `page`) is watched from its first page on.
  context: async ({ context, consoleGuard }, use) => {
    consoleGuard.watchContext(context);
    await use(context);
  },
  loginPage: async ({ page }, use) => {
    await use(new LoginPage(page));
  },
  deckList: async ({ page }, use) => {
    await use(new DeckListPage(page));
  },
  deckPage: async ({ page }, use) => {
    await use(new DeckPage(page));
  },
  signedInPage: async ({ page }, use) => {
    await signInViaApi(page);
    await use(page);
  },
});
