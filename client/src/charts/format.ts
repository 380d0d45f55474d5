/**
 * Pure helpers that turn a statistic's value into what the charts show and say: series
 * labels, formatted numbers, the text a screen reader hears, and the safe parsing of a
 * frozen value. No React, so they are unit-tested directly.
 *
 * Every word here is slide content, in the *deck's* language: the labels themselves live in
 * shared/statLabels.ts (with the statistics' names in shared/statsCatalogue.ts), which the
 * PowerPoint export reads too, so no view can word a chart differently. Only "loading" —
 * the viewer's app state, not the deck's — comes from the UI's translations (`t`).
 */
import type { TFunction } from 'i18next';
import { CHART_VIEWS, type ChartView } from '../../../shared/chartBlock.ts';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { CHART_WORDS, formatFigure, monthLabel, presentedDate, seriesPointLabel, statTitle } from '../../../shared/statLabels.ts';
import { statDefinition, type SeriesLabels, type SeriesPoint, type StatDefinition, type StatValue } from '../../../shared/statsCatalogue.ts';
import { StatValueSchema } from '../../../shared/statsMessages.ts';

/** One row of a chart: the stable key from the server, its label in the deck's language and the value. */
export interface ChartRow {
  key: string;
  label: string;
  value: number;
  /** A stacked statistic's breakdown of this row (shared/statsCatalogue.ts SeriesPoint.parts). */
  parts?: { label: string; value: number }[];
}

/** 'YYYY-MM' → "jan 2026" (nl) / "Jan 2026" (en); anything else is returned unchanged. */
export function formatMonth(label: string, language: DeckLanguage, month: 'short' | 'long' = 'short'): string {
  return monthLabel(label, language, month);
}

/** The label of one series point in the deck's language; unknown labels are shown as sent. */
export function formatSeriesLabel(kind: SeriesLabels | undefined, label: string, language: DeckLanguage): string {
  return seriesPointLabel(kind, label, language);
}

export function formatNumber(value: number, language: DeckLanguage): string {
  return formatFigure(value, language);
}

export function formatDate(iso: string, language: DeckLanguage): string {
  return presentedDate(iso, language);
}

export function isSeries(value: StatValue): value is SeriesPoint[] {
  return Array.isArray(value);
}

/** A series' rows with their labels; a single number becomes one row named after the statistic. */
export function chartRows(definition: StatDefinition | undefined, value: StatValue, language: DeckLanguage): ChartRow[] {
  if (!isSeries(value)) return [{ key: definition?.key ?? '', label: definition ? definition.label[language] : '', value }];
  return value.map((point) => ({ key: point.label, label: formatSeriesLabel(definition?.seriesLabels, point.label, language), value: point.value, ...(point.parts ? { parts: point.parts } : {}) }));
}

/** The single figure a 'number' view shows: the number itself, or a series' total. */
export function totalOf(value: StatValue): number {
  return isSeries(value) ? value.reduce((sum, p) => sum + p.value, 0) : value;
}

export function statLabel(statKey: string, language: DeckLanguage): string {
  return statTitle(statKey, language);
}

/**
 * What a screen reader hears (and tests read): "Interviews: 32", or for a series
 * "Interviews per maand: jan 2026 3, feb 2026 5". A series in the number view is its total.
 * `t` (the UI's) only says "loading": that is the viewer's state, not the deck's.
 */
export function describeValue(statKey: string, view: ChartView, value: StatValue | null, language: DeckLanguage, t: TFunction, title?: string | null): string {
  const definition = statDefinition(statKey);
  // A title of the chart's own (chartOptions.ts) is what the reader sees, so it is what a screen reader says too.
  const label = title ?? statLabel(statKey, language);
  if (value === null) return `${label}: ${t('charts:loading')}`;
  if (!isSeries(value) || view === 'number') return `${label}: ${formatNumber(totalOf(value), language)}`;
  if (value.length === 0) return `${label}: ${CHART_WORDS.noData[language]}`;
  const parts = chartRows(definition, value, language).map((row) => {
    const text = `${row.label} ${formatNumber(row.value, language)}`;
    // A stacked bar also says what each stack is made of: "jan 2026 3 (Spoor 1 1, Spoor 3 2)".
    if (view !== 'stackedBar' || !row.parts || row.parts.length === 0) return text;
    return `${text} (${row.parts.map((part) => `${formatSeriesLabel(definition?.stackLabels, part.label, language)} ${formatNumber(part.value, language)}`).join(', ')})`;
  });
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
  const definition = statDefinition(statKey);
  if (definition?.kind === 'number') return ['number', 'bar', 'table'] as const;
  // A stacked bar needs a second dimension (a statistic with stackLabels).
  return definition && !definition.stackLabels ? CHART_VIEWS.filter((view) => view !== 'stackedBar') : CHART_VIEWS;
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
