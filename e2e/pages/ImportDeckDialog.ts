/**
 * Page object for the deck list's import dialog (ImportDeckDialog.tsx): the file field, the
 * report of the server's check, the remote-image choice and the buttons, by role and label.
 * Pass `english` for a page switched to English.
 */
import { expect, type Locator, type Page } from '@playwright/test';

const NAMES = {
  nl: {
    open: 'Importeren',
    dialog: 'Presentatie importeren',
    file: 'Markdown-bestand',
    check: 'Controleren',
    import: 'Importeren',
    cancel: 'Annuleren',
    report: 'Wat de import oplevert',
    converted: /^Omgezet/,
    dropped: /^Niet geïmporteerd/,
    remote: 'Afbeeldingen van andere websites',
    fetch: 'Nu een kopie ophalen in deze presentatie',
    placeholder: 'Bewaren als tijdelijke aanduiding met het adres',
  },
  en: {
    open: 'Import',
    dialog: 'Import a deck',
    file: 'Markdown file',
    check: 'Check',
    import: 'Import',
    cancel: 'Cancel',
    report: 'What the import will make',
    converted: /^Converted/,
    dropped: /^Not imported/,
    remote: 'Images from other websites',
    fetch: 'Fetch a copy into this deck now',
    placeholder: 'Keep as a placeholder showing the address',
  },
} as const;

export class ImportDeckDialog {
  readonly openButton: Locator;
  readonly dialog: Locator;
  readonly file: Locator;
  readonly checkButton: Locator;
  readonly importButton: Locator;
  readonly cancelButton: Locator;
  /** The report's heading (the focus moves there when the check is done). */
  readonly reportHeading: Locator;
  /** The line that announces "Checking…" and then the report's summary. */
  readonly status: Locator;
  readonly converted: Locator;
  readonly dropped: Locator;
  /** The radio group for images from other websites, and its list of images. */
  readonly remoteGroup: Locator;
  readonly remoteList: Locator;
  readonly fetch: Locator;
  readonly placeholder: Locator;
  /** A refusal beside the file field. */
  readonly alert: Locator;

  constructor(
    readonly page: Page,
    language: 'nl' | 'en' = 'nl',
  ) {
    const n = NAMES[language];
    this.openButton = page.getByRole('button', { name: n.open, exact: true });
    this.dialog = page.getByRole('dialog', { name: n.dialog });
    this.file = this.dialog.getByLabel(n.file);
    this.checkButton = this.dialog.getByRole('button', { name: n.check, exact: true });
    this.importButton = this.dialog.getByRole('button', { name: n.import, exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: n.cancel, exact: true });
    this.reportHeading = this.dialog.getByRole('heading', { name: n.report });
    this.status = this.dialog.getByRole('status');
    this.converted = this.dialog.getByRole('list', { name: n.converted });
    this.dropped = this.dialog.getByRole('list', { name: n.dropped });
    this.remoteGroup = this.dialog.getByRole('group', { name: n.remote });
    this.remoteList = this.remoteGroup.getByRole('list', { name: n.remote });
    this.fetch = this.dialog.getByRole('radio', { name: n.fetch });
    this.placeholder = this.dialog.getByRole('radio', { name: n.placeholder });
    this.alert = this.dialog.getByRole('alert');
  }

  async open(): Promise<void> {
    await this.openButton.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Chooses a file; the dialog checks it at once. */
  async choose(name: string, content: string | Buffer): Promise<void> {
    await this.file.setInputFiles({ name, mimeType: 'text/markdown', buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content });
  }
}
