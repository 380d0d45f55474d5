/**
 * Images and charts on a slide can be sized, placed and described (#17 "Media"): a small image
 * is drawn at its natural size (never blown up to the column); the keyboard ("Groter",
 * Alt+Shift+Arrow) and the corner handle store a width that survives a reload and reaches a
 * second browser at once; left/centre/right; "Bijsnijden tot dia" fills the slide; the insert
 * dialog asks for a description (or "decorative"), and an image without one is flagged with a
 * button to add it. In Dutch and English.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Locator, Page } from '@playwright/test';
import { createDeckViaApi, expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { solidPng } from '../test/helpers/solidPng.ts';

const WORDS = {
  nl: {
    locale: 'nl-NL',
    insert: 'Afbeelding invoegen',
    file: 'Afbeeldingsbestand',
    insertButton: 'Invoegen',
    alt: 'Beschrijving voor schermlezers',
    altRequired: 'Schrijf een beschrijving, of markeer de afbeelding als decoratief.',
    decorative: 'Decoratieve afbeelding (schermlezers slaan haar over)',
    missing: 'Beschrijving ontbreekt',
    addAlt: 'Beschrijving toevoegen',
    altTitle: 'Beschrijving van de afbeelding',
    save: 'Opslaan',
    panel: 'Grootte en plaats van de afbeelding',
    chartPanel: 'Grootte en plaats van de grafiek',
    smaller: 'Kleiner',
    larger: 'Groter',
    center: 'Midden',
    right: 'Rechts',
    left: 'Links',
    cover: 'Bijsnijden tot dia',
    width: (n: number) => `Breedte ${n}% van de kolom`,
  },
  en: {
    locale: 'en-GB',
    insert: 'Insert image',
    file: 'Image file',
    insertButton: 'Insert',
    alt: 'Description for screen readers',
    altRequired: 'Write a description, or mark the image as decorative.',
    decorative: 'Decorative image (screen readers skip it)',
    missing: 'Description missing',
    addAlt: 'Add description',
    altTitle: 'Image description',
    save: 'Save',
    panel: 'Image size and position',
    chartPanel: 'Chart size and position',
    smaller: 'Smaller',
    larger: 'Larger',
    center: 'Centre',
    right: 'Right',
    left: 'Left',
    cover: 'Crop to slide',
    width: (n: number) => `Width ${n}% of the column`,
  },
} as const;

const SMALL_PNG = solidPng(120, 80, [200, 40, 40]);
const PHOTO_PNG = solidPng(640, 300, [40, 100, 190]);

/** Screenshots to look at (SHOTS=dir), besides the test's own output. */
async function shot(page: Page, name: string): Promise<void> {
  const dir = process.env.SHOTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/${name}.png` });
}

async function uploadImage(page: Page, png: Buffer): Promise<string> {
  const scratch = await createDeckViaApi(page.request, uniqueTitle('E2E beeldbron'));
  const response = await page.request.post(`/api/decks/${scratch.id}/images`, { headers: { 'content-type': 'image/png' }, data: png });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { url: string }).url;
}

async function importDeck(page: Page, title: string, body: string[]): Promise<string> {
  const file = ['---', 'format: tussenstand/1', `title: ${title}`, 'language: nl', '---', '', ...body, ''].join('\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function signedInPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Amsterdam', viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await signInViaApi(page);
  return page;
}

/** The drawn box of an element relative to the slide's content column, as shares of the slide's width. */
async function boxOnSlide(image: Locator): Promise<{ left: number; width: number; columnLeft: number; columnWidth: number; slideWidth: number }> {
  return image.evaluate((el) => {
    const slide = el.closest('.slide')!.getBoundingClientRect();
    const body = el.closest('.slide__body')!;
    const style = getComputedStyle(body);
    const bodyBox = body.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    const columnLeft = bodyBox.left + Number.parseFloat(style.paddingLeft);
    const columnWidth = bodyBox.width - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
    return { left: box.left - columnLeft, width: box.width, columnLeft: columnLeft - slide.left, columnWidth, slideWidth: slide.width };
  });
}

/** The image's width as a share (%) of its column. */
async function share(image: Locator): Promise<number> {
  const box = await boxOnSlide(image);
  return (box.width / box.columnWidth) * 100;
}

for (const language of ['nl', 'en'] as const) {
  test(`the insert dialog asks for a description; "decorative" stores none on purpose; a missing one is flagged and added (${language})`, async ({ browser }, testInfo) => {
    const w = WORDS[language];
    const page = await signedInPage(browser, w.locale);
    const deckPage = new DeckPage(page, language);
    try {
      const deck = await createDeckViaApi(page.request, uniqueTitle('E2E beschrijving'));
      await deckPage.goto(deck.id);
      await deckPage.typeAtEnd('');
      const file = testInfo.outputPath('klein.png');
      writeFileSync(file, SMALL_PNG);
      await deckPage.toolbarButton(w.insert).click();
      const dialog = page.getByRole('dialog', { name: w.insert });
      await dialog.getByLabel(w.file).setInputFiles(file);
      // Without a description the image is not inserted: the dialog asks for one.
      await dialog.getByRole('button', { name: w.insertButton, exact: true }).click();
      await expect(dialog.getByRole('alert')).toHaveText(w.altRequired);
      await expect(dialog.getByRole('textbox', { name: w.alt })).toHaveAttribute('aria-invalid', 'true');
      await shot(page, `alt-asked-${language}`);
      await dialog.getByRole('checkbox', { name: w.decorative }).check();
      await dialog.getByRole('button', { name: w.insertButton, exact: true }).click();
      await expect(dialog).toBeHidden();
      const decorative = deckPage.canvas.locator('.node-image img');
      await expect(decorative).toHaveAttribute('alt', '');
      await expect(decorative).toHaveJSProperty('complete', true);
      // Decorative on purpose: no flag.
      await expect(deckPage.canvas.getByText(w.missing)).toBeHidden();

      // An image that arrived without a description (a deck file here) is flagged, with a button to add one.
      const src = await uploadImage(page, SMALL_PNG);
      const flaggedDeck = await importDeck(page, uniqueTitle('E2E zonder beschrijving'), ['## Kaart', '', `![](${src})`]);
      await deckPage.goto(flaggedDeck);
      const badge = deckPage.canvas.getByText(w.missing);
      await expect(badge).toBeVisible();
      await shot(page, `alt-missing-${language}`);
      await deckPage.canvas.getByRole('button', { name: w.addAlt }).click();
      const altDialog = page.getByRole('dialog', { name: w.altTitle });
      await altDialog.getByRole('textbox', { name: w.alt }).fill('Rode rechthoek op de kaart');
      await altDialog.getByRole('button', { name: w.save }).click();
      await expect(altDialog).toBeHidden();
      await expect(deckPage.canvas.getByRole('img', { name: 'Rode rechthoek op de kaart' })).toBeVisible();
      await expect(badge).toBeHidden();
      // Kept: after a reload the description is there and the flag is not.
      await page.reload();
      await expect(deckPage.canvas.getByRole('img', { name: 'Rode rechthoek op de kaart' })).toBeVisible();
      await expect(deckPage.canvas.getByText(w.missing)).toBeHidden();
    } finally {
      await page.context().close();
    }
  });
}

test('a small image is not enlarged; keyboard and handle sizes persist and reach a second browser; alignment; crop to slide', async ({ browser }) => {
  test.setTimeout(90_000);
  const w = WORDS.nl;
  const page = await signedInPage(browser, w.locale);
  const other = await signedInPage(browser, w.locale);
  try {
    const src = await uploadImage(page, SMALL_PNG);
    const deckId = await importDeck(page, uniqueTitle('E2E maten'), ['## Maten', '', `![Rode rechthoek](${src})`, '', 'Tekst onder de afbeelding.']);
    const editor = new DeckPage(page, 'nl');
    const second = new DeckPage(other, 'nl');
    await editor.goto(deckId);
    await second.goto(deckId);
    const image = editor.canvas.getByRole('img', { name: 'Rode rechthoek' });
    const seen = second.canvas.getByRole('img', { name: 'Rode rechthoek' });
    await expect(image).toHaveJSProperty('complete', true);

    // Natural size on the 1280-px slide, whatever the canvas's width: 120 of 1280, not the column.
    await expect.poll(async () => {
      const box = await boxOnSlide(image);
      return Math.round((box.width / box.slideWidth) * 1280);
    }).toBe(120);

    // Selected: the panel beside it, not over it.
    await image.click();
    const panel = page.getByRole('group', { name: w.panel });
    await expect(panel).toBeVisible();
    const [imageBox, panelBox] = [await image.boundingBox(), await panel.boundingBox()];
    expect(panelBox!.y >= imageBox!.y + imageBox!.height || panelBox!.y + panelBox!.height <= imageBox!.y).toBe(true);
    await shot(page, 'selected-panel');

    // Keyboard: Alt+Shift+ArrowRight, one step up from its natural share (10.8 %) to 20 %; announced.
    await page.keyboard.press('Alt+Shift+ArrowRight');
    await expect(page.getByRole('status').filter({ hasText: w.width(20) })).toBeAttached();
    await expect.poll(() => share(image)).toBeCloseTo(20, 0);
    await expect.poll(() => share(seen)).toBeCloseTo(20, 0);
    await panel.getByRole('button', { name: w.larger }).click();
    await expect.poll(() => share(image)).toBeCloseTo(30, 0);
    await expect.poll(() => share(seen)).toBeCloseTo(30, 0);

    // The corner handle: dragged 10 % of the column to the right → 40 %.
    const handle = editor.canvas.locator('[data-media-handle="right"]');
    await expect(handle).toBeVisible();
    const { columnWidth } = await boxOnSlide(image);
    const start = (await handle.boundingBox())!;
    await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await page.mouse.down();
    await page.mouse.move(start.x + start.width / 2 + columnWidth * 0.05, start.y + 2, { steps: 4 });
    await page.mouse.move(start.x + start.width / 2 + columnWidth * 0.1, start.y + 4, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => share(image)).toBeCloseTo(40, 0);
    await expect.poll(() => share(seen)).toBeCloseTo(40, 0);

    // Centred: aria-pressed, and the image's middle is the column's middle, in both browsers.
    await image.click();
    await panel.getByRole('button', { name: w.center }).click();
    await expect(panel.getByRole('button', { name: w.center })).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByRole('button', { name: w.left })).toHaveAttribute('aria-pressed', 'false');
    for (const img of [image, seen]) {
      await expect.poll(async () => {
        const box = await boxOnSlide(img);
        return Math.abs(box.left + box.width / 2 - box.columnWidth / 2) < 1.5;
      }).toBe(true);
    }
    await shot(page, 'centred-40');
    await shot(other, 'centred-40-second');

    // Kept: after a reload the width and alignment are the same.
    await page.reload();
    await expect(image).toHaveJSProperty('complete', true);
    await expect.poll(() => share(image)).toBeCloseTo(40, 0);
    const afterReload = await boxOnSlide(image);
    expect(Math.abs(afterReload.left + afterReload.width / 2 - afterReload.columnWidth / 2)).toBeLessThan(1.5);

    // Smaller by keyboard from the panel's button: 30 %.
    await image.click();
    await panel.getByRole('button', { name: w.smaller }).click();
    await expect.poll(() => share(seen)).toBeCloseTo(30, 0);

    // Crop to slide: the image fills the whole slide behind the text.
    await panel.getByRole('button', { name: w.cover }).click();
    await expect(panel.getByRole('button', { name: w.cover })).toHaveAttribute('aria-pressed', 'true');
    for (const img of [image, seen]) {
      await expect.poll(() => img.evaluate((el) => {
        const slide = el.closest('.slide')!.getBoundingClientRect();
        const box = el.getBoundingClientRect();
        return [Math.round(box.width - slide.width), Math.round(box.height - slide.height), getComputedStyle(el).objectFit];
      })).toEqual([0, 0, 'cover']);
    }
    await expect(editor.canvas.getByText('Tekst onder de afbeelding.')).toBeVisible();
    await shot(page, 'cover');
  } finally {
    await page.context().close();
    await other.context().close();
  }
});

test('the print page draws a small image at its natural 120 px and a sized one at its share', async ({ signedInPage: page }) => {
  const src = await uploadImage(page, SMALL_PNG);
  const photo = await uploadImage(page, PHOTO_PNG);
  const deckId = await importDeck(page, uniqueTitle('E2E maten print'), ['## Maten', '', `![Klein](${src})`, '', `![Foto](${photo}){width=50% align=right}`]);
  await page.goto(`/decks/${deckId}/print`);
  await expect(page.locator('[data-print-ready]')).toBeAttached({ timeout: 20_000 });
  const small = page.getByRole('img', { name: 'Klein' });
  expect(Math.round((await small.boundingBox())!.width)).toBe(120);
  const sized = await boxOnSlide(page.getByRole('img', { name: 'Foto' }));
  expect((sized.width / sized.columnWidth) * 100).toBeCloseTo(50, 0);
  expect(Math.abs(sized.left + sized.width - sized.columnWidth)).toBeLessThan(1.5);
  await shot(page, 'print');
});

test('a chart takes a width and an alignment from its panel, and keeps them (English)', async ({ browser }) => {
  const w = WORDS.en;
  const page = await signedInPage(browser, w.locale);
  try {
    const deckId = await importDeck(page, uniqueTitle('E2E grafiekmaat'), ['## Cijfers', '', '```chart', 'stat: interviews.total', 'view: bar', 'width: 50%', '```']);
    const editor = new DeckPage(page, 'en');
    await editor.goto(deckId);
    const chart = editor.canvas.locator('.react-renderer.node-chart');
    await expect.poll(() => share(chart)).toBeCloseTo(50, 0);
    // Selected from the keyboard: from the end of the heading, one line down.
    await editor.canvas.getByRole('heading', { name: 'Cijfers' }).click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowDown');
    const panel = page.getByRole('group', { name: w.chartPanel });
    await expect(panel).toBeVisible();
    await panel.getByRole('button', { name: w.larger }).click();
    await expect.poll(() => share(chart)).toBeCloseTo(60, 0);
    await panel.getByRole('button', { name: w.right }).click();
    await expect(panel.getByRole('button', { name: w.right })).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => {
      const box = await boxOnSlide(chart);
      return Math.abs(box.left + box.width - box.columnWidth) < 1.5;
    }).toBe(true);
    await shot(page, 'chart-right-60');
    await page.reload();
    await expect.poll(() => share(chart)).toBeCloseTo(60, 0);
  } finally {
    await page.context().close();
  }
});
