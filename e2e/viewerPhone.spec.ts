/**
 * #17 "Attendee on a phone": the slide spans a portrait phone's width and fills a landscape
 * one; the picture zooms by double tap and pinch (and the page stays zoomable); the reading
 * view ("Leesweergave" / "Reading view") shows the slide's heading and list as text at the
 * phone's size and a chart as a table of its values, follows the presenter and is remembered;
 * a screen reader hears each new slide once, not an edit; nothing scrolls sideways at 320 px.
 */
import type { Browser, BrowserContext, CDPSession, Page } from '@playwright/test';
import type { LinkInfo, StatResponse } from '../shared/api.ts';
import { expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';
import { PresenterView } from './pages/PresentPages.ts';

// A presenter, an editor and an attendee's phone: more than the default 30 s.
test.describe.configure({ timeout: 180_000 });

const PHONE = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true } as const;

const WORDS = {
  nl: {
    locale: 'nl-NL',
    reading: 'Leesweergave',
    resetZoom: 'Zoom herstellen',
    slide: (n: number, m: number) => `Dia ${n} van ${m}`,
    announce: (n: number, title: string) => `Dia ${n}: ${title}`,
    chart: 'Interviews per maand',
    month: 'Maand',
    firstMonth: 'jan 2026',
    firstValue: '1.234',
    total: 'Totaal',
    totalValue: '1.290',
    number: (n: number) => new Intl.NumberFormat('nl-NL').format(n),
  },
  en: {
    locale: 'en-GB',
    reading: 'Reading view',
    resetZoom: 'Reset zoom',
    slide: (n: number, m: number) => `Slide ${n} of ${m}`,
    announce: (n: number, title: string) => `Slide ${n}: ${title}`,
    chart: 'Interviews per month',
    month: 'Month',
    firstMonth: 'Jan 2026',
    firstValue: '1,234',
    total: 'Total',
    totalValue: '1,290',
    number: (n: number) => new Intl.NumberFormat('en').format(n),
  },
} as const;

type Language = keyof typeof WORDS;

const HEADINGS = { nl: ['Eerste dia', 'Cijfers', 'Derde dia'], en: ['First slide', 'Figures', 'Third slide'] } as const;

/** A deck in `language`: a heading and a list; a frozen series and a live number; some text. */
async function importDeck(page: Page, language: Language): Promise<{ id: string; title: string }> {
  const title = uniqueTitle(`E2E telefoon ${language}`);
  const [one, two, three] = HEADINGS[language];
  const file = [
    '---',
    'format: tussenstand/1',
    `title: ${title}`,
    `language: ${language}`,
    '---',
    '',
    `## ${one}`,
    '',
    '- Appel',
    '- Peer',
    '',
    '---',
    '',
    `## ${two}`,
    '',
    '```chart',
    'stat: interviews.byMonth',
    'view: line',
    'frozenValue: [{"label":"2026-01","value":1234},{"label":"2026-02","value":56}]',
    'frozenAt: 2026-11-01T10:00:00.000Z',
    '```',
    '',
    '```chart',
    'stat: interviews.total',
    'view: number',
    '```',
    '',
    '---',
    '',
    `## ${three}`,
    '',
    'Drie',
    '',
  ].join('\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, title };
}

async function createLink(page: Page, deckId: string): Promise<LinkInfo> {
  const response = await page.request.post(`/api/decks/${deckId}/links`, { data: { label: 'Telefoon' } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as LinkInfo;
}

/** Every text the live region ever held, recorded in the page from its first script on. */
async function recordAnnouncements(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const said: string[] = [];
    (window as unknown as { announcements: string[] }).announcements = said;
    let last = '';
    new MutationObserver(() => {
      const region = document.querySelector('[data-slide-announcer]');
      const text = region?.textContent ?? '';
      if (region && text !== last) {
        last = text;
        if (text) said.push(text);
      }
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

const announcements = (page: Page): Promise<string[]> => page.evaluate(() => [...(window as unknown as { announcements: string[] }).announcements]);

async function phone(browser: Browser, language: Language, url: string, options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: WORDS[language].locale, timezoneId: 'Europe/Amsterdam', ...PHONE, ...options });
  await recordAnnouncements(context);
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** A presenter (Dutch, the page object's words) with a session started on `deckId`. */
async function presentLive(page: Page, deckId: string): Promise<PresenterView> {
  const presenter = new PresenterView(page);
  await presenter.goto(deckId);
  await presenter.startSession.click();
  await expect(presenter.endSession).toBeVisible();
  return presenter;
}

for (const language of ['nl', 'en'] as const) {
  test(`on a phone the slide spans the screen; the reading view reads it and follows the presenter; each slide is announced once (${language})`, async ({ browser, signedInPage: page }, testInfo) => {
    const w = WORDS[language];
    const [one, two] = HEADINGS[language];
    const deck = await importDeck(page, language);
    const link = await createLink(page, deck.id);
    const presenter = await presentLive(page, deck.id);
    const attendee = await phone(browser, language, link.url);
    const editorContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
    try {
      const a = attendee.page;
      const picture = a.getByRole('region', { name: w.slide(1, 1) });
      await expect(picture).toContainText(one);
      // As wide as the screen, upright.
      const box = (await picture.boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(390 * 0.95);
      expect(box.x).toBeLessThanOrEqual(390 * 0.025);
      await a.screenshot({ path: testInfo.outputPath(`portrait-picture-${language}.png`) });
      // The first slide is announced once.
      await expect.poll(() => announcements(a)).toEqual([w.announce(1, one)]);
      // The picture is named and is not itself a live region.
      await expect(picture).not.toHaveAttribute('aria-live', /./);

      // The reading view: the slide's own heading and list, as text at the phone's size.
      const toggle = a.getByRole('button', { name: w.reading });
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      const toggleBox = (await toggle.boundingBox())!;
      expect(toggleBox.width).toBeGreaterThanOrEqual(44);
      expect(toggleBox.height).toBeGreaterThanOrEqual(44);
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      const reading = a.getByRole('article', { name: w.slide(1, 1) });
      const heading = reading.getByRole('heading', { name: one });
      await expect(heading).toBeVisible();
      await expect(reading.getByRole('listitem')).toHaveText(['Appel', 'Peer']);
      const fontSize = (locator: typeof heading) => locator.evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
      expect(await fontSize(reading.getByRole('listitem').first())).toBeGreaterThanOrEqual(16);
      expect(await fontSize(heading)).toBeGreaterThanOrEqual(16);
      await expect(a.getByRole('region', { name: w.slide(1, 1) })).toHaveCount(0);
      await a.screenshot({ path: testInfo.outputPath(`portrait-reading-${language}.png`) });

      // The presenter moves on: the reading view follows, with the chart as its data table.
      await presenter.next.click();
      await presenter.expectAt(2, 3);
      const next = a.getByRole('article', { name: w.slide(2, 2) });
      await expect(next.getByRole('heading', { name: two })).toBeVisible();
      const series = next.getByRole('table', { name: new RegExp(`^${w.chart}`) });
      await expect(series.getByRole('columnheader')).toHaveText([w.month, 'Interviews']);
      await expect(series.getByRole('row', { name: `${w.firstMonth} ${w.firstValue}` })).toBeVisible();
      await expect(series.getByRole('row', { name: `${w.total} ${w.totalValue}` })).toBeVisible();
      // The live number, from the stats socket: the value the server has.
      const stat = (await (await page.request.get('/api/stats/interviews.total')).json()) as StatResponse;
      const live = next.getByRole('table', { name: 'Interviews', exact: true });
      await expect(live.getByRole('cell')).toHaveText(w.number(stat.value as number));
      expect(await fontSize(live.getByRole('cell'))).toBeGreaterThanOrEqual(16);
      await a.screenshot({ path: testInfo.outputPath(`portrait-reading-chart-${language}.png`), fullPage: true });
      await expect.poll(() => announcements(a)).toEqual([w.announce(1, one), w.announce(2, two)]);

      // An edit to the slide on screen reaches the attendee but is not announced again.
      const editorPage = await editorContext.newPage();
      await signInViaApi(editorPage);
      const editor = new DeckPage(editorPage);
      await editorPage.goto(`/decks/${deck.id}`);
      await expect(editor.canvas).toBeVisible({ timeout: 30_000 });
      await editor.slide(1).click();
      await editor.canvas.getByRole('heading', { name: two }).click();
      await editorPage.keyboard.press('End');
      await editorPage.keyboard.type(' 2026');
      await expect(next.getByRole('heading', { name: `${two} 2026` })).toBeVisible();
      await a.waitForTimeout(500);
      expect(await announcements(a)).toEqual([w.announce(1, one), w.announce(2, two)]);

      // Remembered on this phone: after a reload it opens in the reading view.
      await a.reload();
      await expect(a.getByRole('button', { name: w.reading })).toHaveAttribute('aria-pressed', 'true');
      await expect(a.getByRole('article', { name: w.slide(2, 2) }).getByRole('heading', { name: `${two} 2026` })).toBeVisible();
      // Back to the picture.
      await a.getByRole('button', { name: w.reading }).click();
      await expect(a.getByRole('button', { name: w.reading })).toHaveAttribute('aria-pressed', 'false');
      await expect(a.getByRole('region', { name: w.slide(2, 2) })).toBeVisible();
    } finally {
      await editorContext.close();
      await attendee.context.close();
    }
  });
}

/** Two fingers on the screen, moved apart (Chromium's touch input, as a phone sends it). */
async function pinchOut(cdp: CDPSession, centre: { x: number; y: number }, from: number, to: number): Promise<void> {
  const points = (half: number) => [
    { x: centre.x - half, y: centre.y, id: 1 },
    { x: centre.x + half, y: centre.y, id: 2 },
  ];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  const steps = 6;
  for (let i = 1; i <= steps; i += 1) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(from + ((to - from) * i) / steps) });
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** How much larger the slide is drawn than its box (1: not zoomed). */
const drawnScale = (page: Page): Promise<number> =>
  page.locator('.attendee-slide').evaluate((section) => {
    const slide = section.querySelector('.slide')!;
    return slide.getBoundingClientRect().width / section.getBoundingClientRect().width;
  });

test('the picture zooms by double tap and pinch, "Zoom herstellen" restores it; the page stays zoomable', async ({ browser, signedInPage: page }) => {
  const deck = await importDeck(page, 'nl');
  const link = await createLink(page, deck.id);
  await presentLive(page, deck.id);
  const attendee = await phone(browser, 'nl', link.url);
  try {
    const a = attendee.page;
    const picture = a.getByRole('region', { name: 'Dia 1 van 1' });
    await expect(picture).toContainText('Eerste dia');
    // The browser may zoom the page: nothing in the viewport forbids it.
    const viewport = (await a.locator('meta[name="viewport"]').getAttribute('content')) ?? '';
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale\s*=\s*1(\.0*)?\b/);

    const reset = a.getByRole('button', { name: 'Zoom herstellen' });
    await expect(reset).toHaveCount(0);
    const box = (await picture.boundingBox())!;
    // Double tap: zoomed in at that spot. Two taps as a phone sends them, in one go (a
    // tap at a time from the test can be further apart than a double tap on a busy machine).
    await picture.evaluate((section, at) => {
      for (const type of ['pointerdown', 'pointerup', 'pointerdown', 'pointerup']) {
        section.dispatchEvent(new PointerEvent(type, { pointerType: 'touch', pointerId: 11, isPrimary: true, clientX: at.x, clientY: at.y, bubbles: true }));
      }
    }, { x: box.x + box.width * 0.3, y: box.y + box.height * 0.4 });
    await expect.poll(() => drawnScale(a)).toBeGreaterThan(2);
    await expect(reset).toBeVisible();
    const resetBox = (await reset.boundingBox())!;
    expect(resetBox.height).toBeGreaterThanOrEqual(44);
    await a.screenshot({ path: test.info().outputPath('portrait-zoomed.png') });
    await reset.click();
    await expect.poll(() => drawnScale(a)).toBeCloseTo(1, 2);
    await expect(reset).toHaveCount(0);

    // Two fingers moved apart: zoomed by about their ratio; a swipe while zoomed pans, it does not change slides.
    const cdp = await a.context().newCDPSession(a);
    await pinchOut(cdp, { x: box.x + box.width / 2, y: box.y + box.height / 2 }, 30, 75);
    await expect.poll(() => drawnScale(a)).toBeGreaterThan(1.8);
    await expect(reset).toBeVisible();
    await reset.click();
    await expect.poll(() => drawnScale(a)).toBeCloseTo(1, 2);
  } finally {
    await attendee.context.close();
  }
});

test('at 320 px nothing scrolls sideways; a phone held sideways shows the slide at full height', async ({ browser, signedInPage: page }, testInfo) => {
  const deck = await importDeck(page, 'nl');
  const link = await createLink(page, deck.id);
  const presenter = await presentLive(page, deck.id);
  await presenter.next.click();
  const narrow = await phone(browser, 'nl', link.url, { viewport: { width: 320, height: 640 } });
  const sideways = await phone(browser, 'nl', link.url, { viewport: { width: 844, height: 390 } });
  const desktop = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
  try {
    const n = narrow.page;
    const sideScroll = () => n.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    await expect(n.getByRole('region', { name: 'Dia 2 van 2' })).toBeVisible();
    expect(await sideScroll()).toBe(0);
    for (const button of await n.getByRole('button').all()) {
      const b = (await button.boundingBox())!;
      const name = (await button.getAttribute('aria-label')) ?? (await button.textContent()) ?? '';
      expect(b.width, name).toBeGreaterThanOrEqual(44);
      expect(b.height, name).toBeGreaterThanOrEqual(44);
    }
    await n.getByRole('button', { name: 'Leesweergave' }).click();
    await expect(n.getByRole('table', { name: /^Interviews per maand/ })).toBeVisible();
    expect(await sideScroll()).toBe(0);
    await n.screenshot({ path: testInfo.outputPath('narrow-reading.png') });

    // Sideways: the slide as tall as the screen, the controls beside it.
    const s = sideways.page;
    const slide = s.getByRole('region', { name: 'Dia 2 van 2' });
    await expect(slide).toBeVisible();
    const box = (await slide.boundingBox())!;
    expect(box.height).toBeGreaterThanOrEqual(390 * 0.95);
    await expect(s.getByRole('button', { name: 'Leesweergave' })).toBeVisible();
    await s.screenshot({ path: testInfo.outputPath('landscape-picture.png') });

    const d = await desktop.newPage();
    await d.goto(link.url);
    await expect(d.getByRole('region', { name: 'Dia 2 van 2' })).toBeVisible();
    await d.screenshot({ path: testInfo.outputPath('desktop-picture.png') });
  } finally {
    await desktop.close();
    await sideways.context.close();
    await narrow.context.close();
  }
});
