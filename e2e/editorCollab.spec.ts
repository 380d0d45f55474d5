/**
 * Two people in one deck, each in their own browser context: the admin and an analyst
 * created for the test. Text, carets with names, presence, slide changes and undo.
 */
import type { Browser, Page } from '@playwright/test';
import { createDeckViaApi, expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

const ANALYST_PASSWORD = 'analist-wachtwoord-e2e';

/** A new analyst (display name `name`) signed in on a page of a new browser context. */
async function analystPage(browser: Browser, admin: Page, name: string): Promise<Page> {
  const username = uniqueTitle('analist').toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
  const created = await admin.request.post('/api/users', { data: { username, password: ANALYST_PASSWORD, role: 'analyst', displayName: name } });
  expect(created.status(), await created.text()).toBe(201);
  const context = await browser.newContext({ baseURL: test.info().project.use.baseURL, locale: 'nl-NL' });
  const page = await context.newPage();
  await signInViaApi(page, username, ANALYST_PASSWORD);
  return page;
}

test.describe('two editors in one deck', () => {
  let other: Page;

  test.afterEach(async () => {
    await other?.context().close();
  });

  test('each sees the other’s text, caret with name, and presence', async ({ signedInPage: page, browser }) => {
    const deck = await createDeckViaApi(page.request, uniqueTitle('E2E samen'));
    other = await analystPage(browser, page, 'Sanne Analist');
    const a = new DeckPage(page);
    const b = new DeckPage(other);
    await a.goto(deck.id);
    await b.goto(deck.id);

    await a.typeAtEnd(' — getypt door A');
    await expect(b.canvas).toContainText('— getypt door A');
    await b.typeAtEnd(' en door B');
    await expect(a.canvas).toContainText('— getypt door A en door B');

    // Carets: each page shows the other's caret, labelled with the signed-in name.
    await expect(a.canvas.getByText('Sanne Analist', { exact: true })).toBeVisible();
    await b.canvas.click();
    await a.canvas.click();
    await expect(b.canvas.getByText('Beheerder', { exact: true })).toBeVisible();

    // Presence: avatars in the header and on the slide in the sorter.
    await expect(a.people.getByRole('listitem')).toHaveCount(2);
    await expect(a.people).toContainText('Beheerder (jij)');
    await expect(a.people).toContainText('Sanne Analist');
    await expect(a.slide(0)).toHaveAccessibleName(/Hier: Sanne Analist$/);
    await expect(b.slide(0)).toHaveAccessibleName(/Hier: Beheerder$/);

    // Speaker notes are shared too.
    await b.notes.click();
    await other.keyboard.type('Notitie van Sanne');
    // (Sanne's caret, with her name, sits in A's notes now too.)
    await expect(a.notes).toContainText('Notitie van Sanne');
  });

  test('“Add slide” and a reorder reach the other editor', async ({ signedInPage: page, browser }) => {
    const deck = await createDeckViaApi(page.request, uniqueTitle('E2E volgorde samen'));
    other = await analystPage(browser, page, 'Bram Analist');
    const a = new DeckPage(page);
    const b = new DeckPage(other);
    await a.goto(deck.id);
    await b.goto(deck.id);

    await a.addSlide.click();
    await a.canvas.click();
    await page.keyboard.type('Nieuwe dia van A');
    await expect(b.slides).toHaveCount(2);
    await expect(b.slide(1)).toHaveAccessibleName('Dia 2: Nieuwe dia van A. Hier: Beheerder');

    // A moves it to the top with the keyboard.
    await a.slide(1).focus();
    await page.keyboard.press('ControlOrMeta+ArrowUp');
    await expect(a.slide(0)).toHaveAccessibleName(/^Dia 1: Nieuwe dia van A/);
    await expect(b.slide(0)).toHaveAccessibleName(/^Dia 1: Nieuwe dia van A/);
    await expect(b.slide(1)).toHaveAccessibleName(/^Dia 2: E2E volgorde samen/);

    // B adds one too; A sees three.
    await b.addSlide.click();
    await expect(a.slides).toHaveCount(3);

    // B's slide undo does not touch A's changes: B undoes its own add only.
    await b.undoSlide.click();
    await expect(a.slides).toHaveCount(2);
    await expect(b.undoSlide).toBeDisabled();
    await expect(a.slide(0)).toHaveAccessibleName(/^Dia 1: Nieuwe dia van A/);
  });

  test('Ctrl+Z undoes only your own typing', async ({ signedInPage: page, browser }) => {
    const deck = await createDeckViaApi(page.request, uniqueTitle('E2E ongedaan samen'));
    other = await analystPage(browser, page, 'Chris Analist');
    const a = new DeckPage(page);
    const b = new DeckPage(other);
    await a.goto(deck.id);
    await b.goto(deck.id);

    await a.typeAtEnd(' AAA');
    await expect(b.canvas).toContainText('AAA');
    await b.typeAtEnd(' BBB');
    await expect(a.canvas).toContainText('AAA BBB');

    await a.canvas.focus();
    await page.keyboard.press('ControlOrMeta+z');
    await expect(a.canvas).not.toContainText('AAA');
    await expect(a.canvas).toContainText('BBB');
    await expect(b.canvas).not.toContainText('AAA');
    // The sorter names a slide from the document itself (no carets in between).
    await expect(b.slide(0)).toHaveAccessibleName(new RegExp(`^Dia 1: ${deck.title} BBB`));
    await expect(a.slide(0)).toHaveAccessibleName(new RegExp(`^Dia 1: ${deck.title} BBB`));
  });
});
