/**
 * #17 Text: an analyst selects text and makes it larger, colours it, highlights it, centres
 * it and sets its line spacing from the toolbar (mouse, keyboard and shortcuts, in Dutch and
 * English). The formatting stays after a reload, reaches a second browser at once, and the
 * presenter view draws it the same; colours are the theme's (Nacht, Hoog contrast).
 */
import type { Browser, Page } from '@playwright/test';
import { expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

const WORDS = {
  nl: {
    locale: 'nl-NL',
    larger: 'Groter',
    smaller: 'Kleiner',
    size: 'Tekstgrootte',
    colour: 'Tekstkleur',
    colourMenu: 'Tekstkleuren',
    accent: 'Accent',
    highlight: 'Markeren',
    highlightMenu: 'Markeerkleuren',
    accent2: 'Tweede accent',
    noColour: 'Geen kleur',
    centre: 'Centreren',
    spacing: 'Regelafstand',
    presented: /^Dia \d+ van \d+$/,
  },
  en: {
    locale: 'en-GB',
    larger: 'Increase font size',
    smaller: 'Decrease font size',
    size: 'Font size',
    colour: 'Text colour',
    colourMenu: 'Text colours',
    accent: 'Accent',
    highlight: 'Highlight',
    highlightMenu: 'Highlight colours',
    accent2: 'Second accent',
    noColour: 'No colour',
    centre: 'Centre',
    spacing: 'Line spacing',
    presented: /^Slide \d+ of \d+$/,
  },
} as const;

/** Each run's theme: its accent (text colour) as the browser reports it. */
const THEMES = {
  nl: { theme: 'nacht', accent: 'rgb(92, 200, 255)' },
  en: { theme: 'contrast', accent: 'rgb(255, 210, 63)' },
} as const;

const FINDING = 'Belangrijke bevinding in de wijk';

async function importDeck(page: Page, title: string, theme: string): Promise<string> {
  const file = ['---', 'format: tussenstand/1', `title: ${title}`, `theme: ${theme}`, 'language: nl', '---', '', '## Stand van zaken', '', FINDING, '', 'Gewone tekst eronder.', ''].join('\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A signed-in browser of its own, in `locale`, on the deck's editor (importing the deck first when `theme` is given). */
async function openAs(browser: Browser, locale: string, language: 'nl' | 'en', deck: { id: string } | { theme: string; title: string }) {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await signInViaApi(page);
  const deckId = 'id' in deck ? deck.id : await importDeck(page, deck.title, deck.theme);
  const editor = new DeckPage(page, language);
  await editor.goto(deckId);
  return { page, editor, deckId, close: () => context.close() };
}

for (const language of ['nl', 'en'] as const) {
  test(`text is sized, coloured, highlighted, centred and spaced from the toolbar; it stays, reaches a second browser and the presenter (${language})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const w = WORDS[language];
    const { theme, accent } = THEMES[language];
    const first = await openAs(browser, w.locale, language, { theme, title: uniqueTitle(`E2E tekstopmaak ${language}`) });
    const { page, editor, deckId } = first;
    let second: Awaited<ReturnType<typeof openAs>> | null = null;
    try {
      const paragraph = editor.canvas.locator('p', { hasText: FINDING });
      // Select the finding: click at its end, then Shift+Home.
      await paragraph.click();
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');

      const tb = editor.toolbar;
      const size = tb.getByRole('combobox', { name: w.size, exact: true });
      await expect(size).toHaveValue('100');
      await tb.getByRole('button', { name: w.larger, exact: true }).click();
      await expect(size).toHaveValue('125');
      // Google Slides' shortcuts: Ctrl+Shift+> larger, Ctrl+Shift+< smaller.
      await page.keyboard.press('ControlOrMeta+Shift+Period');
      await expect(size).toHaveValue('150');
      await page.keyboard.press('ControlOrMeta+Shift+Period');
      await expect(size).toHaveValue('200');
      await page.keyboard.press('ControlOrMeta+Shift+Comma');
      await expect(size).toHaveValue('150');

      // Text colour with the mouse: a menu of the theme's palette.
      await tb.getByRole('button', { name: w.colour, exact: true }).click();
      const colours = page.getByRole('menu', { name: w.colourMenu });
      await expect(colours.getByRole('menuitemradio', { name: w.noColour })).toHaveAttribute('aria-checked', 'true');
      await colours.getByRole('menuitemradio', { name: w.accent, exact: true }).click();
      await expect(colours).toBeHidden();

      // Highlight with the keyboard: Enter opens, the arrows move, Enter picks.
      // The toolbar's arrow keys reach it from the colour button; Escape closes a menu back to its button.
      const highlightButton = tb.getByRole('button', { name: w.highlight, exact: true });
      await tb.getByRole('button', { name: w.colour, exact: true }).focus();
      await page.keyboard.press('ArrowRight');
      await expect(highlightButton).toBeFocused();
      await page.keyboard.press('Enter');
      const highlights = page.getByRole('menu', { name: w.highlightMenu });
      await expect(highlights).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(highlights).toBeHidden();
      await expect(highlightButton).toBeFocused();
      await expect(highlightButton).toHaveAttribute('aria-expanded', 'false');
      await page.keyboard.press('Enter');
      await expect(highlights.getByRole('menuitemradio').first()).toBeFocused();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await expect(highlights.getByRole('menuitemradio', { name: w.accent2 })).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(highlights).toBeHidden();

      const centre = tb.getByRole('button', { name: w.centre, exact: true });
      await centre.click();
      await expect(centre).toHaveAttribute('aria-pressed', 'true');
      await tb.getByRole('combobox', { name: w.spacing }).selectOption('1.5');

      /** What a reader sees: the finding larger than the text under it, in the accent, highlighted, centred, spaced. */
      const expectFormatted = async (root: ReturnType<Page['locator']>) => {
        const finding = root.locator('p', { hasText: FINDING });
        await expect(finding).toHaveCSS('text-align', 'center');
        const run = finding.locator('[data-size="150"]');
        await expect(run).toContainText(FINDING);
        await expect(finding.locator('[data-color="accent"]')).toHaveCSS('color', accent);
        await expect(finding.locator('[data-highlight="accent2"]')).not.toHaveCSS('background-color', 'rgba(0, 0, 0, 0)');
        const plain = Number.parseFloat(await root.locator('p', { hasText: 'Gewone tekst' }).evaluate((el) => getComputedStyle(el).fontSize));
        const big = Number.parseFloat(await run.evaluate((el) => getComputedStyle(el).fontSize));
        expect(big / plain).toBeCloseTo(1.5, 1);
        const lineHeight = Number.parseFloat(await finding.evaluate((el) => getComputedStyle(el).lineHeight));
        const ownSize = Number.parseFloat(await finding.evaluate((el) => getComputedStyle(el).fontSize));
        expect(lineHeight / ownSize).toBeCloseTo(1.8, 1);
      };
      await expectFormatted(editor.canvas);
      // The thumbnail (the read-only renderer) draws it too.
      await expect(editor.slide(0).locator('[data-color="accent"] [data-highlight="accent2"]')).toHaveText(FINDING);

      // A second browser sees it at once; after a reload the first still has it, and the toolbar says so.
      second = await openAs(browser, w.locale, language, { id: deckId });
      await expectFormatted(second.editor.canvas);
      await page.reload();
      await expect(editor.canvas).toBeVisible();
      await expectFormatted(editor.canvas);
      await editor.canvas.locator('[data-size="150"]').click();
      await expect(size).toHaveValue('150');
      await expect(tb.getByRole('button', { name: w.centre, exact: true })).toHaveAttribute('aria-pressed', 'true');
      await expect(tb.getByRole('combobox', { name: w.spacing })).toHaveValue('1.5');

      // The presenter view draws the same slide.
      await second.page.goto(`/decks/${deckId}/present`);
      const presented = second.page.getByRole('region', { name: w.presented });
      await expect(presented).toBeVisible();
      await expectFormatted(presented);

      // "No colour" takes the colour off again, for everyone.
      await page.keyboard.press('End');
      await page.keyboard.press('Shift+Home');
      await tb.getByRole('button', { name: w.colour, exact: true }).click();
      await page.getByRole('menu', { name: w.colourMenu }).getByRole('menuitemradio', { name: w.noColour }).click();
      await expect(editor.canvas.locator('[data-color]')).toHaveCount(0);
      await expect(presented.locator('[data-color]')).toHaveCount(0);
      await expect(presented.locator('[data-size="150"]')).toHaveText(FINDING);
    } finally {
      await second?.close();
      await first.close();
    }
  });
}
