/** Page object for user management (`/admin/users`), found by role and label (Dutch UI). */
import { expect, type Locator, type Page } from '@playwright/test';

export class AdminUsersPage {
  readonly heading: Locator;
  readonly table: Locator;
  readonly addButton: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.table = page.getByRole('table', { name: /^Gebruikers \(/ });
    this.addButton = page.getByRole('button', { name: 'Gebruiker toevoegen' });
    this.notice = page.getByRole('status').filter({ has: page.getByRole('button', { name: 'Melding sluiten' }) });
  }

  async goto(): Promise<void> {
    await this.page.goto('/admin/users');
    await expect(this.heading).toHaveText('Gebruikers');
    await expect(this.table).toBeVisible();
  }

  row(username: string): Locator {
    return this.table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: username, exact: true }) });
  }

  async addUser(user: { username: string; displayName: string; password: string; role?: 'Analist' | 'Beheerder' }): Promise<void> {
    await this.addButton.click();
    const dialog = this.page.getByRole('dialog', { name: 'Gebruiker toevoegen' });
    await dialog.getByLabel('Gebruikersnaam').fill(user.username);
    await dialog.getByLabel('Weergavenaam').fill(user.displayName);
    await dialog.getByLabel('Eerste wachtwoord').fill(user.password);
    await dialog.getByLabel('Rol').selectOption({ label: user.role ?? 'Analist' });
    await dialog.getByRole('button', { name: 'Gebruiker toevoegen' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.row(user.username)).toBeVisible();
  }

  async setDisabled(displayName: string, disabled: boolean): Promise<void> {
    await this.page.getByRole('button', { name: `${disabled ? 'Uitschakelen' : 'Inschakelen'}: ${displayName}`, exact: true }).click();
    const dialog = this.page.getByRole(disabled ? 'alertdialog' : 'dialog', { name: disabled ? 'Dit account uitschakelen?' : 'Dit account inschakelen?' });
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: disabled ? 'Uitschakelen' : 'Inschakelen', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
}
