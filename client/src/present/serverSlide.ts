/**
 * The live slide the server drew into the attendee page ([AU13], shared/firstSlide.ts): it
 * covers the app while the app loads and connects, and goes once the app has the audience
 * document (or knows why it has none), so the attendee never sees a loading screen between
 * the two pictures of the same slide.
 */
import { useEffect } from 'react';
import { FIRST_SLIDE_ID } from '../../../shared/firstSlide.ts';
import './firstSlide.css';

/** Removes the server's slide once `done` (it is never put back: the app draws from then on). */
export function useDropServerSlide(done: boolean): void {
  useEffect(() => {
    if (done) document.getElementById(FIRST_SLIDE_ID)?.remove();
  }, [done]);
}
