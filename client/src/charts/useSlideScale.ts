/**
 * How large the slide a chart is drawn on is, against the 1280 px slide every size is
 * designed for: 1 in the presenter, the attendee page and the PDF (reveal.js and the print
 * page lay slides out at 1280 and zoom them), about 0.7 on the editor's canvas, 0.15 in a
 * thumbnail. The SVG's own sizes (tick labels, value labels, dots, axis widths) are set in
 * pixels by recharts, so they are multiplied by this — otherwise a chart's labels are twice
 * as large, relative to the slide, in a thumbnail as in the PDF and the layouts disagree.
 * Outside any slide it is 1.
 */
import { useLayoutEffect, useState, type RefObject } from 'react';

export const SLIDE_DESIGN_WIDTH = 1280;

export function useSlideScale(ref: RefObject<Element | null>): number {
  const [scale, setScale] = useState(1);
  useLayoutEffect(() => {
    const slide = ref.current?.closest('.slide');
    if (!(slide instanceof HTMLElement)) return;
    const update = () => {
      // offsetWidth is the layout width, before reveal.js's zoom or transform.
      const width = slide.offsetWidth;
      // Rounded so sub-pixel resizes do not redraw the chart.
      if (width > 0) setScale(Math.round((width / SLIDE_DESIGN_WIDTH) * 100) / 100);
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(slide);
    return () => observer.disconnect();
  }, [ref]);
  return scale;
}
