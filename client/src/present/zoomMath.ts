/**
 * The arithmetic of zooming a picture inside its box (usePinchZoom): a zoom is a scale and
 * the offset of the scaled picture's top-left corner from the box's, in CSS pixels. The
 * picture never shrinks below the box and never leaves a gap at an edge. Pure, so it is
 * unit-tested without a browser.
 */

export interface Zoom {
  scale: number;
  x: number;
  y: number;
}

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export const NO_ZOOM: Zoom = { scale: 1, x: 0, y: 0 };
export const MAX_SCALE = 4;
/** What a double tap zooms to. */
export const TAP_SCALE = 2.5;

/** The scale kept within 1…MAX_SCALE and the picture kept covering the box. */
export function clampZoom(zoom: Zoom, box: Size): Zoom {
  const scale = Math.min(MAX_SCALE, Math.max(1, Number.isFinite(zoom.scale) ? zoom.scale : 1));
  const minX = box.width * (1 - scale);
  const minY = box.height * (1 - scale);
  const x = Math.min(0, Math.max(minX, Number.isFinite(zoom.x) ? zoom.x : 0));
  const y = Math.min(0, Math.max(minY, Number.isFinite(zoom.y) ? zoom.y : 0));
  return { scale, x: x === 0 ? 0 : x, y: y === 0 ? 0 : y };
}

/** Zoomed to `scale` with the picture's point under `at` (box coordinates) staying under it. */
export function zoomAt(zoom: Zoom, scale: number, at: Point, box: Size): Zoom {
  const px = (at.x - zoom.x) / zoom.scale;
  const py = (at.y - zoom.y) / zoom.scale;
  return clampZoom({ scale, x: at.x - px * scale, y: at.y - py * scale }, box);
}

/**
 * A pinch: two fingers that started at `from` (with the zoom `start`) and are now at `to`.
 * The picture's point under the fingers' first midpoint follows their midpoint, scaled by
 * how far apart they have moved.
 */
export function pinch(start: Zoom, from: [Point, Point], to: [Point, Point], box: Size): Zoom {
  const d0 = distance(from[0], from[1]);
  const d1 = distance(to[0], to[1]);
  if (d0 < 1) return start;
  const m0 = midpoint(from[0], from[1]);
  const m1 = midpoint(to[0], to[1]);
  const scale = start.scale * (d1 / d0);
  const px = (m0.x - start.x) / start.scale;
  const py = (m0.y - start.y) / start.scale;
  const clampedScale = Math.min(MAX_SCALE, Math.max(1, scale));
  return clampZoom({ scale: clampedScale, x: m1.x - px * clampedScale, y: m1.y - py * clampedScale }, box);
}

/** One finger dragging a zoomed picture. */
export function pan(start: Zoom, from: Point, to: Point, box: Size): Zoom {
  return clampZoom({ scale: start.scale, x: start.x + to.x - from.x, y: start.y + to.y - from.y }, box);
}

/** A double tap: zoom in at the tapped point, or back out when zoomed. */
export function doubleTap(zoom: Zoom, at: Point, box: Size): Zoom {
  return isZoomed(zoom) ? NO_ZOOM : zoomAt(NO_ZOOM, TAP_SCALE, at, box);
}

export function isZoomed(zoom: Zoom): boolean {
  return zoom.scale > 1.01;
}

export function distance(a: Point, b: Point): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}

function midpoint(a: Point, b: Point): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}
