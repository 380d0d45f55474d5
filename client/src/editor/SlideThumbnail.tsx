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
  /** The slide's position, for the footer's number. */
  number?: number;
  /** Told whether the slide's text fits even at the smallest size (the same fit as every view). */
  onOverfull?: (overfull: boolean) => void;
}

export function SlideThumbnail({ nodes, theme, layout, language, number, onOverfull }: SlideThumbnailProps) {
  return (
    <SlideFrame theme={theme} layout={layout} language={language} number={number} className="slide--thumbnail">
      <SlideBody onOverfull={onOverfull}>
        <SlideContentView nodes={nodes} />
      </SlideBody>
    </SlideFrame>
  );
}
