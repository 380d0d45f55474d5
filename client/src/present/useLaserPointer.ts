/**
 * The presenter's laser pointer: while it is on (L held, or the toolbar button), the mouse
 * position over the current slide is drawn as a dot and published to attendees as
 * fractions of the slide ([RO3]); off the slide, or when it is switched off, it is withdrawn.
 */
import { useCallback, useEffect, useRef, useState, type PointerEvent as ReactPointerEvent, type RefObject } from 'react';
import type { RevealApi } from 'reveal.js';
import type { Pointer } from './awareness.ts';

interface LaserPointerOptions {
  deck: RevealApi | null;
  stageRef: RefObject<HTMLElement | null>;
  publishPointer: (pointer: Pointer | null) => void;
  on: boolean;
}

export function useLaserPointer({ deck, stageRef, publishPointer, on: laserOn }: LaserPointerOptions) {
  const [dot, setDot] = useState<{ left: number; top: number } | null>(null);
  const lastMouse = useRef<{ x: number; y: number } | null>(null);

  const placePointer = useCallback(
    (clientX: number, clientY: number) => {
      const stage = stageRef.current;
      const slide = deck?.getCurrentSlide()?.querySelector('.slide');
      if (!stage || !slide) return;
      const r = slide.getBoundingClientRect();
      const s = stage.getBoundingClientRect();
      const x = (clientX - r.left) / r.width;
      const y = (clientY - r.top) / r.height;
      if (!(x >= 0 && x <= 1 && y >= 0 && y <= 1)) {
        setDot(null);
        publishPointer(null);
        return;
      }
      const pointer: Pointer = { x: Math.round(x * 1000) / 1000, y: Math.round(y * 1000) / 1000 };
      setDot({ left: r.left - s.left + pointer.x * r.width, top: r.top - s.top + pointer.y * r.height });
      publishPointer(pointer);
    },
    [deck, publishPointer],
  );

  useEffect(() => {
    if (!laserOn) {
      setDot(null);
      publishPointer(null);
    } else if (lastMouse.current) {
      placePointer(lastMouse.current.x, lastMouse.current.y);
    }
  }, [laserOn, placePointer, publishPointer]);

  const onPointerMove = (event: ReactPointerEvent) => {
    lastMouse.current = { x: event.clientX, y: event.clientY };
    if (laserOn) placePointer(event.clientX, event.clientY);
  };
  const onPointerLeave = () => {
    lastMouse.current = null;
    if (laserOn) {
      setDot(null);
      publishPointer(null);
    }
  };

  return { dot, onPointerMove, onPointerLeave };
}
