import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CHART_VIEWS } from '../../../shared/chartBlock.ts';
import { STAT_CATALOGUE } from '../../../shared/statsCatalogue.ts';
import { en, NAMESPACES } from '../i18n/en.ts';
import { DEFAULT_NS } from '../i18n/index.ts';
import { nl } from '../i18n/nl.ts';
import { CHART_WORDS, SERIES_COLUMN_LABELS, seriesPointLabel, statTitle } from '../../../shared/statLabels.ts';
import { CHART_COLOURS, contrastRatio, describeValue, formatMonth, formatSeriesLabel, parseFrozenValue, statLabel, totalOf, viewsFor } from './format.ts';

function translator(lng: 'nl' | 'en') {
  const instance = i18next.createInstance();
  void instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}
const tNl = translator('nl');
const tEn = translator('en');

describe('series labels', () => {
  it('formats months in the deck language', () => {
    expect(formatMonth('2026-01', 'nl')).toBe('jan 2026');
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-12', 'nl', 'long')).toBe('december 2026');
    expect(formatMonth('2026-13', 'nl')).toBe('2026-13');
    expect(formatMonth('garbage', 'en')).toBe('garbage');
  });

  it('translates organisation kinds, statuses, tracks and audiences', () => {
    expect(formatSeriesLabel('organisationKind', 'municipality', 'nl')).toBe('Gemeenten');
    expect(formatSeriesLabel('organisationKind', 'riec', 'en')).toBe('Other RIECs');
    expect(formatSeriesLabel('damoclesStatus', 'not-analysed', 'nl')).toBe('Nog niet geanalyseerd');
    expect(formatSeriesLabel('damoclesStatus', 'harmonised', 'en')).toBe('Harmonised');
    expect(formatSeriesLabel('track', '3', 'nl')).toBe('Spoor 3');
    expect(formatSeriesLabel('track', '1', 'en')).toBe('Track 1');
    expect(formatSeriesLabel('audience', 'om', 'en')).toBe('Public prosecution (OM)');
    expect(formatSeriesLabel('audience', 'team', 'nl')).toBe('IIPSy-team');
  });

  it('shows unknown labels as sent', () => {
    expect(formatSeriesLabel('organisationKind', 'alien', 'nl')).toBe('alien');
    expect(formatSeriesLabel('track', '12', 'nl')).toBe('12');
    expect(formatSeriesLabel(undefined, 'x', 'en')).toBe('x');
  });
});

describe('describeValue', () => {
  it('says the statistic and its value', () => {
    expect(describeValue('interviews.total', 'number', 32, 'en', tEn)).toBe('Interviews: 32');
    expect(describeValue('staff.interviewed', 'bar', 1052, 'nl', tNl)).toBe('Medewerkers gesproken: 1.052');
  });

  it('lists a series point by point, or its total in the number view', () => {
    const value = [
      { label: '2026-01', value: 3 },
      { label: '2026-02', value: 5 },
    ];
    expect(describeValue('interviews.byMonth', 'line', value, 'en', tEn)).toBe('Interviews per month: Jan 2026 3, Feb 2026 5');
    expect(describeValue('interviews.byMonth', 'number', value, 'en', tEn)).toBe('Interviews per month: 8');
    expect(describeValue('agreements.byTrack', 'bar', [{ label: '1', value: 4 }], 'nl', tNl)).toBe('Werkafspraken per spoor: Spoor 1 4');
    expect(describeValue('agreements.byTrack', 'bar', [], 'en', tEn)).toBe('Work agreements by track: no data yet');
  });

  it('says when the value is still loading or the statistic is unknown', () => {
    expect(describeValue('interviews.total', 'number', null, 'nl', tNl)).toBe('Interviews: laden');
    expect(describeValue('no.such', 'number', 1, 'en', tEn)).toBe('Unknown statistic: 1');
  });
});

describe('the deck language, not the UI language', () => {
  const damocles = [
    { label: 'not-analysed', value: 4 },
    { label: 'harmonised', value: 2 },
  ];
  it('describes a Dutch deck\'s chart in Dutch with an English UI', () => {
    expect(describeValue('damocles.byStatus', 'bar', damocles, 'nl', tEn)).toBe('Damoclesbeleid per status: Nog niet geanalyseerd 4, Geharmoniseerd 2');
    expect(describeValue('interviews.byMonth', 'bar', [{ label: '2025-01', value: 1234 }], 'nl', tEn)).toBe('Interviews per maand: jan 2025 1.234');
    expect(describeValue('agreements.byTrack', 'bar', [], 'nl', tEn)).toBe('Werkafspraken per spoor: nog geen gegevens');
    // Only the viewer's own state ("loading") follows the UI.
    expect(describeValue('damocles.byStatus', 'bar', null, 'nl', tEn)).toBe('Damoclesbeleid per status: loading');
  });
  it('describes an English deck\'s chart in English with a Dutch UI', () => {
    expect(describeValue('damocles.byStatus', 'bar', damocles, 'en', tNl)).toBe('Damocles policy by status: Not yet analysed 4, Harmonised 2');
    expect(describeValue('interviews.byMonth', 'bar', [{ label: '2025-01', value: 1234 }], 'en', tNl)).toBe('Interviews per month: Jan 2025 1,234');
    expect(describeValue('damocles.byStatus', 'bar', null, 'en', tNl)).toBe('Damocles policy by status: laden');
  });
  it('uses the same words as the PowerPoint export (shared/statLabels.ts)', () => {
    for (const stat of STAT_CATALOGUE) {
      for (const language of ['nl', 'en'] as const) {
        expect(statLabel(stat.key, language)).toBe(statTitle(stat.key, language));
        expect(formatSeriesLabel(stat.seriesLabels, '2025-01', language)).toBe(seriesPointLabel(stat.seriesLabels, '2025-01', language));
      }
    }
    expect(CHART_WORDS.total).toEqual({ nl: 'Totaal', en: 'Total' });
  });
});

describe('parseFrozenValue', () => {
  it('accepts numbers and series', () => {
    expect(parseFrozenValue('32')).toBe(32);
    expect(parseFrozenValue('[{"label":"1","value":2}]')).toEqual([{ label: '1', value: 2 }]);
  });
  it('rejects anything else', () => {
    for (const bad of [null, undefined, '', 'nope', '"32"', '{"a":1}', '[{"label":1,"value":2}]', '[{"label":"a"}]']) expect(parseFrozenValue(bad)).toBeNull();
  });
});

describe('views and totals', () => {
  it('offers line and pie only for series', () => {
    expect(viewsFor('interviews.total')).toEqual(['number', 'bar', 'table']);
    expect(viewsFor('interviews.byMonth')).toEqual(CHART_VIEWS.filter((view) => view !== 'stackedBar'));
  });
  it('offers a stacked bar only for a statistic with a second dimension', () => {
    expect(viewsFor('interviews.byMonthAndTrack')).toContain('stackedBar');
    expect(viewsFor('damocles.byStatus')).not.toContain('stackedBar');
  });
  it('says what each stack of a stacked bar is made of', () => {
    const value = [{ label: '2026-01', value: 3, parts: [{ label: '1', value: 1 }, { label: '3', value: 2 }] }];
    const t = ((key: string) => key) as unknown as Parameters<typeof describeValue>[4];
    expect(describeValue('interviews.byMonthAndTrack', 'stackedBar', value, 'nl', t)).toBe('Interviews per maand en spoor: jan 2026 3 (Spoor 1 1, Spoor 3 2)');
    expect(describeValue('interviews.byMonthAndTrack', 'bar', value, 'en', t, 'My title')).toBe('My title: Jan 2026 3');
  });
  it('totals a series', () => {
    expect(totalOf(7)).toBe(7);
    expect(totalOf([{ label: 'a', value: 2 }, { label: 'b', value: 3 }])).toBe(5);
  });
  it('has a column heading in both deck languages for every series label kind of the catalogue', () => {
    for (const stat of STAT_CATALOGUE) if (stat.seriesLabels) expect(SERIES_COLUMN_LABELS[stat.seriesLabels]).toEqual({ nl: expect.any(String), en: expect.any(String) });
  });
});

describe('chart colours', () => {
  // Light, dark and mid-dark slide backgrounds: every series colour keeps 3:1 (WCAG 1.4.11).
  const backgrounds = ['#ffffff', '#f7f4ec', '#000000', '#10151c', '#1f2a44'];
  it.each(CHART_COLOURS)('%s is visible on light and dark slides', (colour) => {
    for (const bg of backgrounds) expect(contrastRatio(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
  });
});
