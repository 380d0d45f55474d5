/**
 * React views of the deck document: the visible slide order, one slide, the deck meta.
 * Each subscribes to the smallest shared type that can change its answer, so typing into
 * a slide does not re-render the sorter.
 */
import { CHROME_KEYS, readChrome, type DeckChrome } from '../../../shared/deckChrome.ts';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import * as Y from 'yjs';
import { deckTypes, getSlide, readMeta, slideIds, type DeckMeta, type SlideView } from '../../../shared/deckModel.ts';

type Subscribe = (onChange: () => void) => () => void;

/** A snapshot that keeps its identity while `same` says nothing changed (useSyncExternalStore needs that). */
function useYSnapshot<T>(subscribe: Subscribe, read: () => T, same: (a: T, b: T) => boolean): T {
  const cache = useRef<{ value: T } | null>(null);
  const getSnapshot = (): T => {
    const next = read();
    if (cache.current && same(cache.current.value, next)) return cache.current.value;
    cache.current = { value: next };
    return next;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

const sameIds = (a: string[], b: string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

export function useSlideIds(doc: Y.Doc): string[] {
  const subscribe = useCallback<Subscribe>(
    (onChange) => {
      const { order, slides } = deckTypes(doc);
      order.observe(onChange);
      slides.observe(onChange);
      return () => {
        order.unobserve(onChange);
        slides.unobserve(onChange);
      };
    },
    [doc],
  );
  return useYSnapshot(subscribe, () => slideIds(doc), sameIds);
}

/** Calls `onChange` when the slide map under `id` is replaced or one of its keys changes; `deep` adds its content. */
function watchSlide(doc: Y.Doc, id: string, onChange: () => void, deep: boolean): () => void {
  const { slides } = deckTypes(doc);
  let current: Y.Map<unknown> | null = null;
  const attach = (): void => {
    const next = slides.get(id);
    const map = next instanceof Y.Map ? next : null;
    if (map === current) return;
    if (current) {
      if (deep) current.unobserveDeep(onChange);
      else current.unobserve(onChange);
    }
    current = map;
    if (current) {
      if (deep) current.observeDeep(onChange);
      else current.observe(onChange);
    }
  };
  const onSlides = (event: Y.YMapEvent<Y.Map<unknown>>): void => {
    if (!event.keysChanged.has(id)) return;
    attach();
    onChange();
  };
  attach();
  slides.observe(onSlides);
  return () => {
    slides.unobserve(onSlides);
    if (current) {
      if (deep) current.unobserveDeep(onChange);
      else current.unobserve(onChange);
    }
  };
}

const sameSlide = (a: SlideView | null, b: SlideView | null): boolean =>
  a === b || (a !== null && b !== null && a.id === b.id && a.layout === b.layout && a.content === b.content && a.notes === b.notes && a.hidden === b.hidden && a.transition === b.transition);

/** One slide's layout and fragments; a new fragment (an undo that restores the slide) is a new value. */
export function useSlide(doc: Y.Doc, id: string | null): SlideView | null {
  const subscribe = useCallback<Subscribe>((onChange) => (id ? watchSlide(doc, id, onChange, false) : () => {}), [doc, id]);
  return useYSnapshot(subscribe, () => (id ? getSlide(doc, id) : null), sameSlide);
}

/** A counter that grows when anything inside one slide changes (its text included), at most once per frame. */
export function useSlideVersion(doc: Y.Doc, id: string): number {
  const version = useRef(0);
  const subscribe = useCallback<Subscribe>(
    (onChange) => {
      let frame = 0;
      const bump = (): void => {
        if (frame) return;
        frame = requestAnimationFrame(() => {
          frame = 0;
          version.current += 1;
          onChange();
        });
      };
      const stop = watchSlide(doc, id, bump, true);
      return () => {
        cancelAnimationFrame(frame);
        stop();
      };
    },
    [doc, id],
  );
  return useSyncExternalStore(subscribe, () => version.current);
}

const sameMeta = (a: DeckMeta, b: DeckMeta): boolean => a.title === b.title && a.theme === b.theme && a.period === b.period && a.language === b.language;

const sameChrome = (a: DeckChrome, b: DeckChrome): boolean => CHROME_KEYS.every((key) => a[key] === b[key]);

/** Subscribes to the deck's meta map (title, theme, language, footer…). */
function useMetaSubscription(doc: Y.Doc): Subscribe {
  return useCallback<Subscribe>(
    (onChange) => {
      const { meta } = deckTypes(doc);
      meta.observe(onChange);
      return () => meta.unobserve(onChange);
    },
    [doc],
  );
}

/** The deck's footer, marking, date, numbers and logo, updated when a peer changes them. */
export function useDeckChromeOf(doc: Y.Doc): DeckChrome {
  return useYSnapshot(useMetaSubscription(doc), () => readChrome(doc), sameChrome);
}

export function useDeckMeta(doc: Y.Doc): DeckMeta {
  return useYSnapshot(useMetaSubscription(doc), () => readMeta(doc), sameMeta);
}
