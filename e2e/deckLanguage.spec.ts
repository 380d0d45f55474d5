/**
 * Charts speak the deck's language, not the viewer's (#15): a Dutch deck reads Dutch on an
 * English attendee's phone, an English deck reads English to a Dutch presenter — titles,
 * categories, column headings, "Total", numbers, months and the "as presented on" caption —
 * while the page around the slide stays in the viewer's own language.
 *
 * The decks are deck files (front matter `language:`) with frozen charts, so the figures do
 * not depend on the research log. The editor's "Taal van de dia’s" / "Slide language" control
 * changes a deck's language for everyone in it.
 */
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { PresenterView } from './pages/PresentPages.ts';

const DAMOCLES = JSON.stringify([
  { label: 'not-analysed', value: 4 },
  { label: 'analysed', value: 1234 },
  { label: 'harmonised', value: 2 },
]);
const MONTHS = JSON.stringify([
  { label: '2025-01', value: 3 },
  { label: '2025-02', value: 5 },
]);

function deckFile(title: string, language: 'nl' | 'en'): string {
  return [
    '---',
    'format: tussenstand/1',
    `title: ${title}`,
    'theme: tussenstand',
    `language: ${language}`,
    '---',
    '',
    '<!-- slide: layout=chart-text -->',
    '',
    '## Stand',
    '',
    '```chart',
    'stat: damocles.byStatus',
    'view: table',
    `frozenValue: ${JSON.stringify(DAMOCLES)}`,
    'frozenAt: 2026-11-01T10:00:00.000Z',
    '```',
    '',
    '```chart',
    'stat: interviews.byMonth',
    'view: table',
    `frozenValue: ${JSON.stringify(MONTHS)}`,
    'frozenAt: 2026-11-01T10:00:00.000Z',
    '```',
    '',
  ].join('\n');
}

async function importDeck(page: Page, language: 'nl' | 'en'): Promise<string> {
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(deckFile(uniqueTitle(`E2E deck language ${language}`), language)) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** What a Dutch deck's two tables say, and what an English deck's say. */
const WORDS = {
  nl: {
    title: 'Damoclesbeleid per status',
    rows: ['Nog niet geanalyseerd', 'Geanalyseerd', 'Geharmoniseerd'],
    figure: '1.234',
    total: 'Totaal',
    totalFigure: '1.240',
    month: 'jan 2025',
    column: 'Maand',
    frozen: 'Zoals gepresenteerd op 1 november 2026',
  },
  en: {
    title: 'Damocles policy by status',
    rows: ['Not yet analysed', 'Analysed', 'Harmonised'],
    figure: '1,234',
    total: 'Total',
    totalFigure: '1,240',
    month: 'Jan 2025',
    column: 'Month',
    frozen: 'As presented on 1 November 2026',
  },
} as const;

/** The charts inside `slide` are in `language`, and carry none of the other language's words. */
async function expectChartsIn(slide: Locator, language: 'nl' | 'en'): Promise<void> {
  const words = WORDS[language];
  const other = WORDS[language === 'nl' ? 'en' : 'nl'];
  const damocles = slide.getByRole('table', { name: words.title });
  await expect(damocles).toBeVisible();
  for (const row of words.rows) await expect(damocles.getByRole('rowheader', { name: row, exact: true })).toBeVisible();
  await expect(damocles.getByRole('cell', { name: words.figure, exact: true })).toBeVisible();
  await expect(damocles.getByRole('rowheader', { name: words.total, exact: true })).toBeVisible();
  await expect(damocles.getByRole('cell', { name: words.totalFigure, exact: true })).toBeVisible();
  const months = slide.getByRole('table', { name: language === 'nl' ? 'Interviews per maand' : 'Interviews per month' });
  await expect(months.getByRole('columnheader', { name: words.column, exact: true })).toBeVisible();
  await expect(months.getByRole('rowheader', { name: words.month, exact: true })).toBeVisible();
  await expect(slide.getByText(words.frozen, { exact: true }).first()).toBeVisible();
  // Only the drawn charts: the editor's chart controls around them are in the UI language.
  const charts = slide.locator('figure.chart-view');
  for (const word of [other.title, other.rows[0], other.total, other.month, other.frozen]) await expect(charts.getByText(word, { exact: true })).toHaveCount(0);
  await expect(slide.locator('.slide')).toHaveAttribute('lang', language);
}

async function attendeeInEnglish(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await page.goto(url);
  // The attendee page's own language control (as in i18n.spec.ts): the UI becomes English.
  await page.getByLabel('Taal', { exact: true }).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  return page;
}

test('an English-UI attendee following a Dutch deck sees the charts in Dutch', async ({ browser, signedInPage: page }) => {
  const deckId = await importDeck(page, 'nl');
  const created = await page.request.post(`/api/decks/${deckId}/links`, { data: { label: 'OM' } });
  expect(created.status()).toBe(201);
  const link = (await created.json()) as { url: string };

  const presenter = new PresenterView(page);
  await presenter.goto(deckId);
  await presenter.startSession.click();
  await expect(presenter.endSession).toBeVisible();

  const attendee = await attendeeInEnglish(browser, link.url);
  try {
    // The page around the slide is English ("Slide 1 of 1", the language control) …
    const slide = attendee.getByRole('region', { name: 'Slide 1 of 1' });
    await expect(slide).toBeVisible();
    await expect(attendee.getByLabel('Language', { exact: true })).toBeVisible();
    // … the slide is the deck's: Dutch.
    await expectChartsIn(slide, 'nl');
  } finally {
    await attendee.context().close();
    await page.request.post(`/api/decks/${deckId}/presentation/stop`);
  }
});

test('an English deck shows English charts to a Dutch-UI presenter, in the editor and on the presenter page', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  try {
    await signInViaApi(page);
    const deckId = await importDeck(page, 'en');

    // The editor (Dutch UI): canvas and thumbnail in the deck's English.
    const editor = new DeckPage(page, 'nl');
    await editor.goto(deckId);
    await expectChartsIn(page.locator('.stage'), 'en');
    await expect(editor.slide(0).getByText('Chart: Damocles policy by status')).toBeVisible();
    await expect(editor.slide(0).getByText('Grafiek:')).toHaveCount(0);

    // The presenter page (Dutch UI: "Sessie starten", "Dia 1 van 1"): the slide in English.
    const presenter = new PresenterView(page);
    await presenter.goto(deckId);
    await expect(presenter.startSession).toBeVisible();
    await presenter.expectAt(1, 1);
    await expectChartsIn(presenter.slide, 'en');
  } finally {
    await context.close();
  }
});

for (const ui of ['nl', 'en'] as const) {
  test(`the editor's slide-language control switches the charts for everyone in the deck (${ui} UI)`, async ({ browser }) => {
    const locale = ui === 'nl' ? 'nl-NL' : 'en-GB';
    const editorContext = await browser.newContext({ locale, timezoneId: 'Europe/Amsterdam' });
    const otherContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    try {
      const page = await editorContext.newPage();
      await signInViaApi(page);
      // The UI follows the browser's language (en-GB: English).
      await page.goto('/');
      await expect(page.locator('html')).toHaveAttribute('lang', ui);
      const deckId = await importDeck(page, 'nl');
      const editor = new DeckPage(page, ui);
      await editor.goto(deckId);
      await expect(editor.deckLanguage).toHaveValue('nl');
      await expectChartsIn(page.locator('.stage'), 'nl');

      const other = await otherContext.newPage();
      await signInViaApi(other);
      const presenter = new PresenterView(other);
      await presenter.goto(deckId);
      await expectChartsIn(presenter.slide, 'nl');

      await editor.deckLanguage.selectOption({ label: 'English' });
      await expectChartsIn(page.locator('.stage'), 'en');
      await expect(editor.slide(0).getByText('Chart: Damocles policy by status')).toBeVisible();
      // The other browser's presenter page follows without a reload; its own UI stays Dutch.
      await expectChartsIn(presenter.slide, 'en');
      await expect(presenter.startSession).toBeVisible();

      // Back with the keyboard: the control is a plain select.
      await editor.deckLanguage.focus();
      await editor.deckLanguage.selectOption('nl');
      await expectChartsIn(presenter.slide, 'nl');
    } finally {
      await editorContext.close();
      await otherContext.close();
    }
  });
}
