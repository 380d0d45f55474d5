/**
 * The PowerPoint export as a reader of the file sees it: the slide XML unzipped and read.
 * Pie slices each their own colour, human category labels in the deck's language, the
 * theme (section background, fonts), shapes in the slide's reading order, titles in title
 * placeholders, alt text on charts, code that stays on the slide, notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, test } from 'vitest';
import type { ApiClient } from '../helpers/apiClient.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { CHART_PALETTE, PPTX_THEMES } from '../../server/export/pptx.ts';

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

    // Alt text on the chart frame: its title and values.
    expect(slides[3]).toMatch(/descr="Damoclesbeleid per status: Nog niet geanalyseerd \d+/);

    // Reading order: the heading, then the text, then the table (shapes in spTree order).
    const tableSlide = slides[2]!;
    expect(tableSlide.indexOf('Tabel onder de kop')).toBeLessThan(tableSlide.indexOf('Tekst voor de tabel'));
    expect(tableSlide.indexOf('Tekst voor de tabel')).toBeLessThan(tableSlide.indexOf('<a:tbl>'));

    // Theme: the section slide has the dark section colour, headings in the theme's font.
    const theme = PPTX_THEMES.tussenstand!;
    const layouts = slides.join('');
    expect(layouts).not.toContain('Calibri');

    // Code: monospace, and the box ends on the slide.
    const code = slides[7]!;
    expect(code).toContain('typeface="Consolas"');
    for (const m of code.matchAll(/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/g)) {
      expect(Number(m[1]) + Number(m[3])).toBeLessThanOrEqual(SLIDE.w + 1);
      expect(Number(m[2]) + Number(m[4])).toBeLessThanOrEqual(SLIDE.h + 1);
    }

    // The remote image is a visible box saying what and where, not an empty space.
    expect(slides[8]).toContain('Afbeelding van een andere website');
    expect(slides[8]).toContain('https://example.org/kaart.png');

    expect(notes).toContain('Notitie bij de taartgrafiek.');
    expect(theme.sectionBackground).toBe('10325A');
  });

  test('the section slide is drawn on the section colour of its theme (masters carry the background)', async () => {
    const imported = await fx.api.request('POST', '/api/decks/import', deckFile('nl', 'noord'), { 'content-type': 'text/markdown' });
    const res = await fetch(`${fx.s.url}/api/decks/${imported.body.id}/export.pptx`, { headers: { cookie: fx.api.cookie! } });
    const zip = await JSZip.loadAsync(await res.arrayBuffer());
    const rels = await zip.file('ppt/slides/_rels/slide2.xml.rels')!.async('string');
    const layout = /slideLayouts\/(slideLayout\d+\.xml)/.exec(rels)![1]!;
    const layoutXml = await zip.file(`ppt/slideLayouts/${layout}`)!.async('string');
    expect(layoutXml).toContain(PPTX_THEMES.noord!.sectionBackground);
    const contentRels = await zip.file('ppt/slides/_rels/slide3.xml.rels')!.async('string');
    const contentLayout = await zip.file(`ppt/slideLayouts/${/slideLayouts\/(slideLayout\d+\.xml)/.exec(contentRels)![1]}`)!.async('string');
    expect(contentLayout).toContain(PPTX_THEMES.noord!.background);
    expect(contentLayout).not.toContain(PPTX_THEMES.noord!.sectionBackground);
  });

  test('an English deck gets English labels, whatever language the exporter speaks', async () => {
    const { charts } = await exportPptx(fx, deckFile('en', 'contrast'));
    const pie = chartWith(charts, 'doughnutChart');
    expect(pie).toContain('Not yet analysed');
    expect(pie).toContain('Damocles policy by status');
    expect(chartWith(charts, 'lineChart')).toContain('Track 1');
  });

  test('the theme colours here are the ones the slides are drawn with (client/src/editor/themes/*.css)', () => {
    for (const [name, theme] of Object.entries(PPTX_THEMES)) {
      const css = fs.readFileSync(path.resolve(import.meta.dirname, `../../client/src/editor/themes/${name}.css`), 'utf8');
      const token = (variable: string) => new RegExp(`--${variable}:\\s*#([0-9a-f]{6})`, 'i').exec(css)?.[1]?.toUpperCase();
      expect({ name, bg: token('slide-bg'), fg: token('slide-fg'), heading: token('slide-heading'), accent: token('slide-accent'), section: token('slide-section-bg') }).toEqual({
        name,
        bg: theme.background,
        fg: theme.text,
        heading: theme.heading,
        accent: theme.accent,
        section: theme.sectionBackground,
      });
    }
  });
});
