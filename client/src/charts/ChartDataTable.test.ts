/** Static renders of a chart's data table (the attendee's reading view), frozen values only (no socket). */
import i18next from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { DeckLanguageProvider } from '../deck/DeckLanguage.tsx';
import { en, NAMESPACES } from '../i18n/en.ts';
import { DEFAULT_NS } from '../i18n/index.ts';
import { nl } from '../i18n/nl.ts';
import { ChartDataTable, type ChartDataTableProps } from './ChartDataTable.tsx';

function render(props: ChartDataTableProps, deck: 'nl' | 'en', lng: 'nl' | 'en' = 'en'): string {
  const instance = i18next.createInstance();
  void instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng, initAsync: false, interpolation: { escapeValue: false } });
  return renderToStaticMarkup(createElement(I18nextProvider, { i18n: instance }, createElement(DeckLanguageProvider, { language: deck, children: createElement(ChartDataTable, props) })));
}

const series = JSON.stringify([
  { label: '2026-01', value: 1234 },
  { label: '2026-02', value: 56 },
]);

describe('ChartDataTable', () => {
  it('is a table with a caption, column and row headers and the values in the deck’s language', () => {
    const html = render({ statKey: 'interviews.byMonth', frozenValue: series, frozenAt: '2026-11-01T10:00:00.000Z' }, 'nl');
    expect(html).toContain('<caption>Interviews per maand<span class="chart-data__note">Zoals gepresenteerd op');
    expect(html).toContain('<th scope="col">Maand</th><th scope="col" class="chart-data__number">Interviews</th>');
    expect(html).toContain('<th scope="row">jan 2026</th><td class="chart-data__number">1.234</td>');
    expect(html).toContain('<tfoot><tr><th scope="row">Totaal</th><td class="chart-data__number">1.290</td>');
    const english = render({ statKey: 'interviews.byMonth', frozenValue: series, frozenAt: '2026-11-01T10:00:00.000Z', frozenReason: 'hand' }, 'en', 'nl');
    expect(english).toContain('<th scope="row">Jan 2026</th><td class="chart-data__number">1,234</td>');
    expect(english).toContain('Frozen on');
    expect(english).not.toMatch(/Maand|Totaal/);
  });

  it('shows a single number as one row, and no data as such', () => {
    expect(render({ statKey: 'interviews.total', frozenValue: '4321', frozenAt: '2026-11-01T10:00:00.000Z' }, 'nl')).toContain('<th scope="row">Interviews</th><td class="chart-data__number">4.321</td>');
    expect(render({ statKey: 'interviews.byMonth', frozenValue: '[]', frozenAt: '2026-11-01T10:00:00.000Z' }, 'en')).toContain('<td colSpan="2">no data yet</td>');
  });

  it('a frozen value that cannot be read is no data, not an error', () => {
    expect(render({ statKey: 'interviews.total', frozenValue: 'not json', frozenAt: null }, 'en', 'nl')).toContain('<td>no data yet</td>');
  });
});
