/**
 * One slide of an old version, read-only: the editor's frame and content renderer
 * (SlideFrame, SlideContentView), with each chart block at the top level of the slide drawn
 * in full (ChartView) at the figures frozen into the version, instead of the renderer's
 * stand-in. A chart the version holds no figures for stays live.
 */
import { SlideBody } from '../editor/SlideBody.tsx';
import { memo, useMemo } from 'react';
import type { DeckLanguage, DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { ChartView } from '../charts/ChartView.tsx';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { SlideFrame } from '../editor/SlideFrame.tsx';
import { chartBoxProps } from '../editor/mediaStyle.ts';
import type { SlideNode } from '../editor/slideTree.ts';
import { chartViewProps, segments } from '../present/slideParts.ts';

function FrozenChart({ attrs }: { attrs: Record<string, unknown> }) {
  return (
    <div className="node-chart version-chart" data-type="chart" {...chartBoxProps(attrs)}>
      <ChartView {...chartViewProps(attrs)} />
    </div>
  );
}

export interface VersionSlideProps {
  layout: SlideLayout;
  nodes: SlideNode[];
  theme: DeckTheme;
  /** The version's own deck language (a version keeps the language it had). */
  language: DeckLanguage;
  /** The slide's position, for the footer's number. */
  number?: number;
}

export const VersionSlide = memo(function VersionSlide({ layout, nodes, theme, language, number }: VersionSlideProps) {
  const parts = useMemo(() => segments(nodes), [nodes]);
  return (
    <SlideFrame theme={theme} layout={layout} language={language} number={number} className="slide--version">
      <SlideBody>
        {parts.map((part, i) => (part.kind === 'chart' ? <FrozenChart key={i} attrs={part.attrs} /> : <SlideContentView key={i} nodes={part.nodes} interactive />))}
      </SlideBody>
    </SlideFrame>
  );
});
