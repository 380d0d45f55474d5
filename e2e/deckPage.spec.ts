/** The temporary deck page: live connection state and document updates. */
import { createDeckViaApi, EXAMPLE_DECK_TITLE, expect, test, uniqueTitle } from './fixtures.ts';

test('the example deck lists its nine slides in order', async ({ signedInPage: page, deckList, deckPage }) => {
  await deckList.goto();
  await deckList.deckLink(EXAMPLE_DECK_TITLE).click();
  await expect(deckPage.connection).toContainText('Verbonden');
  await expect(deckPage.slides).toHaveCount(9);
  await expect(deckPage.slideText(0)).toContainText('Tussenstand Spoor 3');
  await expect(deckPage.slides.nth(2)).toContainText('15 van 25');
  await expect(page).toHaveTitle(`${EXAMPLE_DECK_TITLE} · Tussenstand`);
});

test('a rename elsewhere shows up live, and moving the deck to the trash closes the connection with a reason', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E live'));
  await page.goto(`/decks/${deck.id}`);
  await expect(deckPage.connection).toContainText('Verbonden');

  const renamed = `${deck.title} — live`;
  const patch = await page.request.patch(`/api/decks/${deck.id}`, { data: { title: renamed } });
  expect(patch.status()).toBe(200);
  await expect(deckPage.heading).toHaveText(renamed);

  const trash = await page.request.delete(`/api/decks/${deck.id}`);
  expect(trash.status()).toBe(200);
  await expect(deckPage.connection).toContainText('Offline');
  await expect(deckPage.closedAlert).toContainText('Deze presentatie bestaat niet meer of staat in de prullenbak.');
  await expect(deckPage.closedAlert).toContainText('4404');
});

test('an unknown deck id shows a not-found message', async ({ signedInPage: page }) => {
  await page.goto('/decks/doesnotexist123');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentatie niet gevonden');
});

test('going offline and back is shown in the connection status', async ({ signedInPage: page, deckPage, context }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E offline'));
  await page.goto(`/decks/${deck.id}`);
  await expect(deckPage.connection).toContainText('Verbonden');
  await context.setOffline(true);
  await expect(deckPage.connection).toContainText('Offline');
  await context.setOffline(false);
  await expect(deckPage.connection).toContainText('Verbonden');
  await expect(deckPage.slideText(0)).toHaveText(deck.title);
});

test('a deck in the trash cannot be opened', async ({ signedInPage: page }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E weg'));
  expect((await page.request.delete(`/api/decks/${deck.id}`)).status()).toBe(200);
  await page.goto(`/decks/${deck.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentatie niet gevonden');
  await expect(page.getByRole('main')).toContainText('staat in de prullenbak');
});
