/**
 * Decks as files in the deck list: a new deck from a template, importing a Markdown file in
 * two steps (the server's check and its report, the choice for remote images, in Dutch and
 * English; the messages when a file is refused), and the export menu of a deck's row
 * (Markdown download; PDF progress and the "no browser" message with the job API stubbed).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { createDeckViaApi, expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { ExportMenu } from './pages/HistoryPage.ts';
import { ImportDeckDialog } from './pages/ImportDeckDialog.ts';

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

/** A Slidev deck with something of each kind: a two-column slot, a hidden slide, an HTML block, a remote image. */
const SLIDEV_DECK = `---
theme: seriph
title: Kwartaalcijfers Spoor 3
layout: cover
---

# Kwartaalcijfers Spoor 3

Stand van zaken

<!-- Welkom iedereen. -->

---
layout: two-cols
---

## Links en rechts

::left::

- Partners

::right::

- Niet-partners

<!-- Notitie bij de tweede dia. -->

---
hide: true
---

## Nog niet klaar

Deze dia is verborgen.

---

## Kaart

<div class="grid">Los blok</div>

![Kaart van de eenheid](https://example.org/kaart.png)
`;

/** A Marp deck with a remote image and a directive. */
const MARP_DECK = `---
marp: true
theme: gaia
paginate: true
---

# Factsheet IIPSy

Halfjaarlijks

<!-- The factsheet goes to the whole network. -->

---

## Reach

- 25 organisations
- 52 staff

---

![Map](http://127.0.0.1:9/map.png)

## Map of the unit
`;

test('import a Slidev file: the report lists what changes, placeholders are kept, the deck opens', async ({ signedInPage: page, deckList }) => {
  await deckList.goto();
  const dialog = new ImportDeckDialog(page);
  await dialog.open();
  await expect(dialog.file).toHaveAccessibleDescription('Een .md-bestand van hoogstens 1 MB.');
  await expect(dialog.file).toBeFocused();
  await expect(dialog.checkButton).toBeVisible();

  // Choosing the file checks it at once: nothing is stored yet.
  const checked = page.waitForRequest((request) => request.url().includes('/api/decks/import?dryRun=true'));
  await dialog.choose('kwartaal.md', SLIDEV_DECK);
  await checked;
  await expect(dialog.status).toHaveText('3 dia’s, 2 met sprekersnotities, gelezen als Slidev (UTF-8).');
  await expect(dialog.reportHeading).toBeFocused();
  await expect(dialog.dialog.getByText('Titel: Kwartaalcijfers Spoor 3')).toBeVisible();
  // A slide left out is numbered as in the file; the others as in the new deck.
  await expect(dialog.dropped.getByRole('listitem').filter({ hasText: 'Een verborgen dia (Slidev hide of disabled) is weggelaten.' })).toHaveText(/^Dia 3 in het bestand/);
  await expect(dialog.converted.getByRole('listitem').filter({ hasText: 'Dia 2' }).first()).toBeVisible();

  // The remote image: listed with its slide, placeholder chosen unless the user says otherwise.
  await expect(dialog.remoteList.getByRole('listitem')).toHaveText([/^Dia 3: ?https:\/\/example\.org\/kaart\.png/]);
  await expect(dialog.placeholder).toBeChecked();
  await expect(dialog.fetch).not.toBeChecked();
  await expect(dialog.placeholder).toHaveAccessibleDescription(/De dia toont een vak met het adres/);
  await expectNoSeriousViolations(page);

  // The keyboard reaches the choice and the button.
  await page.keyboard.press('Tab');
  await expect(dialog.placeholder).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(dialog.fetch).toBeChecked();
  await page.keyboard.press('ArrowDown');
  await expect(dialog.placeholder).toBeChecked();

  const imported = page.waitForRequest((request) => request.url().endsWith('/api/decks/import?remoteImages=placeholder'));
  await dialog.importButton.click();
  await imported;
  await expect(page).toHaveURL(/\/decks\/[^/]+$/);
  const deckPage = new DeckPage(page);
  await expect(deckPage.slides).toHaveCount(3);
  await expect(deckPage.slide(0)).toHaveAccessibleName(/^Dia 1: Kwartaalcijfers Spoor 3/);
  await expect(deckPage.slide(2)).toHaveAccessibleName(/^Dia 3: Kaart/);
  // The image is kept as a visible placeholder with its address.
  await deckPage.slide(2).click();
  await expect(deckPage.canvas).toContainText('https://example.org/kaart.png');
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('import a Marp file and fetch its remote image: the report is in English, the deck opens', async ({ signedInPage: page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decks');
    const dialog = new ImportDeckDialog(page, 'en');
    await dialog.open();
    await dialog.choose('factsheet.md', MARP_DECK);
    await expect(dialog.status).toHaveText('3 slides, 1 with speaker notes, read as Marp (UTF-8).');
    await expect(dialog.reportHeading).toBeFocused();
    await expect(dialog.remoteGroup).toHaveAccessibleDescription(/The file shows an image from another website\. This app only shows images stored on this server/);
    await expect(dialog.remoteList.getByRole('listitem')).toHaveText([/^Slide 3: ?http:\/\/127\.0\.0\.1:9\/map\.png/]);
    await expect(dialog.dropped.getByRole('listitem').filter({ hasText: 'A directive without an equivalent here was ignored. paginate: true' })).toHaveText(/^Whole file/);

    await dialog.fetch.check();
    await expect(dialog.fetch).toHaveAccessibleDescription(/The server downloads each image once \(at most 50 per import\)/);
    const imported = page.waitForRequest((request) => request.url().endsWith('/api/decks/import?remoteImages=fetch'));
    await dialog.importButton.click();
    await imported;

    // The address cannot be fetched (nothing listens there): the slide keeps a placeholder, the deck opens.
    await expect(page).toHaveURL(/\/decks\/[^/]+$/);
    const deckPage = new DeckPage(page, 'en');
    await expect(deckPage.slides).toHaveCount(3);
    await expect(deckPage.slide(0)).toHaveAccessibleName(/^Slide 1: Factsheet IIPSy/);
    await deckPage.slide(2).click();
    await expect(deckPage.canvas).toContainText('http://127.0.0.1:9/map.png');
  });

  test('a refused file is explained in English', async ({ signedInPage: page }) => {
    // The server refuses the file (400): that refusal is what the dialog explains.
    expectConsoleErrors(page, refusedRequest(400, '/api/decks/import'));
    await page.goto('/');
    const dialog = new ImportDeckDialog(page, 'en');
    await dialog.open();
    await dialog.checkButton.click();
    await expect(dialog.alert).toHaveText('Choose a file.');
    await dialog.choose('latin1.md', Buffer.from('# Caf\xe9\n\nTekst', 'latin1'));
    await expect(dialog.alert).toHaveText('This file cannot be imported: this is not text in UTF-8 or UTF-16. If it is a text file, save it as UTF-8 and choose it again.');
    await expect(dialog.file).toBeFocused();
  });
});

test('import: a refused file is explained beside the file field', async ({ signedInPage: page, deckList }) => {
  // The server refuses each file (400, and 413 for the one too large): the test is that the dialog explains it.
  expectConsoleErrors(page, refusedRequest(400, '/api/decks/import'), refusedRequest(413, '/api/decks/import'));
  await deckList.goto();
  const dialog = new ImportDeckDialog(page);
  await dialog.open();

  // Nothing chosen.
  await dialog.checkButton.click();
  await expect(dialog.alert).toHaveText('Kies een bestand.');
  await expect(dialog.file).toBeFocused();

  // The server's 400 'not-a-deck', in words, as soon as the file is chosen.
  await dialog.choose('leeg.md', '   \n\n');
  await expect(dialog.alert).toHaveText('Dit bestand kan niet worden geïmporteerd: het bestand is leeg.');
  await expect(dialog.file).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.file).toBeFocused();
  await expect(dialog.reportHeading).toBeHidden();
  await expect(dialog.checkButton).toBeVisible();

  await dialog.choose('binair.md', Buffer.from('# Kop\n\u0000\u0001'));
  await expect(dialog.alert).toHaveText('Dit bestand kan niet worden geïmporteerd: dit is geen tekstbestand.');

  await dialog.choose('latin1.md', Buffer.from('# Caf\xe9\n', 'latin1'));
  await expect(dialog.alert).toHaveText(/^Dit bestand kan niet worden geïmporteerd: dit is geen tekst in UTF-8 of UTF-16\./);

  // More slides than one import may make: the server's 413 names the limit.
  await dialog.choose('veel.md', Array.from({ length: 1001 }, (_, i) => `# Dia ${i + 1}`).join('\n\n---\n\n'));
  await expect(dialog.alert).toHaveText('Het bestand zou meer dan 1000 dia’s opleveren; meer kan één import niet maken. Verdeel het over meerdere bestanden.');

  // Over 1 MiB: said as soon as the file is chosen, without sending it.
  await dialog.choose('groot.md', Buffer.alloc(1024 * 1024 + 10, 'a'));
  await expect(dialog.alert).toHaveText('Het bestand is groter dan 1 MB; groter mag een presentatiebestand niet zijn.');

  // A good file after a refused one: the complaint goes, the report comes.
  await dialog.choose('reveal.md', REVEAL_DECK);
  await expect(dialog.alert).toBeHidden();
  await expect(dialog.file).not.toHaveAttribute('aria-invalid');
  await expect(dialog.status).toHaveText(/^4 dia’s, \d+ met sprekersnotities, gelezen als reveal\.js \(UTF-8\)\.$/);

  await expectNoSeriousViolations(page);
  await dialog.cancelButton.click();
  await expect(dialog.dialog).toBeHidden();
  await expect(dialog.openButton).toBeFocused();
});

test('import a reveal.js file: the new deck opens with its four slides', async ({ signedInPage: page, deckList }) => {
  await deckList.goto();
  const dialog = new ImportDeckDialog(page);
  await dialog.open();
  await dialog.choose('reveal.md', REVEAL_DECK);
  await expect(dialog.dialog.getByText('Een verticale dia (reveal.js) is een eigen dia geworden.').first()).toBeVisible();
  await dialog.importButton.click();

  await expect(page).toHaveURL(/\/decks\/[^/]+$/);
  const deckPage = new DeckPage(page);
  await expect(deckPage.slides).toHaveCount(4);
  await expect(deckPage.slide(0)).toHaveAccessibleName(/^Dia 1: Tussenstand januari/);
  await expect(deckPage.slide(2)).toHaveAccessibleName(/^Dia 3: Verticaal: toelichting/);
});

test('import on a phone: the report and the choice fit the width', async ({ signedInPage: page, deckList }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await deckList.goto();
  const dialog = new ImportDeckDialog(page);
  await dialog.open();
  await dialog.choose('kwartaal.md', SLIDEV_DECK);
  await expect(dialog.status).toHaveText(/^3 dia’s/);
  const box = await dialog.dialog.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 375).toBe(true);
  // Nothing inside is wider than the dialog (no sideways scrolling).
  expect(await dialog.dialog.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
  await dialog.placeholder.scrollIntoViewIfNeeded();
  await expect(dialog.placeholder).toBeInViewport();
  await expectNoSeriousViolations(page);
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
  // The last item opens the handout form (e2e/handouts.spec.ts).
  await expect(menu.panel.getByRole('button', { name: 'Hand-out (PDF)', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowUp');
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
  // The refusal is made up here (503), and the browser logs it as it would a real one.
  expectConsoleErrors(page, refusedRequest(503, `/api/decks/${deck.id}/exports`));
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
