/**
 * Tells a screen reader which slide is on screen, once each time it changes: a polite live
 * region that receives one short message ("Dia 3: Resultaten"). It changes only with the
 * slide's identity — an edit to the slide's text, a chart's new value or a fragment step
 * leave it alone, so nothing streams. The slide's content is not in it: that is read from
 * the page (the reading view, or the picture's own text).
 */
import { useEffect, useRef, useState } from 'react';

export interface SlideAnnouncerProps {
  /** Changes when another slide is shown. */
  slideId: string;
  /** What to say for it, read when the slide changes (later edits do not re-announce). */
  message: string;
}

export function SlideAnnouncer({ slideId, message }: SlideAnnouncerProps) {
  const [said, setSaid] = useState('');
  const latest = useRef(message);
  latest.current = message;
  useEffect(() => {
    // The region is in the page before its first message, so screen readers watch it.
    const timer = window.setTimeout(() => setSaid(latest.current), 100);
    return () => window.clearTimeout(timer);
  }, [slideId]);
  return (
    <p className="visually-hidden" aria-live="polite" aria-atomic="true" data-slide-announcer="">
      {said}
    </p>
  );
}
