/**
 * User management: an admin adds an analyst who can then sign in; disabling the account
 * ends the analyst's open session at once; resets, role changes, validation, access for
 * non-admins, axe and both languages.
 */
import type { Browser, Page, TestInfo } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { ADMIN, expect, expectConsoleErrors, refusedRequest, signInViaApi, test } from './fixtures.ts';
import { AdminUsersPage } from './pages/AdminUsersPage.ts';
import { LoginPage } from './pages/LoginPage.ts';

let counter = 0;
function newAnalyst(prefix = 'analist') {
  counter += 1;
  const id = `${Date.now().toString(36)}${counter}${Math.random().toString(36).slice(2, 5)}`;
  return { username: `${prefix}-${id}`, displayName: `Analist ${id.toUpperCase()}`, password: `wachtwoord-${id}` };
}

/** A separate browser (own cookies) in Dutch, as a second person at another desk. */
async function otherBrowser(browser: Browser, testInfo: TestInfo): Promise<Page> {
  const context = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  return context.newPage();
}

async function createUserViaApi(page: Page, user: { username: string; displayName: string; password: string }, role: 'admin' | 'analyst' = 'analyst') {
  const response = await page.request.post('/api/users', { data: { ...user, role } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

test('an admin adds an analyst who can sign in; disabling the account signs the analyst out at once', async ({ signedInPage: page, browser }, testInfo) => {
  const admin = new AdminUsersPage(page);
  const analyst = newAnalyst();
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Gebruikers' }).click();
  await expect(admin.heading).toHaveText('Gebruikers');
  await expect(admin.row(ADMIN.username)).toContainText('Beheerder');

  await admin.addUser(analyst);
  await expect(admin.notice).toContainText(`${analyst.displayName} is toegevoegd.`);
  const row = admin.row(analyst.username);
  await expect(row.getByRole('rowheader')).toHaveText(analyst.displayName);
  await expect(row).toContainText('Analist');
  await expect(row).toContainText('Actief');

  // The analyst signs in at another desk and opens the research log.
  const other = await otherBrowser(browser, testInfo);
  // Disabled, the analyst's next requests are refused (that is how the page learns it), and so is signing in again.
  expectConsoleErrors(other, refusedRequest(401, '/api/research/'), refusedRequest(401, '/api/session'));
  const login = new LoginPage(other);
  await login.goto();
  await login.signIn(analyst.username, analyst.password);
  await expect(other.getByRole('banner')).toContainText(analyst.displayName);
  const nav = other.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Onderzoekslog' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
  await nav.getByRole('link', { name: 'Onderzoekslog' }).click();
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Onderzoekslog');

  // The admin disables the account (after confirming).
  await admin.setDisabled(analyst.displayName, true);
  await expect(row).toContainText('Uitgeschakeld');
  await expect(admin.notice).toContainText(`${analyst.displayName} is uitgeschakeld en uitgelogd.`);

  // The analyst's open page: the next request fails and the sign-in page explains why.
  await other.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(other).toHaveURL(/\/login\?next=%2Fresearch&ended=1$/);
  await expect(other.getByRole('status').filter({ hasText: 'Je sessie is verlopen. Log opnieuw in.' })).toBeVisible();
  expect((await other.request.get('/api/me')).status()).toBe(401);
  // Signing in again is refused while the account is disabled.
  await login.signIn(analyst.username, analyst.password);
  await expect(login.error).toHaveText('Onjuiste gebruikersnaam of wachtwoord.');

  // Enabled again, the analyst can sign in.
  await admin.setDisabled(analyst.displayName, false);
  await expect(row).toContainText('Actief');
  await login.signIn(analyst.username, analyst.password);
  await expect(other).toHaveURL(/\/research$/);
  await other.context().close();
});

test('a non-admin sees no admin link and is told the user page is not allowed', async ({ page }) => {
  const analyst = newAnalyst('lezer');
  await signInViaApi(page);
  await createUserViaApi(page, analyst);
  await page.request.delete('/api/session');
  await signInViaApi(page, analyst.username, analyst.password);

  await page.goto('/');
  const nav = page.getByRole('navigation', { name: 'Hoofdmenu' });
  await expect(nav.getByRole('link', { name: 'Onderzoekslog' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Gebruikers' })).toHaveCount(0);
  await page.goto('/admin/users');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Geen toegang');
  await expect(page.getByText('Alleen beheerders kunnen gebruikers beheren.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expectNoSeriousViolations(page);
  // The server agrees.
  expect((await page.request.get('/api/users')).status()).toBe(403);
});

test('resetting a password ends the sessions and only the new password works', async ({ signedInPage: page, browser }, testInfo) => {
  const admin = new AdminUsersPage(page);
  const analyst = newAnalyst('reset');
  await createUserViaApi(page, analyst);
  const other = await otherBrowser(browser, testInfo);
  // After the reset the analyst's open page is refused (so it learns), and so is the old password.
  expectConsoleErrors(other, refusedRequest(401, '/api/research/'), refusedRequest(401, '/api/session'));
  // The server checks the new password's length; its refusal is shown at the field.
  expectConsoleErrors(page, refusedRequest(400, '/api/users/'));
  await signInViaApi(other, analyst.username, analyst.password);
  await other.goto('/research');
  await expect(other.getByRole('heading', { level: 1 })).toHaveText('Onderzoekslog');

  await admin.goto();
  await page.getByRole('button', { name: `Wachtwoord opnieuw instellen: ${analyst.displayName}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: `Nieuw wachtwoord voor ${analyst.displayName}` });
  await expect(dialog).toContainText(`Alle sessies van ${analyst.displayName} worden direct beëindigd.`);
  // Too short: the error is at the field.
  await dialog.getByLabel('Nieuw wachtwoord').fill('kort');
  await dialog.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(dialog.getByLabel('Nieuw wachtwoord')).toHaveAccessibleDescription(/^Gebruik minstens 10 tekens\./);
  await expect(dialog.getByLabel('Nieuw wachtwoord')).toHaveAttribute('type', 'password');
  await dialog.getByLabel('Wachtwoord tonen').check();
  await expect(dialog.getByLabel('Nieuw wachtwoord')).toHaveAttribute('type', 'text');
  const newPassword = `${analyst.password}-nieuw`;
  await dialog.getByLabel('Nieuw wachtwoord').fill(newPassword);
  await dialog.getByRole('button', { name: 'Wachtwoord instellen' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.notice).toContainText(`Het wachtwoord van ${analyst.displayName} is gewijzigd`);

  await other.getByRole('button', { name: 'Vernieuwen' }).click();
  await expect(other).toHaveURL(/\/login\?/);
  const login = new LoginPage(other);
  await login.signIn(analyst.username, analyst.password);
  await expect(login.error).toHaveText('Onjuiste gebruikersnaam of wachtwoord.');
  await login.signIn(analyst.username, newPassword);
  await expect(other).toHaveURL(/\/research$/);
  await other.context().close();
});

test('changing the role makes an analyst an admin; the own account cannot be disabled or demoted', async ({ signedInPage: page }) => {
  const admin = new AdminUsersPage(page);
  const analyst = newAnalyst('rol');
  await createUserViaApi(page, analyst);
  await admin.goto();

  await page.getByRole('button', { name: `Bewerken: ${analyst.displayName}`, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Gebruiker bewerken' });
  await dialog.getByLabel('Rol').selectOption({ label: 'Beheerder' });
  await dialog.getByLabel('Weergavenaam').fill(`${analyst.displayName} (beheer)`);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  const row = admin.row(analyst.username);
  await expect(row.getByRole('rowheader')).toHaveText(`${analyst.displayName} (beheer)`);
  await expect(row.getByRole('cell').nth(1)).toHaveText('Beheerder');

  // The own row: no disable button, and the role cannot be changed.
  const own = admin.row(ADMIN.username);
  await expect(own.getByRole('rowheader')).toHaveText(`${ADMIN.displayName} (jij)`);
  await expect(own.getByRole('button', { name: /^Uitschakelen/ })).toHaveCount(0);
  await own.getByRole('button', { name: /^Bewerken/ }).click();
  const ownDialog = page.getByRole('dialog', { name: 'Gebruiker bewerken' });
  await expect(ownDialog.getByLabel('Rol')).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(ownDialog).toBeHidden();
});

test('adding a user shows errors at the fields', async ({ signedInPage: page }) => {
  // The server refuses a taken name (409) and an invalid one (400); the test is that the form says so.
  expectConsoleErrors(page, refusedRequest(409, '/api/users'), refusedRequest(400, '/api/users'));
  const admin = new AdminUsersPage(page);
  await admin.goto();
  await admin.addButton.click();
  const dialog = page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
  await dialog.getByLabel('Gebruikersnaam').fill(ADMIN.username);
  await dialog.getByLabel('Eerste wachtwoord').fill('lang-genoeg-wachtwoord');
  await dialog.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  await expect(dialog.getByLabel('Gebruikersnaam')).toHaveAccessibleDescription(/^Deze gebruikersnaam is al in gebruik\./);
  await expect(dialog.getByLabel('Gebruikersnaam')).toBeFocused();

  await dialog.getByLabel('Gebruikersnaam').fill('Hoofd Letters');
  await dialog.getByLabel('Eerste wachtwoord').fill('kort');
  await dialog.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
  await expect(dialog.getByLabel('Gebruikersnaam')).toHaveAccessibleDescription(/^Gebruik 2 tot 40 kleine letters/);
  await expect(dialog.getByLabel('Eerste wachtwoord')).toHaveAccessibleDescription(/^Gebruik minstens 10 tekens\./);
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
  await expect(dialog).toBeHidden();
  await expect(admin.addButton).toBeFocused();
});

test('no serious axe violations on the user page and its confirmation', async ({ signedInPage: page }) => {
  const admin = new AdminUsersPage(page);
  const analyst = newAnalyst('axe');
  await createUserViaApi(page, analyst);
  await admin.goto();
  await expectNoSeriousViolations(page);
  await page.getByRole('button', { name: `Uitschakelen: ${analyst.displayName}`, exact: true }).click();
  await expect(page.getByRole('alertdialog', { name: 'Dit account uitschakelen?' })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
  await expect(admin.row(analyst.username)).toContainText('Actief');
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('the user page speaks English', async ({ signedInPage: page }) => {
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Users');
    const table = page.getByRole('table', { name: /^Users \(\d+\)$/ });
    for (const header of ['Name', 'Username', 'Role', 'Status', 'Actions']) await expect(table.getByRole('columnheader', { name: header, exact: true })).toBeVisible();
    await expect(table.getByRole('row').filter({ has: page.getByRole('cell', { name: ADMIN.username, exact: true }) })).toContainText('Administrator');
    await page.getByRole('button', { name: 'Add user' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add user' });
    for (const label of ['Username', 'Display name', 'Initial password', 'Role']) await expect(dialog.getByLabel(label, { exact: true })).toBeVisible();
    await page.keyboard.press('Escape');
  });
});
