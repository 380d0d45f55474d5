/** Static renders of the chart (no DOM needed): accessible names, tables, frozen notes. */
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { en, NAMESPACES } from '../i18n/en.ts';
import { DEFAULT_NS } from '../i18n/index.ts';
import { nl } from '../i18n/nl.ts';
import { cleanFrozenAt, cleanFrozenValue, normaliseChartAttrs } from './ChartBlock.tsx';
import { DEFAULT_CHART_OPTIONS } from '../../../shared/chartOptions.ts';
import { StatChart, type StatChartProps } from './ChartView.tsx';
import { DeckLanguageProvider } from '../deck/DeckLanguage.tsx';

/** Renders with UI language `lng`; with `deck`, inside a DeckLanguageProvider (as SlideFrame draws it). */
function render(props: StatChartProps, lng: 'nl' | 'en' = 'en', deck?: 'nl' | 'en'): string {
  const instance = i18next.createInstance();
  void instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng, initAsync: false, interpolation: { escapeValue: false } });
  const chart = createElement(StatChart, props);
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, deck ? createElement(DeckLanguageProvider, { language: deck, children: chart }) : chart));
}

describe('StatChart in the deck language', () => {
  const damocles = [
    { label: 'not-analysed', value: 4 },
    { label: 'harmonised', value: 1234 },
  ];
  it('draws a Dutch deck\'s chart in Dutch with an English UI', () => {
    const table = render({ statKey: 'damocles.byStatus', view: 'table', value: damocles }, 'en', 'nl');
    expect(table).toContain('<caption>Damoclesbeleid per status</caption>');
    expect(table).toContain('<th scope="row">Nog niet geanalyseerd</th><td class="chart-table__number">4</td>');
    expect(table).toContain('<td class="chart-table__number">1.234</td>');
    expect(table).toContain('<th scope="row">Totaal</th><td class="chart-table__number">1.238</td>');
    expect(table).not.toMatch(/Not yet analysed|Total|Damocles policy/);
    const months = render({ statKey: 'interviews.byMonth', view: 'table', value: [{ label: '2025-01', value: 3 }] }, 'en', 'nl');
    expect(months).toContain('<th scope="col">Maand</th>');
    expect(months).toContain('<th scope="row">jan 2025</th>');
    const bar = render({ statKey: 'damocles.byStatus', view: 'bar', value: damocles, status: 'open' }, 'en', 'nl');
    expect(bar).toContain('aria-label="Damoclesbeleid per status: Nog niet geanalyseerd 4, Geharmoniseerd 1.234"');
    expect(bar).toContain('<span class="chart-view__title">Damoclesbeleid per status</span>');
  });

  it('draws an English deck\'s chart in English with a Dutch UI', () => {
    const table = render({ statKey: 'damocles.byStatus', view: 'table', value: damocles }, 'nl', 'en');
    expect(table).toContain('<caption>Damocles policy by status</caption>');
    expect(table).toContain('<th scope="row">Not yet analysed</th><td class="chart-table__number">4</td>');
    expect(table).toContain('<th scope="row">Total</th><td class="chart-table__number">1,238</td>');
    expect(table).not.toMatch(/Nog niet geanalyseerd|Totaal|Damoclesbeleid/);
    const months = render({ statKey: 'interviews.byMonth', view: 'table', value: [{ label: '2025-01', value: 3 }] }, 'nl', 'en');
    expect(months).toContain('<th scope="row">Jan 2025</th>');
  });

  it('writes the frozen caption in the deck language; app state in the UI language', () => {
    const frozen = render({ statKey: 'interviews.total', view: 'number', value: 30, frozenAt: '2026-03-05T10:00:00.000Z' }, 'en', 'nl');
    expect(frozen).toContain('aria-label="Interviews: 30 (zoals gepresenteerd op 5 maart 2026)"');
    expect(frozen).toContain('Zoals gepresenteerd op 5 maart 2026');
    const reconnecting = render({ statKey: 'damocles.byStatus', view: 'bar', value: null, status: 'reconnecting' }, 'en', 'nl');
    expect(reconnecting).toContain('aria-label="Damoclesbeleid per status: loading"');
    expect(reconnecting).toContain('Reconnecting to the live figures…');
  });
});

describe('StatChart', () => {
  it('shows a big number labelled with the statistic, named for screen readers', () => {
    const html = render({ statKey: 'interviews.total', view: 'number', value: 32, status: 'open' });
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Interviews: 32"');
    expect(html).toContain('<span class="chart-number__value">32</span>');
    expect(html).toContain('data-stat-key="interviews.total"');
  });

  it('without a deck (outside any slide) follows the UI language', () => {
    const html = render({ statKey: 'agreements.byTrack', view: 'table', value: [{ label: '1', value: 4 }, { label: '3', value: 2 }] }, 'nl');
    expect(html).toContain('<caption>Werkafspraken per spoor</caption>');
    expect(html).toContain('<th scope="col">Spoor</th>');
    expect(html).toContain('<th scope="row">Spoor 1</th><td class="chart-table__number">4</td>');
    expect(html).toContain('<tfoot><tr><th scope="row">Totaal</th><td class="chart-table__number">6</td>');
    expect(html).not.toContain('role="img"');
  });

  it('notes when a frozen value was presented', () => {
    const html = render({ statKey: 'interviews.total', view: 'number', value: 30, frozenAt: '2026-03-05T10:00:00.000Z' }, 'en');
    expect(html).toContain('aria-label="Interviews: 30 (as presented on 5 March 2026)"');
    expect(html).toContain('As presented on 5 March 2026');
    expect(html).toContain('data-frozen="true"');
  });

  it('a chart frozen by hand says when it was frozen, not that it was presented', () => {
    const english = render({ statKey: 'interviews.total', view: 'number', value: 30, frozenAt: '2026-12-02T10:00:00.000Z', frozenReason: 'hand' }, 'en');
    expect(english).toContain('Frozen on 2 December 2026');
    expect(english).toContain('aria-label="Interviews: 30 (frozen on 2 December 2026)"');
    expect(english).not.toContain('presented');
    const dutch = render({ statKey: 'interviews.total', view: 'number', value: 30, frozenAt: '2026-12-02T10:00:00.000Z', frozenReason: 'hand' }, 'nl');
    expect(dutch).toContain('Vastgezet op 2 december 2026');
    expect(dutch).not.toContain('gepresenteerd');
  });

  it('says it is loading, or why the server refused', () => {
    expect(render({ statKey: 'interviews.byMonth', view: 'line', value: null, status: 'connecting' }, 'nl')).toContain('aria-label="Interviews per maand: laden"');
    expect(render({ statKey: 'interviews.total', view: 'number', value: null, status: 'closed', closeCode: 4410 })).toContain('Live figures are not available: This link has been revoked.');
    const refused = render({ statKey: 'factsheets.total', view: 'bar', value: null, error: 'unknown statistic' });
    expect(refused).toContain('The server did not send this statistic: unknown statistic');
    expect(refused).toContain('aria-label="Factsheets: not available"');
  });

  it('escapes whatever a statistic key contains', () => {
    const html = render({ statKey: '"><script>alert(1)</script>', view: 'table', value: 1 });
    expect(html).not.toContain('<script>');
  });
});

describe('chart block attributes', () => {
  it('keeps valid attributes and canonicalises the frozen value', () => {
    expect(normaliseChartAttrs({ statKey: 'interviews.total' })).toEqual({ statKey: 'interviews.total', view: 'number', frozenValue: null, frozenAt: null, frozenReason: null, ...DEFAULT_CHART_OPTIONS });
    expect(normaliseChartAttrs({ statKey: 'interviews.byMonth' }).view).toBe('bar');
    expect(normaliseChartAttrs({ statKey: 'interviews.byMonth', view: 'pie', frozenValue: '[ {"label":"2026-01","value":3} ]', frozenAt: '2026-03-05T10:00:00Z' })).toEqual({
      statKey: 'interviews.byMonth',
      view: 'pie',
      frozenValue: '[{"label":"2026-01","value":3}]',
      frozenAt: '2026-03-05T10:00:00.000Z',
      // Frozen without a reason: as presented (what a frozen chart meant before reasons were stored).
      frozenReason: 'presented',
      ...DEFAULT_CHART_OPTIONS,
    });
    expect(normaliseChartAttrs({ statKey: 'interviews.total', frozenValue: '3', frozenReason: 'hand' }).frozenReason).toBe('hand');
    expect(normaliseChartAttrs({ statKey: 'interviews.total', frozenReason: 'hand' }).frozenReason).toBeNull();
  });
  it('validates the options a client wrote: palette keys only, months as YYYY-MM, texts cut to their limit', () => {
    const attrs = normaliseChartAttrs({ statKey: 'interviews.byMonth', view: 'stackedBar', palette: 'expression(alert(1))', from: '2026-2', to: '2026-04', title: 'x'.repeat(400), hideTitle: 'no', xTitle: 'Maand' });
    expect(attrs).toMatchObject({ view: 'stackedBar', palette: 'theme', from: null, to: '2026-04', hideTitle: false, xTitle: 'Maand', yTitle: null });
    expect(attrs.title).toHaveLength(120);
  });

  it('drops invalid views, frozen values and dates', () => {
    expect(normaliseChartAttrs({ statKey: 'interviews.total', view: 'scatter' }).view).toBe('number');
    expect(cleanFrozenValue('<img src=x onerror=alert(1)>')).toBeNull();
    expect(cleanFrozenValue('{"label":"a"}')).toBeNull();
    expect(cleanFrozenValue(42)).toBeNull();
    expect(cleanFrozenAt('yesterday')).toBeNull();
    expect(normaliseChartAttrs({ statKey: 'interviews.total', frozenValue: null, frozenAt: '2026-03-05T10:00:00Z' }).frozenAt).toBeNull();
    expect(normaliseChartAttrs({ statKey: 7 }).statKey).toBe('');
  });
});

describe('StatChart drawings', () => {
  const series = [
    { label: 'not-analysed', value: 10 },
    { label: 'analysed', value: 20 },
    { label: 'harmonised', value: 4 },
  ];
  it.each(['bar', 'line', 'pie'] as const)('renders a %s view with the values in its name', (view) => {
    const html = render({ statKey: 'damocles.byStatus', view, value: series, status: 'open' });
    expect(html).toContain('aria-label="Damocles policy by status: Not yet analysed 10, Analysed 20, Harmonised 4"');
  });
  it('lists the pie legend with shares', () => {
    const html = render({ statKey: 'damocles.byStatus', view: 'pie', value: series, status: 'open' });
    expect(html).toContain('Analysed');
    expect(html).toContain('20 (59%)');
  });
});
