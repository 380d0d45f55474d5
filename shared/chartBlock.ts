/**
 * The chart block inside a slide's rich text: a Tiptap atom node named `chart`, stored by
 * y-prosemirror as a Y.XmlElement with these attributes. The server reads them to know which
 * statistics a deck shows (a link token may subscribe to those only).
 */
import * as Y from 'yjs';
import { listSlides } from './deckModel.ts';

export const CHART_NODE = 'chart';
export const CHART_VIEWS = ['bar', 'line', 'pie', 'number', 'table'] as const;
export type ChartView = (typeof CHART_VIEWS)[number];

export interface ChartAttrs {
  /** A key of the statistics catalogue. */
  statKey: string;
  view: ChartView;
  /** When frozen: the value as JSON (a StatValue) and when it was frozen; null while live. */
  frozenValue: string | null;
  frozenAt: string | null;
}

export function readChartAttrs(el: Y.XmlElement): ChartAttrs {
  const attr = (name: string): unknown => el.getAttribute(name);
  const view = attr('view');
  return {
    statKey: typeof attr('statKey') === 'string' ? (attr('statKey') as string) : '',
    view: (CHART_VIEWS as readonly unknown[]).includes(view) ? (view as ChartView) : 'bar',
    frozenValue: typeof attr('frozenValue') === 'string' ? (attr('frozenValue') as string) : null,
    frozenAt: typeof attr('frozenAt') === 'string' ? (attr('frozenAt') as string) : null,
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
