/**
 * Page objects for decks as files (Dutch names: the e2e browser runs with locale nl-NL):
 * the version history `/decks/:id/history`, the deck list's "Nieuw uit sjabloon" and
 * "Importeren" dialogs, and the export menu (deck list rows, history page, editor).
 */
import { expect, type Locator, type Page } from '@playwright/test';

export class HistoryPage {
  readonly heading: Locator;
  readonly backToEditor: Locator;
  readonly saveVersion: Locator;
  /** The list of versions, newest first. */
  readonly versions: Locator;
  /** The chosen version: its name, actions and slides. */
  readonly preview: Locator;
  readonly restore: Locator;
  /** The chosen version's own export menu ("Deze versie exporteren"). */
  readonly versionExport: ExportMenu;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    // The page's own heading comes first; the slides of a version may hold level-1 headings too.
    this.heading = page.getByRole('heading', { level: 1 }).first();
    this.backToEditor = page.getByRole('link', { name: 'Terug naar de editor' });
    this.saveVersion = page.getByRole('main').getByRole('button', { name: 'Versie opslaan', exact: true });
    this.versions = page.getByRole('list', { name: 'Versies' });
    this.preview = page.getByRole('region').filter({ has: page.getByRole('button', { name: 'Deze versie terugzetten' }) });
    this.restore = page.getByRole('button', { name: 'Deze versie terugzetten' });
    this.versionExport = new ExportMenu(page, this.preview, '', 'Deze versie exporteren');
    this.notice = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Melding sluiten' }) });
  }

  async goto(deckId: string): Promise<void> {
    await this.page.goto(`/decks/${deckId}/history`);
    await expect(this.heading).toHaveText('Versiegeschiedenis');
  }

  /** A version's button in the list, by (part of) its name. */
  version(name: string | RegExp): Locator {
    return this.versions.getByRole('button', { name });
  }

  /** The preview's slide numbers ("Dia 1 van 4"), one per slide. */
  get slideNumbers(): Locator {
    return this.preview.getByText(/^Dia \d+ van \d+$/);
  }

  /** One slide of the preview (1-based), with its number, drawing and notes. */
  slide(number: number): Locator {
    return this.preview.getByRole('listitem').filter({ hasText: new RegExp(`^Dia ${number} van \\d+`) });
  }

  async save(label: string): Promise<void> {
    await this.saveVersion.click();
    const dialog = this.page.getByRole('dialog', { name: 'Versie opslaan' });
    await dialog.getByLabel('Naam van de versie').fill(label);
    await dialog.getByRole('button', { name: 'Versie opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.version(label)).toHaveAttribute('aria-current', 'true');
  }

  async restoreShown(): Promise<Locator> {
    await this.restore.click();
    const dialog = this.page.getByRole('alertdialog', { name: 'Deze versie terugzetten?' });
    await expect(dialog).toBeVisible();
    return dialog;
  }
}

/** The export menu of one deck: in its list row, on the history page or in the editor. */
export class ExportMenu {
  readonly button: Locator;
  readonly panel: Locator;

  constructor(
    readonly page: Page,
    scope: Locator | Page,
    deckTitle: string,
    buttonName = `Exporteren: ${deckTitle}`,
  ) {
    this.button = scope.getByRole('button', { name: buttonName, exact: true });
    // The panel follows the button; its choices are the buttons named after the formats.
    this.panel = scope.getByRole('list').filter({ has: page.getByRole('button', { name: 'Markdown (.md)' }) });
  }

  choice(name: 'Markdown (.md)' | 'PowerPoint (.pptx)' | 'PDF' | 'PDF met sprekersnotities' | 'HTML (webpagina)' | 'Hand-out (PDF)'): Locator {
    return this.panel.getByRole('button', { name, exact: true });
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.button).toHaveAttribute('aria-expanded', 'true');
  }
}
