/**
 * Opening a slide changes nothing (issue #14): every deck file the tests, templates and
 * examples hold is imported, each of its slides opened in the editor and walked through with
 * the arrow keys, Home and End, and the deck's Markdown export is byte for byte what it was
 * right after the import. Before the fix the editor's schema had no code block, and
 * y-prosemirror deleted every imported code block from the shared document the moment its
 * slide was opened. Also: a code block is highlighted in the editor and survives typing
 * beside it, and an image from another site is a visible placeholder.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

const ROOT = path.join(import.meta.dirname, '..');

/** The .md files in `dir`, in subfolders too when `recursive` (new fixtures arrive in subfolders). */
function markdownFiles(dir: string, recursive: boolean): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return (fs.readdirSync(path.join(ROOT, dir), { recursive }) as string[])
    .filter((file) => file.endsWith('.md'))
    .map((file) => path.join(dir, file))
    .sort();
}

const DECK_FILES = [...markdownFiles('test/fixtures/decks', true), ...markdownFiles('decks/templates', false), ...markdownFiles('decks/examples', false)];

const CODE_DECK = [
  '# Code in een dia',
  '',
  'Een alinea.',
  '',
  '```ts',
  'const stand: number = 42; // de tussenstand',
  '```',
  '',
  '![Een kaart van elders](https://example.org/kaart.png)',
  '',
  '---',
  '',
  // A slide that is one code block, first and last: where arrow keys used to add a paragraph.
  '```python',
  'print("tussenstand")',
  '```',
  '',
].join('\n');

async function importDeck(page: Page, markdown: string | Buffer): Promise<{ id: string; slideCount: number }> {
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(markdown) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; slideCount: number };
}

async function exportMarkdown(page: Page, deckId: string): Promise<string> {
  const response = await page.request.get(`/api/decks/${deckId}/export.md`);
  expect(response.status()).toBe(200);
  return response.text();
}

/**
 * Clicks into an editor (its top-left corner: never on a chart's controls or a link) and
 * moves the cursor through it: to the start, down a few lines, to a line's end, to the end
 * of everything and back up. Cursor keys at the edge of a code block or beside a chart or an
 * image are exactly where an editor tends to insert a paragraph of its own.
 */
async function walkThrough(page: Page, editor: Locator, keys: readonly string[]): Promise<void> {
  await editor.click({ position: { x: 3, y: 3 } });
  await expect(editor).toBeFocused();
  for (const key of keys) await page.keyboard.press(key);
}

// Few keys: each is a round trip to the browser, and the file runs in CI with all the others.
const CONTENT_KEYS = ['ControlOrMeta+Home', 'ArrowUp', 'ArrowDown', 'ArrowDown', 'End', 'ArrowRight', 'ControlOrMeta+End', 'ArrowDown', 'ArrowUp', 'Home'] as const;
const NOTES_KEYS = ['ControlOrMeta+End', 'ArrowRight', 'ArrowUp'] as const;

/**
 * Waits until the server has stored everything this page sent so far: a theme change goes
 * over the same socket after it, and the export shows it only once it (and so everything
 * before it) is stored. The theme is then put back.
 */
const POLL = [50, 100, 200, 400];

async function waitForServer(page: Page, deckPage: DeckPage, deckId: string): Promise<void> {
  const theme = await deckPage.theme.inputValue();
  const other = theme === 'contrast' ? 'noord' : 'contrast';
  await deckPage.theme.selectOption(other);
  await expect.poll(async () => (await exportMarkdown(page, deckId)).includes(`theme: ${other}`), { intervals: POLL }).toBe(true);
  await deckPage.theme.selectOption(theme);
  await expect.poll(async () => (await exportMarkdown(page, deckId)).includes(`theme: ${theme}`), { intervals: POLL }).toBe(true);
}

test.describe('opening every slide leaves the deck as it was', () => {
  for (const file of [...DECK_FILES, 'a deck with a code block']) {
    test(file, async ({ signedInPage: page, deckPage }) => {
      const { id, slideCount } = await importDeck(page, file.endsWith('.md') ? fs.readFileSync(path.join(ROOT, file)) : CODE_DECK);
      // About a second per slide on a loaded CI machine.
      test.setTimeout(20_000 + slideCount * 2_500);
      const before = await exportMarkdown(page, id);

      await deckPage.goto(id);
      await expect(deckPage.slides).toHaveCount(slideCount);
      for (let i = 0; i < slideCount; i++) {
        await deckPage.slide(i).click();
        await expect(deckPage.slide(i)).toHaveAttribute('aria-selected', 'true');
        await expect(deckPage.canvas).toHaveAccessibleName(`Inhoud van dia ${i + 1}`);
        await walkThrough(page, deckPage.canvas, CONTENT_KEYS);
        await walkThrough(page, deckPage.notes, NOTES_KEYS);
      }
      await waitForServer(page, deckPage, id);
      expect(await exportMarkdown(page, id)).toBe(before);
    });
  }
});

test('a code block is highlighted in the editor and kept when its slide is edited; a remote image is a placeholder', async ({ signedInPage: page, deckPage }) => {
  const { id } = await importDeck(page, CODE_DECK);
  const before = await exportMarkdown(page, id);
  expect(before).toContain('```ts\nconst stand: number = 42; // de tussenstand\n```');

  await deckPage.goto(id);
  const code = deckPage.canvas.locator('pre.code-block > code.language-ts');
  await expect(code).toHaveText('const stand: number = 42; // de tussenstand');
  await expect(code.locator('.hljs-keyword').first()).toHaveText('const');
  await expect(code.locator('.hljs-comment')).toHaveText('// de tussenstand');
  // Monospace, without ligatures.
  expect(await code.evaluate((el) => getComputedStyle(el).fontVariantLigatures)).toBe('none');
  // The thumbnail draws it the same way (once the highlighter has loaded there too).
  await expect(deckPage.slide(0).locator('pre.code-block .hljs-keyword').first()).toHaveText('const');

  // The image from another site: its description and address, in the editor and the thumbnail.
  const placeholder = deckPage.canvas.locator('.image-remote');
  await expect(placeholder).toContainText('Afbeelding van een andere website');
  await expect(placeholder).toContainText('Een kaart van elders');
  await expect(placeholder).toContainText('https://example.org/kaart.png');
  await expect(deckPage.slide(0).locator('.image-remote')).toContainText('https://example.org/kaart.png');

  await deckPage.canvas.getByText('Een alinea.').click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Meer tekst.');
  await expect.poll(async () => exportMarkdown(page, id), { intervals: POLL }).toContain('Een alinea. Meer tekst.');
  const after = await exportMarkdown(page, id);
  expect(after).toContain('```ts\nconst stand: number = 42; // de tussenstand\n```');
  expect(after).toContain('https://example.org/kaart.png');
  expect(after).toBe(before.replace('Een alinea.', 'Een alinea. Meer tekst.'));
});
