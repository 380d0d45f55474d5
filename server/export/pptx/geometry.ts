/** The slide's measures in inches (pptxgenjs LAYOUT_WIDE, 16:9), shared by masters and block layout. */
import type { SlideLayout } from '../../../shared/deckModel.ts';

export const SLIDE_W = 13.333;
export const SLIDE_H = 7.5;
export const MARGIN = 0.6;
/** Layouts whose content the CSS centres on the slide (slides.css); the others read top-left. */
export const CENTRED: readonly SlideLayout[] = ['title', 'section', 'big-number', 'quote'];

export interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Where the title placeholder sits per layout: centred layouts have it above the middle. */
export function titleFrame(layout: SlideLayout): Frame {
  return CENTRED.includes(layout) ? { x: MARGIN, y: 1.7, w: SLIDE_W - 2 * MARGIN, h: 1.5 } : { x: MARGIN, y: 0.4, w: SLIDE_W - 2 * MARGIN, h: 0.9 };
}

/** The subtitle placeholder: under the title on centred layouts, between title rule and body otherwise. */
export function subtitleFrame(layout: SlideLayout): Frame {
  return CENTRED.includes(layout) ? { x: MARGIN, y: 3.3, w: SLIDE_W - 2 * MARGIN, h: 0.8 } : { x: MARGIN, y: 1.45, w: SLIDE_W - 2 * MARGIN, h: 0.55 };
}
