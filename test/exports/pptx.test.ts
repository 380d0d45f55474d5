/**
 * The PowerPoint export as a reader of the file sees it: the slide XML unzipped and read.
 * Pie slices each their own colour, human category labels in the deck's language, the
 * theme (section background, fonts), shapes in the slide's reading order, titles in title
 * placeholders, alt text on charts, code that stays on the slide, notes.
 */
import JSZip from 'jszip';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import type { ApiClient } from '../helpers/apiClient.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { CHART_PALETTE, DECK_THEMES } from '../../shared/deckThemes.ts';
import { listSlides, writeMeta } from '../../shared/deckModel.ts';
import { buildDeck } from '../../shared/deckFile/buildDeck.ts';
import { parseDeck } from '../../shared/deckFile/parseDeck.ts';
import { plainText, readFragment } from '../../shared/deckFile/tree.ts';
import { deckToPptx } from '../../server/export/pptx.ts';
import { buildExampleDeck, EXAMPLE_DECK_TITLE } from '../../server/seed/exampleDeck.ts';

const EMU_PER_INCH = 914400;
const SLIDE = { w: 13.333 * EMU_PER_INCH, h: 7.5 * EMU_PER_INCH };

function deckFile(language: 'nl' | 'en', theme: string): string {
  const longLine = `const result = items.filter((item) => item.value !== undefined).map((item) => ({ ...item, label: item.name.toUpperCase() })); // ${'x'.repeat(60)}`;
  return `---
format: tussenstand/1
title: PPTX test ${language}
theme: ${theme}
language: ${language}
---

<!-- slide: layout=title -->

# Titeldia ${language}

Ondertitel van de dia

---

<!-- slide: layout=section -->

# Sectie

---

## Tabel onder de kop

Tekst voor de tabel.

| Soort | Aantal |
| --- | --- |
| Gemeenten | 34 |

---

<!-- slide: layout=chart-text -->

## Damocles per status

\`\`\`chart
stat: damocles.byStatus
view: pie
\`\`\`

Tekst naast de grafiek.

Note:
Notitie bij de taartgrafiek.

---

<!-- slide: layout=title-content -->

## Interviews per maand

\`\`\`chart
stat: interviews.byMonth
view: bar
\`\`\`

---

## Werkafspraken per spoor

\`\`\`chart
stat: agreements.byTrack
view: line
\`\`\`

---

<!-- slide: layout=big-number -->

\`\`\`chart
stat: organisations.nonPartner
view: number
\`\`\`

van de organisaties

---

## Code

\`\`\`ts
${Array.from({ length: 30 }, () => longLine).join('\n')}
\`\`\`

---

## Afbeelding van elders

![Kaart van de eenheid](https://example.org/kaart.png)
`;
}

async function exportPptx(fx: { s: { url: string }; api: ApiClient }, markdown: string): Promise<{ slides: string[]; charts: string[]; notes: string }> {
  const imported = await fx.api.request('POST', '/api/decks/import?remoteImages=placeholder', markdown, { 'content-type': 'text/markdown' });
  expect(imported.status, JSON.stringify(imported.body)).toBe(201);
  const res = await fetch(`${fx.s.url}/api/decks/${imported.body.id}/export.pptx`, { headers: { cookie: fx.api.cookie! } });
  expect(res.status).toBe(200);
  const zip = await JSZip.loadAsync(await res.arrayBuffer());
  const read = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((f) => pattern.test(f))
        .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
        .map((f) => zip.file(f)!.async('string')),
    );
  return { slides: await read(/^ppt\/slides\/slide\d+\.xml$/), charts: await read(/^ppt\/charts\/chart\d+\.xml$/), notes: (await read(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)).join('') };
}

const chartWith = (charts: string[], text: string) => charts.find((c) => c.includes(text)) ?? '';

describe('PowerPoint export', () => {
  const fx = serverFixture();

  test('a Dutch deck: distinct pie colours, Dutch human labels, title placeholders, reading order, alt text, theme, code on the slide, notes', async () => {
    const { slides, charts, notes } = await exportPptx(fx, deckFile('nl', 'tussenstand'));
    expect(slides).toHaveLength(9);

    // Every slide with a heading has it in the title placeholder (PowerPoint's outline and accessibility checker).
    for (const i of [0, 1, 2, 3, 4, 5, 7, 8]) expect(slides[i], `slide ${i + 1}`).toMatch(/<p:ph\s[^>]*type="title"/);

    // Pie: one data point per category, each with its own colour from the palette.
    const pie = chartWith(charts, 'doughnutChart');
    const pointColours = [...pie.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);
    expect(pointColours.length).toBeGreaterThanOrEqual(3);
    expect(new Set(pointColours).size).toBe(pointColours.length);
    expect(pointColours.every((c) => (CHART_PALETTE as readonly string[]).includes(c!))).toBe(true);

    // Human labels in the deck's language, never the codes.
    const allCharts = charts.join('');
    expect(pie).toContain('Nog niet geanalyseerd');
    expect(allCharts).not.toMatch(/<c:v>(not-analysed|analysed|harmonised)<\/c:v>/);
    expect(allCharts).not.toMatch(/<c:v>\d{4}-\d{2}<\/c:v>/);
    expect(allCharts).toMatch(/<c:v>jan 2025<\/c:v>|<c:v>[a-z]{3} 20\d\d<\/c:v>/);
    expect(chartWith(charts, 'lineChart')).toContain('Spoor 1');

    // Counts on whole-number steps, never "0.5": a value axis with an integer major unit and format.
    const bars = chartWith(charts, 'lineChart');
    expect(bars).toMatch(/<c:majorUnit val="[1-9]\d*"\/>/);
    expect(bars).toMatch(/<c:valAx>[\s\S]*formatCode="#,##0"/);

    // Alt text on the chart frame: its title and values.
    expect(slides[3]).toMatch(/descr="Damoclesbeleid per status: Nog niet geanalyseerd \d+/);

    // Reading order: the heading, then the text, then the table (shapes in spTree order).
    const tableSlide = slides[2]!;
    expect(tableSlide.indexOf('Tabel onder de kop')).toBeLessThan(tableSlide.indexOf('Tekst voor de tabel'));
    expect(tableSlide.indexOf('Tekst voor de tabel')).toBeLessThan(tableSlide.indexOf('<a:tbl>'));

    // Theme: the section slide has the dark section colour, headings in the theme's font.
    const theme = DECK_THEMES.tussenstand;
    const layouts = slides.join('');
    expect(layouts).not.toContain('Calibri');

    // Code: monospace, and the box ends on the slide.
    const code = slides[7]!;
    expect(code).toContain('typeface="Consolas"');
    for (const m of code.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
      expect(Number(m[1]) + Number(m[3])).toBeLessThanOrEqual(SLIDE.w + 1);
      expect(Number(m[2]) + Number(m[4])).toBeLessThanOrEqual(SLIDE.h + 1);
    }

    // The remote image is a visible box saying what and where, not an empty space.
    expect(slides[8]).toContain('Afbeelding van een andere website');
    expect(slides[8]).toContain('https://example.org/kaart.png');

    expect(notes).toContain('Notitie bij de taartgrafiek.');
    expect(theme.sectionBg).toBe('10325A');
  });

  test('every theme: the title slide carries its band, the section slide its colour, a content slide its background', async () => {
    for (const name of Object.keys(DECK_THEMES) as (keyof typeof DECK_THEMES)[]) {
      const theme = DECK_THEMES[name];
      const imported = await fx.api.request('POST', '/api/decks/import', deckFile('nl', name), { 'content-type': 'text/markdown' });
      expect(imported.status, JSON.stringify(imported.body)).toBe(201);
      const res = await fetch(`${fx.s.url}/api/decks/${imported.body.id}/export.pptx`, { headers: { cookie: fx.api.cookie! } });
      const zip = await JSZip.loadAsync(await res.arrayBuffer());
      const layoutOf = async (slide: number) => {
        const rels = await zip.file(`ppt/slides/_rels/slide${slide}.xml.rels`)!.async('string');
        return zip.file(`ppt/slideLayouts/${/slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]}`)!.async('string');
      };
      const band = theme.titleBand.edge === 'ribbon' ? theme.accent2 : theme.accent;
      expect(await layoutOf(1), `${name}: title band`).toMatch(new RegExp(`<p:sp>[\\s\\S]*?<a:srgbClr val="${band}"`));
      expect(await layoutOf(2), `${name}: section`).toContain(theme.sectionBg);
      expect(await layoutOf(3), `${name}: content background`).toContain(theme.bg);
    }
  });

  test('the section slide is drawn on the section colour of its theme (masters carry the background)', async () => {
    const imported = await fx.api.request('POST', '/api/decks/import', deckFile('nl', 'noord'), { 'content-type': 'text/markdown' });
    const res = await fetch(`${fx.s.url}/api/decks/${imported.body.id}/export.pptx`, { headers: { cookie: fx.api.cookie! } });
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const rels = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    const layout = /slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]!;
    const layoutXml = await zip.file(`ppt/slideLayouts/${layout}`)!.async('string');
    expect(layoutXml).toContain(DECK_THEMES.noord.sectionBg);
    const contentRels = await zip.file('ppt/slides/_rels/slide3.xml.rels')!.async('string');
    const contentLayout = await zip.file(`ppt/slideLayouts/${/slideLayouts\/(slideLayout\d+\.xml)/.exec(contentRels)![1]}`)!.async('string');
    expect(contentLayout).toContain(DECK_THEMES.noord.bg);
    expect(contentLayout).not.toContain(DECK_THEMES.noord.sectionBg);
  });

  test('an English deck gets English labels, whatever language the exporter speaks', async () => {
    const { charts } = await exportPptx(fx, deckFile('en', 'contrast'));
    const pie = chartWith(charts, 'doughnutChart');
    expect(pie).toContain('Not yet analysed');
    expect(pie).toContain('Damocles policy by status');
    expect(chartWith(charts, 'lineChart')).toContain('Track 1');
  });
});

/** Figures as the stats hub stores them: raw category codes, which the export must turn into words. */
function fakeStat(key: string): unknown {
  if (key === 'damocles.byStatus') return [{ label: 'not-analysed', value: 12 }, { label: 'analysed', value: 9 }, { label: 'harmonised', value: 13 }];
  if (key === 'interviews.byMonth') return ['2025-01', '2025-02', '2025-03'].map((label, i) => ({ label, value: 3 + i }));
  if (key === 'agreements.byTrack') return ['1', '2', '3'].map((label, i) => ({ label, value: 4 + i }));
  if (key === 'organisations.byKind') return [{ label: 'municipality', value: 34 }, { label: 'police', value: 3 }];
  return 17;
}
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function unzipSlides(file: Buffer): Promise<{ slides: string[]; charts: string[]; notes: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(file);
  const read = (pattern: RegExp) =>
    Promise.all(
      Object.keys(zip.files)
        .filter((f) => pattern.test(f))
        .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
        .map((f) => zip.file(f)!.async('string')),
    );
  return { slides: await read(/^ppt\/slides\/slide\d+\.xml$/), charts: await read(/^ppt\/charts\/chart\d+\.xml$/), notes: (await read(/^ppt\/notesSlides\/notesSlide\d+\.xml$/)).join(''), zip };
}

/** Every shape's frame (EMU) in a slide, in spTree order. */
const frames = (xml: string) => [...xml.matchAll(/<a:off x="(\d+)" y="(\d+)"\/>\s*<a:ext cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), w: Number(m[3]), h: Number(m[4]) }));

describe('PowerPoint export of decks built in the shared model', () => {
  test.each(['tussenstand', 'contrast'] as const)('the example deck (%s): a title placeholder per titled slide, notes, pie colours, Dutch labels, shapes on the slide', async (theme) => {
    const doc = new Y.Doc();
    buildExampleDeck(doc);
    writeMeta(doc, { theme });
    const views = listSlides(doc);
    const { slides, charts, notes } = await unzipSlides(await deckToPptx(Y.encodeStateAsUpdate(doc), { statValue: fakeStat, image: async () => PNG, title: EXAMPLE_DECK_TITLE }));
    expect(slides).toHaveLength(views.length);
    for (const [i, view] of views.entries()) {
      const first = readFragment(view.content)[0];
      if (first?.type === 'heading') expect(slides[i], `slide ${i + 1}`).toMatch(/<p:ph\s[^>]*type="title"/);
      for (const f of frames(slides[i]!)) {
        expect(f.x + f.w, `slide ${i + 1} right edge`).toBeLessThanOrEqual(SLIDE.w + 1);
        expect(f.y + f.h, `slide ${i + 1} bottom edge`).toBeLessThanOrEqual(SLIDE.h + 1);
      }
      const spoken = plainText(readFragment(view.notes)).trim();
      if (spoken) expect(notes).toContain(spoken.slice(0, 30));
    }
    const allCharts = charts.join('');
    expect(allCharts).not.toMatch(/<c:v>(not-analysed|analysed|harmonised|\d{4}-\d{2})<\/c:v>/);
    const pie = chartWith(charts, 'doughnutChart');
    if (pie) {
      const colours = [...pie.matchAll(/<c:dPt>[\s\S]*?<a:srgbClr val="([0-9A-F]{6})"/g)].map((m) => m[1]);
      expect(new Set(colours).size).toBe(colours.length);
      expect(colours.length).toBeGreaterThanOrEqual(3);
    }
    // Section slides sit on the section colour (their layout's background).
    expect(slides.join('')).not.toContain('Calibri');
  });

  test('a deck with every layout, chart kind, table, long code, an uploaded and a remote image', async () => {
    const markdown = deckFile('en', 'noord')
      .replace('<!-- slide: layout=title -->\n\n# Titeldia en\n\nOndertitel van de dia', '<!-- slide: layout=title -->\n\n# Titeldia en\n\nThe subtitle line')
      .concat(
        '\n---\n\n<!-- slide: layout=two-columns -->\n\n## Two columns\n\n- left one\n\n***\n\n```chart\nstat: damocles.byStatus\nview: table\n```\n',
        '\n---\n\n<!-- slide: layout=quote -->\n\n> A quote to end with.\n',
        '\n---\n\n## Uploaded\n\n### The map\n\n![Map of the region](/api/images/abcdefgh12)\n',
      );
    const doc = new Y.Doc();
    buildDeck(doc, parseDeck(markdown));
    const { slides, zip } = await unzipSlides(await deckToPptx(Y.encodeStateAsUpdate(doc), { statValue: fakeStat, image: async (id) => (id === 'abcdefgh12' ? PNG : null), title: 'all' }));
    expect(slides).toHaveLength(12);
    // The title slide's subtitle and a level-3 heading after a title go into the body placeholder under the title.
    expect(slides[0]).toMatch(/<p:ph\s[^>]*type="body"[\s\S]*The subtitle line/);
    expect(slides[11]).toMatch(/<p:ph\s[^>]*type="body"[\s\S]*The map/);
    // The uploaded image is embedded with its alt text; the remote one is a box naming it.
    expect(slides[11]).toMatch(/<p:pic>[\s\S]*descr="Map of the region"/);
    // …in its own proportions (the test PNG is square), not stretched to the box.
    const pic = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(slides[11]!)!;
    expect(Math.abs(Number(pic[1]) - Number(pic[2]))).toBeLessThan(EMU_PER_INCH * 0.01);
    expect(Object.keys(zip.files).some((f) => /^ppt\/media\/.*\.png$/.test(f))).toBe(true);
    expect(slides[8]).toContain('https://example.org/kaart.png');
    // Charts carry alt text with their values in words; the table view is a table with English labels.
    expect(slides[4]).toMatch(/descr="Interview[^"]*: [^"]*2025 3,/);
    expect(slides[9]).toContain('<a:tbl>');
    expect(slides[9]).toContain('Not yet analysed');
    // Two columns: the list's box left of the table.
    const [list, table] = frames(slides[9]!).slice(-2);
    expect(list!.x + list!.w).toBeLessThanOrEqual(table!.x);
    // The big number in the accent colour.
    expect(slides[6]).toMatch(new RegExp(`<a:solidFill><a:srgbClr val="${DECK_THEMES.noord.accent}"/></a:solidFill>[\\s\\S]*?<a:t>17</a:t>`));
    // Long code: every line kept, monospace, the box on the slide.
    const code = slides[7]!;
    expect(code.match(/const result = /g)).toHaveLength(30);
    const codeBox = frames(code).at(-1)!;
    expect(codeBox.y + codeBox.h).toBeLessThanOrEqual(SLIDE.h);
    expect(codeBox.x + codeBox.w).toBeLessThanOrEqual(SLIDE.w);
  });

  test('footer text, marking, date, slide number and logo are on every slide\'s master, in the deck\'s language', async () => {
    const markdown = deckFile('en', 'rijk').replace('language: en\n', 'language: en\nfooter: Interim update track 3\nclassification: dep-vertrouwelijk\nfooterDate: true\nslideNumbers: true\nlogo: /api/images/abcdefgh12\n');
    const doc = new Y.Doc();
    buildDeck(doc, parseDeck(markdown));
    const { slides, zip } = await unzipSlides(await deckToPptx(Y.encodeStateAsUpdate(doc), { statValue: fakeStat, image: async (id) => (id === 'abcdefgh12' ? PNG : null), title: 'footer' }));
    const layoutOf = async (slide: number) => {
      const rels = await zip.file(`ppt/slides/_rels/slide${slide}.xml.rels`)!.async('string');
      const name = /slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]!;
      return { xml: await zip.file(`ppt/slideLayouts/${name}`)!.async('string'), rels: await zip.file(`ppt/slideLayouts/_rels/${name}.rels`)!.async('string') };
    };
    const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(new Date());
    for (let n = 1; n <= slides.length; n++) {
      const { xml, rels } = await layoutOf(n);
      expect(xml, `slide ${n}`).toContain('<a:t>Interim update track 3</a:t>');
      expect(xml).toContain('<a:t>DEPARTMENTAL CONFIDENTIAL</a:t>');
      expect(xml).toContain(`<a:t>${today}</a:t>`);
      expect(xml).toMatch(/<a:fld [^>]*type="slidenum"/);
      expect(xml).toContain(DECK_THEMES.rijk.marking);
      expect(rels).toMatch(/Target="\.\.\/media\/[^"]+\.png"/);
    }
    // The content keeps clear of the footer line (the slide number pptxgenjs puts on each slide is the line itself).
    const footerTop = SLIDE.h - 0.42 * EMU_PER_INCH;
    for (const [i, slide] of slides.entries()) for (const box of frames(slide).filter((frame) => frame.y < footerTop - 1)) expect(box.y + box.h, `slide ${i + 1}: ${JSON.stringify(box)}`).toBeLessThanOrEqual(SLIDE.h - 0.42 * EMU_PER_INCH + 1);
  });

  test('a hidden slide stays in the file, hidden as PowerPoint hides one', async () => {
    const markdown = deckFile('nl', 'tussenstand').replace('<!-- slide: layout=section -->', '<!-- slide: layout=section hidden -->');
    const doc = new Y.Doc();
    buildDeck(doc, parseDeck(markdown));
    const { slides } = await unzipSlides(await deckToPptx(Y.encodeStateAsUpdate(doc), { statValue: fakeStat, image: async () => null, title: 'hidden' }));
    expect(slides.filter((x) => /<p:sld [^>]*show="0"/.test(x))).toHaveLength(1);
    expect(slides[1]).toMatch(/<p:sld [^>]*show="0"/);
  });
});
