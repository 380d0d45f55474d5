/**
 * One slide of an old version, read-only: the editor's frame and content renderer
 * (SlideFrame, SlideContentView), with each chart block at the top level of the slide drawn
 * in full (ChartView) at the figures frozen into the version, instead of the renderer's
 * stand-in. A chart the version holds no figures for stays live.
 */
import { memo, useMemo } from 'react';
import { CHART_VIEWS, type ChartView as ChartViewName } from '../../../shared/chartBlock.ts';
import type { DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { ChartView } from '../charts/ChartView.tsx';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { SlideFrame } from '../editor/SlideFrame.tsx';
import type { SlideNode } from '../editor/slideTree.ts';

type Segment = { kind: 'nodes'; nodes: SlideNode[] } | { kind: 'chart'; attrs: Record<string, unknown> };

/** Runs of ordinary nodes, with each top-level chart on its own. */
function segments(nodes: SlideNode[]): Segment[] {
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

function FrozenChart({ attrs }: { attrs: Record<string, unknown> }) {
  const statKey = str(attrs.statKey) ?? '';
  const view = (CHART_VIEWS as readonly unknown[]).includes(attrs.view) ? (attrs.view as ChartViewName) : 'bar';
  const frozenValue = str(attrs.frozenValue);
  return (
    <div className="node-chart version-chart" data-type="chart">
      <ChartView statKey={statKey} view={view} frozenValue={frozenValue} frozenAt={frozenValue === null ? null : str(attrs.frozenAt)} />
    </div>
  );
}

export interface VersionSlideProps {
  layout: SlideLayout;
  nodes: SlideNode[];
  theme: DeckTheme;
}

export const VersionSlide = memo(function VersionSlide({ layout, nodes, theme }: VersionSlideProps) {
  const parts = useMemo(() => segments(nodes), [nodes]);
  return (
    <SlideFrame theme={theme} layout={layout} className="slide--version">
      <div className="slide__body">
        {parts.map((part, i) => (part.kind === 'chart' ? <FrozenChart key={i} attrs={part.attrs} /> : <SlideContentView key={i} nodes={part.nodes} interactive />))}
      </div>
    </SlideFrame>
  );
});
