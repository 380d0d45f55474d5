/**
 * Charts as native PowerPoint charts with the figures they show on the slide: categories in
 * the deck's language (never the stored codes such as `not-analysed` or `2025-01`), a colour
 * per pie slice from the app palette, and alt text that says the title and every value.
 * The block's options (shared/chartOptions.ts) apply as on the slide: its title (or none), the
 * palette it starts at, its axis titles and its period; a stacked bar is a stacked bar chart
 * with one series (one colour) per part.
 */
import type PptxGenJS from 'pptxgenjs';
import type { DeckThemeTokens } from '../../../shared/deckThemes.ts';
import type { ElementNode } from '../../../shared/deckFile/tree.ts';
import { chartTitle, filterPeriod, paletteColours, readChartOptions, stackKeys } from '../../../shared/chartOptions.ts';
import { formatFigure, seriesPointLabel, statTitle } from '../../../shared/statLabels.ts';
import { statDefinition, type SeriesPoint, type StatValue } from '../../../shared/statsCatalogue.ts';
import type { Frame } from './geometry.ts';

export type Language = 'nl' | 'en';

export interface ChartContext {
  pptx: PptxGenJS;
  slide: PptxGenJS.Slide;
  theme: DeckThemeTokens;
  language: Language;
  /** Text colour on this slide (the section slide has its own). */
  textColour: string;
  statValue: (key: string) => unknown;
}

function seriesOf(value: unknown): SeriesPoint[] | null {
  return Array.isArray(value) ? (value as SeriesPoint[]).filter((p) => p && typeof p.label === 'string' && typeof p.value === 'number') : null;
}

/** A value as the chart shows it: its series (well-formed points only) within the block's period, or the number. */
function shownValue(node: ElementNode, value: unknown): unknown {
  const series = seriesOf(value);
  if (!series) return value;
  const points = series.map((p) => ({ ...p, parts: Array.isArray(p.parts) ? p.parts.filter((part) => part && typeof part.label === 'string' && typeof part.value === 'number') : undefined }));
  return filterPeriod(statDefinition(String(node.attrs.statKey ?? '')), points as StatValue, readChartOptions(node.attrs));
}

/** A frozen chart shows the figures it was frozen with, as they are; a live one asks for today's. */
export function chartValue(node: ElementNode, statValue: (key: string) => unknown): unknown {
  if (typeof node.attrs.frozenValue === 'string') {
    try {
      return JSON.parse(node.attrs.frozenValue) as unknown;
    } catch {
      return null;
    }
  }
  return typeof node.attrs.statKey === 'string' ? statValue(node.attrs.statKey) : null;
}

/** What a screen reader says for a chart: its title and every value, in the deck's language. */
export function chartAltText(title: string, labels: string[], values: number[], language: Language): string {
  if (labels.length === 0) return title;
  return `${title}: ${labels.map((label, i) => `${label} ${formatFigure(values[i] ?? 0, language)}`).join(', ')}`;
}

const VALUE_LABELS_UP_TO = 12;

/** A value-axis step that is a whole number and gives at most about six gridlines: 1, 2, 5, 10, 20, 50… */
export function wholeStep(max: number): number {
  const rough = Math.max(1, max / 6);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * power).find((candidate) => candidate >= rough) ?? 10 * power;
  return Math.max(1, Math.round(step));
}

/** Draws one chart block in `box`: bar, line or pie as a chart; `number` (or a value with no series) as a big figure. */
export function placeChart(ctx: ChartContext, node: ElementNode, box: Frame): void {
  const { pptx, slide, theme, language, textColour } = ctx;
  const key = String(node.attrs.statKey ?? '');
  const definition = statDefinition(key);
  const options = readChartOptions(node.attrs);
  const value = shownValue(node, chartValue(node, ctx.statValue));
  const shownTitle = chartTitle(key, options, language);
  // The alt text and the table's heading always name the chart, even when no title is drawn.
  const title = shownTitle ?? statTitle(key, language);
  const series = seriesOf(value);
  const colours = paletteColours(options.palette, theme.palette.length > 0 ? theme.palette : [theme.accent]);
  if (series && node.attrs.view === 'table') {
    // The chart's table view: category and value as a real table, header row in the theme's table colours.
    const unit = definition?.unit[language] ?? '';
    const rows: PptxGenJS.TableRow[] = [
      [{ text: title, options: { bold: true, fill: { color: theme.tableHead }, color: theme.heading } }, { text: unit, options: { bold: true, fill: { color: theme.tableHead }, color: theme.heading, align: 'right' } }],
      ...series.map((p): PptxGenJS.TableRow => [{ text: seriesPointLabel(definition?.seriesLabels, p.label, language) }, { text: formatFigure(p.value, language), options: { align: 'right' } }]),
    ];
    const rowH = Math.min(0.5, Math.max(0.28, box.h / rows.length));
    slide.addTable(rows, { x: box.x, y: box.y, w: box.w, rowH, fontSize: rowH < 0.4 ? 12 : 14, fontFace: theme.bodyFont, color: textColour, border: { type: 'solid', pt: 0.75, color: theme.rule }, autoPage: false });
  } else if (series && node.attrs.view === 'stackedBar' && stackKeys(series).length > 0) {
    // A stacked bar: one series per part (e.g. a track), stacked per category, each its own colour.
    const labels = series.map((p) => seriesPointLabel(definition?.seriesLabels, p.label, language));
    const stacks = stackKeys(series);
    const data = stacks.map((stack) => ({
      name: seriesPointLabel(definition?.stackLabels, stack, language),
      labels,
      values: series.map((p) => p.parts?.find((part) => part.label === stack)?.value ?? 0),
    }));
    const totals = series.map((p) => p.value);
    slide.addChart(pptx.ChartType.bar, data, {
      ...box,
      barGrouping: 'stacked',
      barDir: 'col',
      altText: chartAltText(title, labels, totals, language),
      showTitle: shownTitle !== null,
      title: shownTitle ?? '',
      titleFontSize: 14,
      titleColor: textColour,
      titleFontFace: theme.headingFont,
      chartColors: stacks.map((_, i) => colours[i % colours.length]!),
      showLegend: true,
      legendPos: 'b',
      legendColor: textColour,
      legendFontFace: theme.bodyFont,
      legendFontSize: 12,
      valAxisMajorUnit: wholeStep(Math.max(0, ...totals)),
      valAxisLabelFormatCode: '#,##0',
      valAxisMinVal: 0,
      catAxisLabelFontSize: 12,
      valAxisLabelFontSize: 12,
      catAxisLabelColor: textColour,
      valAxisLabelColor: textColour,
      catAxisLabelFontFace: theme.bodyFont,
      valAxisLabelFontFace: theme.bodyFont,
      valGridLine: { color: theme.rule, size: 0.5 },
      ...axisTitles(options.xTitle, options.yTitle, textColour),
    });
  } else if (series && node.attrs.view !== 'number') {
    const labels = series.map((p) => seriesPointLabel(definition?.seriesLabels, p.label, language));
    const values = series.map((p) => p.value);
    const pie = node.attrs.view === 'pie';
    const type = node.attrs.view === 'line' ? pptx.ChartType.line : pie ? pptx.ChartType.doughnut : pptx.ChartType.bar;
    // A doughnut is round: in a wide box its legend would sit at the far edge, so the box is
    // kept to about twice its height (the doughnut and, beside it, the legend), as on the slide.
    const frame = pie ? { ...box, w: Math.min(box.w, box.h * 1.9) } : box;
    slide.addChart(type, [{ name: title, labels, values }], {
      ...frame,
      altText: chartAltText(title, labels, values, language),
      showTitle: shownTitle !== null,
      title: shownTitle ?? '',
      titleFontSize: 14,
      titleColor: textColour,
      titleFontFace: theme.headingFont,
      // Pie/doughnut: pptxgenjs writes one <c:dPt> per slice, coloured in turn from chartColors; bars and lines are one series, one colour.
      chartColors: pie ? colours : [colours[0] ?? theme.accent],
      showLegend: pie,
      legendPos: 'r',
      legendColor: textColour,
      legendFontFace: theme.bodyFont,
      legendFontSize: 12,
      // Value labels as on the slide: on every slice and on up to 12 bars or points (more collide;
      // the axis and the alt text still give every value).
      showValue: pie || values.length <= VALUE_LABELS_UP_TO,
      dataLabelColor: pie ? 'FFFFFF' : textColour,
      dataLabelFontSize: 12,
      // Counts: whole-number steps on the value axis, never "0.5 interviews".
      ...(pie ? {} : { valAxisMajorUnit: wholeStep(Math.max(0, ...values)), valAxisLabelFormatCode: '#,##0', valAxisMinVal: 0 }),
      catAxisLabelFontSize: 12,
      valAxisLabelFontSize: 12,
      catAxisLabelColor: textColour,
      valAxisLabelColor: textColour,
      catAxisLabelFontFace: theme.bodyFont,
      valAxisLabelFontFace: theme.bodyFont,
      valGridLine: { color: theme.rule, size: 0.5 },
      valAxisTitle: definition?.unit[language] ?? '',
      showValAxisTitle: !pie && Boolean(definition),
      valAxisTitleColor: textColour,
      // The block's own axis titles, where it has them, instead of the unit.
      ...(pie ? {} : axisTitles(options.xTitle, options.yTitle, textColour)),
      holeSize: 55,
    });
  } else {
    const number = typeof value === 'number' ? value : series ? series.reduce((sum, p) => sum + p.value, 0) : null;
    const text = number === null ? '—' : formatFigure(number, language);
    // A text box has no altText in pptxgenjs (only images and charts do), so the label is read as the text itself.
    slide.addText(
      [
        { text, options: { fontSize: 72, bold: true, color: theme.accent, breakLine: true } },
        ...(shownTitle === null ? [] : [{ text: shownTitle, options: { fontSize: 18, color: textColour } }]),
      ],
      { ...box, align: 'center', valign: 'middle', fontFace: theme.headingFont, fit: 'shrink' },
    );
  }
}

/** The chart options for a block's own axis titles (none set: nothing, so the defaults stand). */
function axisTitles(xTitle: string | null, yTitle: string | null, colour: string): PptxGenJS.IChartOpts {
  return {
    ...(xTitle === null ? {} : { catAxisTitle: xTitle, showCatAxisTitle: true, catAxisTitleColor: colour, catAxisTitleFontSize: 12 }),
    ...(yTitle === null ? {} : { valAxisTitle: yTitle, showValAxisTitle: true, valAxisTitleColor: colour, valAxisTitleFontSize: 12 }),
  };
}
