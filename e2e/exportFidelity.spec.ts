/**
 * The PDF shows what the presenter shows (issue #15): a deck with every layout and every
 * chart kind (e2e/fixtures/every-layout.md) and the seeded example deck, exported as PDF
 * through the deck list's export menu in Dutch and in English, read back with poppler:
 * one page per slide, each slide's title, every chart's title, values and human labels on
 * its own page, no "loading"/"laden" placeholder, `=>` kept, Japanese and emoji as text,
 * the overflowing slide shrunk to fit; and each page's image against the presenter's
 * screenshot of that slide (with controls that prove the bound would catch a missing chart).
 * The "PDF with speaker notes" export follows each slide page with its notes page.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Locator, Page, TestInfo } from '@playwright/test';
import { PNG } from 'pngjs';
import type { DeckSummary, StatResponse } from '../shared/api.ts';
import { statDefinition, type SeriesLabels, type StatValue } from '../shared/statsCatalogue.ts';
import { seriesPointLabel } from '../shared/statLabels.ts';
import { EXAMPLE_DECK_TITLE, expect, findExampleDeck, test, uniqueTitle } from './fixtures.ts';
import { blank, colourAt, pdfPageCount, pdfPageImage, pdfTexts, pixelDifference, readPng, regionDifference, writePng } from './pdfPages.ts';

type Language = 'nl' | 'en';

// Exports render in the server's headless Chromium; each test waits for one or two of them.
test.describe.configure({ timeout: 60_000 });

const FIXTURE = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/every-layout.md'), 'utf8');

/**
 * Pixel comparison, calibrated on this machine (Debian Chromium, poppler, 21 slides).
 * Both images are box-scaled to COMPARE_SIZE and compared with pixelmatch at threshold 0.2.
 *
 * At 640×360 screen and PDF raster differ too much in their text (hinting, subpixel
 * positions): same slide up to 2.94 % of pixels, while a neighbouring slide's page differed
 * by as little as 1.99 % and a slide with its charts blanked by 1.41 % — no bound separates
 * them. At 160×90 the text noise averages out: measured
 *   same slide, whole page            0.01–0.35 %   (max: the title slide, emoji + Japanese)
 *   neighbouring slide's page         2.60–91.8 %   (min: table slide against the code slide)
 *   chart/image area, same slide      0.00–0.08 %
 *   chart/image area blanked          1.18–92.3 %   (min: the thin line chart)
 * hence the bounds below, each with a margin of about 3× to 15× on both sides.
 */
const COMPARE_SIZE = { width: 160, height: 90 } as const;
const SAME_SLIDE_BOUND = 0.01;
const CHART_AREA_BOUND = 0.005;

// ---------------------------------------------------------------------------------------
// The deck as a model: titles, notes and charts per slide, from its Markdown export.

interface ChartSpec {
  stat: string;
  view: string;
}
interface SlideSpec {
  title: string;
  notes: string;
  charts: ChartSpec[];
}

const unescape = (text: string) => text.replace(/\\([\\`*_{}[\]()#+\-.!|>~<&:])/g, '$1');
const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Slides of a deck file in our format (as `export.md` writes it). */
function parseDeck(markdown: string): SlideSpec[] {
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return body
    .split(/\n---\n/)
    .map((raw) => raw.trim())
    .filter((raw) => raw.length > 0)
    .map((raw) => {
      const noteAt = raw.search(/^Note:\s*$/m);
      const content = noteAt >= 0 ? raw.slice(0, noteAt) : raw;
      const notes = noteAt >= 0 ? normalise(unescape(raw.slice(noteAt).replace(/^Note:\s*/, ''))) : '';
      const charts = [...content.matchAll(/```chart\n([\s\S]*?)```/g)].map((m) => ({
        stat: /^stat:\s*(\S+)/m.exec(m[1]!)?.[1] ?? '',
        view: /^view:\s*(\S+)/m.exec(m[1]!)?.[1] ?? '',
      }));
      // The first heading, else the first line of text outside code and comments.
      const withoutCode = content.replace(/```[\s\S]*?```/g, '').replace(/<!--[\s\S]*?-->/g, '');
      const heading = /^#{1,3}\s+(.+)$/m.exec(withoutCode)?.[1];
      const firstLine = withoutCode
        .split('\n')
        .map((line) => line.replace(/^\s*(?:>|[-*]|\d+\.)\s+/, '').replace(/\*\*|__/g, '').trim())
        .find((line) => line.length > 0 && line !== '***');
      const title = normalise(unescape(heading ?? firstLine ?? ''));
      return { title, notes, charts };
    });
}

// ---------------------------------------------------------------------------------------
// What a chart must show, from the statistic's current value.

function formatNumber(value: number, language: Language): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/** A series label as people read it, in `language`: the catalogue's labels (shared/statLabels.ts), the one place they live. */
const humanLabel = (kind: SeriesLabels | undefined, label: string, language: Language): string => seriesPointLabel(kind, label, language);

async function statValue(request: APIRequestContext, key: string): Promise<StatValue> {
  const response = await request.get(`/api/stats/${key}`);
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as StatResponse).value;
}

/** The numbers on a page as pdftotext gives them ("1.234", "12", "3,5"). */
const numbersOn = (text: string): Set<string> => new Set(text.match(/\d+(?:[.,]\d+)*/g) ?? []);

/** Every word of `phrase` is on the page (a chart may wrap a label over lines). */
function hasWords(pageText: string, phrase: string): boolean {
  const page = normalise(pageText).toLocaleLowerCase();
  return phrase
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => page.includes(word));
}

interface ChartExpectation {
  stat: string;
  view: string;
  /** The chart's title, in each language it may be drawn in. */
  titles: string[];
  /** Labels that must be on the page: each entry lists the forms accepted (per language). */
  labels: string[][];
  values: string[];
  /** The raw codes that must not be shown. */
  rawLabels: string[];
}

/**
 * What a chart in the PDF must show. Charts follow the UI language; `languages` lists the
 * ones accepted (the UI's and the deck's), never the raw codes.
 */
function chartExpectation(chart: ChartSpec, value: StatValue, languages: Language[]): ChartExpectation {
  const definition = statDefinition(chart.stat);
  if (!definition) throw new Error(`unknown statistic ${chart.stat}`);
  const main = languages[0]!;
  const titles = languages.map((l) => definition.label[l]);
  if (!Array.isArray(value) || chart.view === 'number') {
    const total = Array.isArray(value) ? value.reduce((s, p) => s + p.value, 0) : value;
    return { stat: chart.stat, view: chart.view, titles, labels: [], values: [formatNumber(total, main)], rawLabels: [] };
  }
  const kind = definition.seriesLabels;
  // Raw codes ("not-analysed", "2025-01") must not show; a code that is also a word of a
  // human label ("analysed" in "Not yet analysed") cannot be told apart, so it is not looked for.
  const humanWords = new Set(value.flatMap((p) => (['nl', 'en'] as const).flatMap((l) => humanLabel(kind, p.label, l).split(/\s+/))));
  const rawLabels = kind === 'track' ? [] : value.map((p) => p.label).filter((l) => humanLabel(kind, l, main) !== l && !humanWords.has(l));
  if (chart.view === 'line') {
    // A line's axis shows its first and last month (ticks between depend on the width).
    const ends = value.length > 0 ? [value[0]!, value[value.length - 1]!] : [];
    return { stat: chart.stat, view: chart.view, titles, labels: ends.map((p) => languages.map((l) => humanLabel(kind, p.label, l))), values: [], rawLabels };
  }
  return {
    stat: chart.stat,
    view: chart.view,
    titles,
    labels: value.map((p) => languages.map((l) => humanLabel(kind, p.label, l))),
    // A bar without a value has no label on it; pie and table show every value.
    values: value.filter((p) => chart.view !== 'bar' || p.value > 0).map((p) => formatNumber(p.value, main)),
    rawLabels,
  };
}

/** The chart's failures on this page (empty when the page shows it). */
function chartProblems(pageText: string, e: ChartExpectation): string[] {
  const problems: string[] = [];
  if (!e.titles.some((t) => hasWords(pageText, t))) problems.push(`title "${e.titles[0]}" missing`);
  for (const forms of e.labels) if (!forms.some((f) => hasWords(pageText, f))) problems.push(`label "${forms[0]}" missing`);
  const numbers = numbersOn(pageText);
  for (const v of e.values) if (!numbers.has(v)) problems.push(`value ${v} missing`);
  for (const raw of e.rawLabels) if (new RegExp(`(^|[^\\w-])${raw.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`).test(pageText)) problems.push(`raw label "${raw}" shown`);
  return problems.map((p) => `${e.stat} (${e.view}): ${p}`);
}

// ---------------------------------------------------------------------------------------
// Scene setting through the API; the export itself through the UI.

/** A small picture with areas of colour, as if uploaded by an analyst. */
function testPicture(): Buffer {
  const png = new PNG({ width: 320, height: 180 });
  for (let y = 0; y < 180; y++) {
    for (let x = 0; x < 320; x++) {
      const i = (y * 320 + x) * 4;
      const left = x < 160;
      const top = y < 90;
      png.data[i] = left ? 31 : 210;
      png.data[i + 1] = top ? 128 : 87;
      png.data[i + 2] = left === top ? 192 : 10;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

/** Imports the every-layout fixture under a unique title, with an image uploaded for it. */
async function importEveryLayoutDeck(request: APIRequestContext, title: string): Promise<DeckSummary> {
  // Images belong to a deck: upload to a holder deck, then import the file pointing at it.
  const holder = await request.post('/api/decks', { data: { title: `${title} (beelden)` } });
  expect(holder.status(), await holder.text()).toBe(201);
  const holderDeck = (await holder.json()) as DeckSummary;
  const uploaded = await request.post(`/api/decks/${holderDeck.id}/images`, { headers: { 'content-type': 'image/png' }, data: testPicture() });
  expect(uploaded.status(), await uploaded.text()).toBe(201);
  const { url } = (await uploaded.json()) as { url: string };
  const markdown = FIXTURE.replace(/^title: .*$/m, `title: ${title}`).replace('IMAGE_URL', url);
  const response = await request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(markdown) });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as DeckSummary;
}

const exampleDeck = findExampleDeck;

async function deckSlides(request: APIRequestContext, deckId: string): Promise<SlideSpec[]> {
  const response = await request.get(`/api/decks/${deckId}/export.md`);
  expect(response.status()).toBe(200);
  return parseDeck(await response.text());
}

async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.goto('/');
  const select = page.getByLabel(/^(Taal|Language)$/);
  await select.selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

const MENU = {
  nl: { button: 'Exporteren', pdf: 'PDF', pdfNotes: 'PDF met sprekersnotities' },
  en: { button: 'Export', pdf: 'PDF', pdfNotes: 'PDF with speaker notes' },
} as const;

/** Exports the deck from its row in the deck list, as a user would, and keeps the file. */
async function exportPdfThroughMenu(page: Page, testInfo: TestInfo, title: string, language: Language, notes: boolean): Promise<string> {
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await expect(row).toBeVisible();
  const button = row.getByRole('button', { name: `${MENU[language].button}: ${title}`, exact: true });
  await button.click();
  await expect(button).toHaveAttribute('aria-expanded', 'true');
  const downloading = page.waitForEvent('download', { timeout: 50_000 });
  await row.getByRole('button', { name: notes ? MENU[language].pdfNotes : MENU[language].pdf, exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/\.pdf$/);
  const file = testInfo.outputPath(`${language}${notes ? '-notes' : ''}-${title.replace(/[^\w-]+/g, '_')}.pdf`);
  await download.saveAs(file);
  return file;
}

// ---------------------------------------------------------------------------------------
// The presenter's slides, for the pixel comparison.

const CURRENT = /^(Dia|Slide) (\d+) (van|of) (\d+)$/;

/** Waits until every chart, image and font on the current slide is drawn. */
async function waitForDrawn(slide: Locator): Promise<void> {
  await expect
    .poll(
      () =>
        slide.evaluate(async (el) => {
          await document.fonts.ready;
          const figures = Array.from(el.querySelectorAll('figure.chart-view'));
          const chartsDrawn = figures.every((f) => f.querySelector('svg .recharts-surface, svg, .chart-number, table.chart-table td.chart-table__number') !== null && f.querySelector('[aria-busy="true"]') === null);
          const imagesDrawn = Array.from(el.querySelectorAll('img')).every((img) => img.complete && img.naturalWidth > 0);
          return chartsDrawn && imagesDrawn;
        }),
      { timeout: 10_000 },
    )
    .toBe(true);
}

interface Shot {
  image: PNG;
  /** Chart areas as fractions of the slide (to blank them in a control). */
  chartBoxes: { x: number; y: number; width: number; height: number }[];
}

/** Screenshots of every slide as the presenter shows them, at 1280×720. */
async function presenterShots(page: Page, deckId: string, count: number): Promise<Shot[]> {
  await page.setViewportSize({ width: 1280, height: 720 });
  // No slide transition: reveal.js moves straight to the next slide.
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`/decks/${deckId}/present`);
  const region = page.getByRole('region', { name: CURRENT });
  await expect(region).toBeVisible();
  await expect(region).toHaveAccessibleName(CURRENT);
  // Let the mouse rest outside the slide (no hover effects, no laser).
  await page.mouse.move(0, 0);
  const shots: Shot[] = [];
  for (let n = 1; n <= count; n++) {
    if (n > 1) {
      await page.keyboard.press('ArrowRight');
    } else {
      await region.focus();
    }
    await expect(region).toHaveAccessibleName(new RegExp(`^(Dia|Slide) ${n} (van|of) ${count}$`));
    const slide = region.locator('.slide').first();
    await expect(slide).toBeVisible();
    await waitForDrawn(slide);
    // The slide transition has ended when the slide stops moving (two equal boxes in a row).
    let previous = '';
    await expect
      .poll(async () => {
        const now = JSON.stringify(await slide.boundingBox());
        const still = now === previous;
        previous = now;
        return still;
      })
      .toBe(true);
    const box = (await slide.boundingBox())!;
    const chartBoxes = await slide.locator('figure.chart-view, img').evaluateAll((els, frame) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { x: (r.x - frame.x) / frame.width, y: (r.y - frame.y) / frame.height, width: r.width / frame.width, height: r.height / frame.height };
      }),
    box);
    shots.push({ image: readPng(await slide.screenshot({ animations: 'disabled', caret: 'hide' })), chartBoxes });
  }
  return shots;
}

interface PixelReport {
  deck: string;
  slide: number;
  /** The whole slide against its own page. */
  same: number;
  /** The whole slide against the next (or, for the last, the previous) slide's page. */
  neighbour: number;
  /** Each chart or image area against the same area of its page: as drawn, and blanked out. */
  areas: { same: number; blanked: number }[];
}

/** Each slide's screenshot against its own page, its neighbour's page, and each chart area drawn and blanked. */
async function comparePixels(file: string, shots: Shot[], testInfo: TestInfo, name: string): Promise<PixelReport[]> {
  const { width, height } = COMPARE_SIZE;
  const pages: PNG[] = [];
  for (let i = 0; i < shots.length; i++) pages.push(await pdfPageImage(file, i + 1, 1280, 720));
  const reports: PixelReport[] = [];
  for (let i = 0; i < shots.length; i++) {
    const shot = shots[i]!;
    const page = pages[i]!;
    const same = pixelDifference(shot.image, page, width, height);
    const neighbour = pixelDifference(shot.image, pages[i + 1 < pages.length ? i + 1 : i - 1]!, width, height);
    // The control: the slide as it would look with nothing drawn where its charts and images are.
    const background = colourAt(shot.image, 0.01, 0.5);
    const areas = shot.chartBoxes.map((box) => ({
      same: regionDifference(shot.image, page, box, width, height),
      blanked: regionDifference(blank(shot.image, box, background), page, box, width, height),
    }));
    if (same.ratio >= SAME_SLIDE_BOUND || areas.some((a) => a.same >= CHART_AREA_BOUND)) {
      // For looking at after a failure: the presenter's slide, the PDF page and where they differ.
      const base = testInfo.outputPath(`${name}-slide${i + 1}`);
      writePng(shot.image, `${base}-presenter.png`);
      writePng(page, `${base}-pdf.png`);
      writePng(pixelDifference(shot.image, page, 640, 360).image, `${base}-diff.png`);
    }
    reports.push({ deck: name, slide: i + 1, same: same.ratio, neighbour: neighbour.ratio, areas });
  }
  await testInfo.attach(`${name}-pixels.json`, { body: JSON.stringify(reports, null, 2), contentType: 'application/json' });
  return reports;
}

const percent = (r: number) => `${(r * 100).toFixed(2)} %`;

// ---------------------------------------------------------------------------------------
// Assertions on the text of a PDF.

interface DeckUnderTest {
  name: string;
  slides: SlideSpec[];
}

async function expectPagesShowSlides(request: APIRequestContext, file: string, deck: DeckUnderTest, languages: Language[]): Promise<string[]> {
  expect(await pdfPageCount(file), `${deck.name}: one page per slide`).toBe(deck.slides.length);
  const texts = await pdfTexts(file);
  const problems: string[] = [];
  for (const [i, slide] of deck.slides.entries()) {
    const text = texts[i]!;
    const where = `${deck.name} page ${i + 1}`;
    if (!normalise(text).includes(slide.title)) problems.push(`${where}: title "${slide.title}" missing`);
    if (/\b(loading|laden)\b/i.test(text)) problems.push(`${where}: shows a loading placeholder`);
    for (const chart of slide.charts) {
      const e = chartExpectation(chart, await statValue(request, chart.stat), languages);
      problems.push(...chartProblems(text, e).map((p) => `${where}: ${p}`));
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------

/** The fixture's own checks: `=>` kept, Japanese and emoji as text, the overflowing slide shrunk to fit. */
async function fixtureProblems(file: string, slides: SlideSpec[]): Promise<string[]> {
  const texts = await pdfTexts(file);
  const at = (slideTitle: string) => texts[slides.findIndex((s) => s.title === slideTitle)] ?? '';
  const problems: string[] = [];
  const code = at('Code met een pijl');
  if (!code.includes('=>')) problems.push('code page: "=>" missing');
  if (/[⇒⟹]/.test(code)) problems.push('code page: "=>" drawn as a ligature arrow');
  const cover = at('Elke opmaak in één deck');
  if (!cover.includes('中間報告のテスト')) problems.push('title page: Japanese text missing');
  if (!cover.includes('📊')) problems.push('title page: emoji missing');
  // Shrink to fit: the sixteenth line is on the page (clipped text is not in the PDF).
  if (!at('Veel te veel tekst').includes('Regel zestien, de laatste van de lijst')) problems.push('overflowing slide: its last line is cut off');
  return problems;
}

test('PDF in Dutch: every slide, chart, label and character is on its page, and each page looks like the presenter’s slide', async ({ signedInPage: page }, testInfo) => {
  const title = uniqueTitle('E2E exportgetrouwheid');
  const deck = await importEveryLayoutDeck(page.request, title);
  const example = await exampleDeck(page.request);
  const fixture: DeckUnderTest = { name: 'every-layout', slides: await deckSlides(page.request, deck.id) };
  const seeded: DeckUnderTest = { name: 'example', slides: await deckSlides(page.request, example.id) };
  expect(fixture.slides).toHaveLength(11);
  expect(seeded.slides).toHaveLength(10);

  const file = await exportPdfThroughMenu(page, testInfo, title, 'nl', false);
  const exampleFile = await exportPdfThroughMenu(page, testInfo, EXAMPLE_DECK_TITLE, 'nl', false);
  const problems = [
    ...(await expectPagesShowSlides(page.request, file, fixture, ['nl'])),
    ...(await fixtureProblems(file, fixture.slides)),
    ...(await expectPagesShowSlides(page.request, exampleFile, seeded, ['nl'])),
  ];
  // Soft, so that the pixel comparison below reports on the same files too.
  expect.soft(problems, problems.join('\n')).toEqual([]);

  // Pixels: each page against the presenter's slide.
  const reports = [
    ...(await comparePixels(file, await presenterShots(page, deck.id, fixture.slides.length), testInfo, fixture.name)),
    ...(await comparePixels(exampleFile, await presenterShots(page, example.id, seeded.slides.length), testInfo, seeded.name)),
  ];
  const table = reports
    .map((r) => `${r.deck} ${r.slide}: same ${percent(r.same)}, neighbour ${percent(r.neighbour)}${r.areas.map((a) => `, area ${percent(a.same)} (blanked ${percent(a.blanked)})`).join('')}`)
    .join('\n');
  for (const r of reports) {
    const which = `${r.deck} slide ${r.slide}`;
    expect(r.same, `${which} differs from its PDF page\n${table}`).toBeLessThan(SAME_SLIDE_BOUND);
    // The bounds are meaningful: another slide's page, or this slide without its charts, exceeds them.
    expect(r.neighbour, `${which}: a neighbour's page is within the bound\n${table}`).toBeGreaterThan(SAME_SLIDE_BOUND);
    for (const area of r.areas) {
      expect(area.same, `${which}: a chart or image differs from its PDF page\n${table}`).toBeLessThan(CHART_AREA_BOUND);
      expect(area.blanked, `${which}: blanking a chart stays within the bound\n${table}`).toBeGreaterThan(CHART_AREA_BOUND);
    }
  }
});

test('PDF in English: every slide and chart is on its page, labels in words', async ({ signedInPage: page }, testInfo) => {
  const title = uniqueTitle('E2E export fidelity');
  const deck = await importEveryLayoutDeck(page.request, title);
  const slides = await deckSlides(page.request, deck.id);
  await useLanguage(page, 'en');
  const file = await exportPdfThroughMenu(page, testInfo, title, 'en', false);
  // Charts in the UI's language or the deck's own (Dutch); raw codes never.
  const problems = [...(await expectPagesShowSlides(page.request, file, { name: 'every-layout', slides }, ['en', 'nl'])), ...(await fixtureProblems(file, slides))];
  expect(problems, problems.join('\n')).toEqual([]);
});

test('PDF with speaker notes: each slide page is followed by its notes page, whose small slide shows the chart', async ({ signedInPage: page }, testInfo) => {
  const title = uniqueTitle('E2E export notities');
  const deck = await importEveryLayoutDeck(page.request, title);
  const slides = await deckSlides(page.request, deck.id);
  const file = await exportPdfThroughMenu(page, testInfo, title, 'nl', true);
  expect(await pdfPageCount(file)).toBe(2 * slides.length);
  const texts = await pdfTexts(file);
  const problems: string[] = [];
  for (const [i, slide] of slides.entries()) {
    const slidePage = texts[2 * i]!;
    const notesPage = texts[2 * i + 1]!;
    if (!normalise(slidePage).includes(slide.title)) problems.push(`page ${2 * i + 1}: title "${slide.title}" missing`);
    if (!normalise(notesPage).includes(slide.notes)) problems.push(`page ${2 * i + 2}: notes "${slide.notes}" missing`);
    if (!normalise(notesPage).includes(slide.title)) problems.push(`page ${2 * i + 2}: the small slide's title "${slide.title}" missing`);
    for (const [pageText, where] of [
      [slidePage, `page ${2 * i + 1}`],
      [notesPage, `page ${2 * i + 2} (notes)`],
    ] as const) {
      if (/\b(loading|laden)\b/i.test(pageText)) problems.push(`${where}: shows a loading placeholder`);
      for (const chart of slide.charts) {
        const e = chartExpectation(chart, await statValue(page.request, chart.stat), ['nl']);
        // On the notes page the slide is small: its title and values must be there; an axis
        // (bar, line) thins out its tick labels there as it would on a small screen.
        const small = where.includes('notes') && (chart.view === 'line' || chart.view === 'bar');
        problems.push(...chartProblems(pageText, small ? { ...e, labels: [] } : e).map((p) => `${where}: ${p}`));
      }
    }
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('HTML export, opened offline: every slide in order, each chart with its labels and values, no loading', async ({ browser, signedInPage: page }, testInfo) => {
  test.setTimeout(120_000);
  const title = uniqueTitle('E2E export html');
  const deck = await importEveryLayoutDeck(page.request, title);
  const slides = await deckSlides(page.request, deck.id);

  // Exported from the deck list's menu, as a user does.
  await page.goto(`/?q=${encodeURIComponent(title)}`);
  const row = page.getByRole('main').getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2, name: title, exact: true }) });
  await row.getByRole('button', { name: `Exporteren: ${title}`, exact: true }).click();
  const downloading = page.waitForEvent('download', { timeout: 60_000 });
  await row.getByRole('button', { name: 'HTML (webpagina)', exact: true }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${title}.html`);
  const file = testInfo.outputPath('deck.html');
  await download.saveAs(file);

  // Opened from disk with the network off: what a reader with the file has.
  const context = await browser.newContext({ offline: true });
  const reader = await context.newPage();
  const errors: string[] = [];
  reader.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  try {
    await reader.goto(`file://${file}`);
    await expect(reader.locator('.reveal.ready')).toBeAttached();
    // Every text node apart (SVG ticks and labels are separate <text> elements), hidden slides included.
    const texts = await reader.locator('.reveal .slides > section').evaluateAll((sections) =>
      sections.map((section) => {
        const parts: string[] = [];
        const walker = document.createTreeWalker(section, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) parts.push(node.textContent ?? '');
        return parts.join(' ').replace(/\s+/g, ' ');
      }),
    );
    expect(texts).toHaveLength(slides.length);
    const problems: string[] = [];
    for (const [i, slide] of slides.entries()) {
      const text = texts[i]!;
      const where = `HTML slide ${i + 1}`;
      if (!normalise(text).includes(slide.title)) problems.push(`${where}: title "${slide.title}" missing`);
      if (/\b(loading|laden)\b/i.test(text)) problems.push(`${where}: shows a loading placeholder`);
      for (const chart of slide.charts) {
        // Offline the chart is as it was drawn at export: the SVG's labels and values are text in the file.
        const e = chartExpectation(chart, await statValue(page.request, chart.stat), ['nl']);
        problems.push(...chartProblems(text, e).map((p) => `${where}: ${p}`));
      }
    }
    expect(problems, problems.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
