/** Page object for the deck list (`/`) and the trash (`/?view=trash`), found by role and label. */
import { expect, type Locator, type Page } from '@playwright/test';

export class DeckListPage {
  readonly heading: Locator;
  readonly newDeckButton: Locator;
  readonly search: Locator;
  readonly list: Locator;
  readonly nav: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.newDeckButton = page.getByRole('button', { name: 'Nieuwe presentatie' });
    this.search = page.getByLabel('Zoek presentaties');
    this.list = page.getByRole('main').getByRole('list');
    this.nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  }

  async goto(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toHaveText('Presentaties');
  }

  async gotoTrash(): Promise<void> {
    await this.nav.getByRole('link', { name: 'Prullenbak' }).click();
    await expect(this.heading).toHaveText('Prullenbak');
  }

  async gotoDecks(): Promise<void> {
    await this.nav.getByRole('link', { name: 'Presentaties' }).click();
    await expect(this.heading).toHaveText('Presentaties');
  }

  /** The link that opens a deck, matched on its exact title. */
  deckLink(title: string): Locator {
    return this.page.getByRole('main').getByRole('link', { name: title, exact: true });
  }

  /** A deck's heading (in the trash titles are not links). */
  deckHeading(title: string): Locator {
    return this.page.getByRole('main').getByRole('heading', { level: 2, name: title, exact: true });
  }

  /** The list item of one deck. */
  deckItem(title: string): Locator {
    const heading = this.page.getByRole('heading', { level: 2, name: title, exact: true });
    return this.page.getByRole('main').getByRole('listitem').filter({ has: heading });
  }

  /** Makes a deck with the "New deck" dialog; it opens in the editor. */
  async createDeck(title: string): Promise<void> {
    await this.newDeckButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Nieuwe presentatie' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('Titel').fill(title);
    await dialog.getByRole('button', { name: 'Presentatie maken' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.page).toHaveURL(/\/decks\/[^/]+$/);
  }

  async renameDeck(from: string, to: string): Promise<void> {
    await this.page.getByRole('button', { name: `Naam wijzigen: ${from}`, exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: 'Naam van presentatie wijzigen' });
    await expect(dialog.getByLabel('Titel')).toHaveValue(from);
    await dialog.getByLabel('Titel').fill(to);
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.deckLink(to)).toBeVisible();
  }

  async trashDeck(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Naar prullenbak: ${title}`, exact: true }).click();
    await expect(this.deckHeading(title)).toBeHidden();
  }

  async restoreDeck(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Terugzetten: ${title}`, exact: true }).click();
    await expect(this.deckHeading(title)).toBeHidden();
  }
}
