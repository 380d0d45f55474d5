/**
 * Handouts (issue #15) through the deck list's export menu, in Dutch and in English: choose
 * "Handout (PDF)", 3 slides per page with notes lines, download; then read the file back —
 * pdfinfo (A4 portrait, 4 pages for 10 slides, title and author), pdftotext (each slide's
 * title on its sheet, the header and "n / 4" footer) and the outline with pdf-lib (one
 * bookmark per slide, "Dia 5"/"Slide 5" for the slide without a heading, each at its sheet).
 * The notes PDF keeps the title's em dash in its file name.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { APIRequestContext, Download, Locator, Page } from '@playwright/test';
import type { DeckSummary } from '../shared/api.ts';
import { readOutline } from '../server/export/pdfDocument.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test, uniqueTitle } from './fixtures.ts';
import { pdfPageCount, pdfTexts } from './pdfPages.ts';

const run = promisify(execFile);
type Language = 'nl' | 'en';

// The export renders in the server's headless Chromium.
test.describe.configure({ timeout: 60_000 });

const SLIDES = 10;
/** Slide 5 has no heading: its bookmark is "Dia 5" / "Slide 5". */
const slideTitle = (i: number, language: Language) => (i === 4 ? null : `${language === 'en' ? 'Topic' : 'Onderwerp'} ${i + 1} — é 中間`);

function deckMarkdown(title: string, language: Language): string {
  const slides = Array.from({ length: SLIDES }, (_, i) => {
    const heading = slideTitle(i, language);
    return heading ? `## ${heading}\n\n- punt ${i + 1}\n` : `Alleen tekst op dia ${i + 1}\n`;
  });
  return `---\nformat: tussenstand/1\ntitle: ${title}\ntheme: tussenstand\nperiod: december 2026\nlanguage: ${language}\n---\n\n${slides.join('\n---\n\n')}`;
}

async function importDeck(request: APIRequestContext, title: string, language: Language): Promise<DeckSummary> {
  const response = await request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(deckMarkdown(title, language)) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as DeckSummary;
}

const WORDS = {
  nl: { select: 'Taal', button: 'Exporteren', handout: 'Hand-out (PDF)', perPage: 'Dia’s per pagina', three: '3 dia’s', lines: 'Lijnen voor aantekeningen', start: 'Hand-out maken', done: 'Hand-out (PDF) is klaar en wordt gedownload.', suffix: ' (hand-out, 3 per pagina)', slide: 'Dia', notes: 'PDF met sprekersnotities', notesSuffix: ' (notities)' },
  en: { select: 'Language', button: 'Export', handout: 'Handout (PDF)', perPage: 'Slides per page', three: '3 slides', lines: 'Lines for notes', start: 'Make handout', done: 'Handout (PDF) is ready and is being downloaded.', suffix: ' (handout, 3 per page)', slide: 'Slide', notes: 'PDF with speaker notes', notesSuffix: ' (notes)' },
} as const;

async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/^(Taal|Language)$/).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

async function deckRow(page: Page, title: string): Promise<Locator> {
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await expect(row).toBeVisible();
  return row;
}

async function savedPdf(download: Download): Promise<string> {
  const file = await download.path();
  expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  return file;
}

for (const language of ['nl', 'en'] as const) {
  test(`handout, 3 per page with lines, through the export menu (${language})`, async ({ signedInPage: page }) => {
    const w = WORDS[language];
    const title = uniqueTitle('Tussenstand Spoor 3 — hand-out');
    await importDeck(page.request, title, language);
    await useLanguage(page, language);
    const row = await deckRow(page, title);

    await row.getByRole('button', { name: `${w.button}: ${title}`, exact: true }).click();
    const handoutItem = row.getByRole('button', { name: w.handout, exact: true });
    await handoutItem.click();
    await expect(handoutItem).toHaveAttribute('aria-expanded', 'true');
    const form = row.getByRole('form', { name: w.handout.replace(' (PDF)', '') });
    const group = form.getByRole('group', { name: w.perPage });
    await expect(group.getByRole('radio')).toHaveCount(3);
    // By keyboard: the form's first focus is the checked choice; the arrow keys move within the group.
    await group.getByRole('radio', { name: w.three }).focus();
    await page.keyboard.press('ArrowRight');
    await expect(group.getByRole('radio', { name: `6 ${w.three.slice(2)}` })).toBeChecked();
    await page.keyboard.press('ArrowLeft');
    await expect(group.getByRole('radio', { name: w.three })).toBeChecked();
    const lines = form.getByRole('checkbox', { name: w.lines });
    await lines.check();
    await expectNoSeriousViolations(page);

    const downloading = page.waitForEvent('download', { timeout: 55_000 });
    await form.getByRole('button', { name: w.start }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${title}${w.suffix}.pdf`);
    await expect(row.getByRole('status')).toHaveText(w.done);
    const file = await savedPdf(download);
    fs.copyFileSync(file, test.info().outputPath('handout.pdf'));

    // A4 portrait, 10 slides at 3 per page = 4 sheets; title and author.
    const { stdout: info } = await run('pdfinfo', ['-enc', 'UTF-8', file]);
    // Chromium lays out in CSS pixels: 794×1123 px is 594.96×841.92 pt, which poppler calls A4.
    expect(info).toMatch(/^Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/m);
    expect(info).toMatch(/^Title:\s+(.+)$/m);
    expect(/^Title:\s+(.+)$/m.exec(info)?.[1]).toBe(title);
    expect(info).toMatch(/^Author:\s+\S/m);
    expect(await pdfPageCount(file)).toBe(4);

    const texts = (await pdfTexts(file)).map((t) => t.replace(/\s+/g, ' '));
    for (let i = 0; i < SLIDES; i++) {
      const heading = slideTitle(i, language);
      const sheet = Math.floor(i / 3);
      if (heading) {
        expect(texts[sheet], `slide ${i + 1} on sheet ${sheet + 1}`).toContain(heading);
        for (const [other, text] of texts.entries()) if (other !== sheet) expect(text).not.toContain(`${heading.split(' — ')[0]} —`);
      }
    }
    texts.forEach((text, s) => {
      expect(text).toContain(title);
      // "1 / 4": pdftotext may drop the thin spaces around the slash.
      expect(text).toMatch(new RegExp(`\\b${s + 1} ?/ ?4\\b`));
    });

    // The outline: one bookmark per slide, in order, each at the sheet holding it.
    const outline = await readOutline(fs.readFileSync(file));
    expect(outline).toEqual(Array.from({ length: SLIDES }, (_, i) => ({ title: slideTitle(i, language) ?? `${w.slide} ${i + 1}`, page: Math.floor(i / 3) })));
  });
}

test('the notes PDF keeps the em dash in its file name, and its bookmarks point at the slide pages', async ({ signedInPage: page }) => {
  const title = uniqueTitle('Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs');
  await importDeck(page.request, title, 'nl');
  await useLanguage(page, 'nl');
  const row = await deckRow(page, title);
  await row.getByRole('button', { name: `Exporteren: ${title}`, exact: true }).click();
  const downloading = page.waitForEvent('download', { timeout: 55_000 });
  await row.getByRole('button', { name: WORDS.nl.notes, exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}${WORDS.nl.notesSuffix}.pdf`);
  const file = await savedPdf(download);
  expect(await pdfPageCount(file)).toBe(2 * SLIDES);
  expect((await readOutline(fs.readFileSync(file))).map((e) => e.page)).toEqual(Array.from({ length: SLIDES }, (_, i) => 2 * i));
});

test('the direct endpoint takes the handout as query parameters and names a bad one', async ({ signedInPage: page }) => {
  const deck = await importDeck(page.request, uniqueTitle('Hand-out direct'), 'nl');
  const bad = await page.request.get(`/api/decks/${deck.id}/export.pdf?handout=4`);
  expect(bad.status()).toBe(400);
  const body = (await bad.json()) as { fields?: { field: string }[] };
  expect(body.fields?.map((f) => f.field)).toEqual(['handout']);
  const badJob = await page.request.post(`/api/decks/${deck.id}/exports`, { data: { format: 'pdf', handout: { perPage: 5 } } });
  expect(badJob.status()).toBe(400);
  expect(((await badJob.json()) as { fields?: { field: string }[] }).fields?.map((f) => f.field)).toEqual(['handout.perPage']);

  const response = await page.request.get(`/api/decks/${deck.id}/export.pdf?handout=6&lines=1`, { timeout: 55_000 });
  expect(response.status(), await response.text().catch(() => '')).toBe(200);
  const disposition = response.headers()['content-disposition'] ?? '';
  expect(disposition).toMatch(/filename="Hand-out direct [^"]+ \(hand-out, 6 per pagina\)\.pdf"; filename\*=UTF-8''/);
  const file = test.info().outputPath('direct.pdf');
  fs.writeFileSync(file, await response.body());
  expect(await pdfPageCount(file)).toBe(2);
});
