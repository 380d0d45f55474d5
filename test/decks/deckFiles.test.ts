import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import { listSlides } from '../../shared/deckModel.ts';
import { fragmentText } from '../../shared/slideContent.ts';
import type { ApiClient } from '../helpers/apiClient.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient } from '../helpers/yClient.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/decks');
const fixture = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

async function importDeck(api: ApiClient, markdown: string) {
  return api.request('POST', '/api/decks/import', markdown, { 'content-type': 'text/markdown' });
}

async function exportDeck(api: ApiClient, id: string): Promise<string> {
  const res = await api.get(`/api/decks/${id}/export.md`);
  expect(res.status).toBe(200);
  return res.body as string;
}

/** Each slide's text and notes, as a user would read them. */
async function slidesOf(fx: { s: { wsUrl: string }; api: ApiClient }, id: string) {
  const client = connectClient(fx.s.wsUrl, id, { cookie: fx.api.cookie });
  await client.synced;
  const slides = listSlides(client.doc).map((s) => ({ layout: s.layout, text: fragmentText(s.content), notes: fragmentText(s.notes), xml: s.content.toString() }));
  client.destroy();
  return slides;
}

async function postBytes(fx: { s: { url: string }; api: ApiClient }, bytes: Uint8Array) {
  const res = await fetch(`${fx.s.url}/api/decks/import`, { method: 'POST', body: Buffer.from(bytes), headers: { cookie: fx.api.cookie!, 'content-type': 'text/markdown' } });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

describe('decks as Markdown files', () => {
  const fx = serverFixture();

  test.each(['own.md', 'reveal.md', 'slidev.md', 'marp.md'])('%s: import → export → import → export gives byte-identical Markdown', async (name) => {
    const first = await importDeck(fx.api, fixture(name));
    expect(first.status).toBe(201);
    const exported = await exportDeck(fx.api, first.body.id);
    const second = await importDeck(fx.api, exported);
    expect(second.status).toBe(201);
    expect(second.body.dialect).toBe('tussenstand');
    expect(second.body.slideCount).toBe(first.body.slideCount);
    expect(await exportDeck(fx.api, second.body.id)).toBe(exported);
  });

  test('our own format keeps layouts, marks, charts (live and frozen), columns and notes', async () => {
    const res = await importDeck(fx.api, fixture('own.md'));
    expect(res.body).toMatchObject({ title: 'Eigen formaat', slideCount: 4, dialect: 'tussenstand' });
    const slides = await slidesOf(fx, res.body.id);
    expect(slides.map((s) => s.layout)).toEqual(['title', 'chart-text', 'two-columns', 'quote']);
    expect(slides[0]!.xml).toContain('<bold>bold</bold>');
    expect(slides[0]!.xml).toContain('<underline>underlined</underline>');
    expect(slides[0]!.notes).toBe('Notes with a list:\nfirst\nsecond');
    expect(slides[1]!.xml).toContain('<chart statKey="interviews.byMonth" view="line">');
    expect(slides[1]!.xml).toContain('frozenValue="52"');
    expect(slides[2]!.xml).toContain('<horizontalrule>');
    expect(slides[3]!.text).toBe('A quote *with* escaped stars and a # hash');
    expect(await exportDeck(fx.api, res.body.id)).toBe(fixture('own.md'));
  });

  test('reveal.js / HedgeDoc: vertical slides become slides of their own, Note: becomes notes', async () => {
    const res = await importDeck(fx.api, fixture('reveal.md'));
    expect(res.body).toMatchObject({ title: 'Tussenstand januari', slideCount: 4, dialect: 'reveal' });
    const slides = await slidesOf(fx, res.body.id);
    expect(slides.map((s) => s.text.split('\n')[0])).toEqual(['Tussenstand januari', 'Stand van het onderzoek', 'Verticaal: toelichting', 'Tabel']);
    expect(slides[0]!.notes).toBe('Welkom aan het team.');
    expect(slides[2]!.notes).toBe('Een notitie op één regel.');
    expect(slides[1]!.xml).toContain('href');
    expect(slides[3]!.xml).toContain('<tableheader');
  });

  test('Slidev: per-slide front matter sets layouts, the last comment is the notes', async () => {
    const res = await importDeck(fx.api, fixture('slidev.md'));
    expect(res.body).toMatchObject({ title: 'Tussenstand maart', slideCount: 4, dialect: 'slidev' });
    const slides = await slidesOf(fx, res.body.id);
    expect(slides.map((s) => s.layout)).toEqual(['title', 'two-columns', 'title-content', 'quote']);
    expect(slides[0]!.notes).toBe('Welkom iedereen.');
    expect(slides[1]!.notes).toBe('Dit is de notitie van de tweede dia. Met een tweede regel.');
    // Only the last comment, at the end of the slide, is Slidev's note; another comment's text is kept after it.
    expect(slides[2]!.notes).toBe('laatste commentaar is de notitie\neerste commentaar');
    expect(slides.map((s) => s.text).join()).not.toContain('eerste commentaar');
    expect(res.body.report.notices).toContainEqual(expect.objectContaining({ code: 'comment-kept', slide: 3, detail: 'eerste commentaar' }));
  });

  test('every reply carries the report: dialect, counts, notices, remote images', async () => {
    const res = await importDeck(fx.api, fixture('slidev/briefing.md'));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ slideCount: 8, dialect: 'slidev' });
    expect(res.body.report).toMatchObject({ dialect: 'slidev', encoding: 'utf-8', title: 'Briefing Spoor 3 — maart', slides: 8, slidesWithNotes: 3 });
    const codes = (res.body.report.notices as { code: string }[]).map((n) => n.code);
    for (const code of ['hidden-slide', 'src-import', 'slot-columns', 'layout-unknown', 'fragment']) expect(codes).toContain(code);
    const marp = await importDeck(fx.api, fixture('marp/heading-divider.md'));
    expect(marp.body).toMatchObject({ slideCount: 5, dialect: 'marp' });
    expect(marp.body.report.remoteImages).toEqual([expect.objectContaining({ url: 'https://example.org/kaart.png', slide: 3 })]);
    const revealMd = await importDeck(fx.api, fixture('reveal-md/custom-separators.md'));
    expect(revealMd.body).toMatchObject({ slideCount: 4, dialect: 'reveal-md' });
    const hedgedoc = await importDeck(fx.api, fixture('hedgedoc/overleg.md'));
    expect(hedgedoc.body).toMatchObject({ slideCount: 4, dialect: 'hedgedoc' });
  });

  test('encodings: UTF-8 with a BOM and UTF-16 with a BOM import; Latin-1 is refused with a reason', async () => {
    const text = '# Één 中文 😀\n\nNote: welkom\n';
    const utf8 = new TextEncoder().encode(text);
    const bom = await postBytes(fx, new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]));
    expect(bom.status).toBe(201);
    expect(bom.body.title).toBe('Één 中文 😀');
    const utf16 = new Uint8Array(2 + text.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      utf16[2 + 2 * i] = text.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = text.charCodeAt(i) >> 8;
    }
    const le = await postBytes(fx, utf16);
    expect(le.status).toBe(201);
    expect(le.body.title).toBe('Één 中文 😀');
    const latin1 = await postBytes(fx, new Uint8Array([0x23, 0x20, 0xc9, 0xe9, 0x6e, 0x0a]));
    expect(latin1.status).toBe(400);
    expect(latin1.body.message).toContain('UTF-8');
  });

  test('Marp: comments are notes, directives are ignored', async () => {
    const res = await importDeck(fx.api, fixture('marp.md'));
    expect(res.body).toMatchObject({ title: 'Factsheet IIPSy', slideCount: 3, dialect: 'marp' });
    const slides = await slidesOf(fx, res.body.id);
    expect(slides[0]!.layout).toBe('title');
    expect(slides[0]!.notes).toBe('De factsheet gaat naar het hele netwerk.');
    expect(slides[1]!.notes).toBe('Benoem de waterschappen.');
    expect(slides[2]!.xml).toContain('<image');
    expect(JSON.stringify(slides)).not.toContain('paginate');
  });

  test('markup in imported files is sanitised: no script, handler or javascript: link survives', async () => {
    const res = await importDeck(fx.api, fixture('hostile.md'));
    expect(res.status).toBe(201);
    const exported = await exportDeck(fx.api, res.body.id);
    const slides = JSON.stringify(await slidesOf(fx, res.body.id));
    for (const text of [exported, slides]) expect(text).not.toMatch(/<script|onerror|onmouseover|<iframe|<img/i);
    // A javascript: or data: target may remain as visible text, never as a link or image.
    expect(exported).not.toMatch(/(?<!\\)\]\((javascript|data):/i);
    expect(slides).not.toMatch(/(href|src)[^a-z]+(javascript|data):/i);
    expect(slides).toContain('click');
    expect(slides).toContain('notes');
  });

  test('bad files: a 400 that says why, or 413 — never a 500', async () => {
    const empty = await importDeck(fx.api, '   \n');
    expect(empty.status).toBe(400);
    expect(empty.body.error).toBe('not-a-deck');
    expect(empty.body.message).toContain('empty');
    const binary = await importDeck(fx.api, 'PK\u0003\u0004\u0000\u0000binary');
    expect(binary.status).toBe(400);
    expect(binary.body.message).toContain('not a text file');
    const onlyComments = await importDeck(fx.api, '---\nmarp: true\n---\n\n---\n\n');
    expect(onlyComments.status).toBe(400);
    const huge = await importDeck(fx.api, `# Big\n\n${'x'.repeat(1024 * 1024)}`);
    expect(huge.status).toBe(413);
    const json = await fx.api.request('POST', '/api/decks/import', { not: 'markdown' });
    expect(json.status).toBe(415);
    // A plain text file that is not a deck still imports, as text.
    const plain = await importDeck(fx.api, 'Just some notes\nabout nothing in particular.');
    expect(plain.status).toBe(201);
    expect(plain.body.slideCount).toBe(1);
  });

  test('the seeded example deck round-trips too, and decks/examples holds it', async () => {
    const decks = (await fx.api.get('/api/decks')).body.decks as { id: string; title: string }[];
    const example = decks.find((d) => d.title.startsWith('Tussenstand Spoor 3'))!;
    const exported = await exportDeck(fx.api, example.id);
    const again = await importDeck(fx.api, exported);
    expect(await exportDeck(fx.api, again.body.id)).toBe(exported);
    expect(exported).toBe(fs.readFileSync(path.resolve(import.meta.dirname, '../../decks/examples/tussenstand-spoor-3.md'), 'utf8'));
  });
});

describe('PowerPoint export', () => {
  const fx = serverFixture();

  test('the .pptx opens: one slide per slide, editable text, native charts and notes', async () => {
    const decks = (await fx.api.get('/api/decks')).body.decks as { id: string; title: string; slideCount: number }[];
    const example = decks.find((d) => d.title.startsWith('Tussenstand Spoor 3'))!;
    const res = await fetch(`${fx.s.url}/api/decks/${example.id}/export.pptx`, { headers: { cookie: fx.api.cookie! } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('presentationml');
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const slideFiles = Object.keys(zip.files).filter((f) => /^ppt\/slides\/slide\d+\.xml$/.test(f));
    expect(slideFiles).toHaveLength(example.slideCount);
    const first = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(first).toContain('Tussenstand Spoor 3');
    const all = (await Promise.all(slideFiles.map((f) => zip.file(f)!.async('string')))).join('');
    expect(all).toContain('Stand van het onderzoek');
    expect(all).toContain('<a:t>52 medewerkers van 25 organisaties');
    expect(Object.keys(zip.files).some((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f))).toBe(true);
    const notes = Object.keys(zip.files).filter((f) => /^ppt\/notesSlides\/notesSlide\d+\.xml$/.test(f));
    expect(notes.length).toBeGreaterThan(0);
    expect((await Promise.all(notes.map((f) => zip.file(f)!.async('string')))).join('')).toContain('Welkom aan het IIPSy-team');
  });
});

describe('templates', () => {
  const fx = serverFixture();

  test('new from template fills in the period and points the charts at the research log', async () => {
    const templates = (await fx.api.get('/api/templates')).body.templates as { id: string; title: string }[];
    expect(templates.map((t) => t.id)).toEqual(['bimonthly-briefing', 'half-yearly-factsheet']);
    const res = await fx.api.post('/api/decks', { title: 'Tussenstand januari 2027', template: 'bimonthly-briefing', period: 'januari 2027' });
    expect(res.status).toBe(201);
    const slides = await slidesOf(fx, res.body.id);
    expect(slides.length).toBeGreaterThanOrEqual(6);
    expect(slides[0]!.text).toContain('januari 2027');
    expect(slides.filter((s) => s.xml.includes('<chart statKey=')).length).toBeGreaterThanOrEqual(4);
    expect(JSON.stringify(slides)).not.toContain('{{period}}');
    const unknown = await fx.api.post('/api/decks', { title: 'x', template: '../../etc/passwd' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.fields[0].field).toBe('template');
  });
});
