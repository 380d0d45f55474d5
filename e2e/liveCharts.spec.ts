/**
 * Live charts: a figure recorded in the research log reaches a chart in another browser
 * within a second, through the real server (no mocks). Browser A has the deck open in the
 * editor; browser B records an interview through the API, signed in as its own session.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import type { DeckSummary } from '../shared/api.ts';
import { createDeckViaApi, EXAMPLE_DECK_TITLE, expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

interface SeriesPoint {
  label: string;
  value: number;
}

async function signedInPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInViaApi(page);
  return page;
}

async function exampleDeck(page: Page): Promise<DeckSummary> {
  const response = await page.request.get('/api/decks');
  expect(response.status()).toBe(200);
  const { decks } = (await response.json()) as { decks: DeckSummary[] };
  const deck = decks.find((d) => d.title === EXAMPLE_DECK_TITLE);
  expect(deck, 'the seeded example deck').toBeTruthy();
  return deck!;
}

/** The drawing of a live chart on the editor's canvas, named with its current values. */
function chartOnCanvas(deckPage: DeckPage, statKey: string): Locator {
  return deckPage.canvas.locator(`figure[data-stat-key="${statKey}"]:not([data-frozen]) [role="img"]`);
}

/** Records an interview (with an organisation that already has interviews) and returns its id. */
async function recordInterview(page: Page, date: string): Promise<string> {
  const orgs = await page.request.get('/api/research/organisations');
  expect(orgs.status()).toBe(200);
  const { records } = (await orgs.json()) as { records: { id: string }[] };
  const response = await page.request.post('/api/research/interviews', { data: { date, organisationId: records[0]!.id, staff: 1, topic: 'e2e live chart' } });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Leaves the research log as it was for the other tests. */
async function removeInterview(page: Page, id: string): Promise<void> {
  const response = await page.request.delete(`/api/research/interviews/${id}`);
  expect(response.ok(), await response.text()).toBe(true);
}

/** "…, nov 2026 3" → "…, nov 2026 4": the accessible name after one more interview in the last month. */
function withLastValueIncremented(name: string): string {
  const match = /^(.*) (\d+)$/.exec(name);
  expect(match, `a series name ending in a count: ${name}`).toBeTruthy();
  return `${match![1]} ${Number(match![2]) + 1}`;
}

test('recording an interview in one browser updates the chart in another within a second', async ({ browser }) => {
  const pageA = await signedInPage(browser);
  const pageB = await signedInPage(browser);
  const deck = await exampleDeck(pageA);

  const editor = new DeckPage(pageA);
  await editor.goto(deck.id);
  await editor.slideNamed(/Interviews per maand/).click();
  const chart = chartOnCanvas(editor, 'interviews.byMonth');
  await expect(chart).toHaveAccessibleName(/^Interviews per maand: .+ \d+$/);

  // Browser B reads the same statistic, so A is known to show the current value.
  const current = await pageB.request.get('/api/stats/interviews.byMonth');
  expect(current.status()).toBe(200);
  const series = ((await current.json()) as { value: SeriesPoint[] }).value;
  const last = series.at(-1)!;
  await expect(chart).toHaveAccessibleName(new RegExp(` ${last.value}$`));
  const before = (await chart.getAttribute('aria-label')) ?? '';

  // One more interview in the series' last month: only that month's count changes.
  const id = await recordInterview(pageB, `${last.label}-15`);
  await expect(chart).toHaveAccessibleName(withLastValueIncremented(before), { timeout: 1000 });

  // And back down when the record is removed again.
  await removeInterview(pageB, id);
  await expect(chart).toHaveAccessibleName(before, { timeout: 1000 });

  await pageA.context().close();
  await pageB.context().close();
});

test('a frozen chart keeps its value and notes the date; made live again it catches up', async ({ browser }) => {
  const pageA = await signedInPage(browser);
  const pageB = await signedInPage(browser);
  const deck = await createDeckViaApi(pageA.request, uniqueTitle('E2E grafiek'));

  const editor = new DeckPage(pageA);
  await editor.goto(deck.id);
  await editor.typeAtEnd(' ');
  await editor.toolbarButton('Grafiek invoegen').click();
  const block = editor.canvas.locator('[data-chart-block]');
  await expect(block).toHaveCount(1);
  const live = chartOnCanvas(editor, 'interviews.total');
  await expect(live).toHaveAccessibleName(/^Interviews: \d+$/);
  const count = Number(/(\d+)$/.exec((await live.getAttribute('aria-label')) ?? '')![1]);

  // A chart just inserted is selected, its settings open beside the slide: freeze today's value by hand (so it says "vastgezet", not "gepresenteerd").
  const settings = pageA.getByRole('region', { name: 'Grafiekinstellingen' });
  await expect(settings.getByRole('combobox', { name: 'Statistiek' })).toHaveValue('interviews.total');
  await expect(settings.getByRole('combobox', { name: 'Weergave' })).toHaveValue('number');
  await settings.getByRole('button', { name: 'Waarden bevriezen' }).click();
  const frozen = editor.canvas.locator('figure[data-stat-key="interviews.total"][data-frozen="true"]');
  await expect(frozen).toContainText('Vastgezet op');
  await expect(frozen).not.toContainText('gepresenteerd');
  await expect(frozen.getByRole('img')).toHaveAccessibleName(new RegExp(`^Interviews: ${count} \\(vastgezet op .+\\)$`));

  // A new interview does not move the frozen chart.
  const id = await recordInterview(pageB, '2026-06-15');
  await pageA.waitForTimeout(500);
  await expect(frozen.getByRole('img')).toHaveAccessibleName(new RegExp(`^Interviews: ${count} `));

  // Back to live: the current figure, in a table view chosen from the controls.
  await settings.getByRole('button', { name: 'Weer live maken' }).click();
  await expect(live).toHaveAccessibleName(`Interviews: ${count + 1}`);
  await settings.getByRole('combobox', { name: 'Weergave' }).selectOption('table');
  const table = editor.canvas.getByRole('table', { name: 'Interviews' });
  await expect(table.getByRole('cell')).toHaveText(String(count + 1));

  // Another browser with the deck open sees the same block (it is part of the shared document).
  const other = new DeckPage(pageB);
  await other.goto(deck.id);
  await expect(other.canvas.getByRole('table', { name: 'Interviews' }).getByRole('cell')).toHaveText(String(count + 1));
  await removeInterview(pageB, id);
  await expect(table.getByRole('cell')).toHaveText(String(count), { timeout: 1000 });

  await pageA.context().close();
  await pageB.context().close();
});
