/**
 * stats-spec [ST11]: when the live figures do not come, the print page (what the PDF and
 * HTML exports are made of, and what a user prints from) draws each chart from the
 * server's stored last known value, captioned with its date in the deck's language, and
 * never prints "loading"; with no stored value either it says which slide and chart, and
 * never reports ready.
 *
 * The live figures are cut off with Playwright's routeWebSocket: the page's /stats socket
 * connects to nothing and stays silent, as a socket behind a broken proxy does.
 */
import type { Page } from '@playwright/test';
import type { StatResponse } from '../shared/api.ts';
import { dateAndTime } from '../shared/statLabels.ts';
import { expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';

const WORDS = {
  nl: { caption: 'Laatst bekende waarde, ', loading: /laden|loading/i, title: 'Interviews per maand', noValue: /Dia 2: de grafiek “Organisaties gesproken” heeft geen waarde/ },
  en: { caption: 'Last known value, ', loading: /loading|laden/i, title: 'Interviews per month', noValue: /Slide 2: the chart “Organisations interviewed” has no value/ },
} as const;

function deckFile(title: string, language: 'nl' | 'en'): string {
  return [
    '---',
    'format: tussenstand/1',
    `title: ${title}`,
    `language: ${language}`,
    '---',
    '',
    '## Interviews',
    '',
    '```chart',
    'stat: interviews.byMonth',
    'view: bar',
    '```',
    '',
    '---',
    '',
    '## Bereik',
    '',
    '```chart',
    'stat: organisations.total',
    'view: number',
    '```',
    '',
  ].join('\n');
}

async function importDeck(page: Page, language: 'nl' | 'en'): Promise<string> {
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(deckFile(uniqueTitle(`E2E stored ${language}`), language)) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The page's live-figures socket goes nowhere: it opens and never says anything. */
async function silenceLiveFigures(page: Page): Promise<void> {
  await page.routeWebSocket(/\/stats(\?|$)/, () => {});
}

for (const language of ['nl', 'en'] as const) {
  test(`without live figures the print page draws the last known values with their date (${language})`, async ({ signedInPage: page }) => {
    test.slow();
    const words = WORDS[language];
    const deckId = await importDeck(page, language);
    const stored = await Promise.all(
      ['interviews.byMonth', 'organisations.total'].map(async (key) => ((await (await page.request.get(`/api/stats/${key}`)).json()) as StatResponse)),
    );
    await silenceLiveFigures(page);
    await page.goto(`/decks/${deckId}/print`);

    await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true', { timeout: 30_000 });
    const charts = page.locator('figure.chart-view');
    await expect(charts).toHaveCount(2);
    for (const [i, snapshot] of stored.entries()) {
      const chart = charts.nth(i);
      await expect(chart).toHaveAttribute('data-stored', 'true');
      await expect(chart.getByText(`${words.caption}${dateAndTime(snapshot.updatedAt, language)}`, { exact: true })).toBeVisible();
    }
    // The values are the stored ones: the total as a big number, the months as bars.
    const total = stored[1]!.value as number;
    await expect(charts.nth(1).locator('.chart-number__value')).toHaveText(new Intl.NumberFormat(language).format(total));
    await expect(charts.nth(0).getByRole('img', { name: new RegExp(`^${words.title}: `) })).toBeVisible();
    await expect(charts.nth(0).locator('svg .recharts-bar-rectangle').first()).toBeVisible();
    await expect(page.locator('main')).not.toContainText(words.loading);
  });
}

test('with neither live nor stored figures the print page names the slide and chart, and is never ready', async ({ signedInPage: page }) => {
  test.slow();
  const deckId = await importDeck(page, 'nl');
  await silenceLiveFigures(page);
  // The stored values unreachable too (a server in trouble answers 503; the browser logs it).
  expectConsoleErrors(page, refusedRequest(503, '/api/stats/organisations.total'));
  await page.route(/\/api\/stats\/organisations\.total$/, (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: 'stats-not-ready', message: 'the statistics are still being computed' }) }));
  await page.goto(`/decks/${deckId}/print`);

  await expect(page.getByRole('alert')).toHaveText(WORDS.nl.noValue, { timeout: 30_000 });
  await expect(page.locator('body')).toHaveAttribute('data-print-error', /slide 2: chart organisations\.total has no value/);
  await expect(page.locator('body')).not.toHaveAttribute('data-print-ready', 'true');
});
