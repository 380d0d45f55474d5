import { chromium } from 'playwright-core';
const base = 'http://localhost:18600';
const D = 'utLgQte3yNkL-TTv';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const errors = [];
async function ctx(viewport, locale = 'nl-NL') {
  const context = await browser.newContext({ viewport, locale, deviceScaleFactor: 1 });
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`); });
  await page.request.post(`${base}/api/session`, { data: { username: 'admin', password: 'manual-pass-123' } });
  return page;
}
for (const [name, viewport] of [['desk', { width: 1440, height: 900 }], ['phone', { width: 390, height: 844 }]]) {
  const page = await ctx(viewport);
  await page.goto(`${base}/decks/${D}`);
  await page.getByRole('combobox', { name: 'Taal van de dia’s' }).waitFor();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/manual/shots/editor-${name}.png` });
  await page.getByRole('button', { name: /^Exporteren: / }).first().click();
  await page.getByRole('button', { name: 'Hand-out (PDF)' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `/tmp/manual/shots/export-handout-${name}.png` });
  // History with the version's own export menu.
  await page.goto(`${base}/decks/${D}/history`);
  await page.waitForTimeout(1500);
  const versionMenu = page.getByRole('button', { name: 'Deze versie exporteren' });
  if (await versionMenu.count()) { await versionMenu.click(); await page.waitForTimeout(300); }
  await page.screenshot({ path: `/tmp/manual/shots/history-${name}.png`, fullPage: false });
  await page.context().close();
}
// Print page without live figures: the stored values, and with none the alert.
{
  const page = await ctx({ width: 1440, height: 900 });
  await page.routeWebSocket(/\/stats(\?|$)/, () => {});
  await page.goto(`${base}/decks/${D}/print`);
  await page.waitForSelector('body[data-print-ready=true]', { timeout: 40000 });
  await page.locator('[data-print-slide="2"]').first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: '/tmp/manual/shots/print-stored.png' });
  await page.context().close();
  const page2 = await ctx({ width: 1440, height: 900 });
  await page2.routeWebSocket(/\/stats(\?|$)/, () => {});
  await page2.route(/\/api\/stats\/.+/, (r) => r.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"stats-not-ready","message":"x"}' }));
  await page2.goto(`${base}/decks/${D}/print`);
  await page2.getByRole('alert').waitFor({ timeout: 40000 });
  await page2.screenshot({ path: '/tmp/manual/shots/print-novalue.png' });
  await page2.context().close();
}
console.log(errors.join('\n') || 'no console errors');
await browser.close();
