/**
 * Page object for the deck editor `/decks/:id`, found by role and accessible name (Dutch:
 * the e2e browser runs with locale nl-NL). Pass `english` for a page switched to English.
 */
import { expect, type Locator, type Page } from '@playwright/test';

const NAMES = {
  nl: {
    title: 'Titel van de presentatie',
    connection: 'Verbinding:',
    sorter: 'Dia’s',
    addSlide: 'Dia toevoegen',
    duplicate: 'Dia dupliceren',
    delete: 'Dia verwijderen',
    undoSlide: 'Diawijziging ongedaan maken',
    redoSlide: 'Diawijziging opnieuw doen',
    canvas: /^Inhoud van dia \d+$/,
    notes: /^Sprekersnotities bij dia \d+$/,
    toolbar: 'Opmaak',
    layout: 'Indeling',
    theme: 'Thema',
    deckLanguage: 'Taal van de dia’s',
    people: 'Mensen in deze presentatie',
    closed: 'De verbinding is verbroken',
  },
  en: {
    title: 'Deck title',
    connection: 'Connection:',
    sorter: 'Slides',
    addSlide: 'Add slide',
    duplicate: 'Duplicate slide',
    delete: 'Delete slide',
    undoSlide: 'Undo slide change',
    redoSlide: 'Redo slide change',
    canvas: /^Slide \d+ content$/,
    notes: /^Speaker notes for slide \d+$/,
    toolbar: 'Formatting',
    layout: 'Layout',
    theme: 'Theme',
    deckLanguage: 'Slide language',
    people: 'People in this deck',
    closed: 'The connection was closed',
  },
} as const;

export class DeckPage {
  readonly heading: Locator;
  readonly titleInput: Locator;
  readonly connection: Locator;
  readonly sorter: Locator;
  /** The slides in the sorter, in order. */
  readonly slides: Locator;
  readonly addSlide: Locator;
  readonly duplicateSlide: Locator;
  readonly deleteSlide: Locator;
  readonly undoSlide: Locator;
  readonly redoSlide: Locator;
  /** The selected slide's content editor. */
  readonly canvas: Locator;
  readonly notes: Locator;
  readonly toolbar: Locator;
  readonly layout: Locator;
  readonly theme: Locator;
  /** The deck's own language (what its slides are written in), not the UI's. */
  readonly deckLanguage: Locator;
  readonly people: Locator;
  readonly closedAlert: Locator;

  constructor(
    readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    const n = NAMES[language];
    // The page's own heading comes first; a slide's content may hold level-1 headings too.
    this.heading = page.getByRole('heading', { level: 1 }).first();
    this.titleInput = page.getByRole('textbox', { name: n.title });
    // The connection line is the status region labelled "Verbinding:".
    this.connection = page.getByRole('status').filter({ hasText: n.connection });
    this.sorter = page.getByRole('listbox', { name: n.sorter });
    this.slides = this.sorter.getByRole('option');
    this.addSlide = page.getByRole('button', { name: n.addSlide, exact: true });
    this.duplicateSlide = page.getByRole('button', { name: n.duplicate, exact: true });
    this.deleteSlide = page.getByRole('button', { name: n.delete, exact: true });
    this.undoSlide = page.getByRole('button', { name: n.undoSlide, exact: true });
    this.redoSlide = page.getByRole('button', { name: n.redoSlide, exact: true });
    this.canvas = page.getByRole('textbox', { name: n.canvas });
    this.notes = page.getByRole('textbox', { name: n.notes });
    this.toolbar = page.getByRole('toolbar', { name: n.toolbar });
    this.layout = this.toolbar.getByRole('combobox', { name: n.layout });
    this.theme = page.getByRole('combobox', { name: n.theme });
    this.deckLanguage = page.getByRole('combobox', { name: n.deckLanguage });
    this.people = page.getByRole('list', { name: n.people });
    this.closedAlert = page.getByRole('alert').filter({ hasText: n.closed });
  }

  async goto(deckId: string): Promise<void> {
    await this.page.goto(`/decks/${deckId}`);
    await expect(this.canvas).toBeVisible();
  }

  /** A slide in the sorter by its position (0-based). */
  slide(index: number): Locator {
    return this.slides.nth(index);
  }

  /** The slide whose accessible name contains `text` (its number and title). */
  slideNamed(text: string | RegExp): Locator {
    return this.sorter.getByRole('option', { name: text });
  }

  toolbarButton(name: string): Locator {
    return this.toolbar.getByRole('button', { name, exact: true });
  }

  /** Puts the cursor at the end of the slide's content and types. */
  async typeAtEnd(text: string): Promise<void> {
    await this.canvas.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.type(text);
  }
}
