/**
 * [AU13]: the attendee page arrives with the live slide in it, drawn by the server from the
 * audience document, so a phone on a slow network shows the slide before the app runs; the
 * app then takes over without a loading screen in between. What the page's bytes carry is
 * what the link may read: the live slide, never its notes or a slide not shown.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import { expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';

const MARK = {
  shown: 'ZICHTBAAR-7Q2',
  notes: 'NOTITIE-GEHEIM-4K8',
  later: 'LATER-GEHEIM-9P3',
  hidden: 'VERBORGEN-GEHEIM-2M6',
} as const;

/** A deck whose first slide is shown at the start; notes, a later slide and a hidden one hold markers. */
async function importDeck(request: APIRequestContext, title: string): Promise<string> {
  const file = [
    '---',
    'format: tussenstand/1',
    `title: ${title}`,
    'language: nl',
    'theme: nacht',
    '---',
    '',
    '## Stand van zaken',
    '',
    `- ${MARK.shown} eerste punt`,
    '- tweede punt: `<img src=x onerror=alert(1)>`',
    '',
    `Note: ${MARK.notes} alleen voor de presentator`,
    '',
    '---',
    '<!-- slide: layout=title-content hidden -->',
    '',
    `## ${MARK.hidden}`,
    '',
    '---',
    '',
    `## ${MARK.later}`,
    '',
    'Nog niet getoond',
    '',
  ].join('\n');
  const response = await request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function newLink(request: APIRequestContext, deckId: string): Promise<string> {
  const response = await request.post(`/api/decks/${deckId}/links`, { data: {} });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function presenting(page: Page): Promise<{ deckId: string; token: string }> {
  await signInViaApi(page);
  const deckId = await importDeck(page.request, uniqueTitle('E2E eerste dia'));
  const token = await newLink(page.request, deckId);
  return { deckId, token };
}

async function pageBytes(request: APIRequestContext, token: string, language = 'nl-NL'): Promise<string> {
  // Unauthenticated, as an attendee's phone: the link token is the only credential.
  const response = await request.get(`/v/${token}`, { headers: { 'accept-language': language, cookie: '' } });
  expect(response.status()).toBe(200);
  expect(response.headers()['cache-control']).toBe('no-store');
  return response.text();
}

test('the page carries the live slide and nothing an attendee may not read, only while a session runs', async ({ page, playwright }) => {
  const { deckId, token } = await presenting(page);
  const raw = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  try {
    // Before the session: the plain page.
    const waiting = await pageBytes(raw, token);
    expect(waiting).not.toContain('id="first-slide"');
    for (const mark of Object.values(MARK)) expect(waiting).not.toContain(mark);

    expect((await page.request.post(`/api/decks/${deckId}/presentation/start`)).status()).toBe(200);
    const live = await pageBytes(raw, token);
    expect(live).toContain('id="first-slide"');
    expect(live).toContain(MARK.shown);
    for (const mark of [MARK.notes, MARK.later, MARK.hidden]) expect(live, mark).not.toContain(mark);
    // Text is text: a tag written in the slide arrives escaped, never as an element.
    expect(live).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(live).not.toMatch(/<img[^>]*onerror/i);
    // No script was added (the CSP would refuse one): the app's own entry is the only script.
    expect(live.match(/<script/g)).toHaveLength(1);

    // The page's own words in the browser's language.
    expect(await pageBytes(raw, token, 'en-GB,en;q=0.9')).toMatch(/attendee-badge--live">.*Live<\/p>/);
    expect(await pageBytes(raw, token, 'nl-NL')).toContain('aria-label="Presentatie"');

    // A revoked link: the plain page, the slide gone from its bytes.
    expect((await page.request.delete(`/api/decks/${deckId}/links/${token}`)).status()).toBe(200);
    const revoked = await pageBytes(raw, token);
    expect(revoked).not.toContain(MARK.shown);
    expect(revoked).not.toContain('id="first-slide"');
  } finally {
    await raw.dispose();
  }
});

for (const language of ['nl', 'en'] as const) {
  test(`a phone without the app's code shows the live slide, and the app takes over without a gap (${language})`, async ({ page, browser }, testInfo) => {
    const { deckId, token } = await presenting(page);
    expect((await page.request.post(`/api/decks/${deckId}/presentation/start`)).status()).toBe(200);
    const phone = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: language === 'nl' ? 'nl-NL' : 'en-GB' };

    // JavaScript off: what the page itself carries is a styled slide, as wide as the screen.
    const bare = await browser.newContext({ ...phone, javaScriptEnabled: false });
    try {
      const attendee = await bare.newPage();
      await attendee.goto(`/v/${token}`);
      const slide = attendee.locator('#first-slide .slide');
      await expect(slide.getByRole('heading', { name: 'Stand van zaken' })).toBeVisible();
      await expect(slide.getByText(`${MARK.shown} eerste punt`)).toBeVisible();
      await expect(attendee.locator('#first-slide .attendee-badge--live')).toHaveText(language === 'nl' ? 'Live' : 'Live');
      const box = (await slide.boundingBox())!;
      expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
      expect(box.width).toBeGreaterThan(300);
      // The theme's stylesheet applied: the dark theme's slide is dark.
      const background = await slide.evaluate((el) => getComputedStyle(el).backgroundColor);
      expect(background).not.toBe('rgba(0, 0, 0, 0)');
      await attendee.screenshot({ path: testInfo.outputPath(`first-slide-no-js-${language}.png`) });
    } finally {
      await bare.close();
    }

    // With the app: the server's slide goes once the app draws the same slide.
    const full = await browser.newContext(phone);
    try {
      const attendee = await full.newPage();
      await attendee.goto(`/v/${token}`);
      const appSlide = attendee.locator('#root .attendee-slide');
      await expect(appSlide.getByText(`${MARK.shown} eerste punt`)).toBeVisible();
      await expect(attendee.locator('#first-slide')).toHaveCount(0);
      await expect(attendee.getByText(`${MARK.shown} eerste punt`)).toHaveCount(1);
      await attendee.screenshot({ path: testInfo.outputPath(`first-slide-app-${language}.png`) });
    } finally {
      await full.close();
    }
  });
}
