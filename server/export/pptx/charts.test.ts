/**
 * A chart block's options in the PowerPoint export: a stacked bar with one coloured series per
 * part, the period filter, the palette's first colour, the own title and axis titles.
 */
import JSZip from 'jszip';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { buildDeck } from '../../../shared/deckFile/buildDeck.ts';
import { parseDeck } from '../../../shared/deckFile/parseDeck.ts';
import { CHART_PALETTE } from '../../../shared/deckThemes.ts';
import { deckToPptx } from '../pptx.ts';

const stacked = [
  { label: '2026-01', value: 3, parts: [{ label: '1', value: 1 }, { label: '3', value: 2 }] },
  { label: '2026-02', value: 2, parts: [{ label: '1', value: 2 }, { label: '3', value: 0 }] },
  { label: '2026-03', value: 4, parts: [{ label: '1', value: 1 }, { label: '3', value: 3 }] },
];

function statValue(key: string): unknown {
  if (key === 'interviews.byMonthAndTrack') return stacked;
  if (key === 'interviews.byMonth') return stacked.map(({ label, value }) => ({ label, value }));
  return 7;
}

async function chartsOf(markdown: string): Promise<string[]> {
  const doc = new Y.Doc();
  buildDeck(doc, parseDeck(markdown));
  const zip = await JSZip.loadAsync(await deckToPptx(Y.encodeStateAsUpdate(doc), { statValue, image: async () => Buffer.alloc(0), title: 'T' }));
  const names = Object.keys(zip.files).filter((f) => /^ppt\/charts\/chart\d+\.xml$/.test(f)).sort();
  return Promise.all(names.map((f) => zip.file(f)!.async('string')));
}

const deck = (language: 'nl' | 'en', ...charts: string[][]) =>
  [`---\nformat: tussenstand/1\ntitle: T\nlanguage: ${language}\n---\n`, ...charts.map((lines) => ['```chart', ...lines, '```'].join('\n'))].join('\n\n---\n\n');

describe('chart options in PowerPoint', () => {
  test('a stacked bar: stacked bar grouping, one series per track with its own colour, within the period', async () => {
    const [xml] = await chartsOf(deck('nl', ['stat: interviews.byMonthAndTrack', 'view: stackedBar', 'from: 2026-02', 'xTitle: Maand', 'yTitle: Aantal']));
    expect(xml).toContain('<c:grouping val="stacked"/>');
    const series = [...xml!.matchAll(/<c:ser>[\s\S]*?<\/c:ser>/g)].map((m) => m[0]);
    expect(series).toHaveLength(2);
    expect(series[0]).toContain('Spoor 1');
    expect(series[1]).toContain('Spoor 3');
    const colours = series.map((ser) => /<c:spPr>\s*<a:solidFill>\s*<a:srgbClr val="([0-9A-F]{6})"/.exec(ser)?.[1]);
    expect(colours).toEqual([CHART_PALETTE[0], CHART_PALETTE[1]]);
    // January is before the period: only February and March are categories.
    expect(xml).toContain('feb 2026');
    expect(xml).toContain('mrt 2026');
    expect(xml).not.toContain('jan 2026');
    expect(xml).toMatch(/<c:title>[\s\S]*Maand[\s\S]*<\/c:title>/);
    expect(xml).toContain('Aantal');
  });

  test('the own title and palette; a hidden title draws none', async () => {
    const [own, hidden] = await chartsOf(
      deck('en', ['stat: interviews.byMonth', 'view: bar', 'title: Spring interviews', 'palette: green', 'to: 2026-02'], ['stat: interviews.byMonth', 'view: line', 'hideTitle: true']),
    );
    expect(own).toContain('Spring interviews');
    expect(own).not.toContain('Interviews per month');
    expect(own).toContain(`<a:srgbClr val="${CHART_PALETTE[2]}"`);
    expect(own).not.toContain('Mar 2026');
    expect(hidden).not.toContain('Interviews per month</a:t>');
    expect(hidden).toContain('<c:autoTitleDeleted val="1"/>');
  });
});
