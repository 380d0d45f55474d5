/**
 * The research log page: adding records through the UI, validation at the field, CSV import
 * with a checked preview (all or nothing), CSV export, the audit trail, keyboard use, axe
 * and both languages.
 */
import fs from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { expectNoSeriousViolations } from './axe.ts';
import { ADMIN, expect, expectConsoleErrors, refusedRequest, test, uniqueTitle } from './fixtures.ts';
import { ResearchPage } from './pages/ResearchPage.ts';

async function organisationNames(request: APIRequestContext): Promise<string[]> {
  const response = await request.get('/api/research/organisations');
  expect(response.status()).toBe(200);
  return ((await response.json()) as { records: { name: string }[] }).records.map((r) => r.name);
}

async function createOrganisation(request: APIRequestContext, name: string, kind = 'public'): Promise<{ id: string; name: string }> {
  const response = await request.post('/api/research/organisations', { data: { name, kind } });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string; name: string };
}

test('adding an organisation and an interview through the UI lists them, with the organisation by name', async ({ signedInPage: page }) => {
  const research = new ResearchPage(page);
  const name = uniqueTitle('Waterschap E2E');
  const topic = uniqueTitle('afvaldumpingen');
  await research.goto();
  await expect(research.table('organisations')).toBeVisible();

  await research.addOrganisation(name, 'Niet-partner (publiek)');
  await expect(research.notice).toContainText(`“${name}” is toegevoegd.`);
  await expect(research.rowByHeader('organisations', name)).toContainText('Niet-partner (publiek)');

  // The kind filter narrows the table; the caption counts what is shown.
  const organisations = research.panel('organisations');
  await organisations.getByLabel('Soort').selectOption({ label: 'Niet-partner (publiek)' });
  await expect(research.rowByHeader('organisations', name)).toBeVisible();
  await expect(research.rowByHeader('organisations', 'Alkmaar')).toHaveCount(0);
  await expect(research.table('organisations')).toHaveAccessibleName(/^Organisaties \(\d+ van \d+ getoond\)$/);
  await organisations.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(research.rowByHeader('organisations', 'Alkmaar')).toBeVisible();

  const interviews = await research.open('interviews');
  await interviews.getByRole('button', { name: 'Interview toevoegen' }).click();
  const dialog = research.dialog('Interview toevoegen');
  await dialog.getByLabel('Datum').fill('2026-03-04');
  await dialog.getByLabel('Organisatie').selectOption({ label: name });
  await dialog.getByLabel('Aantal medewerkers').fill('4');
  await expect(dialog.getByLabel('Spoor')).toHaveValue('3');
  await dialog.getByLabel('Onderwerp').fill(topic);
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();

  const row = research.rowWith('interviews', topic);
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(name);
  await expect(row.getByRole('rowheader')).toHaveText('4 mrt 2026');
  await expect(row.getByRole('cell').nth(1)).toHaveText('4');

  // Filters: organisation, and a date range that excludes the interview.
  await interviews.getByLabel('Organisatie').selectOption({ label: name });
  await expect(research.table('interviews').getByRole('row')).toHaveCount(2);
  await interviews.getByLabel('Vanaf').fill('2026-03-05');
  await expect(interviews.getByText('Er zijn geen gegevens die aan de filters voldoen.')).toBeVisible();
  await interviews.getByLabel('Tot en met').fill('2026-12-31');
  await interviews.getByLabel('Vanaf').fill('2026-03-01');
  await expect(row).toBeVisible();
  await interviews.getByLabel('Zoeken').fill('geen-treffer-hier');
  await expect(row).toBeHidden();
  await interviews.getByRole('button', { name: 'Filters wissen' }).click();
  await expect(row).toBeVisible();

  // The new organisation is in use now: deleting it is refused with a reason (409).
  expectConsoleErrors(page, refusedRequest(409, '/api/research/organisations/'));
  await research.open('organisations');
  await page.getByRole('button', { name: `Verwijderen: ${name}`, exact: true }).click();
  const confirm = research.alertDialog('Dit gegeven verwijderen?');
  await expect(confirm).toContainText(`“${name}” wordt verwijderd uit Organisaties.`);
  await confirm.getByRole('button', { name: 'Verwijderen' }).click();
  await expect(confirm.getByRole('alert')).toHaveText('Deze organisatie heeft nog interviews, Damoclesbeleid of werkafspraken. Verwijder die eerst.');
  await confirm.getByRole('button', { name: 'Annuleren' }).click();
  await expect(research.rowByHeader('organisations', name)).toBeVisible();

  // Deleting the interview after confirmation removes it.
  await research.open('interviews');
  await page.getByRole('button', { name: `Verwijderen: ${name}, 4 mrt 2026`, exact: true }).click();
  await research.alertDialog('Dit gegeven verwijderen?').getByRole('button', { name: 'Verwijderen' }).click();
  await expect(row).toHaveCount(0);
  await expect(research.notice).toContainText(`“${name}, 4 mrt 2026” is verwijderd.`);
});

test('a validation error from the server is shown at its field', async ({ signedInPage: page }) => {
  // Each refusal (a taken name 409, invalid fields 400) is what the form shows at its field.
  expectConsoleErrors(page, refusedRequest(409, '/api/research/organisations'), refusedRequest(400, '/api/research/interviews'), refusedRequest(400, '/api/research/events'));
  test.slow(); // includes an axe scan
  const research = new ResearchPage(page);
  await research.goto();

  // A name that exists already.
  await research.panel('organisations').getByRole('button', { name: 'Organisatie toevoegen' }).click();
  let dialog = research.dialog('Organisatie toevoegen');
  await dialog.getByLabel('Naam').fill('Alkmaar');
  await dialog.getByLabel('Soort').selectOption({ label: 'Gemeente' });
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  const nameField = dialog.getByLabel('Naam');
  await expect(nameField).toHaveAttribute('aria-invalid', 'true');
  await expect(nameField).toHaveAccessibleDescription('Er bestaat al een organisatie met deze naam.');
  await expect(nameField).toBeFocused();
  await expect(dialog.getByRole('alert')).toHaveText('Controleer de gemarkeerde velden.');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Staff must be at least 1; no organisation chosen.
  const interviews = await research.open('interviews');
  await interviews.getByRole('button', { name: 'Interview toevoegen' }).click();
  dialog = research.dialog('Interview toevoegen');
  await dialog.getByLabel('Aantal medewerkers').fill('0');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByLabel('Aantal medewerkers')).toHaveAccessibleDescription(/^Vul een heel getal in van 1 tot en met 1000\./);
  await expect(dialog.getByLabel('Organisatie')).toHaveAccessibleDescription('Kies een organisatie.');
  await expect(dialog.getByLabel('Datum')).not.toHaveAttribute('aria-invalid', 'true');
  await expectNoSeriousViolations(page);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();

  // A presentation without an audience.
  const events = await research.open('events');
  await events.getByRole('button', { name: 'Presentatie of factsheet toevoegen' }).click();
  dialog = research.dialog('Presentatie of factsheet toevoegen');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog.getByLabel('Publiek')).toHaveAccessibleDescription(/^Een presentatie heeft een publiek nodig\./);
  // A factsheet has no audience: the field goes away.
  await dialog.getByLabel('Soort').selectOption({ label: 'Factsheet' });
  await expect(dialog.getByLabel('Publiek')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Annuleren' }).click();
});

test('a CSV file with a bad row shows the row and the reason and imports nothing; a good file imports every row', async ({ signedInPage: page }) => {
  // The server's check of the bad files (422 for bad rows, 400 for a file it cannot read) is what is shown.
  expectConsoleErrors(page, refusedRequest(422, '/api/research/import'), refusedRequest(400, '/api/research/import'));
  test.slow(); // includes an axe scan
  const research = new ResearchPage(page);
  const base = uniqueTitle('CSV-import');
  const names = [`${base} A`, `${base} B Chemicaliën`, `${base} C`];
  await research.goto();
  const panel = research.panel('organisations');
  await panel.getByRole('button', { name: 'CSV importeren' }).click();
  const importer = panel.getByRole('region', { name: 'CSV importeren in Organisaties' });
  await expect(importer).toContainText('name, kind');

  const bad = `name,kind\n${names[0]},public\n${names[1]},waterschap\nAlkmaar,municipality\n`;
  await importer.getByLabel('CSV-bestand').setInputFiles({ name: 'organisaties-fout.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
  await expect(importer.getByRole('status')).toContainText('2 rijen bevatten fouten. Er wordt niets geïmporteerd totdat het bestand is verbeterd.');
  const preview = importer.getByRole('table', { name: 'Voorbeeld van organisaties-fout.csv' });
  const row = (n: number) => preview.getByRole('row').filter({ has: page.getByRole('rowheader', { name: String(n), exact: true }) });
  await expect(row(1)).toContainText('In orde');
  await expect(row(2)).toContainText('kind: Gebruik een van: municipality, partner, public, private, riec.');
  await expect(row(3)).toContainText('name: Er bestaat al een organisatie met deze naam.');
  await expect(importer.getByRole('button', { name: /importeren$/ })).toHaveCount(0);
  await expectNoSeriousViolations(page);
  // Nothing was imported, not even the good first row.
  expect(await organisationNames(page.request)).not.toContain(names[0]);

  // Saved by Excel in Dutch Windows: semicolons and Windows-1252 ("ë" is one byte, 0xEB).
  const good = `name;kind\r\n${names[0]};public\r\n${names[1]};private\r\n${names[2]};riec\r\n`;
  await importer.getByLabel('CSV-bestand').setInputFiles({ name: 'organisaties.csv', mimeType: 'text/csv', buffer: Buffer.from(good, 'latin1') });
  await expect(importer.getByRole('status')).toContainText('Het bestand heeft 3 rijen. Ze zijn allemaal klaar om te importeren.');
  const goodPreview = importer.getByRole('table', { name: 'Voorbeeld van organisaties.csv' });
  await expect(goodPreview.getByRole('row')).toHaveCount(4);
  await expect(goodPreview).toContainText('Privaat');
  await importer.getByRole('button', { name: '3 rijen importeren' }).click();
  await expect(importer).toBeHidden();
  await expect(research.notice).toContainText('3 rijen zijn geïmporteerd in Organisaties.');
  for (const name of names) await expect(research.rowByHeader('organisations', name)).toBeVisible();
  await expect(research.rowByHeader('organisations', names[2]!)).toContainText('Ander RIEC');

  // Interviews name their organisation; an unknown one is reported at its row.
  const interviews = await research.open('interviews');
  await interviews.getByRole('button', { name: 'CSV importeren' }).click();
  const interviewImporter = interviews.getByRole('region', { name: 'CSV importeren in Interviews' });
  const csv = `date,organisation,staff,track,topic\n2026-02-01,${names[0]},2,3,${base} precursoren\n2026-02-31,Bestaat Niet BV,1,3,x\n`;
  await interviewImporter.getByLabel('CSV-bestand').setInputFiles({ name: 'interviews.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await expect(interviewImporter.getByRole('status')).toContainText('1 rij bevat fouten.');
  const interviewRow = interviewImporter.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '2', exact: true }) });
  await expect(interviewRow).toContainText('organisation: Onbekende organisatie “Bestaat Niet BV”.');
  await interviewImporter.getByRole('button', { name: 'Annuleren' }).click();
  await expect(interviewImporter).toBeHidden();
  await expect(interviews.getByRole('button', { name: 'CSV importeren' })).toBeFocused();
  await expect(interviews.getByRole('button', { name: 'CSV importeren' })).toHaveAttribute('aria-expanded', 'false');

  // A file without the required columns says which ones are missing.
  await interviews.getByRole('button', { name: 'CSV importeren' }).click();
  await interviewImporter.getByLabel('CSV-bestand').setInputFiles({ name: 'leeg.csv', mimeType: 'text/csv', buffer: Buffer.from('date,topic\n2026-01-01,x\n') });
  await expect(interviewImporter.getByRole('status')).toContainText('Het bestand mist de kolommen organisation, staff.');
});

test('export downloads a CSV file with the records', async ({ signedInPage: page }) => {
  const research = new ResearchPage(page);
  const name = uniqueTitle('Export, met komma');
  await createOrganisation(page.request, name, 'private');
  await research.goto();
  const [download] = await Promise.all([page.waitForEvent('download'), research.panel('organisations').getByRole('link', { name: 'CSV exporteren' }).click()]);
  expect(download.suggestedFilename()).toBe('organisations.csv');
  const text = fs.readFileSync(await download.path(), 'utf8');
  expect(text.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('name,kind');
  expect(text).toContain('Alkmaar,municipality');
  expect(text).toContain(`"${name}",private`);
});

test('the audit trail shows who changed what', async ({ signedInPage: page }) => {
  const research = new ResearchPage(page);
  const organisation = await createOrganisation(page.request, uniqueTitle('Audit org'));
  const created = await page.request.post('/api/research/interviews', { data: { date: '2026-01-15', organisationId: organisation.id, staff: 2, topic: 'audit' } });
  expect(created.status()).toBe(201);

  await research.goto('interviews');
  await page.getByRole('button', { name: `Bewerken: ${organisation.name}, 15 jan 2026`, exact: true }).click();
  const dialog = research.dialog('Interview bewerken');
  await expect(dialog.getByLabel('Aantal medewerkers')).toHaveValue('2');
  await expect(dialog.getByLabel('Organisatie')).toHaveValue(organisation.id);
  await dialog.getByLabel('Aantal medewerkers').fill('5');
  await dialog.getByRole('button', { name: 'Opslaan' }).click();
  await expect(dialog).toBeHidden();
  await expect(research.rowWith('interviews', organisation.name).getByRole('cell').nth(1)).toHaveText('5');

  const audit = await research.open('audit');
  const table = audit.getByRole('table', { name: /^Wijzigingslog/ });
  const entry = table.getByRole('row').filter({ hasText: `${organisation.name}, 15 jan 2026` }).filter({ hasText: 'Gewijzigd' });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(ADMIN.displayName);
  await expect(entry).toContainText('Interviews');
  await expect(entry).toContainText('Aantal medewerkers: 2 → gewijzigd in 5');
  // The creation is listed too, and the section filter narrows the list.
  await expect(table.getByRole('row').filter({ hasText: organisation.name }).filter({ hasText: 'Toegevoegd' })).toHaveCount(2);
  await audit.getByLabel('Onderdeel').selectOption({ label: 'Organisaties' });
  await expect(table.getByRole('row').filter({ hasText: 'Interviews' })).toHaveCount(0);
  await expect(table.getByRole('row').filter({ hasText: organisation.name })).toHaveCount(1);
});

test('tabs, dialogs and row actions work from the keyboard', async ({ signedInPage: page }) => {
  const research = new ResearchPage(page);
  await research.goto();
  await research.tab('organisations').focus();
  await page.keyboard.press('ArrowRight');
  await expect(research.tab('interviews')).toBeFocused();
  await expect(research.panel('interviews')).toBeVisible();
  await page.keyboard.press('End');
  await expect(research.tab('audit')).toBeFocused();
  await page.keyboard.press('Home');
  await expect(research.tab('organisations')).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(research.tab('audit')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');

  // Tab from the tab list into the panel: the first control is the add button.
  await page.keyboard.press('Tab');
  const add = research.panel('organisations').getByRole('button', { name: 'Organisatie toevoegen' });
  await expect(add).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = research.dialog('Organisatie toevoegen');
  await expect(dialog.getByLabel('Naam')).toBeFocused();
  const name = uniqueTitle('Toetsenbord');
  await page.keyboard.type(name);
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('Soort')).toBeFocused();
  await dialog.getByLabel('Soort').selectOption('riec');
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Annuleren' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Opslaan' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(add).toBeFocused();
  await expect(research.rowByHeader('organisations', name)).toBeVisible();

  // Escape closes a dialog and focus returns to the button that opened it.
  const edit = page.getByRole('button', { name: `Bewerken: ${name}`, exact: true });
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(research.dialog('Organisatie bewerken').getByLabel('Naam')).toHaveValue(name);
  await page.keyboard.press('Escape');
  await expect(research.dialog('Organisatie bewerken')).toBeHidden();
  await expect(edit).toBeFocused();

  // The tab survives a reload through the address.
  await research.open('damocles');
  await expect(page).toHaveURL(/\/research#damocles$/);
  await page.reload();
  await expect(research.tab('damocles')).toHaveAttribute('aria-selected', 'true');
  await expect(research.table('damocles')).toHaveAccessibleName(/^Damoclesbeleid \(\d+\)$/);
});

test('no serious axe violations on the research page, its sections and its dialogs', async ({ signedInPage: page }) => {
  // Seven axe scans of large tables: slow when other suites share the machine.
  test.slow();
  const research = new ResearchPage(page);
  await research.goto();
  await expect(research.table('organisations')).toBeVisible();
  await expectNoSeriousViolations(page);
  // The other sections: only the panel changes, so only the shown panel is scanned.
  for (const section of ['interviews', 'damocles', 'agreements', 'events', 'audit'] as const) {
    await research.open(section);
    await expect(research.panel(section).getByRole('table')).toBeVisible();
    await expectNoSeriousViolations(page, '[role="tabpanel"]:not([hidden])');
  }
  await research.open('interviews');
  await research.panel('interviews').getByRole('button', { name: 'Interview toevoegen' }).click();
  await expect(research.dialog('Interview toevoegen')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /^Verwijderen: / }).first().click();
  await expect(research.alertDialog('Dit gegeven verwijderen?')).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.keyboard.press('Escape');
});

test('user-typed text is shown as text, never as HTML', async ({ signedInPage: page }) => {
  const research = new ResearchPage(page);
  const name = `<img src=x onerror="window.xssFired=1">${uniqueTitle('xss')}`;
  await createOrganisation(page.request, name);
  await research.goto();
  await expect(research.rowByHeader('organisations', name)).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { xssFired?: number }).xssFired)).toBeUndefined();
  await expect(research.table('organisations').getByRole('img')).toHaveCount(0);
});

test.describe('in English', () => {
  test.use({ locale: 'en-GB' });

  test('labels, values and messages are English', async ({ signedInPage: page }) => {
    // A taken name is refused (409); the English message at the field is checked below.
    expectConsoleErrors(page, refusedRequest(409, '/api/research/organisations'));
    await page.goto('/');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Research' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Research log');
    const tabs = page.getByRole('tablist', { name: 'Parts of the research log' });
    for (const name of ['Organisations', 'Interviews', 'Damocles policy', 'Work agreements', 'Presentations and factsheets', 'Audit trail']) {
      await expect(tabs.getByRole('tab', { name, exact: true })).toBeVisible();
    }
    const organisations = page.getByRole('tabpanel', { name: 'Organisations' });
    await expect(organisations.getByRole('table', { name: /^Organisations \(\d+\)$/ })).toBeVisible();
    await expect(organisations.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Alkmaar', exact: true }) })).toContainText('Municipality');
    await expect(organisations.getByRole('link', { name: 'Export CSV' })).toBeVisible();
    await organisations.getByRole('button', { name: 'Add organisation' }).click();
    const dialog = page.getByRole('dialog', { name: 'Add organisation' });
    await dialog.getByLabel('Name').fill('Alkmaar');
    await dialog.getByLabel('Kind').selectOption({ label: 'Municipality' });
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByLabel('Name')).toHaveAccessibleDescription('An organisation with this name already exists.');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await tabs.getByRole('tab', { name: 'Damocles policy' }).click();
    const damocles = page.getByRole('tabpanel', { name: 'Damocles policy' });
    await damocles.getByLabel('Status').selectOption({ label: 'Harmonised' });
    await expect(damocles.getByRole('table')).toHaveAccessibleName(/^Damocles policy \(\d+ of 34 shown\)$/);
    await expectNoSeriousViolations(page);
  });
});
