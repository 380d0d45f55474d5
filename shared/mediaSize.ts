/**
 * Size, alignment and fit of an image or chart on a slide: node attributes of the `image` and
 * `chart` nodes, stored in the shared document and read by every view, the deck file and the
 * PowerPoint export. Whatever arrives (a paste, a deck file, another client) is validated here
 * and nothing else reaches a style:
 *  - `width`: the block's share of the column it stands in (the slide's content width, or one
 *    column of a two-column slide), an integer percentage MIN_MEDIA_WIDTH…MAX_MEDIA_WIDTH; null
 *    (the default) draws an image at its natural size on the 1280-px slide, never larger than
 *    the column, and a chart across the column;
 *  - `align`: 'left' (the default, null), 'center' or 'right' within the column;
 *  - `fit` (images only): 'cover' makes the image fill the whole slide behind its content,
 *    cropped to 16:9 around its centre ("Bijsnijden tot dia"); 'contain' (null) is the default.
 */
export const MEDIA_ALIGNS = ['left', 'center', 'right'] as const;
export type MediaAlign = (typeof MEDIA_ALIGNS)[number];
export const IMAGE_FITS = ['contain', 'cover'] as const;
export type ImageFit = (typeof IMAGE_FITS)[number];

export const MIN_MEDIA_WIDTH = 10;
export const MAX_MEDIA_WIDTH = 100;
/** What "Kleiner"/"Groter" and Alt+Shift+Arrow change the width by (percentage points). */
export const MEDIA_WIDTH_STEP = 10;
/** The slide's width in CSS pixels when drawn at full size (print, PDF, presenter at 1280×720). */
export const SLIDE_PX = 1280;

/** A stored width from anything: a number or "40" / "40%" → an integer share clamped to 10–100; null when absent or unreadable. */
export function mediaWidth(value: unknown): number | null {
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^\s*\d+(\.\d+)?\s*%?\s*$/.test(value)) n = Number.parseFloat(value);
  else return null;
  if (!Number.isFinite(n) || n <= 0) return null;
  return Math.min(MAX_MEDIA_WIDTH, Math.max(MIN_MEDIA_WIDTH, Math.round(n)));
}

/** A stored alignment, or null (left) when absent or unknown. */
export function mediaAlign(value: unknown): MediaAlign | null {
  return value === 'center' || value === 'right' || value === 'left' ? value : null;
}

/** A stored fit: 'cover' or null (the default, contain). */
export function imageFit(value: unknown): 'cover' | null {
  return value === 'cover' ? 'cover' : null;
}

/** An image marked decorative on purpose (its empty description is meant): only `true` counts. */
export function isDecorative(value: unknown): boolean {
  return value === true || value === 'true';
}

/** An image whose description is missing: no text and not marked decorative. */
export function altMissing(attrs: { alt?: unknown; decorative?: unknown }): boolean {
  return !isDecorative(attrs.decorative) && !(typeof attrs.alt === 'string' && attrs.alt.trim() !== '');
}

/**
 * The next width one step smaller (-1) or larger (+1) from `current` (the share drawn now, also
 * when none is stored): to the next multiple of the step, within the bounds.
 */
export function stepMediaWidth(current: number, direction: -1 | 1): number {
  const snapped = direction > 0 ? Math.floor(current / MEDIA_WIDTH_STEP + 1e-9) * MEDIA_WIDTH_STEP + MEDIA_WIDTH_STEP : Math.ceil(current / MEDIA_WIDTH_STEP - 1e-9) * MEDIA_WIDTH_STEP - MEDIA_WIDTH_STEP;
  return Math.min(MAX_MEDIA_WIDTH, Math.max(MIN_MEDIA_WIDTH, snapped));
}

export interface MediaBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Where a block of width `w` goes across a column (same units): left, centred or right, as the
 * slide's CSS places it.
 */
export function alignedX(column: { x: number; w: number }, w: number, align: MediaAlign | null): number {
  if (align === 'center') return column.x + (column.w - w) / 2;
  if (align === 'right') return column.x + column.w - w;
  return column.x;
}

/**
 * The deck file's attribute list after an image, `![alt](src){width=40% align=center fit=cover
 * .decorative}` (the form Pandoc and kramdown read): only what differs from the default is
 * written, and nothing at all for an image with none of these.
 */
export function imageAttrText(attrs: Record<string, unknown>): string {
  const parts: string[] = [];
  const width = mediaWidth(attrs.width);
  const align = mediaAlign(attrs.align);
  if (width !== null) parts.push(`width=${width}%`);
  if (align !== null && align !== 'left') parts.push(`align=${align}`);
  if (imageFit(attrs.fit)) parts.push('fit=cover');
  if (isDecorative(attrs.decorative)) parts.push('.decorative');
  return parts.length === 0 ? '' : `{${parts.join(' ')}}`;
}

/**
 * Reads an attribute list at the start of `text` (what follows an image): the attributes and
 * how many characters they took, or null when `text` does not start with a list made only of
 * the attributes above (then it is text, and stays so).
 */
export function readImageAttrText(text: string): { attrs: Record<string, unknown>; length: number } | null {
  const match = /^\{([^{}\n]*)\}/.exec(text);
  if (!match) return null;
  const attrs: Record<string, unknown> = {};
  for (const part of match[1]!.trim().split(/\s+/)) {
    const [key, value] = part.split('=', 2) as [string, string | undefined];
    if (key === 'width' && mediaWidth(value) !== null) attrs.width = mediaWidth(value);
    else if (key === 'align' && mediaAlign(value) !== null) attrs.align = mediaAlign(value) === 'left' ? null : mediaAlign(value);
    else if (key === 'fit' && (value === 'cover' || value === 'contain')) attrs.fit = imageFit(value);
    else if (key === '.decorative' && value === undefined) attrs.decorative = true;
    else return null;
  }
  return { attrs, length: match[0].length };
}
