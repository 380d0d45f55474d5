/** Language: Dutch from the nl-NL browser, switchable to English and back, remembered. */
import { expect, test } from './fixtures.ts';

test('switching the language changes the labels, <html lang> and is remembered', async ({ signedInPage: page }) => {
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
  await expect(page.getByRole('button', { name: 'Nieuwe presentatie' })).toBeVisible();

  await page.getByLabel('Taal', { exact: true }).selectOption('en');
  await expect(page.getByRole('button', { name: 'New deck' })).toBeVisible();
  await expect(page.getByLabel('Search decks')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Decks');
  await expect(page.getByRole('banner').getByRole('button', { name: 'Sign out' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByRole('button', { name: 'New deck' })).toBeVisible();

  await page.getByLabel('Language', { exact: true }).selectOption('nl');
  await expect(page.getByRole('button', { name: 'Nieuwe presentatie' })).toBeVisible();
  await expect(page.getByLabel('Zoek presentaties')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
});

test.describe('with an English browser', () => {
  test.use({ locale: 'en-GB' });

  test('the sign-in page starts in English', async ({ page }) => {
    await page.goto('/login');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in');
    await expect(page.getByLabel('Username')).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  });
});
