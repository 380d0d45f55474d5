/**
 * Decks as files in the deck list: a new deck from a template, importing a Markdown file
 * (and the messages when a file is refused), and the export menu of a deck's row
 * (Markdown download; PDF progress and the "no browser" message with the job API stubbed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { createDeckViaApi, expect, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { ExportMenu } from './pages/HistoryPage.ts';

const REVEAL_DECK = fs.readFileSync(path.join(import.meta.dirname, '../test/fixtures/decks/reveal.md'));

async function downloadedText(download: Download): Promise<string> {
  const file = await download.path();
  return fs.readFileSync(file, 'utf8');
}

/** The deck list filtered to one deck, so its row is on screen whatever else the store holds. */
async function gotoDeckRow(page: Page, title: string) {
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await expect(row).toBeVisible();
  return row;
}

test('new from template: the period is filled into the title slide and the editor opens', async ({ signedInPage: page, deckList }) => {
  await deckList.goto();
  await page.getByRole('button', { name: 'Nieuw uit sjabloon' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nieuwe presentatie uit een sjabloon' });
  await expect(dialog).toBeVisible();

  const template = dialog.getByRole('radio', { name: 'Tussenstand Spoor 3' });
  await expect(template).toBeChecked();
  await expect(template).toHaveAccessibleDescription('Tweemaandelijkse tussenstand voor het IIPSy-team en het OM');
  await expect(template).toBeFocused();

  // Without a period the dialog says what is missing.
  await dialog.getByRole('button', { name: 'Presentatie maken' }).click();
  await expect(dialog.getByLabel('Periode')).toBeFocused();
  await expect(dialog.getByText('Vul een periode in.')).toBeVisible();

  await dialog.getByLabel('Periode').fill('januari 2027');
  await expect(dialog.getByLabel('Titel')).toHaveValue('Tussenstand Spoor 3 — januari 2027');
  const title = uniqueTitle('E2E sjabloon');
  await dialog.getByLabel('Titel').fill(title);
  await dialog.getByRole('button', { name: 'Presentatie maken' }).click();

  await expect(page).toHaveURL(/\/decks\/[^/]+$/);
  const deckPage = new DeckPage(page);
  await expect(deckPage.titleInput).toHaveValue(title);
  await expect(deckPage.slide(0)).toHaveAccessibleName(/^Dia 1: Tussenstand Spoor 3/);
  await expect(deckPage.canvas).toContainText('januari 2027');
  expect(await deckPage.slides.count()).toBeGreaterThan(3);
});

test('import a reveal.js file: the new deck opens with its four slides', async ({ signedInPage: page, deckList }) => {
  await deckList.goto();
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Presentatie importeren' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Markdown-bestand')).toHaveAccessibleDescription('Een .md-bestand van hoogstens 1 MB.');

  await dialog.getByLabel('Markdown-bestand').setInputFiles({ name: 'reveal.md', mimeType: 'text/markdown', buffer: REVEAL_DECK });
  await dialog.getByRole('button', { name: 'Importeren' }).click();

  await expect(page).toHaveURL(/\/decks\/[^/]+$/);
  const deckPage = new DeckPage(page);
  await expect(deckPage.slides).toHaveCount(4);
  await expect(deckPage.slide(0)).toHaveAccessibleName(/^Dia 1: Tussenstand januari/);
  await expect(deckPage.slide(2)).toHaveAccessibleName(/^Dia 3: Verticaal: toelichting/);
});

test('import: a refused file is explained beside the file field', async ({ signedInPage: page, deckList }) => {
  await deckList.goto();
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Presentatie importeren' });
  const file = dialog.getByLabel('Markdown-bestand');

  // Nothing chosen.
  await dialog.getByRole('button', { name: 'Importeren' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Kies een bestand.');

  // The server's 400 'not-a-deck', in words.
  await file.setInputFiles({ name: 'leeg.md', mimeType: 'text/markdown', buffer: Buffer.from('   \n\n') });
  await dialog.getByRole('button', { name: 'Importeren' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Dit bestand kan niet worden geïmporteerd: het bestand is leeg.');
  await expect(file).toHaveAttribute('aria-invalid', 'true');
  await expect(file).toBeFocused();

  await file.setInputFiles({ name: 'binair.md', mimeType: 'text/markdown', buffer: Buffer.from('# Kop\n\u0000\u0001') });
  await dialog.getByRole('button', { name: 'Importeren' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Dit bestand kan niet worden geïmporteerd: dit is geen tekstbestand.');

  // Over 1 MiB: said as soon as the file is chosen (the server would answer 413).
  await file.setInputFiles({ name: 'groot.md', mimeType: 'text/markdown', buffer: Buffer.alloc(1024 * 1024 + 10, 'a') });
  await expect(dialog.getByRole('alert')).toHaveText('Het bestand is groter dan 1 MB; groter mag een presentatiebestand niet zijn.');

  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Importeren', exact: true })).toBeFocused();
});

test('import: the server’s 413 is shown as the size message', async ({ signedInPage: page, deckList }) => {
  await page.route('**/api/decks/import', (route) =>
    route.fulfill({ status: 413, contentType: 'application/json', body: JSON.stringify({ error: 'too-large', message: 'Request body is too large' }) }),
  );
  await deckList.goto();
  await page.getByRole('button', { name: 'Importeren', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Presentatie importeren' });
  await dialog.getByLabel('Markdown-bestand').setInputFiles({ name: 'reveal.md', mimeType: 'text/markdown', buffer: REVEAL_DECK });
  await dialog.getByRole('button', { name: 'Importeren' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Het bestand is groter dan 1 MB; groter mag een presentatiebestand niet zijn.');
});

test('export menu in a deck row: Markdown downloads the deck file', async ({ signedInPage: page }) => {
  const title = uniqueTitle('E2E export');
  await createDeckViaApi(page.request, title);
  const row = await gotoDeckRow(page, title);
  const menu = new ExportMenu(page, row, title);

  await menu.open();
  await expect(menu.choice('Markdown (.md)')).toBeVisible();
  await expectNoSeriousViolations(page);
  const downloading = page.waitForEvent('download');
  await menu.choice('Markdown (.md)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}.md`);
  const text = await downloadedText(download);
  expect(text.startsWith('---\nformat: tussenstand/1')).toBe(true);
  expect(text).toContain(`title: ${title}`);
  await expect(row.getByRole('status')).toHaveText('Markdown (.md) is klaar en wordt gedownload.');

  // Escape closes the panel and gives the focus back to the button.
  await menu.choice('PowerPoint (.pptx)').focus();
  await page.keyboard.press('Escape');
  await expect(menu.button).toHaveAttribute('aria-expanded', 'false');
  await expect(menu.button).toBeFocused();

  // The keyboard opens it again and the arrow keys move through the formats.
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(menu.choice('Markdown (.md)')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu.choice('PowerPoint (.pptx)')).toBeFocused();
  await page.keyboard.press('End');
  await expect(menu.choice('HTML (webpagina)')).toBeFocused();
});

test('export menu: PowerPoint downloads a .pptx file', async ({ signedInPage: page }) => {
  const title = uniqueTitle('E2E pptx');
  await createDeckViaApi(page.request, title);
  const row = await gotoDeckRow(page, title);
  const menu = new ExportMenu(page, row, title);
  await menu.open();
  const downloading = page.waitForEvent('download');
  await menu.choice('PowerPoint (.pptx)').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}.pptx`);
  // A .pptx is a zip file.
  expect(fs.readFileSync(await download.path()).subarray(0, 2).toString('latin1')).toBe('PK');
});

test('export menu: PDF shows its progress, then downloads (job API stubbed)', async ({ signedInPage: page }) => {
  const title = uniqueTitle('E2E pdf');
  const deck = await createDeckViaApi(page.request, title);
  let polls = 0;
  let asked: unknown = null;
  await page.route(`**/api/decks/${deck.id}/exports`, async (route) => {
    asked = route.request().postDataJSON();
    await route.fulfill({ status: 202, contentType: 'application/json', body: JSON.stringify({ id: 'job-e2e' }) });
  });
  await page.route('**/api/exports/job-e2e', (route) => {
    polls += 1;
    // When done, the job names where its file is; a real download stands in for the PDF
    // (a download started by a link does not pass through page.route).
    const body = polls <= 4 ? { id: 'job-e2e', state: 'running', progress: 0.4 } : { id: 'job-e2e', state: 'done', progress: 1, download: `/api/decks/${deck.id}/export.md` };
    return route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  });

  const row = await gotoDeckRow(page, title);
  const menu = new ExportMenu(page, row, title);
  await menu.open();
  const downloading = page.waitForEvent('download');
  await menu.choice('PDF met sprekersnotities').click();
  const progress = row.getByRole('progressbar', { name: 'Voortgang: PDF met sprekersnotities' });
  await expect(progress).toHaveAttribute('aria-valuenow', '40');
  await expect(menu.choice('PDF')).toBeDisabled();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}.md`);
  expect(asked).toEqual({ format: 'pdf', notes: true });
  await expect(progress).toBeHidden();
  await expect(row.getByRole('link', { name: 'Opnieuw downloaden' })).toBeVisible();
});

test('export menu: a server without a browser says so', async ({ signedInPage: page }) => {
  const title = uniqueTitle('E2E geen browser');
  const deck = await createDeckViaApi(page.request, title);
  await page.route(`**/api/decks/${deck.id}/exports`, (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'no-browser', message: 'PDF and HTML export need Chromium on the server' }) }),
  );
  const row = await gotoDeckRow(page, title);
  const menu = new ExportMenu(page, row, title);
  await menu.open();
  await menu.choice('HTML (webpagina)').click();
  const message = 'PDF en HTML kunnen op deze server niet worden gemaakt: PDF and HTML export need Chromium on the server';
  await expect(row.getByRole('status')).toHaveText(message);
  await expect(row.getByText(message).first()).toBeVisible();
  // The other formats can still be chosen.
  await expect(menu.choice('Markdown (.md)')).toBeEnabled();
});
