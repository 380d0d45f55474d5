/**
 * Injection, the parts that need no browser (the browser parts are e2e/injection.spec.ts):
 * the detector those tests rely on catches what it should; the Markdown and PowerPoint
 * exports of a document written by a forged client carry no script link and no markup a
 * Markdown viewer would run; the research CSV export defuses every formula prefix.
 */
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import Papa from 'papaparse';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, getSlide, writeMeta } from '../../shared/deckModel.ts';
import { buildDeck } from '../../shared/deckFile/buildDeck.ts';
import { parseDeck } from '../../shared/deckFile/parseDeck.ts';
import { deckToMarkdown } from '../../shared/deckFile/toMarkdown.ts';
import { paragraph, type TextRun } from '../../shared/slideContent.ts';
import { deckToPptx } from '../../server/export/pptx.ts';
import { FORMULA_CELLS, HOSTILE_HREFS, isDangerousUrl, normaliseUrl, PAYLOAD, problems, SAFE_HREF, type DomAudit } from '../../e2e/hostile.ts';
import { serverFixture } from '../helpers/serverFixture.ts';

describe('the injection detector', () => {
  test('flags script URLs however they are disguised, and passes ordinary ones', () => {
    for (const bad of [...HOSTILE_HREFS, 'JAVASCRIPT:alert(1)', '&#x6A;avascript:alert(1)', 'java&#9;script:alert(1)', 'javascript&colon;alert(1)', '&amp;#106;avascript:x', 'java%0ascript:x', '\u0000javascript:x', 'data:text/html;base64,PHNjcmlwdD4=', 'data:image/png;base64,AAAA', 'VBScript:x', 'livescript:x'])
      expect(isDangerousUrl(bad), bad).toBe(true);
    for (const good of [SAFE_HREF, 'mailto:a@b.nl', '/api/images/abcdefgh12', '#main', '', 'blob:http://127.0.0.1/x', 'decks/1/javascript:x', 'https://example.org/?q=javascript:x'])
      expect(isDangerousUrl(good), good).toBe(false);
    // An image may be a data: image; a link may not.
    expect(isDangerousUrl('data:image/png;base64,AAAA', 'src')).toBe(false);
    expect(isDangerousUrl('data:text/html,x', 'src')).toBe(true);
    expect(normaliseUrl(' \tJaVa\nScRiPt:x')).toBe('javascript:x');
  });

  test('turns every kind of finding into a problem, and a clean audit into none', () => {
    const clean: DomAudit = { pwned: undefined, handlers: [], scripts: [], urls: [{ tag: 'a', attr: 'href', value: SAFE_HREF }], frames: [], csp: [] };
    expect(problems(clean)).toEqual([]);
    const cases: Partial<DomAudit>[] = [
      { pwned: 1 },
      { handlers: ['img[onerror]=window.__pwned=1'] },
      { scripts: ['window.__pwned=2'] },
      { urls: [{ tag: 'a', attr: 'href', value: 'JaVaScRiPt:x' }] },
      { urls: [{ tag: 'iframe', attr: 'srcdoc', value: '<p>' }] },
      { frames: ['<iframe src="javascript:x">'] },
      { csp: [{ directive: 'script-src-attr', blocked: 'inline', sample: 'window.__pwned=1' }] },
    ];
    for (const c of cases) expect(problems({ ...clean, ...c }), JSON.stringify(c)).toHaveLength(1);
  });
});

/** A deck as a forged client could write it: script links, script images, fences and markup in text. */
function hostileDoc(): Y.Doc {
  const doc = new Y.Doc();
  writeMeta(doc, { title: PAYLOAD.title, theme: 'tussenstand', language: 'nl', period: PAYLOAD.svg });
  const links: TextRun[] = HOSTILE_HREFS.flatMap((href, i) => [{ text: `link ${i + 1}`, marks: { link: { href } } }, ' ']);
  const id = addSlide(doc, {
    content: [paragraph(PAYLOAD.img, ' ', PAYLOAD.script), paragraph(...links, { text: 'veilig', marks: { link: { href: SAFE_HREF } } })],
    notes: [paragraph({ text: 'notitie', marks: { link: { href: HOSTILE_HREFS[0] } } })],
  });
  const content = getSlide(doc, id)!.content;
  doc.transact(() => {
    const image = new Y.XmlElement('image');
    image.setAttribute('src', 'javascript:window.__pwned=20');
    image.setAttribute('alt', 'plaatje');
    const code = new Y.XmlElement('codeBlock');
    const codeText = new Y.XmlText();
    code.insert(0, [codeText]);
    const chart = new Y.XmlElement('chart');
    chart.setAttribute('statKey', 'x\n```\n<script>window.__pwned=21</script>\n```');
    chart.setAttribute('view', 'bar');
    content.insert(content.length, [image, code, chart]);
    codeText.insert(0, 'voor\n```\n<script>window.__pwned=22</script>\n<img src=x onerror=window.__pwned=23>\n```\nna');
  });
  return doc;
}

/** A deck file without its front matter. */
const slides = (markdown: string): string => markdown.slice(markdown.indexOf('\n---\n', 4));

/** What any Markdown viewer that allows raw HTML would make of the file. */
const renderAnywhere = (markdown: string): string => new MarkdownIt({ html: true, linkify: true }).render(markdown);

describe('Markdown export of a hostile document', () => {
  test('has no script link or image, and no markup that a viewer allowing HTML would run', () => {
    const markdown = deckToMarkdown(hostileDoc());
    for (const [, target] of markdown.matchAll(/\]\(([^)]*)\)/g)) expect(isDangerousUrl(target!), target).toBe(false);
    expect(markdown).toContain(`[veilig](${SAFE_HREF})`);
    // The text of the refused links and image stays.
    for (let i = 1; i <= HOSTILE_HREFS.length; i++) expect(markdown).toContain(`link ${i}`);
    expect(markdown).toContain('plaatje');

    const html = renderAnywhere(markdown);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img[^>]*onerror/i);
    expect(html).not.toMatch(/<svg/i);
    for (const [, href] of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(isDangerousUrl(href!.replace(/&amp;/g, '&')), href).toBe(false);
    // The payloads are still there, as text.
    expect(html).toContain('&lt;img src=x onerror=&quot;window.__pwned=1&quot;&gt;');
    expect(html).toContain('&lt;script&gt;window.__pwned=22&lt;/script&gt;');
  });

  test('imports back to the same slides, byte for byte, and the title and period as text', () => {
    const markdown = deckToMarkdown(hostileDoc());
    expect(markdown).toContain('period: "\\"\\u003e\\u003csvg onload=window.__pwned=3\\u003e"');
    const doc = new Y.Doc();
    const parsed = parseDeck(markdown);
    expect(parsed.meta.period).toBe(PAYLOAD.svg);
    // Markup in an imported title is dropped (docs/deck-format.md); its text stays.
    expect(parsed.meta.title).toContain('Briefing');
    expect(parsed.meta.title).not.toContain('<');
    buildDeck(doc, parsed);
    expect(slides(deckToMarkdown(doc))).toBe(slides(markdown));
  });
});

describe('PowerPoint export of a hostile document', () => {
  test('keeps the safe hyperlink and no script one', async () => {
    const file = await deckToPptx(Y.encodeStateAsUpdate(hostileDoc()), { statValue: () => undefined, image: async () => null, title: PAYLOAD.title });
    const zip = await JSZip.loadAsync(file);
    const targets: string[] = [];
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      for (const [, target] of (await zip.file(name)!.async('string')).matchAll(/Target="([^"]*)"/g)) targets.push(target!.replace(/&amp;/g, '&'));
    }
    expect(targets).toContain(SAFE_HREF);
    expect(targets.filter((t) => isDangerousUrl(t))).toEqual([]);
  });
});

describe('research CSV export', () => {
  const fx = serverFixture();

  test('defuses every formula prefix (= + - @ tab CR) and keeps markup as text', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const names = [...FORMULA_CELLS, '\t=1+2', '\r=1+3', `${PAYLOAD.img}`].map((n) => `${n} ${tag}`);
    const csv = `name,kind\r\n${names.map((n) => `"${n.replace(/"/g, '""')}",public`).join('\r\n')}\r\n`;
    const imported = await fx.api.request('POST', '/api/research/import?kind=organisations', csv, { 'content-type': 'text/csv' });
    expect(imported.status, JSON.stringify(imported.body)).toBe(201);
    // Stored as typed (minus the import's trimming): the defusing is the export's job.
    const stored = (await fx.api.get('/api/research/organisations')).body.records as { name: string }[];
    for (const name of names) expect(stored.map((r) => r.name)).toContain(name.trim());

    const res = await fetch(`${fx.s.url}/api/research/organisations/export.csv`, { headers: { cookie: fx.api.cookie! } });
    const rows = Papa.parse<Record<string, string>>((await res.text()).replace(/^\uFEFF/, '').trim(), { header: true }).data;
    for (const name of names.map((n) => n.trim())) {
      const row = rows.find((r) => r.name?.endsWith(name.slice(1)));
      expect(row, name).toBeDefined();
      if (/^[=+\-@\t\r]/.test(name)) expect(row!.name, name).toBe(`'${name}`);
      else expect(row!.name).toBe(name);
    }
  });
});
