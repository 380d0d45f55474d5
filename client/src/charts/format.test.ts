import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { CHART_VIEWS } from '../../../shared/chartBlock.ts';
import { STAT_CATALOGUE } from '../../../shared/statsCatalogue.ts';
import { en, NAMESPACES } from '../i18n/en.ts';
import { DEFAULT_NS } from '../i18n/index.ts';
import { nl } from '../i18n/nl.ts';
import { CHART_COLOURS, contrastRatio, describeValue, formatMonth, formatSeriesLabel, parseFrozenValue, totalOf, viewsFor } from './format.ts';

function translator(lng: 'nl' | 'en') {
  const instance = i18next.createInstance();
  void instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}
const tNl = translator('nl');
const tEn = translator('en');

describe('series labels', () => {
  it('formats months in the UI language', () => {
    expect(formatMonth('2026-01', 'nl')).toMatch(/^jan\.? 2026$/);
    expect(formatMonth('2026-03', 'en')).toBe('Mar 2026');
    expect(formatMonth('2026-12', 'nl', 'long')).toBe('december 2026');
    expect(formatMonth('2026-13', 'nl')).toBe('2026-13');
    expect(formatMonth('garbage', 'en')).toBe('garbage');
  });

  it('translates organisation kinds, statuses, tracks and audiences', () => {
    expect(formatSeriesLabel('organisationKind', 'municipality', 'nl', tNl)).toBe('Gemeenten');
    expect(formatSeriesLabel('organisationKind', 'riec', 'en', tEn)).toBe('Other RIECs');
    expect(formatSeriesLabel('damoclesStatus', 'not-analysed', 'nl', tNl)).toBe('Nog niet geanalyseerd');
    expect(formatSeriesLabel('damoclesStatus', 'harmonised', 'en', tEn)).toBe('Harmonised');
    expect(formatSeriesLabel('track', '3', 'nl', tNl)).toBe('Spoor 3');
    expect(formatSeriesLabel('track', '1', 'en', tEn)).toBe('Track 1');
    expect(formatSeriesLabel('audience', 'om', 'en', tEn)).toBe('Public prosecution (OM)');
    expect(formatSeriesLabel('audience', 'team', 'nl', tNl)).toBe('IIPSy-team');
  });

  it('shows unknown labels as sent', () => {
    expect(formatSeriesLabel('organisationKind', 'alien', 'nl', tNl)).toBe('alien');
    expect(formatSeriesLabel('track', '12', 'nl', tNl)).toBe('12');
    expect(formatSeriesLabel(undefined, 'x', 'en', tEn)).toBe('x');
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
    expect(viewsFor('interviews.byMonth')).toEqual(CHART_VIEWS);
  });
  it('totals a series', () => {
    expect(totalOf(7)).toBe(7);
    expect(totalOf([{ label: 'a', value: 2 }, { label: 'b', value: 3 }])).toBe(5);
  });
  it('has translations for every series label kind of the catalogue', () => {
    for (const stat of STAT_CATALOGUE) if (stat.seriesLabels) expect(en.charts.columns[stat.seriesLabels]).toBeTruthy();
  });
});

describe('chart colours', () => {
  // Light, dark and mid-dark slide backgrounds: every series colour keeps 3:1 (WCAG 1.4.11).
  const backgrounds = ['#ffffff', '#f7f4ec', '#000000', '#10151c', '#1f2a44'];
  it.each(CHART_COLOURS)('%s is visible on light and dark slides', (colour) => {
    for (const bg of backgrounds) expect(contrastRatio(colour, bg), `${colour} on ${bg}`).toBeGreaterThanOrEqual(3);
  });
});
