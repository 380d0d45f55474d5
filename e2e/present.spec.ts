/**
 * Presenting live: the presenter runs the deck, attendees follow on their links (laptop and
 * phone), may look back but never ahead, and cannot write; the speaker view keeps in step;
 * revoked and expired links are told so in the middle of a talk.
 *
 * Most tests present the seeded example deck (10 slides, notes, live charts) and end the
 * session they started, so each starts from "not live".
 */
import { readFile } from 'node:fs/promises';
import { devices, type APIRequestContext, type Browser, type BrowserContext, type Page } from '@playwright/test';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { DeckSummary, LinkInfo } from '../shared/api.ts';
import { addSlide, writeMeta } from '../shared/deckModel.ts';
import { heading } from '../shared/slideContent.ts';
import { expectNoSeriousViolations } from './axe.ts';
import { createDeckViaApi, EXAMPLE_DECK_TITLE, expect, expectConsoleErrors, findExampleDeck, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { AttendeeView, PresenterView, SpeakerView } from './pages/PresentPages.ts';

const TOTAL = 10;

// Several browsers, a live session and charts each: more than the default 30 s.
test.describe.configure({ timeout: 90_000 });

async function exampleDeck(request: APIRequestContext): Promise<DeckSummary> {
  const deck = await findExampleDeck(request);
  // Start from "not live", whatever an earlier test left behind.
  expect((await request.post(`/api/decks/${deck.id}/presentation/stop`)).status()).toBe(200);
  return deck;
}

async function createLink(request: APIRequestContext, deckId: string, label: string, expiresAt?: string): Promise<LinkInfo> {
  const response = await request.post(`/api/decks/${deckId}/links`, { data: expiresAt ? { label, expiresAt } : { label } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as LinkInfo;
}

/** A phone: the iPhone 13's screen and touch, in the desktop Chromium the tests use. */
const PHONE = {
  viewport: devices['iPhone 13'].viewport,
  deviceScaleFactor: devices['iPhone 13'].deviceScaleFactor,
  isMobile: true,
  hasTouch: true,
};

async function attendee(browser: Browser, url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; view: AttendeeView }> {
  const context = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam', ...options });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page, view: new AttendeeView(page) };
}

/** The current slide's text, without the charts' axis labels (they depend on the width). */
const text = (page: Page): Promise<string> =>
  page.getByRole('region', { name: /^Dia \d+ van \d+$/ }).evaluate((region) => {
    const copy = region.cloneNode(true) as HTMLElement;
    for (const figure of copy.querySelectorAll('figure')) figure.replaceWith(figure.getAttribute('data-stat-key') ?? '');
    return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
  });

/** The attendee's slide shows what the presenter's shows. */
async function expectSameSlide(presenter: Page, viewer: Page): Promise<void> {
  await expect.poll(async () => (await text(viewer)) === (await text(presenter)) && (await text(presenter)).length > 0, { timeout: 10_000 }).toBe(true);
}

test('the presenter starts a session and advances; attendees on a laptop and a phone follow', async ({ browser, signedInPage: page }) => {
  const deck = await exampleDeck(page.request);
  const link = await createLink(page.request, deck.id, 'OM');
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await presenter.expectAt(1, TOTAL);
  await expect(page.getByText('Niet live: repetitie')).toBeVisible();

  const laptop = await attendee(browser, link.url);
  const phone = await attendee(browser, link.url, PHONE);
  try {
    // Before the session: a waiting screen with the deck's title.
    for (const a of [laptop, phone]) {
      await expect(a.view.waiting).toBeVisible();
      await expect(a.page.getByRole('heading', { level: 1 })).toHaveText(EXAMPLE_DECK_TITLE);
    }
    await expectNoSeriousViolations(phone.page);
    // Rehearsing moves nobody.
    await presenter.next.click();
    await presenter.expectAt(2, TOTAL);
    await presenter.previous.click();
    await presenter.expectAt(1, TOTAL);
    await expect(laptop.view.waiting).toBeVisible();

    await presenter.startSession.click();
    await expect(presenter.endSession).toBeVisible();
    await expect(page.getByText(/^Live\b/)).toBeVisible();
    for (const a of [laptop, phone]) {
      await a.view.expectAt(1, 1);
      await expectSameSlide(page, a.page);
    }
    await expect(page.getByText('2 kijkers')).toBeVisible();

    // Keys on the slides, then the toolbar button.
    await presenter.slide.click();
    await page.keyboard.press('ArrowRight');
    await presenter.expectAt(2, TOTAL);
    for (const a of [laptop, phone]) {
      await a.view.expectAt(2, 2);
      await expectSameSlide(page, a.page);
    }
    await presenter.next.click();
    await presenter.expectAt(3, TOTAL);
    for (const a of [laptop, phone]) {
      await a.view.expectAt(3, 3);
      await expectSameSlide(page, a.page);
      // A live chart, drawn for the attendee with the link's token.
      await expect(a.page.getByRole('img', { name: /Interviews/ })).toBeVisible();
    }
    await expect(page.getByRole('img', { name: /Interviews/ })).toBeVisible();

    // Holding L shows the laser pointer, for the attendees too (where the presenter points).
    const box = (await presenter.slide.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.25, box.y + box.height * 0.5);
    await page.keyboard.down('l');
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.6);
    for (const a of [laptop, phone]) {
      const dot = a.page.locator('.laser-dot--remote');
      await expect(dot).toBeVisible();
      const slideBox = (await a.view.slide.boundingBox())!;
      const dotBox = (await dot.boundingBox())!;
      expect((dotBox.x + dotBox.width / 2 - slideBox.x) / slideBox.width).toBeCloseTo(0.3, 1);
      expect((dotBox.y + dotBox.height / 2 - slideBox.y) / slideBox.height).toBeCloseTo(0.6, 1);
    }
    await page.keyboard.up('l');
    for (const a of [laptop, phone]) await expect(a.page.locator('.laser-dot--remote')).toHaveCount(0);
    // The presenter's arrow key still moves on after the pointer.
    await presenter.expectAt(3, TOTAL);

    // Following takes well under a second.
    const before = Date.now();
    await page.keyboard.press('ArrowRight');
    await laptop.view.expectAt(4, 4);
    expect(Date.now() - before).toBeLessThan(1_500);
    await phone.view.expectAt(4, 4);

    await expect(page.getByText('2 kijkers')).toBeVisible();
    await expectNoSeriousViolations(page);
    await expectNoSeriousViolations(phone.page);

    await presenter.end();
    for (const a of [laptop, phone]) await expect(a.page.getByText('De presentatie is afgelopen.')).toBeVisible();
  } finally {
    await laptop.context.close();
    await phone.context.close();
  }
});

test('an attendee can look back but never ahead, and "Terug naar live" returns', async ({ browser, signedInPage: page }) => {
  const deck = await exampleDeck(page.request);
  const link = await createLink(page.request, deck.id, 'Team');
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await presenter.startSession.click();
  await expect(presenter.endSession).toBeVisible();
  for (let i = 0; i < 3; i++) await presenter.next.click();
  await presenter.expectAt(4, TOTAL);

  const laptop = await attendee(browser, link.url);
  const phone = await attendee(browser, link.url, PHONE);
  try {
    const { page: a, view } = laptop;
    await view.expectAt(4, 4);
    await expect(view.next).toBeDisabled();
    await expect(view.backToLive).toBeDisabled();

    // Back with the arrow key and the button.
    await a.keyboard.press('ArrowLeft');
    await view.expectAt(3, 4);
    await expect(a.getByText('Eerdere dia')).toBeVisible();
    await view.previous.click();
    await view.expectAt(2, 4);
    // Forward again, but not past the presenter.
    await view.next.click();
    await view.expectAt(3, 4);
    await a.keyboard.press('ArrowRight');
    await view.expectAt(4, 4);
    await a.keyboard.press('ArrowRight');
    await a.keyboard.press('ArrowRight');
    await view.expectAt(4, 4);
    await expect(view.next).toBeDisabled();

    // While the attendee re-reads, the presenter moves on; "Terug naar live" catches up.
    await a.keyboard.press('ArrowLeft');
    await a.keyboard.press('ArrowLeft');
    await view.expectAt(2, 4);
    await presenter.next.click();
    await presenter.expectAt(5, TOTAL);
    await view.expectAt(2, 5);
    await view.backToLive.click();
    await view.expectAt(5, 5);
    await expectSameSlide(page, a);

    // End and L do the same.
    await a.keyboard.press('Home');
    await view.expectAt(1, 5);
    await a.keyboard.press('End');
    await view.expectAt(5, 5);
    await a.keyboard.press('ArrowLeft');
    await view.expectAt(4, 5);
    await a.keyboard.press('l');
    await view.expectAt(5, 5);

    // The presenter going back past the attendee takes them along.
    await a.keyboard.press('ArrowLeft');
    await view.expectAt(4, 5);
    await presenter.previous.click();
    await presenter.previous.click();
    await presenter.expectAt(3, TOTAL);
    await view.expectAt(3, 5);

    // On the phone: swipe right for the previous slide, left for the next.
    await phone.view.expectAt(3, 5);
    const swipe = async (fromX: number, toX: number) => {
      await phone.view.slide.dispatchEvent('pointerdown', { pointerType: 'touch', pointerId: 7, isPrimary: true, clientX: fromX, clientY: 300 });
      await phone.view.slide.dispatchEvent('pointerup', { pointerType: 'touch', pointerId: 7, isPrimary: true, clientX: toX, clientY: 305 });
    };
    await swipe(80, 300);
    await phone.view.expectAt(2, 5);
    await swipe(300, 80);
    await phone.view.expectAt(3, 5);
    await swipe(300, 80);
    await phone.view.expectAt(3, 5);
  } finally {
    await laptop.context.close();
    await phone.context.close();
    await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  }
});

/** A y-websocket Update frame (message 0, sync step 0/2) carrying a Yjs update. */
function updateFrame(update: Uint8Array): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return Array.from(encoding.toUint8Array(encoder));
}

test('an attendee page has nothing to edit, and writes forged on its link are refused', async ({ browser, signedInPage: page }) => {
  const deck = await exampleDeck(page.request);
  const link = await createLink(page.request, deck.id, 'OM');
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await presenter.startSession.click();
  await expect(presenter.endSession).toBeVisible();

  const a = await attendee(browser, link.url);
  try {
    await a.view.expectAt(1, 1);
    // Nothing editable: no contenteditable, no text fields, only the navigation buttons.
    await expect(a.page.locator('[contenteditable]')).toHaveCount(0);
    await expect(a.page.getByRole('textbox')).toHaveCount(0);
    await expect(a.page.getByRole('spinbutton')).toHaveCount(0);
    const buttons = await a.page.getByRole('button').evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? ''));
    expect(buttons.sort()).toEqual(['Leesweergave', 'Terug naar live', 'Volgende dia', 'Vorige dia']);
    await expectNoSeriousViolations(a.page);

    // Forge: a new slide and a new title, sent as a y-websocket update on the link's socket.
    const forged = new Y.Doc();
    addSlide(forged, { content: [heading(1, 'GEHACKT via de link')] });
    writeMeta(forged, { title: 'GEHACKT' });
    const frame = updateFrame(Y.encodeStateAsUpdate(forged));
    const socketUrl = `${new URL(page.url()).origin.replace(/^http/, 'ws')}/sync/${deck.id}?token=${encodeURIComponent(link.token)}`;
    const stillOpen = await a.page.evaluate(
      async ({ url, bytes }) => {
        const ws = new WebSocket(url);
        ws.binaryType = 'arraybuffer';
        await new Promise<void>((resolve, reject) => {
          ws.addEventListener('open', () => resolve());
          ws.addEventListener('close', (e) => reject(new Error(`closed ${e.code}`)));
        });
        ws.send(new Uint8Array(bytes));
        await new Promise((resolve) => setTimeout(resolve, 1_000));
        const open = ws.readyState === WebSocket.OPEN;
        ws.close();
        return open;
      },
      { url: socketUrl, bytes: frame },
    );
    // Dropped, not punished (sync-spec RO2).
    expect(stillOpen).toBe(true);

    // The deck did not change: not for the API, not for a new attendee, not for the presenter.
    const summary = (await (await page.request.get(`/api/decks/${deck.id}`)).json()) as DeckSummary;
    expect(summary.title).toBe(EXAMPLE_DECK_TITLE);
    expect(summary.slideCount).toBe(TOTAL);
    const fresh = await attendee(browser, link.url);
    try {
      await fresh.view.expectAt(1, 1);
      await expect(fresh.page.getByRole('heading', { level: 1 }).first()).toHaveText(EXAMPLE_DECK_TITLE);
    } finally {
      await fresh.context.close();
    }
    await page.keyboard.press('End');
    await presenter.expectAt(TOTAL, TOTAL);
    await expect(page.getByText('GEHACKT')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1 }).first()).toHaveText(EXAMPLE_DECK_TITLE);
  } finally {
    await a.context.close();
    await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  }
});

test('the speaker view and the presenter stay in step, with notes, before and during the session', async ({ signedInPage: page }) => {
  const deck = await exampleDeck(page.request);
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);

  const popupPromise = page.waitForEvent('popup');
  await presenter.speakerView.click();
  const popup = await popupPromise;
  const speaker = new SpeakerView(popup);
  try {
    await speaker.expectAt(1);
    await expect(speaker.notes).toContainText('Welkom aan het IIPSy-team en het OM.');
    await expect(speaker.nextSlide).toContainText('Stand van het onderzoek');
    await expect(popup.getByText(/\d{2}:\d{2}/).first()).toBeVisible();

    // Rehearsal: the two windows keep in step without touching the deck.
    await speaker.next.click();
    await speaker.expectAt(2);
    await presenter.expectAt(2, TOTAL);
    await presenter.previous.click();
    await speaker.expectAt(1);

    // Live: through the deck's presentation state.
    await presenter.startSession.click();
    await expect(presenter.endSession).toBeVisible();
    await expect(popup.getByText(/^Live\b/)).toBeVisible();
    await speaker.next.click();
    await speaker.expectAt(2);
    await presenter.expectAt(2, TOTAL);
    await expect(speaker.notes).toContainText('Benadruk dat de cijfers live uit het onderzoekslogboek komen');

    await presenter.slide.click();
    await page.keyboard.press('ArrowRight');
    await presenter.expectAt(3, TOTAL);
    await speaker.expectAt(3);
    await expect(speaker.notes).toContainText('Laat zien dat het tempo na de zomer van 2025 omhoog ging');
    await expect(speaker.nextSlide).toContainText('van de gesproken organisaties');

    await popup.bringToFront();
    await popup.keyboard.press('ArrowRight');
    await speaker.expectAt(4);
    await presenter.expectAt(4, TOTAL);
    await popup.keyboard.press('ArrowLeft');
    await presenter.expectAt(3, TOTAL);
    // The elapsed time runs from the session's start.
    await expect(popup.getByRole('definition').first()).toHaveText(/^\d{2}:\d{2}$/);
    await expectNoSeriousViolations(popup);
  } finally {
    await popup.close();
    await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  }
});

test('revoking a link mid-talk, or its expiry, tells the attendee at once', async ({ browser, signedInPage: page }) => {
  const deck = await exampleDeck(page.request);
  const revoked = await createLink(page.request, deck.id, 'Intrekken');
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await presenter.startSession.click();
  await expect(presenter.endSession).toBeVisible();

  const a = await attendee(browser, revoked.url);
  // A link that expires a few seconds from now, opened right away.
  const expiring = await createLink(page.request, deck.id, 'Verloopt', new Date(Date.now() + 8_000).toISOString());
  const b = await attendee(browser, expiring.url);
  try {
    await a.view.expectAt(1, 1);
    await b.view.expectAt(1, 1);
    const response = await page.request.delete(`/api/decks/${deck.id}/links/${revoked.token}`);
    expect(response.status()).toBe(200);
    await expect(a.page.getByRole('heading', { level: 1, name: 'Link ingetrokken' })).toBeVisible({ timeout: 5_000 });
    await expect(a.page.getByRole('alert')).toContainText('De presentator heeft deze link ingetrokken.');
    await expect(a.view.slide).toHaveCount(0);

    await expect(b.page.getByRole('heading', { level: 1, name: 'Link verlopen' })).toBeVisible({ timeout: 20_000 });
    await expect(b.view.slide).toHaveCount(0);
    await expectNoSeriousViolations(a.page);
  } finally {
    await a.context.close();
    await b.context.close();
    await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  }
});

test('moving a deck to the trash mid-talk tells its attendees', async ({ browser, signedInPage: page }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E prullenbak'));
  const link = await createLink(page.request, deck.id, 'OM');
  expect((await page.request.post(`/api/decks/${deck.id}/presentation/start`)).status()).toBe(200);
  const a = await attendee(browser, link.url);
  try {
    await a.view.expectAt(1, 1);
    expect((await page.request.delete(`/api/decks/${deck.id}`)).status()).toBe(200);
    await expect(a.page.getByRole('heading', { level: 1, name: 'Presentatie niet beschikbaar' })).toBeVisible({ timeout: 5_000 });
    await expect(a.view.slide).toHaveCount(0);
  } finally {
    await a.context.close();
  }
});

for (const [locale, offline, reconnecting] of [
  ['nl-NL', 'Offline', 'Opnieuw verbinden…'],
  ['en-GB', 'Offline', 'Reconnecting…'],
] as const) {
  test(`an attendee who goes offline sees only the connection state, not also "Live" (${locale})`, async ({ browser, signedInPage: page }) => {
    const deck = await createDeckViaApi(page.request, uniqueTitle('E2E offline kijker'));
    const link = await createLink(page.request, deck.id, 'OM');
    expect((await page.request.post(`/api/decks/${deck.id}/presentation/start`)).status()).toBe(200);
    const a = await attendee(browser, link.url, { locale });
    // Offline, the browser cannot fetch what the page asks for next (a font weight not used before).
    expectConsoleErrors(a.page, /net::ERR_INTERNET_DISCONNECTED/);
    try {
      const header = a.page.getByRole('main');
      await expect(a.page.getByRole('region', { name: /^(Dia|Slide) 1 (van|of) 1$/ })).toBeVisible();
      await expect(header.getByText('Live', { exact: true })).toBeVisible();
      await a.context.setOffline(true);
      await expect(header.getByText(offline, { exact: true })).toHaveRole('status');
      await expect(header.getByText('Live', { exact: true })).toHaveCount(0);
      await a.context.setOffline(false);
      await expect(header.getByText('Live', { exact: true })).toBeVisible({ timeout: 15_000 });
      await expect(header.getByText(offline, { exact: true })).toHaveCount(0);
      await expect(header.getByText(reconnecting, { exact: true })).toHaveCount(0);
    } finally {
      await a.context.close();
      await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
    }
  });
}

for (const [language, labels] of [
  ['nl', { progress: 'Voortgang door de dia’s', at: (n: number) => `Dia ${n} van ${TOTAL}`, previous: 'Vorige dia', next: 'Volgende dia', above: 'Dia erboven', below: 'Dia eronder', nextButton: 'Volgende dia' }],
  ['en', { progress: 'Progress through the slides', at: (n: number) => `Slide ${n} of ${TOTAL}`, previous: 'Previous slide', next: 'Next slide', above: 'Slide above', below: 'Slide below', nextButton: 'Next slide' }],
] as const) {
  test(`reveal.js's own screen-reader labels follow the UI language (${language})`, async ({ signedInPage: page }) => {
    const deck = await exampleDeck(page.request);
    await page.goto('/');
    await page.getByLabel(/^(Taal|Language)$/).selectOption(language);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await page.goto(`/decks/${deck.id}/present`);
    const progress = page.getByRole('progressbar', { name: labels.progress });
    await expect(progress).toHaveAttribute('aria-valuetext', labels.at(1));
    await page.getByRole('button', { name: labels.nextButton, exact: true }).click();
    await expect(progress).toHaveAttribute('aria-valuetext', labels.at(2));
    // reveal.js's arrows are hidden here (the presenter has its own), but keep their labels in the language too.
    const controls = page.locator('.reveal .controls');
    await expect(controls.locator('.navigate-left')).toHaveAttribute('aria-label', labels.previous);
    await expect(controls.locator('.navigate-right')).toHaveAttribute('aria-label', labels.next);
    await expect(controls.locator('.navigate-up')).toHaveAttribute('aria-label', labels.above);
    await expect(controls.locator('.navigate-down')).toHaveAttribute('aria-label', labels.below);
  });
}

test('co-editors’ changes appear in the presenter at once, new slides included', async ({ browser, signedInPage: page }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E live bewerken'));
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await presenter.expectAt(1, 1);

  const editorContext = await browser.newContext({ storageState: await page.context().storageState() });
  const editorPage = await editorContext.newPage();
  const editor = new DeckPage(editorPage);
  try {
    await editor.goto(deck.id);
    await editor.typeAtEnd(' — bijgewerkt');
    await expect(presenter.slide).toContainText(`${deck.title} — bijgewerkt`);
    await editor.addSlide.click();
    await editor.canvas.click();
    await editorPage.keyboard.type('Nieuwe dia tijdens de presentatie');
    await presenter.expectAt(1, 2);
    await presenter.next.click();
    await presenter.expectAt(2, 2);
    await expect(presenter.slide).toContainText('Nieuwe dia tijdens de presentatie');
  } finally {
    await editorContext.close();
  }
});

test('the print page lays out one page per slide and a notes page each; the PDF has one page per slide', async ({ signedInPage: page }) => {
  const deck = await exampleDeck(page.request);
  await page.goto(`/decks/${deck.id}/print?notes=1`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true', { timeout: 20_000 });
  await expect(page.locator('body')).toHaveAttribute('data-print-progress', `${TOTAL}/${TOTAL}`);
  await expect(page.getByRole('region', { name: /^Dia \d+ van 10$/ })).toHaveCount(TOTAL);
  await expect(page.getByRole('region', { name: /^Notities bij dia \d+ van 10$/ })).toHaveCount(TOTAL);
  await expect(page.getByRole('region', { name: 'Notities bij dia 1 van 10' })).toContainText('Welkom aan het IIPSy-team');

  await page.goto(`/decks/${deck.id}/print`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true', { timeout: 20_000 });
  await page.emulateMedia({ media: 'print' });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  expect(countPdfPages(pdf)).toBe(TOTAL);

  // format=html: the reveal.js structure, not started.
  await page.emulateMedia({ media: 'screen' });
  await page.goto(`/decks/${deck.id}/print?format=html&notes=1`);
  await expect(page.locator('body')).toHaveAttribute('data-print-ready', 'true', { timeout: 20_000 });
  await expect(page.locator('.reveal > .slides > section')).toHaveCount(TOTAL);
  await expect(page.locator('.reveal > .slides > section > aside.notes')).toHaveCount(TOTAL);
  await expect(page.locator('.reveal.ready')).toHaveCount(0);
});

/** Pages in a PDF: `/Type /Page` objects (not `/Pages`). */
function countPdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length;
}

/** Exports through the presenter's menu (the same menu as the deck list's): the job's progress, then the file as a download. */
async function exportFrom(presenter: PresenterView, name: string): Promise<Buffer> {
  const { page } = presenter;
  await presenter.exportMenu.click();
  const downloadPromise = page.waitForEvent('download', { timeout: 60_000 });
  downloadPromise.catch(() => {});
  await page.getByRole('button', { name, exact: true }).click();
  // The job's progress is shown while the server renders (or the result, if it was quick).
  // The export menu's announcement (the page has another status: the connection).
  const outcome = page.getByRole('status').filter({ hasText: /klaar|mislukt/ });
  // (The export's bar, "Voortgang: …", not the presenter's own "Voortgang door de dia’s".)
  await expect(page.getByRole('progressbar', { name: /^Voortgang: / }).or(outcome)).toBeVisible();
  const failure = outcome.filter({ hasText: 'mislukt' });
  const download = await Promise.race([downloadPromise, failure.waitFor({ timeout: 60_000 }).then(async () => Promise.reject(new Error(await failure.innerText())))]);
  await expect(outcome).toHaveText(`${name} is klaar en wordt gedownload.`);
  await presenter.exportMenu.click();
  return readFile(await download.path());
}

test('PDF export from the presenter: one page per slide, and with notes a notes page after each', async ({ signedInPage: page }) => {
  test.setTimeout(120_000);
  const deck = await exampleDeck(page.request);
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);

  const pdf = await exportFrom(presenter, 'PDF');
  expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(countPdfPages(pdf)).toBe(TOTAL);

  const withNotes = await exportFrom(presenter, 'PDF met sprekersnotities');
  expect(countPdfPages(withNotes)).toBe(2 * TOTAL);
});

test('HTML export from the presenter: one self-contained reveal.js file', async ({ signedInPage: page }) => {
  test.setTimeout(120_000);
  const deck = await exampleDeck(page.request);
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);

  const file = await exportFrom(presenter, 'HTML (webpagina)');
  const html = file.toString('utf8');
  expect(html).toContain('<div class="reveal">');
  expect(html.match(/<section /g)?.length).toBe(TOTAL);
  expect(html).toContain('Reveal.initialize');
  expect(html).toContain('Interviews per maand');
});
