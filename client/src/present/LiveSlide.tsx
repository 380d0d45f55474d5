/**
 * One slide drawn read-only for presenting: the editor's frame, layouts and theme
 * (SlideFrame, slides.css, themes) and its read-only content renderer (SlideContentView),
 * with the chart blocks at the top level of the slide drawn live (ChartView) instead of
 * the renderer's stand-ins. Attendees pass their link token: charts subscribe with it and
 * uploaded images are asked for with it.
 */
import { memo, useMemo, type ReactNode } from 'react';
import { StepContext, stepIndex } from '../editor/StepItems.tsx';
import type { DeckLanguage, DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { LazyChartView as ChartView } from '../charts/LazyChartView.tsx';
import { SlideBody } from '../editor/SlideBody.tsx';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { SlideFrame } from '../editor/SlideFrame.tsx';
import { chartBoxProps } from '../editor/mediaStyle.ts';
import type { SlideNode } from '../editor/slideTree.ts';
import { chartViewProps, segments, withImageToken } from './slideParts.ts';

export interface LiveSlideProps {
  layout: SlideLayout;
  nodes: SlideNode[];
  theme: DeckTheme;
  /** The deck's language: charts and the renderer's words on the slide are written in it. */
  language: DeckLanguage;
  /** The slide's position in the deck (the footer's slide number). */
  number?: number;
  /** An audience link token (attendees). */
  token?: string | null;
  /** Links are real anchors (false in small previews). */
  interactive?: boolean;
  className?: string;
  children?: ReactNode;
  /**
   * How many steps of the slide's step lists are on screen (presenting pages); undefined:
   * every item, drawn as a plain list (previews, print).
   */
  revealed?: number;
}

function LiveChart({ attrs, token }: { attrs: Record<string, unknown>; token: string | null }) {
  return (
    <div className="node-chart live-chart" data-type="chart" {...chartBoxProps(attrs)}>
      <ChartView {...chartViewProps(attrs)} token={token} />
    </div>
  );
}

export const LiveSlide = memo(function LiveSlide({ layout, nodes, theme, language, number, token = null, interactive = true, className, children, revealed }: LiveSlideProps) {
  const source = useMemo(() => (token ? withImageToken(nodes, token) : nodes), [nodes, token]);
  const parts = useMemo(() => segments(source), [source]);
  const index = useMemo(() => stepIndex(source), [source]);
  const steps = useMemo(() => (revealed === undefined ? null : { index, revealed }), [index, revealed]);
  return (
    <SlideFrame theme={theme} layout={layout} language={language} number={number} className={className}>
      <SlideBody>
        <StepContext.Provider value={steps}>
          {parts.map((part, i) =>
            part.kind === 'chart' ? <LiveChart key={i} attrs={part.attrs} token={token} /> : <SlideContentView key={i} nodes={part.nodes} interactive={interactive} />,
          )}
        </StepContext.Provider>
      </SlideBody>
      {children}
    </SlideFrame>
  );
});
