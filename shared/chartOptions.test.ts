import { describe, expect, test } from 'vitest';
import { CHART_PALETTE } from './deckThemes.ts';
import { chartDataTable, chartOptionAttrs, chartTitle, DEFAULT_CHART_OPTIONS, filterPeriod, paletteColours, readChartOptions } from './chartOptions.ts';
import { statDefinition } from './statsCatalogue.ts';

const months = [
  { label: '2026-01', value: 1 },
  { label: '2026-02', value: 2 },
  { label: '2026-03', value: 3 },
  { label: '2026-04', value: 4 },
];

describe('readChartOptions', () => {
  test('nothing set: the defaults', () => {
    expect(readChartOptions({})).toEqual(DEFAULT_CHART_OPTIONS);
  });

  test('hostile values are cut, stripped or dropped', () => {
    const options = readChartOptions({ title: `a\nb\u0000c${'x'.repeat(300)}`, hideTitle: 'yes', palette: 'red; background:url(x)', xTitle: 42, yTitle: '   ', from: '2026-1', to: '2026-00' });
    expect(options.title).toHaveLength(120);
    expect(options.title!.startsWith('a b c')).toBe(true);
    expect(options).toMatchObject({ hideTitle: false, palette: 'theme', xTitle: null, yTitle: null, from: null, to: null });
    expect(readChartOptions({ hideTitle: true, palette: 'green' })).toMatchObject({ hideTitle: true, palette: 'green' });
  });

  test('a period given backwards is the same period', () => {
    expect(readChartOptions({ from: '2026-05', to: '2026-02' })).toMatchObject({ from: '2026-02', to: '2026-05' });
  });

  test('only what differs from the defaults is written', () => {
    expect(chartOptionAttrs(DEFAULT_CHART_OPTIONS)).toEqual({});
    expect(chartOptionAttrs(readChartOptions({ palette: 'blue', from: '2026-02' }))).toEqual({ palette: 'blue', from: '2026-02' });
  });
});

describe('filterPeriod', () => {
  const byMonth = statDefinition('interviews.byMonth');

  test('keeps the months from … to …, either end open', () => {
    expect(filterPeriod(byMonth, months, { from: '2026-02', to: '2026-03' })).toEqual(months.slice(1, 3));
    expect(filterPeriod(byMonth, months, { from: '2026-03', to: null })).toEqual(months.slice(2));
    expect(filterPeriod(byMonth, months, { from: null, to: '2026-01' })).toEqual(months.slice(0, 1));
    expect(filterPeriod(byMonth, months, { from: null, to: null })).toBe(months);
  });

  test('leaves anything not counted by month alone', () => {
    const kinds = [{ label: '2026-02', value: 9 }];
    expect(filterPeriod(statDefinition('damocles.byStatus'), kinds, { from: '2026-03', to: null })).toBe(kinds);
    expect(filterPeriod(statDefinition('interviews.total'), 12, { from: '2026-03', to: null })).toBe(12);
  });
});

describe('colours, titles and data tables', () => {
  test('a palette choice starts the theme palette at that colour and keeps every colour distinct', () => {
    expect(paletteColours('theme', CHART_PALETTE)).toEqual([...CHART_PALETTE]);
    const orange = paletteColours('orange', CHART_PALETTE);
    expect(orange[0]).toBe(CHART_PALETTE[1]);
    expect(new Set(orange).size).toBe(CHART_PALETTE.length);
  });

  test('the title: the statistic by default, the own one when set, none when hidden', () => {
    expect(chartTitle('interviews.byMonth', DEFAULT_CHART_OPTIONS, 'nl')).toBe('Interviews per maand');
    expect(chartTitle('interviews.byMonth', { title: 'Voorjaar', hideTitle: false }, 'en')).toBe('Voorjaar');
    expect(chartTitle('interviews.byMonth', { title: 'Voorjaar', hideTitle: true }, 'en')).toBeNull();
  });

  test('a stacked value as a table: a column per part and the total, within the period', () => {
    const value = [
      { label: '2026-01', value: 3, parts: [{ label: '1', value: 1 }, { label: '3', value: 2 }] },
      { label: '2026-02', value: 1, parts: [{ label: '1', value: 1 }, { label: '3', value: 0 }] },
    ];
    expect(chartDataTable(statDefinition('interviews.byMonthAndTrack'), value, 'nl', { from: '2026-02', to: null })).toEqual({
      columns: ['Maand', 'Spoor 1', 'Spoor 3', 'Totaal'],
      rows: [{ key: '2026-02', label: 'feb 2026', values: [1, 0, 1] }],
    });
    expect(chartDataTable(statDefinition('interviews.byMonth'), months.slice(0, 1), 'en')).toEqual({ columns: ['Month', 'Interviews'], rows: [{ key: '2026-01', label: 'Jan 2026', values: [1] }] });
  });
});
