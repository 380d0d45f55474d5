/** Page object for the (temporary, read-only) deck page `/decks/:id`. */
import type { Locator, Page } from '@playwright/test';

export class DeckPage {
  readonly heading: Locator;
  readonly connection: Locator;
  readonly slides: Locator;
  readonly closedAlert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    // The connection line is the status region labelled "Verbinding:".
    this.connection = page.getByRole('status').filter({ hasText: 'Verbinding:' });
    this.slides = page.getByRole('list', { name: 'Dia’s' }).getByRole('listitem');
    this.closedAlert = page.getByRole('alert').filter({ hasText: 'De verbinding is verbroken' });
  }

  /** The plain text of slide `index` (0-based), without its number and layout line. */
  slideText(index: number): Locator {
    return this.slides.nth(index).getByRole('paragraph').last();
  }
}
