/**
 * A chart block's display options — title, colours, axis titles and the period it shows —
 * read from its attributes, validated, and applied the same way by every view: the editor,
 * presenter, attendee and print pages (client/src/charts/ChartView.tsx) and the PowerPoint
 * export (server/export/pptx/charts.ts). A client can write any attribute, so nothing here
 * trusts one: texts are cut to their limit and stripped of control characters, months must
 * be YYYY-MM, a palette is a key of CHART_PALETTES (never a CSS value).
 *
 *   const options = readChartOptions(node.attrs);
 *   const shown = filterPeriod(statDefinition(key), value, options); // before drawing
 */
import type { DeckLanguage } from './deckModel.ts';
import { MAX_AXIS_TITLE_LENGTH, MAX_CHART_TITLE_LENGTH } from './limits.ts';
import { CHART_WORDS, SERIES_COLUMN_LABELS, seriesPointLabel, statTitle, statUnit } from './statLabels.ts';
import type { StatDefinition, StatValue } from './statsCatalogue.ts';

/**
 * The colour a chart's first series (or slice) takes; the others follow in the theme's
 * palette order (DeckThemeTokens.palette), so every series keeps a distinct colour.
 * 'theme' starts at the palette's first colour; the others name a palette position.
 */
export const CHART_PALETTES = ['theme', 'blue', 'orange', 'green', 'pink', 'purple', 'olive', 'red'] as const;
export type ChartPalette = (typeof CHART_PALETTES)[number];

/** The attributes of a chart block that hold its options (shared/chartBlock.ts, the deck file). */
export const CHART_OPTION_ATTRS = ['title', 'hideTitle', 'palette', 'xTitle', 'yTitle', 'from', 'to'] as const;

export interface ChartOptions {
  /** The title drawn above the chart; null: the statistic's label in the deck's language. */
  title: string | null;
  /** No title at all. */
  hideTitle: boolean;
  palette: ChartPalette;
  /** Axis titles of a bar, line or stacked bar chart; null: none drawn. */
  xTitle: string | null;
  yTitle: string | null;
  /** For a statistic by month: the first and last month shown (YYYY-MM), null for open-ended. */
  from: string | null;
  to: string | null;
}

export const DEFAULT_CHART_OPTIONS: ChartOptions = { title: null, hideTitle: false, palette: 'theme', xTitle: null, yTitle: null, from: null, to: null };

// Control characters (line breaks included) would break the one-line deck-file syntax and mean nothing on a chart.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

/** A one-line text of at most `max` characters, or null when empty or not a string. */
export function cleanOptionText(value: unknown, max: number): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(CONTROL, ' ').slice(0, max);
  return text.trim() === '' ? null : text;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

/** 'YYYY-MM' as given, or null. */
export function cleanMonth(value: unknown): string | null {
  return typeof value === 'string' && MONTH.test(value) ? value : null;
}

export function isChartPalette(value: unknown): value is ChartPalette {
  return (CHART_PALETTES as readonly unknown[]).includes(value);
}

/** A chart's options from its attributes (a Y.XmlElement's, a Tiptap node's, a deck-file tree's), whatever they hold. */
export function readChartOptions(attrs: Record<string, unknown>): ChartOptions {
  let from = cleanMonth(attrs.from);
  let to = cleanMonth(attrs.to);
  // A period given backwards is the same period.
  if (from !== null && to !== null && from > to) [from, to] = [to, from];
  return {
    title: cleanOptionText(attrs.title, MAX_CHART_TITLE_LENGTH),
    hideTitle: attrs.hideTitle === true || attrs.hideTitle === 'true',
    palette: isChartPalette(attrs.palette) ? attrs.palette : 'theme',
    xTitle: cleanOptionText(attrs.xTitle, MAX_AXIS_TITLE_LENGTH),
    yTitle: cleanOptionText(attrs.yTitle, MAX_AXIS_TITLE_LENGTH),
    from,
    to,
  };
}

/** Only the options that differ from the defaults, as attributes (for writing a block or a deck file). */
export function chartOptionAttrs(options: ChartOptions): Partial<Record<(typeof CHART_OPTION_ATTRS)[number], string | boolean>> {
  const out: Partial<Record<(typeof CHART_OPTION_ATTRS)[number], string | boolean>> = {};
  if (options.title !== null) out.title = options.title;
  if (options.hideTitle) out.hideTitle = true;
  if (options.palette !== 'theme') out.palette = options.palette;
  if (options.xTitle !== null) out.xTitle = options.xTitle;
  if (options.yTitle !== null) out.yTitle = options.yTitle;
  if (options.from !== null) out.from = options.from;
  if (options.to !== null) out.to = options.to;
  return out;
}

/** A statistic counted per month: the only kind a period applies to. */
export function isMonthSeries(definition: StatDefinition | undefined): boolean {
  return definition?.kind === 'series' && definition.seriesLabels === 'month';
}

/**
 * The part of a value a chart shows: for a statistic by month, the months from `from` to
 * `to` (either may be open); anything else unchanged. Live and frozen values alike.
 */
export function filterPeriod(definition: StatDefinition | undefined, value: StatValue, options: Pick<ChartOptions, 'from' | 'to'>): StatValue {
  if (!Array.isArray(value) || !isMonthSeries(definition) || (options.from === null && options.to === null)) return value;
  const { from, to } = options;
  return value.filter((point) => (from === null || point.label >= from) && (to === null || point.label <= to));
}

/** The series colours in order for a palette choice: the theme's palette, starting at the chosen colour. */
export function paletteColours<T>(palette: ChartPalette, themePalette: readonly T[]): T[] {
  if (themePalette.length === 0) return [];
  const start = palette === 'theme' ? 0 : (CHART_PALETTES.indexOf(palette) - 1) % themePalette.length;
  return themePalette.map((_, i) => themePalette[(start + i) % themePalette.length]!);
}

/** The title drawn above a chart, or null when it is hidden. */
export function chartTitle(statKey: string, options: Pick<ChartOptions, 'title' | 'hideTitle'>, language: DeckLanguage): string | null {
  if (options.hideTitle) return null;
  return options.title ?? statTitle(statKey, language);
}

/** What the axis titles read when someone switches them on: the categories' heading ("Maand") and what is counted ("Interviews"). */
export function defaultAxisTitles(definition: StatDefinition | undefined, language: DeckLanguage): { x: string; y: string } {
  const unit = statUnit(definition, language);
  return { x: SERIES_COLUMN_LABELS[definition?.seriesLabels ?? 'other'][language], y: unit.charAt(0).toLocaleUpperCase() + unit.slice(1) };
}

/** The second dimension's labels of a stacked value, in order of first appearance ('1', '3' for tracks). */
export function stackKeys(value: StatValue): string[] {
  if (!Array.isArray(value)) return [];
  const keys: string[] = [];
  for (const point of value) for (const part of point.parts ?? []) if (!keys.includes(part.label)) keys.push(part.label);
  return keys;
}

/** A value's data as a table: a heading per column and a row per category, in the deck's language. */
export interface ChartDataTable {
  columns: string[];
  rows: { key: string; label: string; values: number[] }[];
}

/**
 * The rows a chart's data table shows, after its period filter: for a plain series one
 * value column (its unit); for a stacked one a column per part (e.g. "Spoor 1", "Spoor 3")
 * and the total; for a single number one row. For a reading view that shows each chart as a
 * table (the attendee's phone) as much as for the chart's own table view.
 */
export function chartDataTable(definition: StatDefinition | undefined, value: StatValue, language: DeckLanguage, options: Pick<ChartOptions, 'from' | 'to'> = DEFAULT_CHART_OPTIONS): ChartDataTable {
  const unit = statUnit(definition, language);
  const unitHeading = unit.charAt(0).toLocaleUpperCase() + unit.slice(1);
  const category = SERIES_COLUMN_LABELS[definition?.seriesLabels ?? 'other'][language];
  if (!Array.isArray(value)) return { columns: ['', unitHeading], rows: [{ key: definition?.key ?? '', label: definition?.label[language] ?? '', values: [value] }] };
  const shown = filterPeriod(definition, value, options) as Exclude<StatValue, number>;
  const stacks = definition?.stackLabels ? stackKeys(shown) : [];
  if (stacks.length === 0) return { columns: [category, unitHeading], rows: shown.map((p) => ({ key: p.label, label: seriesPointLabel(definition?.seriesLabels, p.label, language), values: [p.value] })) };
  return {
    columns: [category, ...stacks.map((s) => seriesPointLabel(definition?.stackLabels, s, language)), CHART_WORDS.total[language]],
    rows: shown.map((p) => ({
      key: p.label,
      label: seriesPointLabel(definition?.seriesLabels, p.label, language),
      values: [...stacks.map((s) => p.parts?.find((part) => part.label === s)?.value ?? 0), p.value],
    })),
  };
}
