/**
 * Sharing a deck with an audience, driven only through the presenter's UI: the share dialog
 * makes a labelled link, hands out its address (copy, QR code), counts who follows per
 * label and revokes with a confirmation; ending a session asks whether the slides shown
 * stay available; "Present from this slide" in the editor opens the presenter there.
 *
 * Each test presents its own deck, made from the bimonthly template (its first slide's
 * heading is "Tussenstand Spoor 3", the third's "Interviews per maand"), so the link list
 * and the counts hold only what the test made.
 */
import { devices, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { DeckSummary } from '../shared/api.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { expect, test, uniqueTitle } from './fixtures.ts';

test.describe.configure({ timeout: 90_000 });

const FIRST_HEADING = 'Tussenstand Spoor 3';
const THIRD_HEADING = 'Interviews per maand';

/** Accessible names the tests use, per UI language. */
const NAMES = {
  nl: {
    locale: 'nl-NL',
    languageLabel: 'Taal',
    share: 'Delen',
    dialog: 'Delen met publiek',
    empty: 'Nog geen links.',
    label: 'Label',
    create: 'Link maken',
    url: 'Adres van de link',
    copy: 'Link kopiëren',
    copied: 'Gekopieerd.',
    showQr: 'QR-code tonen',
    qr: 'QR-code voor de link “OM”',
    close: 'Sluiten',
    startSession: 'Sessie starten',
    startAnyway: 'Starten zonder link',
    endSession: 'Sessie beëindigen',
    endDialog: 'Sessie beëindigen',
    endConfirm: 'Beëindigen',
    keep: 'De getoonde dia’s beschikbaar houden voor dit publiek',
    next: 'Volgende dia',
    attendees: /^1 kijker$/,
    attendeesTerm: 'Kijkers',
    revoke: 'Link “OM” intrekken',
    revokeDialog: 'De link “OM” intrekken?',
    revokeConfirm: 'Link intrekken',
    revoked: 'Ingetrokken',
    revokedTitle: 'Link ingetrokken',
    slide: (n: number) => new RegExp(`^Dia ${n} van \\d+$`),
    presentFromSlide: 'Presenteren vanaf deze dia',
    live: /^Live\b/,
  },
  en: {
    locale: 'en-GB',
    languageLabel: 'Taal',
    share: 'Share',
    dialog: 'Share with an audience',
    empty: 'No links yet.',
    label: 'Label',
    create: 'Create link',
    url: 'Address of the link',
    copy: 'Copy link',
    copied: 'Copied.',
    showQr: 'Show QR code',
    qr: 'QR code for the link “OM”',
    close: 'Close',
    startSession: 'Start session',
    startAnyway: 'Start without a link',
    endSession: 'End session',
    endDialog: 'End the session',
    endConfirm: 'End',
    keep: 'Keep the slides shown available to this audience',
    next: 'Next slide',
    attendees: /^1 attendee$/,
    attendeesTerm: 'Attendees',
    revoke: 'Revoke link “OM”',
    revokeDialog: 'Revoke the link “OM”?',
    revokeConfirm: 'Revoke link',
    revoked: 'Revoked',
    revokedTitle: 'Link revoked',
    slide: (n: number) => new RegExp(`^Slide ${n} of \\d+$`),
    presentFromSlide: 'Present from this slide',
    live: /^Live\b/,
  },
} as const;
type Language = keyof typeof NAMES;
type Names = (typeof NAMES)[Language];

async function templateDeck(request: APIRequestContext): Promise<DeckSummary> {
  const response = await request.post('/api/decks', { data: { title: uniqueTitle('Delen'), template: 'bimonthly-briefing', period: 'januari 2027' } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as DeckSummary;
}

/** Chooses the UI language with the switch in the app header (it is remembered for the presenter page). */
async function useLanguage(page: Page, language: Language): Promise<void> {
  await page.goto('/');
  if (language === 'en') await page.getByLabel(NAMES.nl.languageLabel).selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/** Errors in the page's console or uncaught: collected so a test can require none. */
function consoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

async function openPresenter(page: Page, deckId: string, names: Names): Promise<void> {
  await page.goto(`/decks/${deckId}/present`);
  await expect(page.getByRole('region', { name: names.slide(1) })).toBeVisible();
  await expect(page.getByRole('button', { name: names.startSession })).toBeEnabled();
}

/** Makes a link labelled "OM" in the open share dialog and returns its address as shown there. */
async function createLinkInDialog(page: Page, names: Names): Promise<string> {
  const dialog = page.getByRole('dialog', { name: names.dialog });
  await dialog.getByRole('textbox', { name: names.label }).fill('OM');
  await dialog.getByRole('button', { name: names.create }).click();
  const url = dialog.getByRole('textbox', { name: names.url });
  await expect(url).toHaveValue(/\/v\/[\w-]+$/);
  return url.inputValue();
}

async function phoneAttendee(browser: Browser, url: string, names: Names): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ ...devices['Pixel 7'], locale: names.locale, timezoneId: 'Europe/Amsterdam' });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** A fresh deck shared from the presenter's dialog, its link open on a phone, the session started and followed. */
async function liveOnAPhone(browser: Browser, page: Page, names: Names): Promise<{ context: BrowserContext; page: Page }> {
  const deck = await templateDeck(page.request);
  await openPresenter(page, deck.id, names);
  await page.getByRole('button', { name: names.share, exact: true }).click();
  const url = await createLinkInDialog(page, names);
  await page.getByRole('button', { name: names.close }).click();
  const phone = await phoneAttendee(browser, url, names);
  await page.getByRole('button', { name: names.startSession }).click();
  await expect(phone.page.getByRole('heading', { name: FIRST_HEADING })).toBeVisible({ timeout: 10_000 });
  return phone;
}

for (const language of ['nl', 'en'] as const) {
  test(`share dialog: make a labelled link, follow it on a phone, count and revoke it (${language})`, async ({ browser, signedInPage: page }) => {
    const names = NAMES[language];
    const errors = consoleErrors(page);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const deck = await templateDeck(page.request);
    await useLanguage(page, language);
    await openPresenter(page, deck.id, names);

    await page.getByRole('button', { name: names.share, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: names.dialog });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByText(names.empty)).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog[open]');

    const url = await createLinkInDialog(page, names);
    expect(new URL(url).origin).toBe(new URL(page.url()).origin);
    await dialog.getByRole('button', { name: names.copy }).click();
    await expect(dialog.getByText(names.copied)).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    await dialog.getByRole('button', { name: names.showQr }).click();
    await expect(dialog.getByRole('img', { name: names.qr })).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog[open]');
    // Escape closes it, like every dialog.
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();

    const phone = await phoneAttendee(browser, url, names);
    try {
      // A live link exists, so "Start session" starts at once.
      await page.getByRole('button', { name: names.startSession }).click();
      await expect(page.getByRole('button', { name: names.endSession })).toBeVisible();
      await expect(phone.page.getByRole('heading', { name: FIRST_HEADING })).toBeVisible({ timeout: 10_000 });

      await page.getByRole('button', { name: names.next, exact: true }).click();
      await page.getByRole('button', { name: names.next, exact: true }).click();
      await expect(page.getByRole('region', { name: names.slide(3) })).toBeVisible();
      await expect(phone.page.getByRole('heading', { name: THIRD_HEADING })).toBeVisible({ timeout: 10_000 });

      // The count in the bar is the button that opens the dialog; there, per label.
      const count = page.getByRole('button', { name: names.attendees });
      await expect(count).toBeVisible({ timeout: 10_000 });
      await count.click();
      await expect(dialog).toBeVisible();
      const row = dialog.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'OM', exact: true }) });
      await expect(row).toHaveCount(1);
      await expect(row).toContainText(new RegExp(`${names.attendeesTerm}\\s*1(?!\\d)`));

      // Revoke, after a confirmation; the link stays listed as revoked.
      await row.getByRole('button', { name: names.revoke }).click();
      const confirm = page.getByRole('alertdialog', { name: names.revokeDialog });
      await expect(confirm).toBeVisible();
      await expectNoSeriousViolations(page, 'dialog[open][role=alertdialog]');
      await confirm.getByRole('button', { name: names.revokeConfirm }).click();
      await expect(confirm).toBeHidden();
      await expect(row).toContainText(names.revoked);
      await expect(row.getByRole('button', { name: names.revoke })).toHaveCount(0);
      await expect(phone.page.getByRole('heading', { level: 1, name: names.revokedTitle })).toBeVisible({ timeout: 5_000 });
      await expectNoSeriousViolations(page, 'dialog[open]');
      await dialog.getByRole('button', { name: names.close }).click();
      await expect(dialog).toBeHidden();
    } finally {
      await phone.context.close();
      await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
    }
    expect(errors).toEqual([]);
  });
}

test('ending without keeping the slides: the attendee is told the session has ended', async ({ browser, signedInPage: page }) => {
  const names = NAMES.nl;
  const phone = await liveOnAPhone(browser, page, names);
  try {

    await page.getByRole('button', { name: names.endSession }).click();
    const end = page.getByRole('dialog', { name: names.endDialog });
    await expect(end).toBeVisible();
    await expectNoSeriousViolations(page, 'dialog[open]');
    // Ending now is the default choice.
    await end.getByRole('button', { name: names.endConfirm, exact: true }).click();
    await expect(page.getByRole('button', { name: names.startSession })).toBeVisible();

    await expect(phone.page.getByText(/afgelopen|has ended/i).first()).toBeVisible({ timeout: 10_000 });
    await expect(phone.page.getByRole('region', { name: /^Dia \d+ van \d+$/ })).toHaveCount(0);
  } finally {
    await phone.context.close();
  }
});

test('ending with "keep available until": the attendee still reads the slides shown', async ({ browser, signedInPage: page }) => {
  const names = NAMES.nl;
  const phone = await liveOnAPhone(browser, page, names);
  try {

    await page.getByRole('button', { name: names.endSession }).click();
    const end = page.getByRole('dialog', { name: names.endDialog });
    await end.getByRole('radio', { name: names.keep }).check();
    const until = end.getByLabel('Beschikbaar tot');
    await expect(until).toBeEnabled();
    // The default: tomorrow at 18:00.
    await expect(until).toHaveValue(/T18:00$/);
    await end.getByRole('button', { name: names.endConfirm, exact: true }).click();
    await expect(page.getByRole('button', { name: names.startSession })).toBeVisible();

    // Still readable after the end, also on a fresh load of the link.
    await phone.page.reload();
    await expect(phone.page.getByRole('heading', { name: FIRST_HEADING })).toBeVisible({ timeout: 10_000 });
  } finally {
    await phone.context.close();
  }
});

test('"Present from this slide" opens the presenter there, and a session started there starts there', async ({ signedInPage: page }) => {
  const names = NAMES.nl;
  const errors = consoleErrors(page);
  const deck = await templateDeck(page.request);
  await page.goto(`/decks/${deck.id}`);
  const slides = page.getByRole('listbox', { name: /Dia’s/ }).getByRole('option');
  await expect(slides.first()).toBeVisible();
  await slides.nth(2).click();
  await expect(slides.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('link', { name: names.presentFromSlide }).click();

  await expect(page).toHaveURL(/\/present\?slide=/);
  await expect(page.getByRole('region', { name: names.slide(3) })).toBeVisible();
  // No link yet: starting offers to make one, or to start anyway.
  await page.getByRole('button', { name: names.startSession }).click();
  const dialog = page.getByRole('dialog', { name: names.dialog });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('status').filter({ hasText: 'nog geen actieve link' })).toBeVisible();
  await dialog.getByRole('button', { name: names.startAnyway }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText(names.live)).toBeVisible();
  // The session's position is the chosen slide (the presenter follows the deck's state while live).
  await page.waitForTimeout(1000);
  await expect(page.getByRole('region', { name: names.slide(3) })).toBeVisible();
  await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  expect(errors).toEqual([]);
});

test('on a phone the presenter page fits the screen, answers, and can start and share', async ({ browser, signedInPage: page }) => {
  const deck = await templateDeck(page.request);
  const names = NAMES.nl;
  // The same signed-in session, on a phone-sized screen.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: names.locale, storageState: await page.context().storageState() });
  const phone = await context.newPage();
  const errors = consoleErrors(phone);
  try {
    await openPresenter(phone, deck.id, names);
    // reveal.js's own scroll view (below 435 px) once toggled itself on and off for ever here.
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const start = phone.getByRole('button', { name: names.startSession });
    await expect(start).toBeInViewport();
    await phone.getByRole('button', { name: names.share, exact: true }).click();
    await expect(phone.getByRole('dialog', { name: names.dialog })).toBeVisible();
    await phone.keyboard.press('Escape');
    await phone.getByRole('button', { name: names.next }).first().click();
    await expect(phone.getByRole('region', { name: names.slide(2) })).toBeVisible();
    expect(errors).toEqual([]);
  } finally {
    await context.close();
  }
});
