/**
 * Zooming into one picture (the attendee's slide) by touch: two fingers pinch, a double tap
 * zooms in at that point (and out again), one finger pans a zoomed picture; a double click,
 * a trackpad pinch (ctrl + wheel) and Escape do the same with a mouse or keyboard. The
 * picture is scaled with a CSS transform inside its box, which clips it; the arithmetic is
 * in zoomMath.ts. The box has `touch-action: none` (viewer.css), so the browser leaves these
 * gestures to the page there — everywhere else the page itself stays zoomable by the browser.
 *
 *   const zoom = usePinchZoom();
 *   <section ref={zoom.ref}><div style={zoom.style}>…</div></section>
 *   {zoom.zoomed && <button onClick={zoom.reset}>Reset</button>}
 *
 * `claimed()` tells a swipe handler on an ancestor that the touch it just saw was a pinch, a
 * pan or a tap of a zoomed picture, not a swipe (native listeners here run before React's).
 */
import { useCallback, useEffect, useRef, useState, type CSSProperties } from 'react';
import { clampZoom, distance, doubleTap, isZoomed, NO_ZOOM, pan, pinch, zoomAt, type Point, type Size, type Zoom } from './zoomMath.ts';

const DOUBLE_TAP_MS = 300;
const TAP_SLOP_PX = 10;
const DOUBLE_TAP_SLOP_PX = 30;
const COMPAT_MOUSE_MS = 1000;

type Gesture = { kind: 'pinch'; start: Zoom; from: [Point, Point]; ids: [number, number] } | { kind: 'pan'; start: Zoom; from: Point; id: number } | null;

export interface PinchZoom {
  /** For the box: the element that clips the picture and receives the gestures. */
  ref: (element: HTMLElement | null) => void;
  zoomed: boolean;
  /** The scale, rounded (1 when not zoomed). */
  scale: number;
  /** For the element inside the box that is scaled. */
  style: CSSProperties;
  reset: () => void;
  /** Whether the current (or last) touch belonged to zooming rather than to a swipe. */
  claimed: () => boolean;
}

export function usePinchZoom(): PinchZoom {
  const [box, ref] = useState<HTMLElement | null>(null);
  const [zoom, setZoomState] = useState<Zoom>(NO_ZOOM);
  const zoomRef = useRef<Zoom>(NO_ZOOM);
  const claimedRef = useRef(false);

  const setZoom = useCallback((next: Zoom) => {
    zoomRef.current = next;
    setZoomState(next);
  }, []);
  const reset = useCallback(() => setZoom(NO_ZOOM), [setZoom]);

  useEffect(() => {
    if (!box) return;
    // A new box (the picture shown again after the reading view) starts unzoomed.
    setZoom(NO_ZOOM);
    const pointers = new Map<number, Point>();
    let gesture: Gesture = null;
    let down: { id: number; at: Point; time: number } | null = null;
    let lastTap: { at: Point; time: number } | null = null;
    // A touch double tap is followed by the browser's own dblclick: that one is not a second toggle.
    let lastTouchEnd = Number.NEGATIVE_INFINITY;

    const size = (): Size => ({ width: box.clientWidth, height: box.clientHeight });
    const local = (event: { clientX: number; clientY: number }): Point => {
      const rect = box.getBoundingClientRect();
      return { x: event.clientX - rect.left, y: event.clientY - rect.top };
    };
    const startGesture = () => {
      const entries = [...pointers.entries()];
      if (entries.length >= 2) {
        const [a, b] = entries as [[number, Point], [number, Point]];
        gesture = { kind: 'pinch', start: zoomRef.current, from: [a[1], b[1]], ids: [a[0], b[0]] };
        claimedRef.current = true;
      } else if (entries.length === 1 && isZoomed(zoomRef.current)) {
        const [id, at] = entries[0]!;
        gesture = { kind: 'pan', start: zoomRef.current, from: at, id };
        claimedRef.current = true;
      } else gesture = null;
    };

    const onDown = (event: PointerEvent) => {
      if (event.pointerType === 'mouse') return;
      if (pointers.size === 0) claimedRef.current = isZoomed(zoomRef.current);
      const at = local(event);
      pointers.set(event.pointerId, at);
      down = pointers.size === 1 ? { id: event.pointerId, at, time: event.timeStamp } : null;
      try {
        box.setPointerCapture(event.pointerId);
      } catch {
        // A synthetic or already released pointer: nothing to capture.
      }
      startGesture();
    };
    const onMove = (event: PointerEvent) => {
      if (!pointers.has(event.pointerId)) return;
      const at = local(event);
      pointers.set(event.pointerId, at);
      if (gesture?.kind === 'pinch') {
        const a = pointers.get(gesture.ids[0]);
        const b = pointers.get(gesture.ids[1]);
        if (a && b) setZoom(pinch(gesture.start, gesture.from, [a, b], size()));
      } else if (gesture?.kind === 'pan' && gesture.id === event.pointerId) {
        setZoom(pan(gesture.start, gesture.from, at, size()));
      }
    };
    const onUp = (event: PointerEvent) => {
      if (!pointers.has(event.pointerId)) return;
      const at = local(event);
      pointers.delete(event.pointerId);
      lastTouchEnd = event.timeStamp;
      const tap = event.type === 'pointerup' && down !== null && down.id === event.pointerId && distance(down.at, at) < TAP_SLOP_PX && event.timeStamp - down.time < DOUBLE_TAP_MS;
      down = null;
      if (tap) {
        if (lastTap && event.timeStamp - lastTap.time < DOUBLE_TAP_MS && distance(lastTap.at, at) < DOUBLE_TAP_SLOP_PX) {
          lastTap = null;
          claimedRef.current = true;
          setZoom(doubleTap(zoomRef.current, at, size()));
        } else lastTap = { at, time: event.timeStamp };
      } else lastTap = null;
      // One finger lifted from a pinch: the other goes on panning.
      startGesture();
    };
    const onDoubleClick = (event: MouseEvent) => {
      event.preventDefault();
      if (event.timeStamp - lastTouchEnd < COMPAT_MOUSE_MS) return;
      setZoom(doubleTap(zoomRef.current, local(event), size()));
    };
    const onWheel = (event: WheelEvent) => {
      // A trackpad pinch arrives as a wheel with ctrl; a plain wheel scrolls the page as ever.
      if (!event.ctrlKey) return;
      event.preventDefault();
      const current = zoomRef.current;
      setZoom(zoomAt(current, current.scale * Math.exp(-event.deltaY / 100), local(event), size()));
    };
    // The box changed size (a phone turned): the old offsets mean nothing any more.
    let width = box.clientWidth;
    const observer = new ResizeObserver(() => {
      if (box.clientWidth === width) return;
      width = box.clientWidth;
      if (isZoomed(zoomRef.current)) setZoom(clampZoom({ ...NO_ZOOM }, size()));
    });
    observer.observe(box);

    box.addEventListener('pointerdown', onDown);
    box.addEventListener('pointermove', onMove);
    box.addEventListener('pointerup', onUp);
    box.addEventListener('pointercancel', onUp);
    box.addEventListener('dblclick', onDoubleClick);
    box.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      observer.disconnect();
      box.removeEventListener('pointerdown', onDown);
      box.removeEventListener('pointermove', onMove);
      box.removeEventListener('pointerup', onUp);
      box.removeEventListener('pointercancel', onUp);
      box.removeEventListener('dblclick', onDoubleClick);
      box.removeEventListener('wheel', onWheel);
    };
  }, [box, setZoom]);

  const zoomed = isZoomed(zoom);
  useEffect(() => {
    if (!zoomed) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') reset();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [zoomed, reset]);

  const style: CSSProperties = zoomed ? { transform: `translate(${zoom.x}px, ${zoom.y}px) scale(${zoom.scale})`, transformOrigin: '0 0' } : {};
  const claimed = useCallback(() => claimedRef.current, []);
  return { ref, zoomed, scale: Math.round(zoom.scale * 10) / 10, style, reset, claimed };
}
