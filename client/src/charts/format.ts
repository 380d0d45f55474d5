/**
 * Pure helpers that turn a statistic's value into what the charts show and say: translated
 * series labels, formatted numbers, the text a screen reader hears, and the safe parsing of
 * a frozen value. No React, so they are unit-tested directly.
 */
import type { TFunction } from 'i18next';
import { CHART_VIEWS, type ChartView } from '../../../shared/chartBlock.ts';
import { statDefinition, type SeriesLabels, type SeriesPoint, type StatDefinition, type StatValue } from '../../../shared/statsCatalogue.ts';
import { StatValueSchema } from '../../../shared/statsMessages.ts';

export type UiLanguage = 'nl' | 'en';

/** One row of a chart: the stable key from the server, its translated label and the value. */
export interface ChartRow {
  key: string;
  label: string;
  value: number;
}

const ORGANISATION_KINDS = ['municipality', 'partner', 'public', 'private', 'riec'] as const;
const DAMOCLES_STATUSES = ['not-analysed', 'analysed', 'harmonised'] as const;
const AUDIENCES = ['team', 'om', 'partner'] as const;

function oneOf<T extends string>(list: readonly T[], value: string): value is T {
  return (list as readonly string[]).includes(value);
}

/** 'YYYY-MM' → "jan 2026" / "Jan 2026"; anything else is returned unchanged. */
export function formatMonth(label: string, language: UiLanguage, month: 'short' | 'long' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return label;
  const year = Number(match[1]);
  const monthIndex = Number(match[2]) - 1;
  if (monthIndex < 0 || monthIndex > 11) return label;
  return new Intl.DateTimeFormat(language, { month, year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(year, monthIndex, 15));
}

/** The translated label of one series point; unknown labels are shown as sent. */
export function formatSeriesLabel(kind: SeriesLabels | undefined, label: string, language: UiLanguage, t: TFunction): string {
  switch (kind) {
    case 'month':
      return formatMonth(label, language);
    case 'organisationKind':
      return oneOf(ORGANISATION_KINDS, label) ? t(`charts:organisationKind.${label}`) : label;
    case 'damoclesStatus':
      return oneOf(DAMOCLES_STATUSES, label) ? t(`charts:damoclesStatus.${label}`) : label;
    case 'track':
      return /^[1-9]$/.test(label) ? t('charts:track', { number: label }) : label;
    case 'audience':
      return oneOf(AUDIENCES, label) ? t(`charts:audience.${label}`) : label;
    default:
      return label;
  }
}

export function formatNumber(value: number, language: UiLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

export function formatDate(iso: string, language: UiLanguage): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(time);
}

export function isSeries(value: StatValue): value is SeriesPoint[] {
  return Array.isArray(value);
}

/** A series' rows with translated labels; a single number becomes one row named after the statistic. */
export function chartRows(definition: StatDefinition | undefined, value: StatValue, language: UiLanguage, t: TFunction): ChartRow[] {
  if (!isSeries(value)) return [{ key: definition?.key ?? '', label: definition ? definition.label[language] : '', value }];
  return value.map((point) => ({ key: point.label, label: formatSeriesLabel(definition?.seriesLabels, point.label, language, t), value: point.value }));
}

/** The single figure a 'number' view shows: the number itself, or a series' total. */
export function totalOf(value: StatValue): number {
  return isSeries(value) ? value.reduce((sum, p) => sum + p.value, 0) : value;
}

export function statLabel(statKey: string, language: UiLanguage, t: TFunction): string {
  return statDefinition(statKey)?.label[language] ?? t('charts:unknownStatistic');
}

/**
 * What a screen reader hears (and tests read): "Interviews: 32", or for a series
 * "Interviews per maand: jan 2026 3, feb 2026 5". A series in the number view is its total.
 */
export function describeValue(statKey: string, view: ChartView, value: StatValue | null, language: UiLanguage, t: TFunction): string {
  const definition = statDefinition(statKey);
  const label = statLabel(statKey, language, t);
  if (value === null) return `${label}: ${t('charts:loading')}`;
  if (!isSeries(value) || view === 'number') return `${label}: ${formatNumber(totalOf(value), language)}`;
  if (value.length === 0) return `${label}: ${t('charts:noData')}`;
  const parts = chartRows(definition, value, language, t).map((row) => `${row.label} ${formatNumber(row.value, language)}`);
  return `${label}: ${parts.join(', ')}`;
}

/** A frozen value from the document, or null when it is missing or not a valid statistic value. */
export function parseFrozenValue(json: string | null | undefined): StatValue | null {
  if (typeof json !== 'string' || json === '') return null;
  try {
    const parsed = StatValueSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function isChartView(value: unknown): value is ChartView {
  return (CHART_VIEWS as readonly unknown[]).includes(value);
}

/** The views that make sense for a statistic: a single number has no line or pie. */
export function viewsFor(statKey: string): readonly ChartView[] {
  return statDefinition(statKey)?.kind === 'number' ? (['number', 'bar', 'table'] as const) : CHART_VIEWS;
}

/**
 * Series colours. Each has a relative luminance between 0.17 and 0.30, so it keeps a 3:1
 * contrast (WCAG 1.4.11) against white and cream, black and dark navy slide backgrounds
 * alike, whatever the deck theme; neighbours differ in hue for colour-blind readers
 * (blue/orange first), and values are also written as labels and in the legend.
 */
export const CHART_COLOURS = ['#1F80C0', '#D2570A', '#00896A', '#C64C8C', '#7C6FE0', '#978000', '#D04A55'] as const;

export function chartColour(index: number): string {
  return CHART_COLOURS[index % CHART_COLOURS.length] ?? CHART_COLOURS[0];
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
