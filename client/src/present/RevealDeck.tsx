/**
 * reveal.js inside React: `div.reveal > div.slides > section…`, with the sections rendered
 * by React and the deck re-synced (deck.sync()) whenever their number or order changes.
 *
 * Reveal is created once per mount and destroyed a tick after unmount, so React
 * StrictMode's mount–unmount–mount in development keeps the same instance (the pattern
 * of @revealjs/react, whose published types are broken). Sections must carry no React
 * className or style: Reveal owns those (present, past, future, display).
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import Reveal from 'reveal.js';
import type { RevealApi, RevealConfig } from 'reveal.js';
import 'reveal.js/reveal.css';
import { applyRevealLabels, type RevealLabels } from './revealLabels.ts';

export interface RevealDeckProps {
  /** Read once, when the deck is created. */
  config: RevealConfig;
  /** Changes whenever sections are added, removed or reordered (e.g. the slide ids joined). */
  structureKey: string;
  onReady: (deck: RevealApi) => void;
  label: string;
  /** reveal.js's own screen-reader labels, in the UI's language. */
  labels: RevealLabels;
  children: ReactNode;
}

/**
 * With `keyboardCondition: 'focused'` reveal.js takes keys only after a pointer went down
 * inside the deck (and gives them up after one went down elsewhere). Keyboard users move
 * focus instead, so focus moves are told to reveal.js the same way: a pointerdown that
 * reaches only reveal.js's own listener (on the deck, or on the document).
 */
export function tellRevealFocus(root: HTMLElement, inside: boolean): void {
  const target: EventTarget = inside ? root : document;
  target.dispatchEvent(new PointerEvent('pointerdown', { bubbles: false }));
}

export function RevealDeck({ config, structureKey, onReady, label, labels, children }: RevealDeckProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const instance = useRef<RevealApi | null>(null);
  const mounted = useRef(false);
  const generation = useRef(0);
  const [deck, setDeck] = useState<RevealApi | null>(null);
  const configRef = useRef(config);
  const onReadyRef = useRef(onReady);
  onReadyRef.current = onReady;

  useEffect(() => {
    mounted.current = true;
    generation.current += 1;
    const root = rootRef.current;
    if (instance.current) {
      if (instance.current.isReady()) setDeck(instance.current);
    } else if (root) {
      const created = new Reveal(root, configRef.current);
      instance.current = created;
      void created.initialize().then(() => {
        if (!mounted.current || instance.current !== created) return;
        setDeck(created);
        root.focus({ preventScroll: true });
        tellRevealFocus(root, true);
        onReadyRef.current(created);
      });
    }
    return () => {
      mounted.current = false;
      const current = instance.current;
      if (!current) return;
      const mine = ++generation.current;
      void Promise.resolve().then(() => {
        if (mounted.current || generation.current !== mine || instance.current !== current) return;
        try {
          current.destroy();
        } catch {
          // A deck destroyed before it finished initialising has nothing to undo.
        }
        instance.current = null;
      });
    };
  }, []);

  // Keys reach the deck while focus is inside it: Reveal's own "focused" state follows the
  // keyboard focus too (by default only a click inside the deck sets it).
  useEffect(() => {
    const root = rootRef.current;
    if (!deck || !root) return;
    const onFocusIn = (event: FocusEvent) => {
      const inside = event.target instanceof Node && root.contains(event.target);
      if (inside !== deck.isFocused()) tellRevealFocus(root, inside);
    };
    document.addEventListener('focusin', onFocusIn);
    return () => document.removeEventListener('focusin', onFocusIn);
  }, [deck]);

  // New, removed or moved sections: Reveal re-reads the DOM (before paint, so the current
  // slide never shows in the wrong place).
  const synced = useRef(structureKey);
  useLayoutEffect(() => {
    if (!deck || !deck.isReady() || synced.current === structureKey) return;
    synced.current = structureKey;
    deck.sync();
    deck.layout();
  }, [deck, structureKey]);

  // After the sync above (effects run after layout effects): the slide count is current.
  useEffect(() => {
    if (!deck) return;
    const apply = () => applyRevealLabels(deck, labels);
    apply();
    deck.on('slidechanged', apply);
    return () => deck.off('slidechanged', apply);
  }, [deck, labels, structureKey]);

  return (
    <div className="reveal" ref={rootRef} aria-label={label} tabIndex={0}>
      <div className="slides">{children}</div>
    </div>
  );
}
