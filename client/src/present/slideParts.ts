/**
 * How a live slide's content tree is split for drawing: top-level charts are drawn live on
 * their own, everything else by the editor's read-only renderer; attendees' image
 * addresses carry their link token.
 */
import { CHART_VIEWS, frozenReason, type ChartView, type FrozenReason } from '../../../shared/chartBlock.ts';
import type { SlideNode } from '../editor/slideTree.ts';
import { LINK_TOKEN_PARAM } from '../../../shared/syncMessages.ts';
import { readChartOptions, type ChartOptions } from '../../../shared/chartOptions.ts';

export type Segment = { kind: 'nodes'; nodes: SlideNode[] } | { kind: 'chart'; attrs: Record<string, unknown> };

/** Runs of ordinary nodes, with each top-level chart on its own. */
export function segments(nodes: SlideNode[]): Segment[] {
  const out: Segment[] = [];
  for (const node of nodes) {
    if (node.kind === 'element' && node.name === 'chart') {
      out.push({ kind: 'chart', attrs: node.attrs });
      continue;
    }
    const last = out[out.length - 1];
    if (last && last.kind === 'nodes') last.nodes.push(node);
    else out.push({ kind: 'nodes', nodes: [node] });
  }
  return out;
}

const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** A chart node's attributes as ChartView's props: unknown views fall back to a bar chart; a frozen date only with a frozen value. */
export function chartViewProps(attrs: Record<string, unknown>): { statKey: string; view: ChartView; frozenValue: string | null; frozenAt: string | null; frozenReason: FrozenReason | null; options: ChartOptions } {
  const frozenValue = str(attrs.frozenValue);
  return {
    statKey: str(attrs.statKey) ?? '',
    view: (CHART_VIEWS as readonly unknown[]).includes(attrs.view) ? (attrs.view as ChartView) : 'bar',
    frozenValue,
    frozenAt: frozenValue === null ? null : str(attrs.frozenAt),
    frozenReason: frozenValue === null ? null : frozenReason(attrs.frozenReason),
    options: readChartOptions(attrs),
  };
}

const UPLOADED_IMAGE = /^\/api\/images\/[A-Za-z0-9_-]{8,64}$/;

/** Uploaded images (`/api/images/<id>`) get `?token=` so a link holder may load them. */
export function withImageToken(nodes: SlideNode[], token: string): SlideNode[] {
  return nodes.map((node) => {
    if (node.kind === 'text') return node;
    const src = node.attrs.src;
    const attrs = node.name === 'image' && typeof src === 'string' && UPLOADED_IMAGE.test(src.trim()) ? { ...node.attrs, src: `${src.trim()}?${LINK_TOKEN_PARAM}=${encodeURIComponent(token)}` } : node.attrs;
    return { ...node, attrs, children: withImageToken(node.children, token) };
  });
}
