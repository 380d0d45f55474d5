/**
 * The chart block inside a slide's rich text: a Tiptap atom node named `chart`, stored by
 * y-prosemirror as a Y.XmlElement with these attributes. The server reads them to know which
 * statistics a deck shows (a link token may subscribe to those only).
 */
import * as Y from 'yjs';
import { listSlides } from './deckModel.ts';
import { mediaAlign, mediaWidth, type MediaAlign } from './mediaSize.ts';
import { readChartOptions, type ChartOptions } from './chartOptions.ts';

export const CHART_NODE = 'chart';
export const CHART_VIEWS = ['bar', 'line', 'pie', 'number', 'table', 'stackedBar'] as const;
export type ChartView = (typeof CHART_VIEWS)[number];

/**
 * Why a chart shows a stored figure instead of the live one: a session's version froze it as
 * it was presented, or someone froze it by hand in the editor (it was never presented then,
 * and says "vastgezet op", not "zoals gepresenteerd op").
 */
export const FROZEN_REASONS = ['presented', 'hand'] as const;
export type FrozenReason = (typeof FROZEN_REASONS)[number];

/**
 * A frozen chart's reason from what is stored. Charts frozen before the reason was stored
 * have none and read as presented: that is what a frozen chart meant in deck files then.
 */
export function frozenReason(value: unknown): FrozenReason {
  return value === 'hand' ? 'hand' : 'presented';
}

/** Title, colours, axis titles and period (shared/chartOptions.ts) are attributes of their own, validated by readChartOptions. */
export interface ChartAttrs extends ChartOptions {
  /** A key of the statistics catalogue. */
  statKey: string;
  view: ChartView;
  /** When frozen: the value as JSON (a StatValue) and when it was frozen; null while live. */
  frozenValue: string | null;
  frozenAt: string | null;
  /** Why it is frozen; null while live. */
  frozenReason: FrozenReason | null;
  /** Share of the column (10–100), null: across the column (shared/mediaSize.ts). */
  width?: number | null;
  /** Alignment in the column; null: left. */
  align?: MediaAlign | null;
}

export function readChartAttrs(el: Y.XmlElement): ChartAttrs {
  const attr = (name: string): unknown => el.getAttribute(name);
  const view = attr('view');
  return {
    statKey: typeof attr('statKey') === 'string' ? (attr('statKey') as string) : '',
    view: (CHART_VIEWS as readonly unknown[]).includes(view) ? (view as ChartView) : 'bar',
    frozenValue: typeof attr('frozenValue') === 'string' ? (attr('frozenValue') as string) : null,
    frozenAt: typeof attr('frozenAt') === 'string' ? (attr('frozenAt') as string) : null,
    frozenReason: typeof attr('frozenValue') === 'string' ? frozenReason(attr('frozenReason')) : null,
    width: mediaWidth(attr('width')),
    align: mediaAlign(attr('align')),
    ...readChartOptions(el.getAttributes() as Record<string, unknown>),
  };
}

function collectCharts(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlElement[]): void {
  for (const child of node.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === CHART_NODE) out.push(child);
    else collectCharts(child, out);
  }
}

/** Every chart block on every slide, in order. */
export function chartsInDeck(doc: Y.Doc): ChartAttrs[] {
  const elements: Y.XmlElement[] = [];
  for (const slide of listSlides(doc)) collectCharts(slide.content, elements);
  return elements.map(readChartAttrs);
}

/** The statistics a deck shows live (frozen charts need no subscription). */
export function liveStatKeys(doc: Y.Doc): Set<string> {
  return new Set(chartsInDeck(doc).filter((c) => c.frozenValue === null && c.statKey).map((c) => c.statKey));
}
