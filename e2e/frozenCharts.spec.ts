/**
 * A chart frozen by hand in the editor says "Vastgezet op <date>" / "Frozen on <date>" (it
 * was never presented), in the editor, the presenter and a session's version; a chart the
 * session's version froze says "Zoals gepresenteerd op <date>". Dates written out in the
 * deck's language, British order in English.
 */
import { expect, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { HistoryPage } from './pages/HistoryPage.ts';

const today = (language: 'nl' | 'en'): string =>
  new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date());

const WORDS = {
  nl: { frozenOn: 'Vastgezet op', presentedOn: 'Zoals gepresenteerd op' },
  en: { frozenOn: 'Frozen on', presentedOn: 'As presented on' },
} as const;

for (const language of ['nl', 'en'] as const) {
  test(`a chart frozen by hand reads "${WORDS[language].frozenOn} …", one a session froze "${WORDS[language].presentedOn} …" (${language} deck)`, async ({ signedInPage: page }) => {
    const w = WORDS[language];
    const file = `---\nformat: tussenstand/1\ntitle: ${uniqueTitle('E2E vastgezet')}\nlanguage: ${language}\n---\n\n` +
      ['## Live\n\n```chart\nstat: interviews.total\nview: number\n```', '## Met de hand\n\n```chart\nstat: interviews.total\nview: number\n```'].join('\n\n---\n\n');
    const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
    expect(response.status(), await response.text()).toBe(201);
    const deck = (await response.json()) as { id: string };

    const deckPage = new DeckPage(page);
    await deckPage.goto(deck.id);
    await deckPage.slide(1).click();
    // The chart block's settings open beside the slide from the button on the block (shown while the pointer is over it).
    await deckPage.canvas.getByRole('figure').hover({ force: true });
    await deckPage.canvas.getByRole('button', { name: 'Grafiekinstellingen' }).click();
    const freeze = page.getByRole('region', { name: 'Grafiekinstellingen' }).getByRole('button', { name: 'Waarden bevriezen' });
    await expect(freeze).toBeEnabled();
    await freeze.click();
    const chart = deckPage.canvas.getByRole('figure');
    await expect(chart).toContainText(`${w.frozenOn} ${today(language)}`);
    await expect(chart).not.toContainText(w.presentedOn);
    await expect(chart.getByRole('img')).toHaveAccessibleName(new RegExp(`\\(${w.frozenOn.toLowerCase()} ${today(language)}\\)$`));

    // A session keeps a version: its live chart is frozen "as presented", the hand-frozen one stays so.
    expect((await page.request.post(`/api/decks/${deck.id}/presentation/start`)).status()).toBe(200);
    expect((await page.request.post(`/api/decks/${deck.id}/presentation/stop`)).status()).toBe(200);
    const history = new HistoryPage(page);
    await history.goto(deck.id);
    await history.version(/gepresenteerd op/).click();
    await expect(history.slide(1).getByRole('figure')).toContainText(`${w.presentedOn} ${today(language)}`);
    await expect(history.slide(2).getByRole('figure')).toContainText(`${w.frozenOn} ${today(language)}`);
    await expect(history.slide(2).getByRole('figure')).not.toContainText(w.presentedOn);

    // The deck file says so, and reads back the same.
    const markdown = await (await page.request.get(`/api/decks/${deck.id}/export.md`)).text();
    expect(markdown.match(/frozenReason: hand/g)).toHaveLength(1);
  });
}
