/**
 * Shrink text on overflow (client/src/editor/slideFit.ts), in the editor, the sorter's
 * thumbnail and the presenter: the same slide gets the same scale everywhere, every line
 * stays inside the slide, and past the floor the editor says the slide is too full.
 * Driven by typing in the editor, in Dutch and English.
 */
import type { Locator, Page } from '@playwright/test';
import { createDeckViaApi, expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

/** The sorter's word for the same, in the thumbnail's name and badge. */
const SORTER_OVERFULL = { nl: /te vol/, en: /too full/ } as const;

const OVERFULL = {
  nl: 'Deze dia is te vol',
  en: 'This slide is too full',
};

/** The box of the slide frame around `body`, and of the last block inside it. */
async function lastBlockInside(body: Locator): Promise<boolean> {
  return body.evaluate((el) => {
    const frame = el.closest('.slide')!.getBoundingClientRect();
    const last = el.lastElementChild!.getBoundingClientRect();
    const first = el.firstElementChild!.getBoundingClientRect();
    return first.top >= frame.top - 1 && last.bottom <= frame.bottom + 1;
  });
}

const scaleOf = (body: Locator) => body.evaluate((el) => Number((el as HTMLElement).dataset.fit ?? 'NaN'));

async function typeLines(page: Page, canvas: Locator, from: number, to: number, word: string): Promise<void> {
  await canvas.click();
  await page.keyboard.press('ControlOrMeta+End');
  for (let i = from; i <= to; i++) {
    await page.keyboard.press('Enter');
    await page.keyboard.insertText(`${word} ${i} met een paar woorden meer om de regel te vullen`);
  }
}

for (const language of ['nl', 'en'] as const) {
  test.describe(`slide fit (${language})`, () => {
    test.use({ locale: language === 'nl' ? 'nl-NL' : 'en-GB' });

    test(`text that overflows shrinks to fit, the same in editor, thumbnail and presenter; past the floor the editor warns (${language})`, async ({ page }) => {
      await signInViaApi(page);
      const deck = await createDeckViaApi(page.request, uniqueTitle('E2E fit'));
      const editor = new DeckPage(page, language);
      await editor.goto(deck.id);
      await editor.layout.selectOption('title-content');
      await editor.canvas.click();
      await page.keyboard.type(language === 'nl' ? 'Zestien regels' : 'Sixteen lines');
      await page.keyboard.press('Enter');
      await page.keyboard.type('Regel 1 met een paar woorden meer om de regel te vullen');

      // A short slide is not shrunk.
      await expect.poll(() => scaleOf(editor.canvas)).toBe(1);

      await typeLines(page, editor.canvas, 2, 12, 'Regel');
      await expect.poll(() => scaleOf(editor.canvas)).toBeLessThan(1);
      const editorScale = await scaleOf(editor.canvas);
      expect(editorScale).toBeGreaterThanOrEqual(0.6);
      expect(await lastBlockInside(editor.canvas)).toBe(true);
      await expect(page.getByRole('status').filter({ hasText: OVERFULL[language] })).toHaveCount(0);
      await expect(editor.slide(0)).not.toHaveAccessibleName(SORTER_OVERFULL[language]);

      // The sorter's thumbnail of the slide, drawn small, has the same scale.
      const thumbnailBody = editor.slide(0).locator('.slide__body');
      await expect.poll(() => scaleOf(thumbnailBody)).toBe(editorScale);

      // The presenter draws it at another size with the same scale, every line inside.
      const presenter = await page.context().newPage();
      await presenter.setViewportSize({ width: 1280, height: 720 });
      await presenter.goto(`/decks/${deck.id}/present`);
      const shown = presenter.locator('.reveal section.present .slide__body');
      await expect(shown).toContainText('Regel 12');
      await expect.poll(() => scaleOf(shown)).toBe(editorScale);
      expect(await lastBlockInside(shown)).toBe(true);
      await presenter.close();

      // Far too much: at the floor, and the editor says so.
      await typeLines(page, editor.canvas, 13, 40, 'Regel');
      await expect(page.getByRole('status').filter({ hasText: OVERFULL[language] })).toBeVisible();
      expect(await scaleOf(editor.canvas)).toBe(0.6);
      await expect(editor.canvas).toHaveAttribute('data-overfull', 'true');
      // The sorter marks the slide too, in its name and with a visible badge on the thumbnail.
      await expect(editor.slide(0)).toHaveAccessibleName(SORTER_OVERFULL[language]);
      await expect(editor.slide(0).locator('.sorter__overfull')).toHaveText(language === 'nl' ? 'Te vol' : 'Too full');
      await page.screenshot({ path: test.info().outputPath(`overfull-sorter-${language}.png`) });
    });
  });
}
