/**
 * The attendee's reading view: the current slide's own content as an ordinary page at the
 * phone's text size — headings, lists, tables, quotes, code, images with their descriptions —
 * drawn by the same read-only renderer as the slide picture (SlideContentView), with each
 * chart at the top level of the slide as its data table (ChartDataTable) instead of a plot.
 * It shows the audience document's slide and nothing else: what the presenter has not
 * revealed is not in the document, so it is not here either. The deck's marking
 * ("Vertrouwelijk") and footer text, on every slide picture, are on this page too.
 */
import { memo, useMemo } from 'react';
import { CLASSIFICATION_LABELS, type DeckChrome } from '../../../shared/deckChrome.ts';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { ChartDataTable } from '../charts/ChartDataTable.tsx';
import { DeckLanguageProvider } from '../deck/DeckLanguage.tsx';
import { SlideContentView } from '../editor/SlideContentView.tsx';
import { StepContext, stepIndex } from '../editor/StepItems.tsx';
import type { SlideNode } from '../editor/slideTree.ts';
import { chartViewProps, segments, withImageToken } from './slideParts.ts';

export interface ReadingViewProps {
  nodes: SlideNode[];
  /** The deck's language: the slide's words and the tables' numbers are written in it. */
  language: DeckLanguage;
  /** The accessible name of the page ("Dia 3 van 5"). */
  label: string;
  token: string | null;
  slideId: string;
  /** The deck's footer and marking. */
  chrome: DeckChrome;
  /** On the live slide: how many step-list items the presenter has on screen (undefined: all). */
  revealed?: number;
}

export const ReadingView = memo(function ReadingView({ nodes, language, label, token, slideId, chrome, revealed }: ReadingViewProps) {
  const source = useMemo(() => (token ? withImageToken(nodes, token) : nodes), [nodes, token]);
  const parts = useMemo(() => segments(source), [source]);
  // Step lists as on the slide picture: the items up to the presenter's step ([AU12]).
  const index = useMemo(() => stepIndex(source), [source]);
  const steps = useMemo(() => (revealed === undefined ? null : { index, revealed }), [index, revealed]);
  const marking = CLASSIFICATION_LABELS[chrome.classification][language];
  return (
    <article className="reading-view" lang={language} aria-label={label} data-slide-id={slideId}>
      {marking && <p className="reading-view__marking">{marking}</p>}
      <DeckLanguageProvider language={language}>
        <StepContext.Provider value={steps}>
        {parts.map((part, i) => {
          if (part.kind === 'nodes') return <SlideContentView key={i} nodes={part.nodes} interactive />;
          const chart = chartViewProps(part.attrs);
          return <ChartDataTable key={i} statKey={chart.statKey} frozenValue={chart.frozenValue} frozenAt={chart.frozenAt} frozenReason={chart.frozenReason} token={token} />;
        })}
        </StepContext.Provider>
      </DeckLanguageProvider>
      {chrome.footerText && <p className="reading-view__footer">{chrome.footerText}</p>}
    </article>
  );
});
