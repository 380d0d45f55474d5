/** Opening a deck: its slides, live connection state, renames, and decks that cannot be opened. */
import { createDeckViaApi, EXAMPLE_DECK_TITLE, expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';

test('the example deck shows its slides in order, with the first one on the canvas', async ({ signedInPage: page, deckList, deckPage }) => {
  await deckList.goto();
  await deckList.deckLink(EXAMPLE_DECK_TITLE).click();
  await expect(deckPage.connection).toContainText('Verbonden');
  await expect(deckPage.slides).toHaveCount(10);
  await expect(deckPage.slide(0)).toHaveAccessibleName('Dia 1: Tussenstand Spoor 3');
  await expect(deckPage.slide(0)).toHaveAttribute('aria-selected', 'true');
  await expect(deckPage.slide(1)).toHaveAccessibleName('Dia 2: Stand van het onderzoek');
  await expect(deckPage.canvas).toContainText('Fenomeenonderzoek naar het criminele bedrijfsproces');
  await expect(deckPage.notes).toContainText('Welkom aan het IIPSy-team');
  await expect(deckPage.titleInput).toHaveValue(EXAMPLE_DECK_TITLE);
  await expect(page).toHaveTitle(`${EXAMPLE_DECK_TITLE} · Tussenstand`);

  // Choosing a slide puts it on the canvas.
  await deckPage.slideNamed(/^Dia 3:/).click();
  await expect(deckPage.canvas).toHaveAccessibleName('Inhoud van dia 3');
  await expect(deckPage.notes).toHaveAccessibleName('Sprekersnotities bij dia 3');
});

test('a rename elsewhere shows up live, and moving the deck to the trash closes the connection with a reason', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E live'));
  await deckPage.goto(deck.id);
  await expect(deckPage.connection).toContainText('Verbonden');

  const renamed = `${deck.title} — live`;
  const patch = await page.request.patch(`/api/decks/${deck.id}`, { data: { title: renamed } });
  expect(patch.status()).toBe(200);
  await expect(deckPage.titleInput).toHaveValue(renamed);
  await expect(deckPage.heading).toHaveText(renamed);

  const trash = await page.request.delete(`/api/decks/${deck.id}`);
  expect(trash.status()).toBe(200);
  await expect(deckPage.connection).toContainText('Offline');
  await expect(deckPage.closedAlert).toContainText('Deze presentatie bestaat niet meer of staat in de prullenbak.');
  await expect(deckPage.closedAlert).toContainText('4404');
  // Nothing typed now could be saved: the slide is no longer editable.
  await expect(deckPage.canvas).toHaveAttribute('contenteditable', 'false');
  await expect(deckPage.addSlide).toBeDisabled();
});

test('renaming in the editor header saves the title for everyone', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E kop'));
  await deckPage.goto(deck.id);
  const renamed = `${deck.title} (nieuw)`;
  await deckPage.titleInput.fill(renamed);
  await deckPage.titleInput.press('Enter');
  await expect(deckPage.heading).toHaveText(renamed);
  await expect(page).toHaveTitle(`${renamed} · Tussenstand`);
  await expect.poll(async () => ((await (await page.request.get(`/api/decks/${deck.id}`)).json()) as { title: string }).title).toBe(renamed);

  // Escape abandons an edit.
  await deckPage.titleInput.fill('iets anders');
  await deckPage.titleInput.press('Escape');
  await expect(deckPage.titleInput).toHaveValue(renamed);
});

test('an unknown deck id shows a not-found message', async ({ signedInPage: page }) => {
  // The server answers 404 for the deck: that answer is what the page tells the user.
  expectConsoleErrors(page, refusedRequest(404, '/api/decks/doesnotexist123'));
  await page.goto('/decks/doesnotexist123');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentatie niet gevonden');
});

test('going offline and back is shown in the connection status', async ({ signedInPage: page, deckPage, context }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E offline'));
  await deckPage.goto(deck.id);
  await expect(deckPage.connection).toContainText('Verbonden');
  await context.setOffline(true);
  await expect(deckPage.connection).toContainText('Offline');
  await expect(deckPage.connection).toContainText('Wijzigingen blijven op dit apparaat bewaard');
  await context.setOffline(false);
  await expect(deckPage.connection).toContainText('Verbonden');
  await expect(deckPage.canvas).toHaveText(deck.title);
});

test('a deck in the trash cannot be opened', async ({ signedInPage: page }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E weg'));
  expect((await page.request.delete(`/api/decks/${deck.id}`)).status()).toBe(200);
  await page.goto(`/decks/${deck.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentatie niet gevonden');
  await expect(page.getByRole('main')).toContainText('staat in de prullenbak');
});
