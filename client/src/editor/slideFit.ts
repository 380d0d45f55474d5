/**
 * Shrink text on overflow, as presentation tools' autofit does, with one rule for every
 * place a slide is drawn (editor canvas, thumbnails, presenter, attendee, version preview,
 * print/PDF and the HTML export): when a slide's content does not fit inside its body, the
 * body's scale (`--slide-fit`, which multiplies the body's font size and the charts' height)
 * steps down until it fits, never below FIT_FLOOR. Below the floor the body is marked
 * `data-overfull` (the editor warns; nothing is cut silently in the editor, which scrolls).
 *
 * Every size inside a slide is in container units or em, so the scale that fits is the same
 * at any width: what fits on screen fits in the 1280×720 PDF page.
 */
import { useLayoutEffect, type RefObject } from 'react';

/** The scales tried, largest first; the last is the floor. */
export const FIT_STEPS = [1, 0.95, 0.9, 0.85, 0.8, 0.75, 0.7, 0.65, 0.6] as const;
export const FIT_FLOOR = FIT_STEPS[FIT_STEPS.length - 1]!;
/** Half a pixel of rounding is not overflow. */
const TOLERANCE_PX = 1;

/** True when some of the body's content lies outside its content box (above, below or beside it). */
export function overflows(body: HTMLElement): boolean {
  // The slide's frame is the clip: the editor's body is ProseMirror's element, which grows with its content.
  const frame = (body.closest('.slide') as HTMLElement | null) ?? body;
  const box = frame.getBoundingClientRect();
  if (box.height === 0 || box.width === 0 || frame.offsetWidth === 0) return false;
  // Rectangles are on screen (after reveal.js's transform or zoom), computed paddings in layout pixels.
  const zoom = box.width / frame.offsetWidth;
  const style = getComputedStyle(body);
  const top = box.top + parseFloat(style.paddingTop) * zoom;
  const bottom = box.bottom - parseFloat(style.paddingBottom) * zoom;
  const left = box.left + parseFloat(style.paddingLeft) * zoom;
  const right = box.right - parseFloat(style.paddingRight) * zoom;
  // Centred layouts overflow at the top as well as the bottom, where scrollHeight does not look.
  for (const child of Array.from(body.children)) {
    // An image cropped to fill the slide covers the margins on purpose (imageNode.ts, fit=cover).
    if (child instanceof HTMLElement && child.dataset.fit === 'cover') continue;
    const r = child.getBoundingClientRect();
    if (r.height === 0 && r.width === 0) continue;
    if (r.top < top - TOLERANCE_PX || r.bottom > bottom + TOLERANCE_PX || r.left < left - TOLERANCE_PX || r.right > right + TOLERANCE_PX) return true;
  }
  // Long words or tables wider than a column.
  return body.scrollWidth > body.clientWidth + 1;
}

function apply(body: HTMLElement, scale: number): void {
  body.style.setProperty('--slide-fit', String(scale));
}

/** Finds the largest step at which the content fits and applies it; marks the body when even the floor does not. */
export function fitSlideBody(body: HTMLElement): number {
  apply(body, 1);
  if (!overflows(body)) return settle(body, 1, false);
  // Overflow shrinks monotonically with the scale: binary search over the steps.
  let lo = 1; // FIT_STEPS[lo..] are candidates; index 0 overflowed.
  let hi = FIT_STEPS.length - 1;
  apply(body, FIT_STEPS[hi]!);
  if (overflows(body)) return settle(body, FIT_FLOOR, true);
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    apply(body, FIT_STEPS[mid]!);
    if (overflows(body)) lo = mid + 1;
    else hi = mid;
  }
  apply(body, FIT_STEPS[hi]!);
  return settle(body, FIT_STEPS[hi]!, false);
}

function settle(body: HTMLElement, scale: number, overfull: boolean): number {
  apply(body, scale);
  body.dataset.fit = String(scale);
  if (overfull) body.dataset.overfull = 'true';
  else delete body.dataset.overfull;
  return scale;
}

/**
 * Keeps `ref`'s slide body fitted while its content, its size or the fonts change. The fit
 * is measured synchronously, so the slide is never painted overflowing; a change of scale
 * that ends where it started reports no new size, so it cannot loop.
 */
export function useSlideFit(ref: RefObject<HTMLElement | null>, onOverfull?: (overfull: boolean) => void): void {
  useLayoutEffect(() => {
    const body = ref.current;
    if (!body) return;
    let overfull: boolean | null = null;
    const run = () => {
      fitSlideBody(body);
      const now = body.dataset.overfull === 'true';
      if (now !== overfull) {
        overfull = now;
        onOverfull?.(now);
      }
    };
    const resize = new ResizeObserver(run);
    const observeChildren = () => {
      resize.disconnect();
      resize.observe(body);
      for (const child of Array.from(body.children)) resize.observe(child);
    };
    const mutations = new MutationObserver(() => {
      observeChildren();
      run();
    });
    mutations.observe(body, { childList: true, subtree: true, characterData: true });
    observeChildren();
    run();
    const fonts = document.fonts;
    fonts?.addEventListener?.('loadingdone', run);
    return () => {
      resize.disconnect();
      mutations.disconnect();
      fonts?.removeEventListener?.('loadingdone', run);
    };
  }, [ref, onOverfull]);
}
