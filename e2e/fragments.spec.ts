/**
 * #17: a list marked "Stap voor stap tonen" / "Reveal step by step" in the editor is shown
 * item by item when presenting — → and Space, the next button, ← hides again — and an
 * attendee on a phone sees the items as they are revealed (an item not yet shown is not on
 * the page at all, [AU12]). A transition chosen in the editor is on the presenter's slide
 * and survives the deck file. Dutch and English.
 */
import type { Browser, Page } from '@playwright/test';
import { expect, signInViaApi, test, uniqueTitle } from './fixtures.ts';

const WORDS = {
  nl: {
    locale: 'nl-NL',
    toggle: 'Stap voor stap tonen',
    canvas: /^Inhoud van dia \d+$/,
    start: 'Sessie starten',
    next: 'Volgende dia',
    previous: 'Vorige dia',
    slide: (n: number, total: number) => `Dia ${n} van ${total}`,
    transition: 'Overgang',
    fade: 'Vervagen',
    connected: 'Verbonden',
  },
  en: {
    locale: 'en-GB',
    toggle: 'Reveal step by step',
    canvas: /^Slide \d+ content$/,
    start: 'Start session',
    next: 'Next slide',
    previous: 'Previous slide',
    slide: (n: number, total: number) => `Slide ${n} of ${total}`,
    transition: 'Transition',
    fade: 'Fade',
    connected: 'Connected',
  },
} as const;

const ITEMS = ['Eerst de aanleiding', 'Dan de bevindingen', 'Tot slot het advies'];

async function importDeck(page: Page, title: string): Promise<string> {
  const file = ['---', 'format: tussenstand/1', `title: ${title}`, 'language: nl', '---', '', '## Drie stappen', '', ...ITEMS.map((i) => `- ${i}`), '', '---', '', '## Slotdia', '', 'Vragen?', ''].join('\n');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(file) });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function phone(browser: Browser, locale: string, url: string): Promise<Page> {
  const context = await browser.newContext({ locale, timezoneId: 'Europe/Amsterdam', viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

for (const language of ['nl', 'en'] as const) {
  test(`a step list is revealed item by item on the presenter and on an attendee's phone (${language})`, async ({ browser }) => {
    test.setTimeout(90_000);
    const w = WORDS[language];
    const context = await browser.newContext({ locale: w.locale, timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    let attendee: Page | null = null;
    try {
      await signInViaApi(page);
      const deckId = await importDeck(page, uniqueTitle(`E2E stappen ${language}`));

      // The editor: the cursor in the list, the toolbar's toggle marks it.
      await page.goto(`/decks/${deckId}`);
      const canvas = page.getByRole('textbox', { name: w.canvas });
      await canvas.getByText(ITEMS[1]!).click();
      const toggle = page.getByRole('button', { name: w.toggle });
      await expect(toggle).toHaveAttribute('aria-pressed', 'false');
      await toggle.click();
      await expect(toggle).toHaveAttribute('aria-pressed', 'true');
      await expect(canvas.locator('ul[data-reveal="step"] > li')).toHaveCount(3);
      // Outside a list the toggle has nothing to act on.
      await canvas.getByText('Drie stappen').click();
      await expect(toggle).toBeDisabled();

      const link = await page.request.post(`/api/decks/${deckId}/links`, { data: { label: 'telefoon' } });
      expect(link.status()).toBe(201);
      const { url } = (await link.json()) as { url: string };

      await page.goto(`/decks/${deckId}/present`);
      await expect(page.getByRole('status').filter({ hasText: w.connected })).toBeVisible();
      await page.getByRole('button', { name: w.start }).click();
      const slide = page.getByRole('region', { name: /^(Dia|Slide) \d+ (van|of) \d+$/ });
      await expect(slide).toHaveAccessibleName(w.slide(1, 2));

      attendee = await phone(browser, w.locale, url);
      const live = attendee.getByRole('region', { name: w.slide(1, 1) });
      await expect(live).toContainText('Drie stappen');

      // Nothing revealed yet: the presenter hides the items, the attendee does not have them.
      for (const item of ITEMS) await expect(slide.getByText(item)).toBeHidden();
      for (const item of ITEMS) await expect(attendee.getByText(item)).toHaveCount(0);

      // → shows the first item, on both.
      await page.keyboard.press('ArrowRight');
      await expect(slide.getByText(ITEMS[0]!)).toBeVisible();
      await expect(slide.getByText(ITEMS[1]!)).toBeHidden();
      await expect(slide).toHaveAccessibleName(w.slide(1, 2));
      await expect(live.getByText(ITEMS[0]!)).toBeVisible();
      await expect(attendee.getByText(ITEMS[1]!)).toHaveCount(0);

      // The next button, then Space.
      await page.getByRole('button', { name: w.next, exact: true }).click();
      await expect(slide.getByText(ITEMS[1]!)).toBeVisible();
      await expect(live.getByText(ITEMS[1]!)).toBeVisible();
      await expect(attendee.getByText(ITEMS[2]!)).toHaveCount(0);
      await slide.click({ position: { x: 5, y: 5 } });
      await page.keyboard.press('Space');
      await expect(slide.getByText(ITEMS[2]!)).toBeVisible();
      await expect(live.getByText(ITEMS[2]!)).toBeVisible();
      await expect(slide).toHaveAccessibleName(w.slide(1, 2));

      // ← hides the last one again, on the presenter and the attendee's screen.
      await page.keyboard.press('ArrowLeft');
      await expect(slide.getByText(ITEMS[2]!)).toBeHidden();
      await expect(slide.getByText(ITEMS[1]!)).toBeVisible();
      await expect(live.getByText(ITEMS[2]!)).toBeHidden();

      // Every step shown, the next press moves to the next slide.
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await expect(slide).toHaveAccessibleName(w.slide(2, 2));
      await expect(attendee.getByRole('region', { name: w.slide(2, 2) })).toContainText('Slotdia');
      await expect(page.getByRole('button', { name: w.next, exact: true })).toBeDisabled();
    } finally {
      await attendee?.context().close();
      await context.close();
    }
  });

  test(`a transition chosen in the editor is on the presenter's slide and survives the deck file (${language})`, async ({ browser }) => {
    test.setTimeout(60_000);
    const w = WORDS[language];
    const context = await browser.newContext({ locale: w.locale, timezoneId: 'Europe/Amsterdam' });
    const page = await context.newPage();
    try {
      await signInViaApi(page);
      const deckId = await importDeck(page, uniqueTitle(`E2E overgang ${language}`));
      await page.goto(`/decks/${deckId}`);
      await page.getByRole('textbox', { name: w.canvas }).getByText('Drie stappen').click();
      const select = page.getByRole('combobox', { name: w.transition });
      await select.selectOption({ label: w.fade });
      await expect(select).toHaveValue('fade');

      await page.goto(`/decks/${deckId}/present`);
      await expect(page.locator('.reveal .slides > section').first()).toHaveAttribute('data-transition', 'fade');
      await expect(page.locator('.reveal .slides > section').nth(1)).not.toHaveAttribute('data-transition', /./);

      // Out as a deck file and back in as a new deck: the transition is still on its slide.
      const exported = await page.request.get(`/api/decks/${deckId}/export.md`);
      const markdown = await exported.text();
      expect(markdown).toContain('transition=fade');
      const imported = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: Buffer.from(markdown) });
      expect(imported.status()).toBe(201);
      const copy = ((await imported.json()) as { id: string }).id;
      await page.goto(`/decks/${copy}/present`);
      await expect(page.locator('.reveal .slides > section').first()).toHaveAttribute('data-transition', 'fade');
      await page.goto(`/decks/${copy}`);
      await page.getByRole('textbox', { name: w.canvas }).getByText('Drie stappen').click();
      await expect(page.getByRole('combobox', { name: w.transition })).toHaveValue('fade');

      // A viewer who asked for reduced motion gets none, whatever the slide says.
      await page.emulateMedia({ reducedMotion: 'reduce' });
      await page.goto(`/decks/${copy}/present`);
      await expect(page.locator('.reveal .slides > section')).toHaveCount(2);
      await expect(page.locator('.reveal .slides > section').first()).not.toHaveAttribute('data-transition', /./);
    } finally {
      await context.close();
    }
  });
}
