/**
 * reveal.js writes its own screen-reader labels in English ("previous slide", "below slide")
 * and leaves its progress bar unnamed. The presenter speaks the UI's language, so these are
 * rewritten on reveal.js's own elements after it has drawn them, and again when the
 * language or the slide changes.
 */
import type { RevealApi } from 'reveal.js';

export interface RevealLabels {
  previous: string;
  next: string;
  above: string;
  below: string;
  progress: string;
  /** The progress bar's value in words: "Dia 3 van 10". */
  position: (current: number, total: number) => string;
}

function label(root: HTMLElement, selector: string, text: string): void {
  for (const element of root.querySelectorAll(selector)) element.setAttribute('aria-label', text);
}

export function applyRevealLabels(deck: RevealApi, labels: RevealLabels): void {
  const root = deck.getRevealElement();
  if (!root) return;
  // With right-to-left slides reveal.js swaps the meaning of its left and right arrows.
  const rtl = deck.getConfig().rtl === true;
  label(root, '.controls .navigate-left', rtl ? labels.next : labels.previous);
  label(root, '.controls .navigate-right', rtl ? labels.previous : labels.next);
  label(root, '.controls .navigate-up', labels.above);
  label(root, '.controls .navigate-down', labels.below);
  const progress = root.querySelector<HTMLElement>('.progress');
  if (progress) {
    const total = deck.getTotalSlides();
    const current = Math.min(total, deck.getSlidePastCount() + 1);
    progress.setAttribute('role', 'progressbar');
    progress.setAttribute('aria-label', labels.progress);
    progress.setAttribute('aria-valuemin', '1');
    progress.setAttribute('aria-valuemax', String(Math.max(1, total)));
    progress.setAttribute('aria-valuenow', String(Math.max(1, current)));
    progress.setAttribute('aria-valuetext', labels.position(Math.max(1, current), Math.max(1, total)));
  }
}
