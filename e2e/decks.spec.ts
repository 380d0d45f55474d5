/** Deck lifecycle on the list: create, rename, open, trash, restore, search. */
import { createDeckViaApi, expect, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

test('create, rename, open, trash and restore a deck', async ({ signedInPage: page, deckList, deckPage }) => {
  const title = uniqueTitle('E2E levenscyclus');
  const renamed = `${title} (hernoemd)`;
  await deckList.goto();

  // Made with "Nieuwe presentatie", it opens in the editor: connected, and a title slide whose text is the deck title.
  await deckList.createDeck(title);
  await expect(deckPage.heading).toHaveText(title);
  await expect(deckPage.titleInput).toHaveValue(title);
  await expect(deckPage.connection).toContainText('Verbonden');
  await expect(deckPage.slides).toHaveCount(1);
  await expect(deckPage.slides.first()).toHaveAccessibleName(`Dia 1: ${title}`);
  await expect(deckPage.layout).toHaveValue('title');
  await expect(deckPage.layout.getByRole('option', { selected: true })).toHaveText('Titeldia');
  await expect(deckPage.canvas).toHaveText(title);

  // On the list, with its slide count and who edited it last; it opens from there too.
  await page.getByRole('link', { name: 'Alle presentaties' }).click();
  await expect(deckList.deckItem(title)).toContainText('1 dia');
  await expect(deckList.deckItem(title)).toContainText('Laatst bewerkt door Beheerder, zojuist');
  await deckList.deckLink(title).click();
  await expect(deckPage.heading).toHaveText(title);
  await expect(deckPage.canvas).toHaveText(title);

  // Back to the list and rename it.
  await page.getByRole('link', { name: 'Alle presentaties' }).click();
  await deckList.renameDeck(title, renamed);
  await expect(deckList.deckLink(title)).toHaveCount(0);

  // The renamed deck opens with its new title (from the document's meta).
  await deckList.deckLink(renamed).click();
  await expect(deckPage.heading).toHaveText(renamed);
  await expect(deckPage.connection).toContainText('Verbonden');
  await page.getByRole('link', { name: 'Alle presentaties' }).click();

  // Move to trash: gone from the list, listed in the trash.
  await deckList.trashDeck(renamed);
  await expect(page.getByRole('status').filter({ hasText: 'naar de prullenbak verplaatst' })).toBeVisible();
  await expect(deckList.deckLink(renamed)).toHaveCount(0);
  await deckList.gotoTrash();
  await expect(deckList.deckHeading(renamed)).toBeVisible();
  await expect(deckList.deckItem(renamed)).toContainText('Naar de prullenbak verplaatst');

  // Restore: gone from the trash, back in the list.
  await deckList.restoreDeck(renamed);
  await deckList.gotoDecks();
  await expect(deckList.deckLink(renamed)).toBeVisible();
});

test('undo after moving a deck to the trash brings it back', async ({ signedInPage: page, deckList }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E ongedaan'));
  await deckList.goto();
  await deckList.trashDeck(deck.title);
  // Focus moves to the message, so keyboard users reach Undo at once.
  await page.getByRole('button', { name: 'Ongedaan maken' }).click();
  await expect(deckList.deckLink(deck.title)).toBeVisible();
});

test('search filters the list by title', async ({ signedInPage: page, deckList }) => {
  const tag = uniqueTitle('zoek');
  const a = await createDeckViaApi(page.request, `Waterschappen ${tag}`);
  const b = await createDeckViaApi(page.request, `Damoclesbeleid ${tag}`);
  await deckList.goto();
  await expect(deckList.deckLink(a.title)).toBeVisible();
  await expect(deckList.deckLink(b.title)).toBeVisible();

  await deckList.search.fill(`waterschappen ${tag}`);
  await expect(deckList.deckLink(a.title)).toBeVisible();
  await expect(deckList.deckLink(b.title)).toHaveCount(0);
  await expect(deckList.list.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByText('1 presentatie gevonden')).toBeVisible();

  // Matching ignores case and accents.
  await deckList.search.fill(`DAMOCLÈSBELEID ${tag}`);
  await expect(deckList.deckLink(b.title)).toBeVisible();
  await expect(deckList.deckLink(a.title)).toHaveCount(0);

  await deckList.search.fill(`${tag} bestaat-niet`);
  await expect(page.getByText(`Geen presentaties gevonden voor “${tag} bestaat-niet”.`)).toBeVisible();

  await deckList.search.fill('');
  await expect(deckList.deckLink(a.title)).toBeVisible();
  await expect(deckList.deckLink(b.title)).toBeVisible();
});

test('a deck can be created with the keyboard alone', async ({ signedInPage: page, deckList }) => {
  const title = uniqueTitle('E2E toetsenbord');
  await deckList.goto();
  await deckList.newDeckButton.focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Nieuwe presentatie' });
  await expect(dialog.getByLabel('Titel')).toBeFocused();
  await page.keyboard.type(title);
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  // The new deck opens with the cursor in its title slide's title, ready to type.
  const deckPage = new DeckPage(page);
  await expect(deckPage.heading).toHaveText(title);
  await expect(deckPage.canvas).toBeFocused();

  // Escape closes the dialog without creating anything; focus returns to the button that opened it.
  await deckList.goto();
  await deckList.newDeckButton.focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(deckList.newDeckButton).toBeFocused();
});
