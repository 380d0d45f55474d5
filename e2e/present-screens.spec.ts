/**
 * Screenshots of the presenting pages for review (presenter, speaker view, attendee on a
 * phone and a laptop, print). Runs only with PRESENT_SCREENS=1; the images go to the test
 * output folder (`--output`).
 */
import { devices } from '@playwright/test';
import type { DeckSummary, LinkInfo } from '../shared/api.ts';
import { EXAMPLE_DECK_TITLE, expect, test } from './fixtures.ts';
import { AttendeeView, PresenterView, SpeakerView } from './pages/PresentPages.ts';

test.skip(!process.env.PRESENT_SCREENS, 'screenshots only with PRESENT_SCREENS=1');

test('screenshots of presenting', async ({ browser, signedInPage: page }, testInfo) => {
  test.setTimeout(90_000);
  const { decks } = (await (await page.request.get('/api/decks')).json()) as { decks: DeckSummary[] };
  const deck = decks.find((d) => d.title === EXAMPLE_DECK_TITLE)!;
  await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  const link = (await (await page.request.post(`/api/decks/${deck.id}/links`, { data: { label: 'OM' } })).json()) as LinkInfo;
  const shot = (p: typeof page, name: string) => p.screenshot({ path: testInfo.outputPath(`${name}.png`) });

  const phoneContext = await browser.newContext({ locale: 'nl-NL', viewport: devices['iPhone 13'].viewport, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
  const phone = await phoneContext.newPage();
  await phone.goto(link.url);
  await expect(new AttendeeView(phone).waiting).toBeVisible();
  await shot(phone, 'attendee-phone-waiting');

  await page.setViewportSize({ width: 1440, height: 900 });
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await shot(page, 'presenter-rehearsal');
  await presenter.startSession.click();
  await expect(presenter.endSession).toBeVisible();
  await presenter.next.click();
  await presenter.next.click();
  await expect(page.getByRole('img', { name: /Interviews/ })).toBeVisible();
  await page.waitForTimeout(600);
  // The laser pointer, on the chart.
  await presenter.laser.click();
  const box = (await presenter.slide.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.45);
  await page.mouse.move(box.x + box.width * 0.32, box.y + box.height * 0.5);
  await page.waitForTimeout(300);
  await shot(page, 'presenter-live');
  await presenter.exportMenu.click();
  await shot(page, 'presenter-export-menu');
  await presenter.exportMenu.click();

  await expect(new AttendeeView(phone).slide).toHaveAccessibleName('Dia 3 van 10');
  await expect(phone.getByRole('img', { name: /Interviews/ })).toBeVisible();
  await phone.waitForTimeout(500);
  await shot(phone, 'attendee-phone-live');
  await phone.getByRole('button', { name: 'Vorige dia', exact: true }).click();
  await shot(phone, 'attendee-phone-behind');
  await phone.setViewportSize({ width: 844, height: 390 });
  await phone.getByRole('button', { name: 'Terug naar live' }).click().catch(() => phone.keyboard.press('End'));
  await phone.waitForTimeout(400);
  await shot(phone, 'attendee-phone-landscape');

  const laptopContext = await browser.newContext({ locale: 'nl-NL', viewport: { width: 1280, height: 800 } });
  const laptop = await laptopContext.newPage();
  await laptop.goto(link.url);
  await expect(new AttendeeView(laptop).slide).toBeVisible();
  await laptop.waitForTimeout(600);
  await shot(laptop, 'attendee-laptop-live');

  const popupPromise = page.waitForEvent('popup');
  await presenter.speakerView.click();
  const popup = await popupPromise;
  await popup.setViewportSize({ width: 1280, height: 800 });
  await new SpeakerView(popup).expectAt(3);
  await popup.waitForTimeout(800);
  await shot(popup, 'speaker');
  await popup.close();

  await presenter.overview.click();
  await page.waitForTimeout(900);
  await shot(page, 'presenter-overview');

  await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  await expect(laptop.getByText('De presentatie is afgelopen.')).toBeVisible();
  await shot(laptop, 'attendee-laptop-ended');
  await page.request.delete(`/api/decks/${deck.id}/links/${link.token}`);
  await expect(laptop.getByRole('heading', { name: 'Link ingetrokken' })).toBeVisible();
  await shot(laptop, 'attendee-laptop-revoked');

  const print = await browser.newPage({ storageState: await page.context().storageState(), viewport: { width: 1400, height: 900 } });
  await print.goto(`/decks/${deck.id}/print?notes=1`);
  await expect(print.locator('body')).toHaveAttribute('data-print-ready', 'true', { timeout: 20_000 });
  await shot(print, 'print-screen');
  await print.getByRole('region', { name: 'Notities bij dia 3 van 10' }).screenshot({ path: testInfo.outputPath('print-notes-page.png') });
  await print.close();
  await phoneContext.close();
  await laptopContext.close();
});
