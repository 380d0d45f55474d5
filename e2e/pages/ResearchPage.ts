/** Page object for the research log (`/research`), found by role and label (Dutch UI). */
import { expect, type Locator, type Page } from '@playwright/test';

export const SECTIONS = {
  organisations: 'Organisaties',
  interviews: 'Interviews',
  damocles: 'Damoclesbeleid',
  agreements: 'Werkafspraken',
  events: 'Presentaties en factsheets',
  audit: 'Wijzigingslog',
} as const;
export type Section = keyof typeof SECTIONS;

export class ResearchPage {
  readonly heading: Locator;
  readonly tabs: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.tabs = page.getByRole('tablist', { name: 'Onderdelen van het onderzoekslog' });
    this.notice = page.getByRole('status').filter({ hasText: /./ }).filter({ has: page.getByRole('button', { name: 'Melding sluiten' }) });
  }

  async goto(section: Section = 'organisations'): Promise<void> {
    await this.page.goto('/research');
    await expect(this.heading).toHaveText('Onderzoekslog');
    await this.open(section);
  }

  tab(section: Section): Locator {
    return this.tabs.getByRole('tab', { name: SECTIONS[section], exact: true });
  }

  panel(section: Section): Locator {
    return this.page.getByRole('tabpanel', { name: SECTIONS[section], exact: true });
  }

  async open(section: Section): Promise<Locator> {
    await this.tab(section).click();
    await expect(this.tab(section)).toHaveAttribute('aria-selected', 'true');
    await expect(this.panel(section)).toBeVisible();
    return this.panel(section);
  }

  /** The records table of a section; its caption starts with the section's name. */
  table(section: Section): Locator {
    return this.panel(section).getByRole('table', { name: new RegExp(`^${SECTIONS[section]} \\(`) });
  }

  /** A table row whose row header is exactly `header`. */
  rowByHeader(section: Section, header: string): Locator {
    return this.table(section)
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: header, exact: true }) });
  }

  /** Rows containing all the given texts. */
  rowWith(section: Section, ...texts: string[]): Locator {
    let rows = this.table(section).getByRole('row');
    for (const text of texts) rows = rows.filter({ hasText: text });
    return rows;
  }

  dialog(name: string | RegExp): Locator {
    return this.page.getByRole('dialog', { name });
  }

  alertDialog(name: string | RegExp): Locator {
    return this.page.getByRole('alertdialog', { name });
  }

  async addOrganisation(name: string, kind: string): Promise<void> {
    const panel = await this.open('organisations');
    await panel.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    const dialog = this.dialog('Organisatie toevoegen');
    await dialog.getByLabel('Naam').fill(name);
    await dialog.getByLabel('Soort').selectOption({ label: kind });
    await dialog.getByRole('button', { name: 'Opslaan' }).click();
    await expect(dialog).toBeHidden();
    await expect(this.rowByHeader('organisations', name)).toBeVisible();
  }
}
