/**
 * #17: a hidden slide is greyed in the sorter, skipped when presenting (and so never reaches
 * an attendee) and left out of the PDF; shown again, it is back. Hidden and shown through the
 * sorter's button, in Dutch and English.
 */
import type { Page } from '@playwright/test';
import { expect, exportPdfFromMenu, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { PresenterView } from './pages/PresentPages.ts';
import { pdfTexts } from './pdfPages.ts';

const WORDS = {
  nl: { locale: 'nl-NL', hide: 'Dia verbergen', hidden: /verborgen/ },
  en: { locale: 'en-GB', hide: 'Hide slide', hidden: /hidden/ },
} as const;

async function importDeck(page: Page, title: string): Promise<string> {
  const file = ['---', 'format: tussenstand/1', `title: ${title}`, 'language: nl', '---', '', '## Eerste dia', '', 'Een', '', '---', '', '## Geheime dia', '', 'Alleen voor de analisten', '', '---', '', '## Derde dia', '', 'Drie', ''].join('\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

for (const language of ['nl', 'en'] as const) {
  test(`a hidden slide is greyed, skipped when presenting and left out of the PDF; shown again it is back (${language})`, async ({ browser }, testInfo) => {
    test.setTimeout(90_000);
    const w = WORDS[language];
    const context = await browser.newContext({ locale: w.locale, timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    try {
      await signInViaApi(page);
      const title = uniqueTitle(`E2E verborgen ${language}`);
      const deckId = await importDeck(page, title);
      const editor = new DeckPage(page, language);
      await editor.goto(deckId);
      await editor.slide(1).click();
      const hide = page.getByRole('button', { name: w.hide });
      await expect(hide).toHaveAttribute('aria-pressed', 'false');
      await hide.click();
      await expect(hide).toHaveAttribute('aria-pressed', 'true');
      await expect(editor.slide(1)).toHaveAccessibleName(w.hidden);
      await expect(editor.slide(0)).not.toHaveAccessibleName(w.hidden);

      // The PDF from the editor's menu: two pages, the hidden slide on neither.
      const pages = await pdfTexts(await exportPdfFromMenu(page, testInfo.outputPath('hidden.pdf')));
      expect(pages).toHaveLength(2);
      expect(pages.join('\n')).not.toContain('Geheime dia');
      expect(pages.join('\n')).toContain('Derde dia');

      // Presenting (a Dutch page object: the presenter's own words are checked in Dutch only).
      if (language === 'nl') {
        const presenter = new PresenterView(page);
        await presenter.goto(deckId);
        await presenter.expectAt(1, 2);
        await presenter.next.click();
        await presenter.expectAt(2, 2);
        await expect(presenter.slide).toContainText('Derde dia');
        await expect(page.getByText('Geheime dia')).toHaveCount(0);
        await editor.goto(deckId);
        await editor.slide(1).click();
      }

      // Shown again: no longer marked, and presented.
      await page.getByRole('button', { name: w.hide }).click();
      await expect(page.getByRole('button', { name: w.hide })).toHaveAttribute('aria-pressed', 'false');
      await expect(editor.slide(1)).not.toHaveAccessibleName(w.hidden);
      await page.goto(`/decks/${deckId}/present`);
      await expect(page.locator('.reveal .slides > section')).toHaveCount(3);
    } finally {
      await context.close();
    }
  });
}
