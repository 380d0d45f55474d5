/** axe-core checks: no serious or critical violations on the main pages and the dialog. */
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { createDeckViaApi, expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';

async function expectNoSeriousViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const summary = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

test('sign-in page', async ({ page }) => {
  // The wrong password is refused (401): that refusal is the error message checked here.
  expectConsoleErrors(page, refusedRequest(401, '/api/session'));
  await page.goto('/login');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  // With an error message shown.
  await page.getByLabel('Gebruikersnaam').fill('admin');
  await page.getByLabel('Wachtwoord').fill('wrong-password-here');
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await expectNoSeriousViolations(page);
});

test('deck list, trash and the new-deck dialog', async ({ signedInPage: page, deckList }) => {
  await deckList.goto();
  await expect(deckList.list).toBeVisible();
  await expectNoSeriousViolations(page);

  await deckList.newDeckButton.click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');

  await deckList.gotoTrash();
  await expectNoSeriousViolations(page);
});

test('deck editor', async ({ signedInPage: page, deckPage }) => {
  const deck = await createDeckViaApi(page.request, uniqueTitle('E2E axe'));
  await page.goto(`/decks/${deck.id}`);
  await expect(deckPage.connection).toContainText('Verbonden');
  await expect(deckPage.slides).toHaveCount(1);
  await expectNoSeriousViolations(page);
});

test('attendee and not-found pages', async ({ page }) => {
  // No such link: the server says 404, and the page says "link not found".
  expectConsoleErrors(page, refusedRequest(404, '/api/links/garbage-token'));
  await page.goto('/v/garbage-token');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto('/nothing-here');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expectNoSeriousViolations(page);
});
