/**
 * #17 Charts: the selected chart's settings are beside the slide, never over the chart; its
 * period (from/to month) limits the bars drawn, its own title and axis titles are drawn, a
 * palette choice recolours it, and a stacked bar has one colour per series. Driven through
 * the settings panel, in Dutch and in English (UI and deck language alike); the presenter
 * draws the same filtered chart.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { PresenterView } from './pages/PresentPages.ts';

const WORDS = {
  nl: {
    locale: 'nl-NL',
    settings: 'Grafiekinstellingen',
    close: 'Grafiekinstellingen sluiten',
    from: 'Vanaf maand',
    to: 'Tot en met maand',
    march: 'maart 2026',
    may: 'mei 2026',
    title: 'Titel',
    axisTitles: 'Astitels tonen',
    palette: 'Kleuren',
    orange: 'Beginnend met oranje',
    statName: 'Interviews per maand',
    shown: 'Interviews in het voorjaar',
    filtered: /^Interviews in het voorjaar: mrt 2026 3, apr 2026 4, mei 2026 5 \(vastgezet op .+\)$/,
    xAxis: 'Maand',
    yAxis: 'Interviews',
    track1: 'Spoor 1',
    track3: 'Spoor 3',
    stacked: /^Interviews per maand en spoor: jan 2026 3 \(Spoor 1 1, Spoor 3 2\), feb 2026 2 \(Spoor 1 2, Spoor 3 0\)/,
  },
  en: {
    locale: 'en-GB',
    settings: 'Chart settings',
    close: 'Close chart settings',
    from: 'From month',
    to: 'To month',
    march: 'March 2026',
    may: 'May 2026',
    title: 'Title',
    axisTitles: 'Show axis titles',
    palette: 'Colours',
    orange: 'Starting with orange',
    statName: 'Interviews per month',
    shown: 'Spring interviews',
    filtered: /^Spring interviews: Mar 2026 3, Apr 2026 4, May 2026 5 \(frozen on .+\)$/,
    xAxis: 'Month',
    yAxis: 'Interviews',
    track1: 'Track 1',
    track3: 'Track 3',
    stacked: /^Interviews per month by track: Jan 2026 3 \(Track 1 1, Track 3 2\), Feb 2026 2 \(Track 1 2, Track 3 0\)/,
  },
} as const;

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'].map((label, i) => ({ label, value: i + 1 }));
const STACKED = [
  { label: '2026-01', value: 3, parts: [{ label: '1', value: 1 }, { label: '3', value: 2 }] },
  { label: '2026-02', value: 2, parts: [{ label: '1', value: 2 }, { label: '3', value: 0 }] },
  { label: '2026-03', value: 4, parts: [{ label: '1', value: 1 }, { label: '3', value: 3 }] },
];

/** A chart block in the deck file, frozen (by hand) at `value` so what it draws is known. */
const chartFence = (stat: string, view: string, value: unknown) => ['```chart', `stat: ${stat}`, `view: ${view}`, `frozenValue: ${JSON.stringify(value)}`, 'frozenAt: 2026-07-01T10:00:00.000Z', 'frozenReason: hand', '```'].join('\n');

async function importDeck(page: Page, language: 'nl' | 'en'): Promise<string> {
  const file = [
    `---\nformat: tussenstand/1\ntitle: ${uniqueTitle(`E2E grafiekopties ${language}`)}\nlanguage: ${language}\n---`,
    `## Per maand\n\n${chartFence('interviews.byMonth', 'bar', MONTHS)}`,
    `## Per spoor\n\n${chartFence('interviews.byMonthAndTrack', 'stackedBar', STACKED)}`,
  ].join('\n\n---\n\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The bars a chart draws (recharts draws one path per bar or stack segment with a height). */
const bars = (chart: Locator) => chart.locator('.recharts-bar-rectangle path');

async function openSettings(page: Page, editor: DeckPage, name: string): Promise<Locator> {
  const block = editor.canvas.locator('[data-chart-block]');
  await block.hover();
  await block.getByRole('button', { name }).click();
  const panel = page.getByRole('region', { name });
  await expect(panel).toBeVisible();
  return panel;
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

for (const language of ['nl', 'en'] as const) {
  test(`a chart's settings are beside it; its period, title, axis titles and colours change what it draws (${language})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const w = WORDS[language];
    const context = await browser.newContext({ locale: w.locale, timezoneId: 'Europe/Amsterdam', viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    try {
      await signInViaApi(page);
      const deckId = await importDeck(page, language);
      const editor = new DeckPage(page, language);
      // On a loaded machine the editor may take longer to open than an assertion waits.
      await page.goto(`/decks/${deckId}`);
      await expect(editor.canvas).toBeVisible({ timeout: 30_000 });
      await editor.slide(0).click();
      const chart = editor.canvas.locator('figure[data-stat-key="interviews.byMonth"]');
      await expect(bars(chart)).toHaveCount(6);

      const panel = await openSettings(page, editor, w.settings);
      // The panel is beside the chart: the whole chart stays in view while its settings change.
      const chartBox = (await chart.boundingBox())!;
      const panelBox = (await panel.boundingBox())!;
      expect(overlaps(chartBox, panelBox), JSON.stringify({ chartBox, panelBox })).toBe(false);
      await expect(panel.getByRole('combobox').first()).toBeFocused();

      // The period: only March to May is drawn, and said.
      await panel.getByRole('combobox', { name: w.from }).selectOption({ label: w.march });
      await panel.getByRole('combobox', { name: w.to }).selectOption({ label: w.may });
      await expect(bars(chart)).toHaveCount(3);

      // An own title instead of the statistic's name; axis titles from the catalogue.
      await expect(chart.locator('.chart-view__title')).toHaveText(w.statName);
      await panel.getByRole('textbox', { name: w.title, exact: true }).fill(w.shown);
      await expect(chart.locator('.chart-view__title')).toHaveText(w.shown);
      await expect(chart.getByRole('img').first()).toHaveAccessibleName(w.filtered);
      await panel.getByRole('checkbox', { name: w.axisTitles }).check();
      await expect(chart.locator('svg text', { hasText: w.xAxis })).toHaveCount(1);
      await expect(chart.locator('svg text', { hasText: new RegExp(`^${w.yAxis}$`) })).toHaveCount(1);

      // A palette from the theme: the bars take its first colour.
      await expect(bars(chart).first()).toHaveAttribute('fill', '#1F80C0');
      await panel.getByRole('combobox', { name: w.palette }).selectOption({ label: w.orange });
      await expect(bars(chart).first()).toHaveAttribute('fill', '#D2570A');

      // Escape hands the focus back to the slide and closes the panel.
      await panel.getByRole('combobox', { name: w.palette }).press('Escape');
      await expect(panel).toBeHidden();
      await expect(editor.canvas).toBeFocused();

      // A stacked bar: a colour per track, named in a legend, and each stack said.
      await editor.slide(1).click();
      const stacked = editor.canvas.locator('figure[data-stat-key="interviews.byMonthAndTrack"]');
      await expect(stacked.getByRole('img').first()).toHaveAccessibleName(w.stacked);
      await expect(stacked.locator('.chart-legend')).toContainText(w.track1);
      await expect(stacked.locator('.chart-legend')).toContainText(w.track3);
      // Three months, two tracks, one empty segment (February has no track 3 interviews).
      await expect(bars(stacked)).toHaveCount(5);
      const fills = new Set(await bars(stacked).evaluateAll((paths) => paths.map((p) => p.getAttribute('fill'))));
      expect([...fills].sort()).toEqual(['#1F80C0', '#D2570A']);

      // The presenter draws the first chart as set: three bars, the own title.
      if (language === 'nl') {
        const presenter = new PresenterView(page);
        await presenter.goto(deckId);
        const shown = presenter.slide.locator('figure[data-stat-key="interviews.byMonth"]');
        await expect(shown.locator('.chart-view__title')).toHaveText(w.shown);
        await expect(bars(shown)).toHaveCount(3);
        await expect(bars(shown).first()).toHaveAttribute('fill', '#D2570A');
      }
    } finally {
      await context.close();
    }
  });
}
