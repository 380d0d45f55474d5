/** A slide drawn small and read-only from its content tree, for the sorter. */
import { SlideBody } from './SlideBody.tsx';
import type { DeckLanguage, DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { SlideContentView } from './SlideContentView.tsx';
import { SlideFrame } from './SlideFrame.tsx';
import type { SlideNode } from './slideTree.ts';

export interface SlideThumbnailProps {
  nodes: SlideNode[];
  theme: DeckTheme;
  layout: SlideLayout;
  language: DeckLanguage;
}

export function SlideThumbnail({ nodes, theme, layout, language }: SlideThumbnailProps) {
  return (
    <SlideFrame theme={theme} layout={layout} language={language} className="slide--thumbnail">
      <SlideBody>
        <SlideContentView nodes={nodes} />
      </SlideBody>
    </SlideFrame>
  );
}
