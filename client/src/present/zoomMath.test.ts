import { describe, expect, it } from 'vitest';
import { clampZoom, doubleTap, isZoomed, MAX_SCALE, NO_ZOOM, pan, pinch, TAP_SCALE, zoomAt } from './zoomMath.ts';

const box = { width: 400, height: 225 };

describe('zoomMath', () => {
  it('never shrinks the picture below its box nor past the largest scale', () => {
    expect(clampZoom({ scale: 0.5, x: 10, y: 10 }, box)).toEqual(NO_ZOOM);
    expect(clampZoom({ scale: 10, x: 0, y: 0 }, box).scale).toBe(MAX_SCALE);
    expect(clampZoom({ scale: Number.NaN, x: Number.NaN, y: 3 }, box)).toEqual(NO_ZOOM);
  });

  it('keeps the zoomed picture covering the box: no gap at any edge', () => {
    expect(clampZoom({ scale: 2, x: 50, y: 50 }, box)).toEqual({ scale: 2, x: 0, y: 0 });
    expect(clampZoom({ scale: 2, x: -1000, y: -1000 }, box)).toEqual({ scale: 2, x: -400, y: -225 });
  });

  it('zooms at a point, which stays under the finger', () => {
    const at = { x: 100, y: 50 };
    const zoomed = zoomAt(NO_ZOOM, 2, at, box);
    expect(zoomed).toEqual({ scale: 2, x: -100, y: -50 });
    // The picture's point (100, 50) is still drawn at (100, 50).
    expect(100 * zoomed.scale + zoomed.x).toBe(100);
  });

  it('pinching apart zooms in by the fingers’ ratio, together zooms out to the box', () => {
    const from: [{ x: number; y: number }, { x: number; y: number }] = [{ x: 150, y: 100 }, { x: 250, y: 100 }];
    const apart = pinch(NO_ZOOM, from, [{ x: 100, y: 100 }, { x: 300, y: 100 }], box);
    expect(apart.scale).toBe(2);
    expect(apart.x).toBe(-200);
    const together = pinch(apart, [{ x: 100, y: 100 }, { x: 300, y: 100 }], [{ x: 190, y: 100 }, { x: 210, y: 100 }], box);
    expect(together).toEqual(NO_ZOOM);
    // Fingers on one spot change nothing.
    expect(pinch(apart, [{ x: 5, y: 5 }, { x: 5, y: 5 }], from, box)).toBe(apart);
  });

  it('pans a zoomed picture, within its edges', () => {
    const zoomed = { scale: 2, x: -100, y: -50 };
    expect(pan(zoomed, { x: 0, y: 0 }, { x: 30, y: 20 }, box)).toEqual({ scale: 2, x: -70, y: -30 });
    expect(pan(zoomed, { x: 0, y: 0 }, { x: 500, y: 500 }, box)).toEqual({ scale: 2, x: 0, y: 0 });
    // Not zoomed: nothing to pan.
    expect(pan(NO_ZOOM, { x: 0, y: 0 }, { x: 30, y: 20 }, box)).toEqual(NO_ZOOM);
  });

  it('a double tap zooms in at the tap, a second one zooms back out', () => {
    const once = doubleTap(NO_ZOOM, { x: 200, y: 112.5 }, box);
    expect(once.scale).toBe(TAP_SCALE);
    expect(isZoomed(once)).toBe(true);
    expect(doubleTap(once, { x: 10, y: 10 }, box)).toEqual(NO_ZOOM);
    expect(isZoomed(NO_ZOOM)).toBe(false);
  });
});
