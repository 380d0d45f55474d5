/**
 * Where the cursor goes in the editor: a new deck opens with it in the first slide's title; a
 * click on a new slide's empty canvas puts it in the empty title, whose prompt stays and which
 * draws no accent rule while empty; switching to a slide that starts with a chart or a table
 * puts no selection where ProseMirror cannot have one.
 */
import type { Locator, Page } from '@playwright/test';
import { createDeckViaApi, expect, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

const WORDS = {
  nl: { newDeck: 'Nieuwe presentatie', titleLabel: 'Titel', create: 'Presentatie maken', titlePrompt: 'Klik om een titel toe te voegen', textPrompt: 'Klik om tekst toe te voegen' },
  en: { newDeck: 'New deck', titleLabel: 'Title', create: 'Create deck', titlePrompt: 'Click to add a title', textPrompt: 'Click to add text' },
} as const;

async function useLanguage(page: Page, language: 'nl' | 'en'): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/^(Taal|Language)$/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** The text of the `::before` placeholder an empty node of the canvas shows, or '' when none. */
const placeholderShown = (canvas: Locator, selector: string): Promise<string> =>
  canvas.locator(selector).evaluate((el) => {
    const content = getComputedStyle(el, '::before').content;
    return content === 'none' || content === 'normal' ? '' : content.replace(/^"|"$/g, '');
  });

for (const language of ['nl', 'en'] as const) {
  const w = WORDS[language];

  test(`"${w.newDeck}" opens the editor with the cursor in the first slide’s title (${language})`, async ({ signedInPage: page }) => {
    const title = uniqueTitle(language === 'nl' ? 'E2E nieuw' : 'E2E new');
    await useLanguage(page, language);
    await page.getByRole('button', { name: w.newDeck, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: w.newDeck });
    await dialog.getByLabel(w.titleLabel).fill(title);
    await dialog.getByRole('button', { name: w.create }).click();

    const deckPage = new DeckPage(page, language);
    await expect(page).toHaveURL(/\/decks\/[^/]+$/);
    await expect(deckPage.canvas).toBeFocused();
    await page.keyboard.type(' 2026');
    await expect(deckPage.canvas.getByRole('heading', { level: 1 })).toHaveText(`${title} 2026`);
  });

  test(`a click on a new slide’s canvas puts the cursor in its empty title; the prompt stays, no accent rule while empty (${language})`, async ({ signedInPage: page }) => {
    const deck = await createDeckViaApi(page.request, uniqueTitle('E2E lege titel'));
    await useLanguage(page, language);
    const deckPage = new DeckPage(page, language);
    await deckPage.goto(deck.id);
    await deckPage.addSlide.click();
    await expect(deckPage.slides).toHaveCount(2);
    const heading = ':scope > h2';
    const body = ':scope > p';
    // Both prompts show before anything is clicked; the empty title draws no accent rule.
    await expect.poll(() => placeholderShown(deckPage.canvas, heading)).toBe(w.titlePrompt);
    await expect.poll(() => placeholderShown(deckPage.canvas, body)).toBe(w.textPrompt);
    await expect(deckPage.canvas.locator(heading)).toHaveCSS('background-image', 'none');

    // A click on the canvas's empty space: the cursor is in the title.
    const box = (await deckPage.canvas.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.75);
    await expect(deckPage.canvas).toBeFocused();
    await page.keyboard.type('Kern');
    await expect(deckPage.canvas.locator(heading)).toHaveText('Kern');
    await expect(deckPage.canvas.locator(body)).toHaveText('');
    // A title with text has its accent rule.
    await expect(deckPage.canvas.locator(heading)).not.toHaveCSS('background-image', 'none');

    // Clearing the title and clicking the body's own line: the cursor goes there, and the
    // title keeps its prompt, without a rule.
    await page.keyboard.press('Shift+Home');
    await page.keyboard.press('Backspace');
    await expect(deckPage.canvas.locator(heading)).toHaveText('');
    await deckPage.canvas.locator(body).click();
    await page.keyboard.type('Tekst');
    await expect(deckPage.canvas.locator(body)).toHaveText('Tekst');
    await expect.poll(() => placeholderShown(deckPage.canvas, heading)).toBe(w.titlePrompt);
    await expect(deckPage.canvas.locator(heading)).toHaveCSS('background-image', 'none');
  });
}

test('switching to slides that start with a chart or a table logs no selection warning', async ({ signedInPage: page }) => {
  const file = `---\nformat: tussenstand/1\ntitle: ${uniqueTitle('E2E selectie')}\n---\n\n` + [
    '## Eerste dia\n\nTekst',
    '```chart\nstat: organisations.nonPartner\nview: number\n```\n\n## Na de grafiek',
    '| a | b |\n| --- | --- |\n| 1 | 2 |\n\nNa de tabel',
    '## Laatste dia',
  ].join('\n\n---\n\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  const deck = (await response.json()) as { id: string };

  const warnings: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
  });
  const deckPage = new DeckPage(page);
  await deckPage.goto(deck.id);
  await expect(deckPage.slides).toHaveCount(4);
  for (const index of [1, 2, 3, 0, 2, 1]) {
    await deckPage.slide(index).click();
    await expect(deckPage.canvas).toHaveAccessibleName(`Inhoud van dia ${index + 1}`);
    await expect(deckPage.canvas).not.toBeEmpty();
  }
  // The editor builds each slide after a frame: give the last one time to complain.
  await page.waitForTimeout(300);
  expect(warnings.filter((w) => /TextSelection|Selection/.test(w))).toEqual([]);
});
