/**
 * Version history (`/decks/:id/history`): save a version, see it read-only, restore it while
 * someone else has the editor open (they see the old text come back without reloading),
 * the "before restore" version, the Markdown of a version, and axe.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import { promisify } from 'node:util';
import type { APIRequestContext, Browser, Page } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { createDeckViaApi, expect, expectConsoleErrors, refusedRequest, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { pdfTexts } from './pdfPages.ts';
import { ExportMenu, HistoryPage } from './pages/HistoryPage.ts';

const ANALYST_PASSWORD = 'analist-wachtwoord-e2e';

/** A new analyst signed in on a page of a browser context of its own. */
async function analystPage(browser: Browser, admin: Page, name: string): Promise<Page> {
  const username = uniqueTitle('historie').toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  const created = await admin.request.post('/api/users', { data: { username, password: ANALYST_PASSWORD, role: 'analyst', displayName: name } });
  expect(created.status(), await created.text()).toBe(201);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await signInViaApi(page, username, ANALYST_PASSWORD);
  return page;
}

/** Waits until the server's copy of the deck holds `text` (the editor sends changes as they happen). */
async function expectServerHas(request: APIRequestContext, deckId: string, text: string, present = true): Promise<void> {
  await expect
    .poll(async () => {
      const response = await request.get(`/api/decks/${deckId}/export.md`);
      return (await response.text()).includes(text);
    })
    .toBe(present);
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test.describe('version history', () => {
  let other: Page | undefined;

  test.afterEach(async () => {
    await other?.context().close();
    other = undefined;
  });

  test('save a version, change the deck, restore: an open editor sees the old text come back', async ({ signedInPage: page, browser }) => {
    const title = uniqueTitle('E2E historie');
    const deck = await createDeckViaApi(page.request, title);
    const editor = new DeckPage(page);
    await editor.goto(deck.id);
    await editor.typeAtEnd(' eerste stand');
    await expectServerHas(page.request, deck.id, 'eerste stand');

    // From the editor to the history page, and save a version.
    const history = new HistoryPage(page);
    await page.getByRole('link', { name: 'Geschiedenis' }).click();
    await expect(history.heading).toHaveText('Versiegeschiedenis');
    await expect(page.getByText(title, { exact: true })).toBeVisible();
    await history.save('Voor de wijziging');
    await expect(history.notice).toContainText('De versie “Voor de wijziging” is bewaard.');
    const saved = history.version('Voor de wijziging');
    await expect(saved).toContainText('Handmatig');
    await expect(saved).toContainText('Beheerder');
    // Its slides, read-only: the text as it was.
    await expect(history.preview.getByRole('heading', { level: 2, name: 'Voor de wijziging' })).toBeVisible();
    await expect(history.slideNumbers).toHaveCount(1);
    await expect(history.slide(1)).toContainText('eerste stand');
    await expect(history.preview.getByRole('textbox')).toHaveCount(0);

    // Someone else changes the deck in the editor.
    other = await analystPage(browser, page, 'Ruud Analist');
    const otherEditor = new DeckPage(other);
    await otherEditor.goto(deck.id);
    await expect(otherEditor.canvas).toContainText('eerste stand');
    await otherEditor.typeAtEnd(' tweede stand');
    await expectServerHas(page.request, deck.id, 'tweede stand');

    // Restore, after a confirmation that says the current state is kept.
    const confirm = await history.restoreShown();
    await expect(confirm).toContainText('De huidige stand wordt eerst als versie bewaard');
    await expect(confirm).toContainText('“Voor de wijziging”');
    await confirm.getByRole('button', { name: 'Terugzetten', exact: true }).click();
    await expect(confirm).toBeHidden();
    await expect(history.notice).toContainText('De presentatie is teruggezet naar “Voor de wijziging”.');

    // The other editor follows without reloading.
    await expect(otherEditor.canvas).not.toContainText('tweede stand');
    await expect(otherEditor.canvas).toContainText('eerste stand');
    await expectServerHas(page.request, deck.id, 'tweede stand', false);

    // The state before the restore is a version of its own, with the changed text.
    const backup = history.version(/^Vóór het terugzetten van “Voor de wijziging”/);
    await expect(backup).toBeVisible();
    await expect(backup).toContainText('Vóór terugzetten');
    await backup.click();
    await expect(backup).toHaveAttribute('aria-current', 'true');
    await expect(history.slide(1)).toContainText('tweede stand');

    // And back to the editor.
    await history.backToEditor.click();
    await expect(editor.canvas).toContainText('eerste stand');
    await expect(editor.canvas).not.toContainText('tweede stand');
  });

  test('a version’s Markdown downloads; the keyboard moves through the versions; axe', async ({ signedInPage: page }) => {
    const title = uniqueTitle('E2E versie-md');
    const deck = await createDeckViaApi(page.request, title);
    for (const label of ['Eerste versie', 'Tweede versie']) {
      const response = await page.request.post(`/api/decks/${deck.id}/versions`, { data: { label } });
      expect(response.status(), await response.text()).toBe(201);
    }
    const history = new HistoryPage(page);
    await history.goto(deck.id);
    await expect(history.versions.getByRole('listitem')).toHaveCount(2);
    // The newest version is shown first.
    await expect(history.version('Tweede versie')).toHaveAttribute('aria-current', 'true');
    await expect(history.slide(1)).toContainText(title);

    await history.version('Tweede versie').focus();
    await page.keyboard.press('ArrowDown');
    await expect(history.version('Eerste versie')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(history.version('Eerste versie')).toHaveAttribute('aria-current', 'true');
    await expect(history.preview.getByRole('heading', { level: 2, name: 'Eerste versie' })).toBeVisible();

    const downloading = page.waitForEvent('download');
    await history.versionExport.open();
    await history.versionExport.choice('Markdown (.md)').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe(`${title} (Eerste versie).md`);
    const text = fs.readFileSync(await download.path(), 'utf8');
    expect(text.startsWith('---\nformat: tussenstand/1')).toBe(true);

    await expectNoSeriousViolations(page);
    // With the export menu open and with each dialog open.
    const menu = new ExportMenu(page, page.getByRole('main'), title);
    await menu.open();
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Escape');
    await history.saveVersion.click();
    await expect(page.getByRole('dialog', { name: 'Versie opslaan' })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.keyboard.press('Escape');
    await history.restoreShown();
    await expectNoSeriousViolations(page);
    await page.getByRole('button', { name: 'Annuleren' }).click();
    await expect(history.restore).toBeFocused();
  });

  test('a version made from a template shows its charts with the figures of that moment', async ({ signedInPage: page }) => {
    const created = await page.request.post('/api/decks', { data: { title: uniqueTitle('E2E sjabloonversie'), template: 'bimonthly-briefing', period: 'maart 2027' } });
    expect(created.status(), await created.text()).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const saved = await page.request.post(`/api/decks/${id}/versions`, { data: { label: 'Met grafieken' } });
    expect(saved.status()).toBe(201);

    const history = new HistoryPage(page);
    await history.goto(id);
    await expect(history.slide(1)).toContainText('maart 2027');
    // The big number on slide 2 is frozen: its name says when (“zoals gepresenteerd op …”).
    await expect(history.slide(2).getByRole('img').first()).toHaveAccessibleName(/gepresenteerd op/i);
    await expectNoSeriousViolations(page);
  });

  for (const language of ['nl', 'en'] as const) {
    test(`an “as presented” version exports as a PDF that says so, with the figures of that moment (${language} deck)`, async ({ signedInPage: page }, testInfo) => {
      test.setTimeout(120_000);
      const title = uniqueTitle(`E2E gepresenteerd ${language}`);
      const file = ['---', 'format: tussenstand/1', `title: ${title}`, `language: ${language}`, '---', '', '## Bereik', '', '```chart', 'stat: organisations.total', 'view: number', '```', ''].join('\n');
      const imported = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
      expect(imported.status(), await imported.text()).toBe(201);
      const { id } = (await imported.json()) as { id: string };
      // Setting the scene: a session is started (that keeps the "as presented" version) and ended.
      expect((await page.request.post(`/api/decks/${id}/presentation/start`)).status()).toBe(200);
      expect((await page.request.post(`/api/decks/${id}/presentation/stop`, { data: {} })).status()).toBe(200);
      const figure = ((await (await page.request.get('/api/stats/organisations.total')).json()) as { value: number }).value;

      const history = new HistoryPage(page);
      await history.goto(id);
      await expect(history.versions.getByRole('listitem')).toHaveCount(1);
      const presentedOn = new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date());
      const asPresented = language === 'en' ? `as presented on ${presentedOn}` : `zoals gepresenteerd op ${presentedOn}`;

      await history.versionExport.open();
      const downloading = page.waitForEvent('download', { timeout: 90_000 });
      await history.versionExport.choice('PDF').click();
      const download = await downloading;
      expect(download.suggestedFilename()).toBe(`${title} (${asPresented}).pdf`);
      const pdf = testInfo.outputPath('version.pdf');
      await download.saveAs(pdf);
      const { stdout: info } = await promisify(execFile)('pdfinfo', ['-enc', 'UTF-8', pdf]);
      expect(info).toMatch(new RegExp(`^Title:\\s+${escapeRegExp(`${title} (${asPresented})`)}$`, 'm'));
      expect(info).toMatch(new RegExp(`^Subject:\\s+.*${escapeRegExp(asPresented)}$`, 'm'));
      const [text] = await pdfTexts(pdf);
      // The chart as it was shown: its figure, captioned with the day it was presented.
      expect(text).toContain(new Intl.NumberFormat(language).format(figure));
      expect(text!.replace(/\s+/g, ' ')).toContain(language === 'en' ? `As presented on ${presentedOn}` : `Zoals gepresenteerd op ${presentedOn}`);
      expect(text).not.toMatch(/laden|loading/i);
    });
  }

  test('an unknown deck has no history', async ({ signedInPage: page }) => {
    // The server's 404 for the deck is what the page reports.
    expectConsoleErrors(page, refusedRequest(404, '/api/decks/bestaat-niet-0000'));
    await page.goto('/decks/bestaat-niet-0000/history');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Presentatie niet gevonden');
  });
});

for (const [language, words] of [
  ['nl', { list: 'Versies', presented: (d: string) => `Zoals gepresenteerd op ${d}`, beforeRestore: (l: string) => `Vóór het terugzetten van “${l}”`, locale: 'nl-NL' }],
  ['en', { list: 'Versions', presented: (d: string) => `As presented on ${d}`, beforeRestore: (l: string) => `Before restoring “${l}”`, locale: 'en-GB' }],
] as const) {
  test(`every date on the history page is written out in the UI language, inside the server's labels too (${language})`, async ({ signedInPage: page }) => {
    const deck = await createDeckViaApi(page.request, uniqueTitle('E2E datums'));
    // A session keeps an "as presented" version; restoring it keeps a "before restoring “…”" one.
    expect((await page.request.post(`/api/decks/${deck.id}/presentation/start`)).status()).toBe(200);
    expect((await page.request.post(`/api/decks/${deck.id}/presentation/stop`)).status()).toBe(200);
    const listed = (await (await page.request.get(`/api/decks/${deck.id}/versions`)).json()) as { versions: { id: string; kind: string; label: string; createdAt: string }[] };
    const session = listed.versions.find((v) => v.kind === 'session')!;
    expect((await page.request.post(`/api/decks/${deck.id}/versions/${session.id}/restore`)).status()).toBe(200);

    const written = (when: string) => new Intl.DateTimeFormat(words.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date(when));
    // The label holds the session's day (YYYY-MM-DD); the version's title says the day it was kept.
    const labelDay = /(\d{4}-\d{2}-\d{2})$/.exec(session.label)![1]!;
    await page.goto('/');
    await page.getByLabel(/^(Taal|Language)$/).selectOption(language);
    await page.goto(`/decks/${deck.id}/history`);
    const versions = page.getByRole('list', { name: words.list });
    await expect(versions.getByText(words.presented(written(session.createdAt)), { exact: true })).toBeVisible();
    await expect(versions.getByText(words.beforeRestore(words.presented(written(labelDay))), { exact: true })).toBeVisible();
    // No date in another form anywhere on the page: no ISO day, no US order.
    const text = await page.getByRole('main').innerText();
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2}, \d{4}/);
  });
}
