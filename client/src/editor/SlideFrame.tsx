/**
 * The 16:9 box a slide is drawn in, with the deck theme and the slide layout as classes.
 * Canvas and thumbnails both use it, so they can never disagree about how a slide looks;
 * sizes inside are in container units and scale with the box.
 */
import type { ReactNode } from 'react';
import type { DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';

export interface SlideFrameProps {
  theme: DeckTheme;
  layout: SlideLayout;
  className?: string;
  children: ReactNode;
}

export function SlideFrame({ theme, layout, className, children }: SlideFrameProps) {
  return <div className={`slide slide-theme--${theme} slide-layout--${layout}${className ? ` ${className}` : ''}`}>{children}</div>;
}
