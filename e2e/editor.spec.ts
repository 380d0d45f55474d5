/** The deck editor for one user: slide sorter, rich text, link and image dialogs, tables, charts, layouts, themes, notes. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expectNoSeriousViolations } from './axe.ts';
import { createDeckViaApi, expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

test('add, duplicate, delete, undo and redo slides with buttons and keys', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E sorteren'));
  await deckPage.goto(deck.id);
  await expect(deckPage.slides).toHaveCount(1);

  await deckPage.addSlide.click();
  await expect(deckPage.slides).toHaveCount(2);
  await expect(deckPage.slide(1)).toHaveAttribute('aria-selected', 'true');
  await expect(deckPage.canvas).toHaveAccessibleName('Inhoud van dia 2');
  await deckPage.canvas.click();
  await page.keyboard.type('Tweede dia');
  await expect(deckPage.slide(1)).toHaveAccessibleName('Dia 2: Tweede dia');

  // Keyboard in the sorter: arrows choose, Ctrl+D duplicates, Delete deletes, Ctrl+Z undoes.
  await deckPage.slide(1).focus();
  await page.keyboard.press('ArrowUp');
  await expect(deckPage.slide(0)).toBeFocused();
  await expect(deckPage.slide(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(deckPage.slide(1)).toBeFocused();
  await page.keyboard.press('ControlOrMeta+d');
  await expect(deckPage.slides).toHaveCount(3);
  await expect(deckPage.slide(2)).toHaveAccessibleName('Dia 3: Tweede dia');
  await expect(deckPage.slide(2)).toBeFocused();
  await page.keyboard.press('Delete');
  await expect(deckPage.slides).toHaveCount(2);
  await expect(page.getByRole('status').filter({ hasText: 'Dia 3 verwijderd.' })).toBeVisible();
  await deckPage.slide(0).focus();
  await page.keyboard.press('Delete');
  await expect(deckPage.slides).toHaveCount(1);
  await expect(deckPage.slide(0)).toHaveAccessibleName('Dia 1: Tweede dia');

  await page.keyboard.press('ControlOrMeta+z');
  await expect(deckPage.slides).toHaveCount(2);
  await expect(deckPage.slide(0)).toHaveAccessibleName(`Dia 1: ${deck.title}`);
  await expect(deckPage.slide(0)).toHaveAttribute('aria-selected', 'true');
  await deckPage.undoSlide.click();
  await expect(deckPage.slides).toHaveCount(3);
  await deckPage.redoSlide.click();
  await expect(deckPage.slides).toHaveCount(2);
  // The message's Undo button brings the last deleted slide back too.
  await deckPage.slide(1).focus();
  await deckPage.deleteSlide.click();
  await expect(deckPage.slides).toHaveCount(1);
  await page.getByRole('button', { name: 'Ongedaan maken', exact: true }).click();
  await expect(deckPage.slides).toHaveCount(2);
  // Duplicate with the button copies layout and text.
  await deckPage.slide(0).click();
  await deckPage.duplicateSlide.click();
  await expect(deckPage.slides).toHaveCount(3);
  await expect(deckPage.slide(1)).toHaveAccessibleName(`Dia 2: ${deck.title}`);
  await expect(deckPage.layout).toHaveValue('title');
});

test('reorder slides with the keyboard (Ctrl+Arrow and dnd-kit Space/Arrows) and by dragging', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E volgorde'));
  await deckPage.goto(deck.id);
  for (const text of ['Twee', 'Drie']) {
    await deckPage.addSlide.click();
    await deckPage.canvas.click();
    await page.keyboard.type(text);
  }
  await expect(deckPage.slide(2)).toHaveAccessibleName('Dia 3: Drie');

  await deckPage.slide(2).focus();
  await page.keyboard.press('ControlOrMeta+ArrowUp');
  await expect(deckPage.slide(1)).toHaveAccessibleName('Dia 2: Drie');
  await expect(deckPage.slide(1)).toBeFocused();

  // dnd-kit's keyboard sensor: Space picks up, arrows move, Space drops; each step is announced.
  const announcement = page.getByRole('status').filter({ hasText: /^Dia 2 / });
  await page.keyboard.press('Space');
  await expect(announcement).toHaveText('Dia 2 staat nu op plaats 2 van 3.');
  await page.keyboard.press('ArrowDown');
  await expect(announcement).toHaveText('Dia 2 staat nu op plaats 3 van 3.');
  await page.keyboard.press('Space');
  await expect(deckPage.slide(2)).toHaveAccessibleName('Dia 3: Drie');

  // Undo puts it back where it was.
  await deckPage.undoSlide.click();
  await expect(deckPage.slide(1)).toHaveAccessibleName('Dia 2: Drie');

  // Drag with the mouse: the last slide to the top.
  const from = await deckPage.slide(2).boundingBox();
  const to = await deckPage.slide(0).boundingBox();
  if (!from || !to) throw new Error('slides not laid out');
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2 - 20, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 5, { steps: 10 });
  await page.mouse.up();
  await expect(deckPage.slide(0)).toHaveAccessibleName('Dia 1: Twee');
});

test('formatting toolbar: marks, headings, lists, pressed states and text undo', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E opmaak'));
  await deckPage.goto(deck.id);
  await deckPage.addSlide.click();
  // A new slide has an empty title and text; the title shows its placeholder.
  await deckPage.canvas.getByRole('heading').click();
  await page.keyboard.type('Kop van de dia');
  await expect(deckPage.toolbar.getByRole('combobox', { name: 'Tekststijl' })).toHaveValue('h2');
  await page.keyboard.press('Enter');

  const bold = deckPage.toolbarButton('Vet');
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.type('vet');
  await bold.click();
  await page.keyboard.type(' en gewoon');
  await expect(deckPage.canvas.getByText('vet', { exact: true })).toHaveRole('strong');

  await deckPage.toolbarButton('Opsomming').click();
  await expect(deckPage.toolbarButton('Opsomming')).toHaveAttribute('aria-pressed', 'true');
  await expect(deckPage.canvas.getByRole('list')).toHaveCount(1);
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await page.keyboard.type('tweede punt');
  await expect(deckPage.canvas.getByRole('listitem')).toHaveCount(2);

  // The toolbar is one tab stop with arrow-key navigation.
  await deckPage.toolbarButton('Vet').focus();
  await page.keyboard.press('ArrowRight');
  await expect(deckPage.toolbarButton('Cursief')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(deckPage.toolbarButton('Cursief')).toHaveAttribute('aria-pressed', 'true');
  // Alt+F10 in the slide returns to the toolbar, at the control used last.
  await expect(deckPage.canvas).toBeFocused();
  await page.keyboard.press('Alt+F10');
  await expect(deckPage.toolbarButton('Cursief')).toBeFocused();

  // Ctrl+Z in the editor undoes typing. Typing within half a second of the previous change
  // is one undo step (the y-undo plugin's capture window), so pause first as a person would.
  await deckPage.canvas.click();
  await page.keyboard.press('ControlOrMeta+End');
  await page.waitForTimeout(600);
  await page.keyboard.type(' XYZ');
  await expect(deckPage.canvas).toContainText('tweede punt XYZ');
  await page.keyboard.press('ControlOrMeta+z');
  await expect(deckPage.canvas).not.toContainText('XYZ');
  await expect(deckPage.canvas).toContainText('tweede punt');
});

test('links: only web and e-mail addresses, javascript: and data: are refused', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E link'));
  await deckPage.goto(deck.id);
  await deckPage.typeAtEnd(' zie website');
  // Let the editor take in the last keystroke (the sorter reads the shared document) before the selection moves.
  await expect(deckPage.slide(0)).toHaveAccessibleName(/zie website$/);
  // Select the last word character by character (a word jump can stop early while the editor re-renders).
  for (let i = 0; i < 'website'.length; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('website');
  await page.keyboard.press('ControlOrMeta+k');
  const dialog = page.getByRole('dialog', { name: 'Link' });
  const address = dialog.getByRole('textbox', { name: 'Webadres of e-mailadres' });
  await expect(address).toBeFocused();

  await address.fill('javascript:alert(document.cookie)');
  await dialog.getByRole('button', { name: 'Toepassen' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('Alleen webadressen (http, https) en e-mailadressen kunnen een link zijn.');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await address.fill('data:text/html,<script>alert(1)</script>');
  await dialog.getByRole('button', { name: 'Toepassen' }).click();
  await expect(dialog.getByRole('alert')).toBeVisible();

  await address.fill('www.riec.nl');
  await dialog.getByRole('button', { name: 'Toepassen' }).click();
  await expect(dialog).toBeHidden();
  const link = deckPage.canvas.getByRole('link', { name: 'website' });
  await expect(link).toHaveAttribute('href', 'https://www.riec.nl');
  await expect(deckPage.toolbarButton('Link')).toHaveAttribute('aria-pressed', 'true');

  // Remove it again from the dialog.
  await deckPage.toolbarButton('Link').click();
  await expect(dialog.getByRole('textbox', { name: 'Webadres of e-mailadres' })).toHaveValue('https://www.riec.nl');
  await dialog.getByRole('button', { name: 'Link verwijderen' }).click();
  await expect(deckPage.canvas.getByRole('link')).toHaveCount(0);
});

test('images: upload and insert with a description; the server’s refusal is shown', async ({ signedInPage: page, deckPage }, testInfo) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E beeld'));
  expectConsoleErrors(page, refusedRequest(415, `/api/decks/${deck.id}/images`));
  await deckPage.goto(deck.id);
  await deckPage.typeAtEnd('');
  // A file that claims to be a PNG but is not: the server answers 415 with its reason.
  const fake = testInfo.outputPath('niet-echt.png');
  writeFileSync(fake, readFileSync(path.join(import.meta.dirname, '../client/public/favicon.svg')));
  await deckPage.toolbarButton('Afbeelding invoegen').click();
  const dialog = page.getByRole('dialog', { name: 'Afbeelding invoegen' });
  await dialog.getByLabel('Afbeeldingsbestand').setInputFiles(fake);
  // The description is asked for before anything is sent (mediaSize.spec.ts tests that).
  await dialog.getByRole('textbox', { name: 'Beschrijving voor schermlezers' }).fill('Kaart van de eenheid');
  await dialog.getByRole('button', { name: 'Invoegen' }).click();
  await expect(dialog.getByRole('alert')).toContainText('De afbeelding kon niet worden geüpload: the file is not a valid image/png');

  // A real PNG (1×1) is uploaded and shown on the slide with its description.
  const real = testInfo.outputPath('punt.png');
  writeFileSync(real, Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'));
  await dialog.getByLabel('Afbeeldingsbestand').setInputFiles(real);
  await dialog.getByRole('button', { name: 'Invoegen' }).click();
  await expect(dialog).toBeHidden();
  const image = deckPage.canvas.getByRole('img', { name: 'Kaart van de eenheid' });
  await expect(image).toHaveAttribute('src', /^\/api\/images\/[A-Za-z0-9_-]+$/);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1);
});

test('tables: insert, add and remove rows and columns', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E tabel'));
  await deckPage.goto(deck.id);
  await deckPage.addSlide.click();
  await deckPage.canvas.click();
  await deckPage.toolbarButton('Tabel invoegen').click();
  const table = deckPage.canvas.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').first().getByRole('columnheader')).toHaveCount(3);
  await page.keyboard.type('Partner');

  const tools = deckPage.toolbar.getByRole('group', { name: 'Tabel' });
  await tools.getByRole('button', { name: 'Rij onder invoegen' }).click();
  await expect(table.getByRole('row')).toHaveCount(4);
  await tools.getByRole('button', { name: 'Kolom rechts invoegen' }).click();
  await expect(table.getByRole('row').first().getByRole('columnheader')).toHaveCount(4);
  await tools.getByRole('button', { name: 'Kolom verwijderen' }).click();
  await tools.getByRole('button', { name: 'Rij verwijderen' }).click();
  // The cursor was in the header row's first cell: that column and that row are gone.
  await expect(table.getByRole('row')).toHaveCount(3);
  await expect(table.getByRole('row').first().getByRole('cell')).toHaveCount(3);
  await expect(table).not.toContainText('Partner');
  await tools.getByRole('button', { name: 'Tabel verwijderen' }).click();
  await expect(deckPage.canvas.getByRole('table')).toHaveCount(0);
});

test('chart block, layouts, theme and speaker notes', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E grafiek'));
  await deckPage.goto(deck.id);
  await deckPage.addSlide.click();
  await deckPage.canvas.click();
  await deckPage.toolbarButton('Grafiek invoegen').click();
  await expect(deckPage.canvas.getByRole('img', { name: /Interviews/ })).toBeVisible();

  await deckPage.layout.selectOption('big-number');
  await expect(deckPage.layout).toHaveValue('big-number');
  await deckPage.theme.selectOption('contrast');
  await expect(deckPage.theme).toHaveValue('contrast');

  await deckPage.notes.click();
  await page.keyboard.type('Noem het aantal interviews.');
  await expect(deckPage.notes).toHaveText('Noem het aantal interviews.');

  // Everything is in the shared document: a fresh page shows the same.
  const other = new DeckPage(await page.context().newPage());
  await other.goto(deck.id);
  await other.slide(1).click();
  await expect(other.layout).toHaveValue('big-number');
  await expect(other.theme).toHaveValue('contrast');
  // (The first page's caret, with its name, is in the notes too.)
  await expect(other.notes).toContainText('Noem het aantal interviews.');
  await other.page.close();
});

test('the editor in English, and axe finds no serious problems', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E Engels'));
  await deckPage.goto(deck.id);
  await expect(page.getByRole('button', { name: 'Dia toevoegen', exact: true })).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole('combobox', { name: 'Taal', exact: true }).selectOption('en');
  const english = new DeckPage(page, 'en');
  await expect(page.getByRole('button', { name: 'Add slide', exact: true })).toBeVisible();
  await expect(english.sorter).toBeVisible();
  await expect(english.canvas).toHaveAccessibleName('Slide 1 content');
  await expect(english.toolbar.getByRole('button', { name: 'Insert chart', exact: true })).toBeVisible();
  await expect(english.connection).toContainText('Connected');
  await english.addSlide.click();
  await expect(english.slides).toHaveCount(2);
  await expectNoSeriousViolations(page);

  // With a table and a link dialog open.
  await english.canvas.click();
  await english.toolbarButton('Insert table').click();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('ControlOrMeta+k');
  await expect(page.getByRole('dialog', { name: 'Link' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('nl');
  await expect(page.getByRole('button', { name: 'Dia toevoegen', exact: true })).toBeVisible();
});
