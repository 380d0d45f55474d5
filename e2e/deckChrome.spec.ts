/**
 * #17: a deck's footer text, classification marking, date, slide number and logo, set once in
 * the editor's "Voettekst en logo" dialog, are on every slide: the canvas and thumbnails, a
 * co-editor's presenter page, an attendee's phone and the PDF. Through the UI, in Dutch and
 * English; the API only sets the scene (a deck, a link, the session).
 */
import fs from 'node:fs';
import { devices, type Browser, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { expectNoSeriousViolations } from './axe.ts';
import { createDeckViaApi, expect, exportPdfFromMenu, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { pdfTexts } from './pdfPages.ts';

const WORDS = {
  nl: {
    locale: 'nl-NL',
    open: 'Voettekst en logo',
    text: 'Voettekst',
    classification: 'Rubricering',
    marking: 'Departementaal vertrouwelijk',
    date: 'Datum op elke dia',
    numbers: 'Dianummer op elke dia',
    logo: 'Logo',
    done: 'Klaar',
    removeLogo: 'Logo verwijderen',
    today: new Intl.DateTimeFormat('nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }),
  },
  en: {
    locale: 'en-GB',
    open: 'Footer and logo',
    text: 'Footer text',
    classification: 'Classification',
    marking: 'Departmental confidential',
    date: 'Date on every slide',
    numbers: 'Slide number on every slide',
    logo: 'Logo',
    done: 'Done',
    removeLogo: 'Remove logo',
  },
} as const;

/** A 120×40 logo in two colours, as an analyst would upload. */
function logoFile(file: string): string {
  const png = new PNG({ width: 120, height: 40 });
  for (let i = 0; i < 120 * 40; i++) png.data.set(i % 120 < 60 ? [21, 66, 115, 255] : [1, 104, 155, 255], i * 4);
  fs.writeFileSync(file, PNG.sync.write(png));
  return file;
}

async function newContextPage(browser: Browser, locale: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await signInViaApi(page);
  return page;
}

for (const language of ['nl', 'en'] as const) {
  test(`footer, marking, date, number and logo on every slide, for everyone (${language})`, async ({ browser }, testInfo) => {
    test.setTimeout(120_000);
    const w = WORDS[language];
    const page = await newContextPage(browser, w.locale);
    const other = await newContextPage(browser, 'nl-NL');
    const phone = await browser.newContext({ ...devices['Pixel 7'], locale: w.locale, timezoneId: 'Europe/Amsterdam' });
    try {
      const title = uniqueTitle(`E2E voettekst ${language}`);
      const deck = await createDeckViaApi(page.request, title);
      const editor = new DeckPage(page, language);
      await editor.goto(deck.id);
      await editor.addSlide.click();
      await expect(editor.slides).toHaveCount(2);

      // The co-editor's presenter page is open before anything is set.
      await other.goto(`/decks/${deck.id}/present`);
      const presenterSlide = other.locator('.reveal .slides section.present .slide');
      await expect(presenterSlide).toBeVisible();
      await expect(presenterSlide.locator('[data-slide-footer]')).toHaveCount(0);

      await page.getByRole('button', { name: w.open }).click();
      const dialog = page.getByRole('dialog', { name: w.open });
      await dialog.getByLabel(w.text, { exact: true }).fill('Tussenstand spoor 3 · RIEC');
      await dialog.getByLabel(w.classification).selectOption({ label: w.marking });
      await dialog.getByLabel(w.date).check();
      await dialog.getByLabel(w.numbers).check();
      await dialog.getByLabel(w.logo, { exact: true }).setInputFiles(logoFile(testInfo.outputPath('logo.png')));
      await expect(dialog.getByRole('button', { name: w.removeLogo })).toBeVisible();
      await expectNoSeriousViolations(page);
      await dialog.getByRole('button', { name: w.done }).click();
      await expect(dialog).toBeHidden();

      // The canvas (slide 2 is selected) and both thumbnails carry it, each with its own number;
      // the marking and the date in the deck's language (Dutch), whatever the UI speaks.
      const today = WORDS.nl.today.format(new Date());
      const canvasFooter = page.locator('.stage [data-slide-footer]');
      await expect(canvasFooter).toContainText('Tussenstand spoor 3 · RIEC');
      await expect(canvasFooter).toContainText(WORDS.nl.marking);
      await expect(canvasFooter).toContainText(today);
      await expect(canvasFooter.locator('.slide__number')).toHaveText('2');
      await expect(editor.slide(0).locator('.slide__number')).toHaveText('1');
      await expect(page.locator('.stage .slide__logo')).toHaveJSProperty('complete', true);

      // The co-editor's presenter page follows without a reload.
      await expect(presenterSlide.locator('[data-slide-footer]')).toContainText('Tussenstand spoor 3 · RIEC');
      await expect(presenterSlide.locator('.slide__number')).toHaveText('1');

      // An attendee on a phone: the footer and the logo, fetched with the link's token.
      const link = await page.request.post(`/api/decks/${deck.id}/links`, { data: { label: 'OM' } });
      const { url } = (await link.json()) as { url: string };
      expect((await page.request.post(`/api/decks/${deck.id}/presentation/start`)).status()).toBe(200);
      const attendee = await phone.newPage();
      await attendee.goto(url);
      const attendeeSlide = attendee.locator('.attendee-slide .slide');
      await expect(attendeeSlide.locator('[data-slide-footer]')).toContainText('Tussenstand spoor 3 · RIEC');
      await expect(attendeeSlide.locator('.slide__number')).toHaveText('1');
      await expect.poll(() => attendeeSlide.locator('.slide__logo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(120);
      await page.request.post(`/api/decks/${deck.id}/presentation/stop`, { data: {} });

      // The PDF, from the editor's export menu: every page has the footer, the marking and its number.
      const pages = await pdfTexts(await exportPdfFromMenu(page, testInfo.outputPath('footer.pdf')));
      expect(pages).toHaveLength(2);
      for (const [i, text] of pages.entries()) {
        const flat = text.replace(/\s+/g, ' ');
        expect(flat, `page ${i + 1}`).toContain('Tussenstand spoor 3 · RIEC');
        // The deck is Dutch: its marking is printed in Dutch whatever the UI speaks.
        expect(flat).toContain('DEPARTEMENTAAL VERTROUWELIJK');
        expect(flat).toMatch(new RegExp(`(^| )${i + 1}( |$)`));
      }
    } finally {
      await page.context().close();
      await other.context().close();
      await phone.close();
    }
  });
}
