/**
 * How an image's or chart's size and alignment (shared/mediaSize.ts) reach the DOM, for the
 * editor's node views and every read-only view alike. Kept free of editor code: the attendee
 * and print pages import it.
 */
import type { CSSProperties } from 'react';
import { mediaAlign, mediaWidth, SLIDE_PX, type MediaAlign } from '../../../shared/mediaSize.ts';

/**
 * The natural width on the 1280-px slide, as the frame's `--image-natural` (a length built from
 * the picture's own pixel count, never from the document): an image without a stored width is
 * drawn at that size and never wider than its column, in every view at every scale.
 */
export function naturalWidthStyle(naturalWidth: number): string | null {
  return Number.isFinite(naturalWidth) && naturalWidth > 0 ? `calc(${Math.round(naturalWidth)} * 100cqw / ${SLIDE_PX})` : null;
}

/**
 * A chart's box on the slide from its attributes: `data-align` always (left by default) and its
 * width as a share of the column (`--media-width`, a fraction: slides.css multiplies the column's
 * width by it, which in the chart-and-text layout is the chart's 54 %), for the editor's node view wrapper (which only ever sets
 * attributes, so every key is always given) and the read-only views alike.
 */
export function chartBoxAttrs(attrs: Record<string, unknown>): { 'data-align': MediaAlign; style: string } {
  const width = mediaWidth(attrs.width);
  return { 'data-align': mediaAlign(attrs.align) ?? 'left', style: width === null ? '' : `--media-width: ${width / 100}` };
}

/** The same for a React element. */
export function chartBoxProps(attrs: Record<string, unknown>): { 'data-align': MediaAlign; style?: CSSProperties } {
  const width = mediaWidth(attrs.width);
  return { 'data-align': mediaAlign(attrs.align) ?? 'left', ...(width === null ? {} : { style: { '--media-width': String(width / 100) } as CSSProperties }) };
}

/** Sets the image frame's natural width from its loaded picture (SlideContentView's onLoad). */
export function setNaturalWidth(img: HTMLImageElement): void {
  const value = naturalWidthStyle(img.naturalWidth);
  if (value) img.parentElement?.style.setProperty('--image-natural', value);
}
