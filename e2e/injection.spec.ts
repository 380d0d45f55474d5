/**
 * Hostile input reaches no browser as live script or link (hardening issue, "Injection").
 *
 * Payloads (e2e/hostile.ts) go in through every entry — the deck title and audience-link
 * label (API), slide text, link marks, an image node and speaker notes (a real y-websocket
 * client writing the Y.Doc), a version label, an imported Markdown deck, research records
 * (REST) and a CSV import — and every view is then audited in real Chromium: no payload
 * ran (`window.__pwned`), no handler or script carries one, no href/src is javascript:,
 * vbscript: or data:text/html, clicking a planted link opens nothing, no CSP script
 * violation happened, and the payload is shown as the literal text the user typed.
 * The HTML, PDF, Markdown and PowerPoint exports of the same deck are checked as files.
 */
import fs from 'node:fs';
import type { APIRequestContext, Locator, Page } from '@playwright/test';
import JSZip from 'jszip';
import * as Y from 'yjs';
import type { DeckSummary, LinkInfo } from '../shared/api.ts';
import { writeChrome } from '../shared/deckChrome.ts';
import { addSlide, listSlides, writeMeta } from '../shared/deckModel.ts';
import { chart, fragmentText, heading, paragraph, type TextRun } from '../shared/slideContent.ts';
import { connectClient, eventually } from '../test/helpers/yClient.ts';
import { createDeckViaApi, expect, expectConsoleErrors, test, uniqueTitle } from './fixtures.ts';
import { collectAudit, CSP_LISTENER, FORMULA_CELLS, HOSTILE_HREFS, isDangerousUrl, KNOWN_BAD_HTML, PAYLOAD, problems, SAFE_HREF } from './hostile.ts';
import { PresenterView, SpeakerView } from './pages/PresentPages.ts';

test.describe.configure({ timeout: 90_000 });

const linkText = (i: number): string => `gevaarlijke link ${i}`;
const SAFE_LINK_TEXT = 'veilige link';
const NOTE_LINK_TEXT = 'notitielink';

interface Watch {
  dialogs: string[];
  popups: string[];
  cspConsole: string[];
}

/** Dialogs, popups and CSP console errors on this page (and in its context's new pages). */
async function watch(page: Page): Promise<Watch> {
  const w: Watch = { dialogs: [], popups: [], cspConsole: [] };
  const context = page.context();
  await context.addInitScript(CSP_LISTENER);
  // The safe link's target, served locally so the positive control needs no network.
  await context.route('https://example.org/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>veilig</p>' }));
  page.on('dialog', (dialog) => {
    w.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('popup', (popup) => w.popups.push(popup.url()));
  page.on('console', (message) => {
    if (/content.security.policy/i.test(message.text()) && /script/i.test(message.text())) w.cspConsole.push(message.text());
  });
  return w;
}

/** The audit of the page's current document; fails with every problem at once. */
async function expectClean(page: Page, view: string, w?: Watch): Promise<void> {
  // The CSP listener runs from an init script; make sure this document has it.
  expect(await page.evaluate(() => Array.isArray((window as unknown as Record<string, unknown>)['__cspViolations'])), `${view}: CSP listener`).toBe(true);
  const audit = await page.evaluate(collectAudit);
  expect(problems(audit), `${view}: ${page.url()}`).toEqual([]);
  if (w) {
    expect(w.dialogs, `${view}: dialogs`).toEqual([]);
    expect(w.cspConsole, `${view}: CSP console errors`).toEqual([]);
  }
}

/** Clicks planted link text and checks nothing ran and nothing opened. */
async function clickPlanted(page: Page, w: Watch, scope: Locator, text: string, exact = true): Promise<void> {
  const popupsBefore = w.popups.length;
  const url = page.url();
  await scope.getByText(text, { exact }).first().click();
  // A round trip through the page's event loop: a javascript: navigation would have run by now.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['__pwned'])).toBeUndefined();
  expect(w.popups.length, `clicking “${text}” opened a window`).toBe(popupsBefore);
  expect(w.dialogs, `clicking “${text}” opened a dialog`).toEqual([]);
  expect(page.url()).toBe(url);
}

/** Session cookie header of the page's context, for a Node y-websocket client. */
async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

/** Writes the hostile slides into a deck through a real y-websocket client, and waits until the server has them. */
async function plantSlides(page: Page, deckId: string, baseURL: string): Promise<void> {
  const wsUrl = baseURL.replace(/^http/, 'ws');
  const cookie = await cookieHeader(page);
  const writer = connectClient(wsUrl, deckId, { cookie });
  try {
    await writer.synced;
    const doc = writer.doc;
    const links: TextRun[] = HOSTILE_HREFS.flatMap((href, i) => [{ text: linkText(i + 1), marks: { link: { href } } }, ' · ']);
    doc.transact(() => {
      writeMeta(doc, { period: PAYLOAD.svg });
      // The footer is on every slide of every view and export: a payload there too.
      writeChrome(doc, { footerText: PAYLOAD.img, classification: 'intern', slideNumbers: true });
      const first = addSlide(
        doc,
        {
          layout: 'title-content',
          content: [heading(1, PAYLOAD.img), paragraph(PAYLOAD.script, ' ', PAYLOAD.iframe), paragraph(...links, { text: SAFE_LINK_TEXT, marks: { link: { href: SAFE_HREF } } })],
          notes: [paragraph(PAYLOAD.svg, ' ', { text: NOTE_LINK_TEXT, marks: { link: { href: HOSTILE_HREFS[0] } } }, ' ', { text: 'veilige notitielink', marks: { link: { href: SAFE_HREF } } })],
        },
        0,
      );
      // An image node whose src is script and which carries a handler attribute, as a forged client could write.
      const content = listSlides(doc).find((s) => s.id === first)!.content;
      const image = new Y.XmlElement('image');
      image.setAttribute('src', 'javascript:window.__pwned=20');
      image.setAttribute('alt', 'plaatje');
      image.setAttribute('onerror', 'window.__pwned=21');
      const dataImage = new Y.XmlElement('image');
      dataImage.setAttribute('src', 'data:text/html,<script>window.__pwned=22</script>');
      content.insert(content.length, [image, dataImage]);
      // A chart naming a statistic that is markup: shown by name where the chart cannot be drawn.
      addSlide(doc, { layout: 'chart-text', content: [heading(2, PAYLOAD.iframe), chart(PAYLOAD.img, 'bar')], notes: [paragraph(PAYLOAD.script)] }, 1);
    });
  } finally {
    writer.destroy();
  }
  // A second client sees the slides: the server has stored and relays them.
  const reader = connectClient(wsUrl, deckId, { cookie });
  try {
    await reader.synced;
    await eventually(() => {
      const slide = listSlides(reader.doc)[0];
      expect(slide && fragmentText(slide.content)).toContain(PAYLOAD.img);
      expect(slide && fragmentText(slide.notes)).toContain(PAYLOAD.svg);
    }, 10_000);
  } finally {
    reader.destroy();
  }
}

async function hostileDeck(page: Page, baseURL: string): Promise<{ deck: DeckSummary; title: string; link: LinkInfo }> {
  const title = `${PAYLOAD.title} ${uniqueTitle('inj')}`;
  const deck = await createDeckViaApi(page.request, title);
  expect(deck.title).toBe(title);
  await plantSlides(page, deck.id, baseURL);
  const created = await page.request.post(`/api/decks/${deck.id}/links`, { data: { label: PAYLOAD.img } });
  expect(created.status(), await created.text()).toBe(201);
  const version = await page.request.post(`/api/decks/${deck.id}/versions`, { data: { label: PAYLOAD.svg } });
  expect(version.status(), await version.text()).toBe(201);
  return { deck, title, link: (await created.json()) as LinkInfo };
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('the detector itself finds script, handlers and javascript:/vbscript:/data: links in a known-bad page', async ({ page }) => {
  await page.context().addInitScript(CSP_LISTENER);
  await page.setContent(KNOWN_BAD_HTML);
  const found = problems(await page.evaluate(collectAudit));
  expect(found.join('\n')).toContain('window.__pwned = 1: a payload ran');
  expect(found.join('\n')).toContain('event handler from a payload: img[onerror]');
  expect(found.join('\n')).toContain('script element with payload text');
  for (const id of ['JaVa', 'vbscript:', 'data:text/html']) expect(found.some((p) => p.startsWith('dangerous a[href]') && p.includes(id)), id).toBe(true);
  // The parser decoded "&#106;" and the tab: the href attribute holds plain "javascript:".
  expect(found.filter((p) => p.startsWith('dangerous a[href]'))).toHaveLength(4);
  expect(isDangerousUrl('https://example.org/javascript:x')).toBe(false);

  // Under the app's own CSP a planted handler does not run, but the listener records the attempt
  // (and the browser logs the refusal).
  expectConsoleErrors(page, /^Executing inline event handler violates the following Content Security Policy directive 'script-src 'self''/);
  await page.goto('/login');
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="/nonexistent.png" onerror="window.__pwned=1">'));
  await expect.poll(async () => problems(await page.evaluate(collectAudit)).join('\n')).toContain('CSP blocked script (script-src-attr)');
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>)['__pwned'])).toBeUndefined();
});

test('a hostile deck is shown as literal text in the deck list, editor, presenter, speaker, attendee, print and history views', async ({ browser, signedInPage: page, baseURL }) => {
  const w = await watch(page);
  const { deck, title, link } = await hostileDeck(page, baseURL!);

  // Deck list: the title is one literal line.
  await page.goto('/');
  await expect(page.getByRole('main').getByText(title, { exact: true })).toBeVisible();
  await expectClean(page, 'deck list', w);

  // Editor: heading, script text, title field and document title are literal text; links are inert.
  await page.goto(`/decks/${deck.id}`);
  const canvas = page.getByRole('textbox', { name: /^Inhoud van dia \d+$/ });
  await expect(canvas.getByRole('heading', { level: 1 })).toHaveText(PAYLOAD.img);
  await expect(canvas).toContainText(PAYLOAD.script);
  await expect(canvas).toContainText(linkText(1));
  await expect(page.getByRole('textbox', { name: /^Sprekersnotities bij dia \d+$/ })).toContainText(PAYLOAD.svg);
  await expect(page.getByRole('textbox', { name: 'Titel van de presentatie' })).toHaveValue(title);
  await expect(page).toHaveTitle(new RegExp(escapeRegExp(PAYLOAD.title)));
  // The safe link is a real link in the editor: the href check sees links at all.
  await expect(canvas.locator(`a[href="${SAFE_HREF}"]`)).toHaveCount(1);
  await expectClean(page, 'editor', w);
  await clickPlanted(page, w, canvas, linkText(1));

  // Presenter: links are live here, so the safe one opens (positive control) and the hostile ones are text.
  const presenter = new PresenterView(page);
  await presenter.goto(deck.id);
  await expect(presenter.slide.getByRole('heading', { level: 1 })).toHaveText(PAYLOAD.img);
  await expect(presenter.slide).toContainText(PAYLOAD.script);
  await expect(presenter.slide.getByRole('link', { name: SAFE_LINK_TEXT })).toHaveAttribute('href', SAFE_HREF);
  for (let i = 1; i <= HOSTILE_HREFS.length; i++) await expect(presenter.slide.getByRole('link', { name: linkText(i) })).toHaveCount(0);
  await expectClean(page, 'presenter', w);
  for (let i = 1; i <= HOSTILE_HREFS.length; i++) await clickPlanted(page, w, presenter.slide, linkText(i));
  const [popup] = await Promise.all([page.waitForEvent('popup'), presenter.slide.getByRole('link', { name: SAFE_LINK_TEXT }).click()]);
  await expect(popup).toHaveURL(SAFE_HREF);
  expect(w.popups).toEqual([SAFE_HREF]);
  await popup.close();
  w.popups.length = 0;

  // Speaker view: the notes, literally; the note's javascript: link is text.
  const speaker = new SpeakerView(page);
  await page.goto(`/decks/${deck.id}/speaker`);
  await speaker.expectAt(1);
  await expect(speaker.notes).toContainText(PAYLOAD.svg);
  await expect(speaker.notes.getByRole('link', { name: 'veilige notitielink' })).toHaveAttribute('href', SAFE_HREF);
  await expect(speaker.notes.getByRole('link', { name: NOTE_LINK_TEXT, exact: true })).toHaveCount(0);
  await expectClean(page, 'speaker', w);
  await clickPlanted(page, w, speaker.notes, NOTE_LINK_TEXT);

  // Print page, with notes (what the PDF and HTML exports render).
  await page.goto(`/decks/${deck.id}/print?notes=1`);
  await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
  await expect(page.getByRole('heading', { level: 1 }).first()).toContainText(PAYLOAD.title);
  await expect(page.getByText(PAYLOAD.img, { exact: true }).first()).toBeVisible();
  await expect(page.getByText(PAYLOAD.svg).first()).toBeVisible();
  await expectClean(page, 'print', w);

  // History: the version label and its preview, literally.
  await page.goto(`/decks/${deck.id}/history`);
  await expect(page.getByText(PAYLOAD.svg).first()).toBeVisible();
  await expect(page.getByText(PAYLOAD.img, { exact: true }).first()).toBeVisible();
  await expectClean(page, 'history', w);

  // Attendee: before and during the session. The link label is shown, literally, on the
  // waiting card before the talk starts (the live view has no room for it), so it is checked
  // there and the session starts after.
  const attendeeContext = await browser.newContext({ locale: 'nl-NL', timezoneId: 'Europe/Amsterdam' });
  try {
    const attendee = await attendeeContext.newPage();
    const aw = await watch(attendee);
    await attendee.goto(link.url);
    await expect(attendee.getByText(`Link: ${PAYLOAD.img}`)).toBeVisible();
    await expectClean(attendee, 'attendee before the session', aw);
    expect((await page.request.post(`/api/decks/${deck.id}/presentation/start`)).status()).toBe(200);
    const slide = attendee.getByRole('region', { name: /^Dia \d+ van \d+$/ });
    await expect(slide.getByRole('heading', { level: 1 })).toHaveText(PAYLOAD.img);
    await expect(slide).toContainText(PAYLOAD.script);
    await expectClean(attendee, 'attendee', aw);
    for (let i = 1; i <= HOSTILE_HREFS.length; i++) await clickPlanted(attendee, aw, slide, linkText(i));
    expect(aw.popups).toEqual([]);
  } finally {
    await attendeeContext.close();
    await page.request.post(`/api/decks/${deck.id}/presentation/stop`);
  }
  expect(w.dialogs).toEqual([]);
});

const HOSTILE_MARKDOWN = (title: string): string => `---
format: tussenstand/1
title: "${title} <script>window.__pwned=30</script>"
theme: tussenstand
period: "<img src=x onerror=window.__pwned=31>"
language: nl
---

<!-- slide: layout=title-content -->

# Kop <img src=x onerror="window.__pwned=32"> zonder plaatje

<div onclick="window.__pwned=33"><script>window.__pwned=34</script></div>

Tekst met [md-js](javascript:window.__pwned=35), [md-case](JaVaScRiPt:window.__pwned=36), [md-data](data:text/html,<script>window.__pwned=37</script>), [md-vb](vbscript:msgbox), <a href="javascript:window.__pwned=38">md-inline</a> en [md-veilig](${SAFE_HREF}).

![md-plaatje](javascript:window.__pwned=39)

Letterlijk: \\<img src=x onerror=window.\\_\\_pwned=40\\>

<svg><a xlink:href="javascript:window.__pwned=41"><text>svg-link</text></a></svg>

Note:
Notitie <svg onload=window.__pwned=42> en [notitie-js](javascript:window.__pwned=43)
`;

test('an imported Markdown deck with raw HTML and script links renders without them, in the editor, presenter and speaker view', async ({ signedInPage: page }) => {
  const w = await watch(page);
  const marker = uniqueTitle('md-inj');
  const response = await page.request.post('/api/decks/import', { headers: { 'content-type': 'text/markdown' }, data: HOSTILE_MARKDOWN(marker) });
  expect(response.status(), await response.text()).toBe(201);
  const { id, title } = (await response.json()) as { id: string; title: string };
  // "Markup in the title is dropped on import" (docs/deck-format.md), or kept as text: never markup.
  expect(title).toContain(marker);

  await page.goto(`/decks/${id}`);
  const canvas = page.getByRole('textbox', { name: /^Inhoud van dia \d+$/ });
  await expect(canvas.getByRole('heading', { level: 1 })).toContainText('zonder plaatje');
  await expect(canvas).toContainText('<img src=x onerror=window.__pwned=40>');
  await expect(canvas).toContainText('md-inline');
  await expect(canvas.locator(`a[href="${SAFE_HREF}"]`)).toHaveCount(1);
  await expectClean(page, 'editor (imported)', w);
  await clickPlanted(page, w, canvas, 'md-js', false);

  const presenter = new PresenterView(page);
  await presenter.goto(id);
  await expect(presenter.slide).toContainText('<img src=x onerror=window.__pwned=40>');
  await expect(presenter.slide.getByRole('link', { name: 'md-veilig' })).toHaveAttribute('href', SAFE_HREF);
  for (const name of ['md-js', 'md-case', 'md-data', 'md-vb', 'md-inline']) await expect(presenter.slide.getByRole('link', { name })).toHaveCount(0);
  await expectClean(page, 'presenter (imported)', w);
  for (const name of ['md-js', 'md-inline', 'svg-link']) await clickPlanted(page, w, presenter.slide, name, false);

  const speaker = new SpeakerView(page);
  await page.goto(`/decks/${id}/speaker`);
  await expect(speaker.notes).toContainText('notitie-js');
  await expect(speaker.notes.getByRole('link')).toHaveCount(0);
  await expectClean(page, 'speaker (imported)', w);
});

async function postJson(request: APIRequestContext, path: string, data: unknown): Promise<{ id: string }> {
  const response = await request.post(path, { data });
  expect(response.status(), await response.text()).toBe(201);
  return (await response.json()) as { id: string };
}

const csvCell = (value: string): string => `"${value.replace(/"/g, '""')}"`;

test('research records and a CSV import with markup and formulas show as literal text; the CSV export defuses formulas', async ({ signedInPage: page }) => {
  const w = await watch(page);
  const tag = uniqueTitle('r');
  const orgName = `${PAYLOAD.img} ${tag}`;
  const org = await postJson(page.request, '/api/research/organisations', { name: orgName, kind: 'private' });
  const topic = `${PAYLOAD.script} ${tag}`;
  await postJson(page.request, '/api/research/interviews', { date: '2026-10-01', organisationId: org.id, staff: 2, topic });
  const subject = `${PAYLOAD.svg} ${tag}`;
  await postJson(page.request, '/api/research/agreements', { date: '2026-10-02', organisationId: org.id, track: 3, subject });
  const eventTitle = `${HOSTILE_HREFS[0]} ${tag}`;
  await postJson(page.request, '/api/research/events', { kind: 'factsheet', date: '2026-10-03', title: eventTitle });

  const csvNames = [...FORMULA_CELLS.map((cell) => `${cell} ${tag}`), `<a href="javascript:window.__pwned=44">csv-link</a> ${tag}`];
  const csv = `name,kind\r\n${csvNames.map((n) => `${csvCell(n)},public`).join('\r\n')}\r\n`;
  const imported = await page.request.post('/api/research/import?kind=organisations', { headers: { 'content-type': 'text/csv' }, data: csv });
  expect(imported.status(), await imported.text()).toBe(201);

  await page.goto('/research');
  const organisations = page.getByRole('tabpanel');
  await expect(organisations.getByText(orgName, { exact: true })).toBeVisible();
  for (const name of csvNames) await expect(organisations.getByText(name, { exact: true })).toBeVisible();
  await expectClean(page, 'research: organisations', w);

  // The import preview shows a chosen file's cells before anything is stored.
  await organisations.getByRole('button', { name: 'CSV importeren' }).click();
  const importer = organisations.getByRole('region', { name: 'CSV importeren in Organisaties' });
  const previewNames = [`${PAYLOAD.script} ${tag}-p`, `${FORMULA_CELLS[0]} ${tag}-p`];
  await importer.getByLabel('CSV-bestand').setInputFiles({ name: 'vijandig.csv', mimeType: 'text/csv', buffer: Buffer.from(`name,kind\n${previewNames.map((n) => `${csvCell(n)},public`).join('\n')}\n`) });
  const preview = importer.getByRole('table', { name: 'Voorbeeld van vijandig.csv' });
  for (const name of previewNames) await expect(preview.getByText(name, { exact: true })).toBeVisible();
  await expectClean(page, 'research: CSV import preview', w);
  await importer.getByRole('button', { name: 'Annuleren' }).click();

  for (const [tabName, literal] of [
    ['Interviews', topic],
    ['Werkafspraken', subject],
    ['Presentaties en factsheets', eventTitle],
  ] as const) {
    await page.getByRole('tab', { name: new RegExp(`^${tabName}`) }).click();
    await expect(page.getByRole('tabpanel').getByText(literal, { exact: true })).toBeVisible();
    await expectClean(page, `research: ${tabName}`, w);
  }
  await page.getByRole('tab', { name: /^Wijzigingslog/ }).click();
  await expect(page.getByRole('tabpanel').getByText(orgName).first()).toBeVisible();
  await expectClean(page, 'research: audit', w);

  const exported = await page.request.get('/api/research/organisations/export.csv');
  expect(exported.status()).toBe(200);
  const lines = (await exported.text()).split('\r\n');
  for (const cell of FORMULA_CELLS) {
    const line = lines.find((l) => l.includes(`${cell.slice(1).replace(/"/g, '""')} ${tag}`));
    expect(line, cell).toBeDefined();
    // Quoted or not, the cell starts with the apostrophe that makes it text.
    expect(line!.replace(/^"/, ''), cell).toMatch(/^'[=+\-@]/);
  }
});

test('the HTML, PDF, Markdown and PowerPoint exports of a hostile deck carry no live script or link', async ({ signedInPage: page, baseURL }, testInfo) => {
  test.setTimeout(90_000);
  const { deck } = await hostileDeck(page, baseURL!);

  // Markdown: payloads are escaped text; hostile links lose their target, the safe one keeps it.
  const md = await page.request.get(`/api/decks/${deck.id}/export.md`);
  expect(md.status()).toBe(200);
  const markdown = await md.text();
  expect(markdown).toContain('\\<img src=x onerror="window.\\_\\_pwned=1"\\>');
  expect(markdown).toContain(`[${SAFE_LINK_TEXT}](${SAFE_HREF})`);
  for (const [, target] of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(isDangerousUrl(target!), target).toBe(false);
  expect(markdown).toContain(linkText(1));

  // PowerPoint: no hyperlink target is script.
  const pptx = await page.request.get(`/api/decks/${deck.id}/export.pptx`);
  expect(pptx.status()).toBe(200);
  const zip = await JSZip.loadAsync(await pptx.body());
  const targets: string[] = [];
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
    for (const [, target] of (await zip.file(name)!.async('string')).matchAll(/Target="([^"]*)"/g)) targets.push(target!);
  }
  expect(targets).toContain(SAFE_HREF);
  expect(targets.filter((t) => isDangerousUrl(t.replace(/&amp;/g, '&')))).toEqual([]);

  // HTML archive: opened from disk, its own scripts run (reveal.js) and none of the payloads.
  const html = await page.request.get(`/api/decks/${deck.id}/export.html`, { timeout: 60_000 });
  expect(html.status(), await html.text()).toBe(200);
  const archive = await html.text();
  expect(archive).not.toMatch(/<title>[^<]*<\/title><script>/i);
  const file = testInfo.outputPath('hostile.html');
  fs.writeFileSync(file, archive);
  const viewer = await page.context().newPage();
  const w = await watch(viewer);
  await viewer.goto(`file://${file}`);
  await expect(viewer.locator('.reveal.ready')).toBeAttached();
  await expect(viewer).toHaveTitle(new RegExp(escapeRegExp(PAYLOAD.title)));
  await expect(viewer.getByRole('heading', { level: 1 }).filter({ hasText: PAYLOAD.img }).first()).toBeVisible();
  await expectClean(viewer, 'HTML export', w);
  await clickPlanted(viewer, w, viewer.locator('.reveal .present'), linkText(1));
  await viewer.close();

  // PDF: no JavaScript or Launch actions, no script URI; the safe link (in the notes) is a URI annotation.
  const pdf = await page.request.get(`/api/decks/${deck.id}/export.pdf?notes=1`, { timeout: 60_000 });
  expect(pdf.status()).toBe(200);
  const bytes = (await pdf.body()).toString('latin1');
  expect(bytes.startsWith('%PDF-')).toBe(true);
  expect(bytes).not.toMatch(/\/(JavaScript|JS|Launch|SubmitForm|ImportData)\b/);
  const uris = [...bytes.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((m) => m[1]!);
  expect(uris).toContain(SAFE_HREF);
  expect(uris.filter((u) => isDangerousUrl(u))).toEqual([]);
});
