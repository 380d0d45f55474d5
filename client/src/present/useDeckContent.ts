/**
 * The deck as plain data for the presenting pages: theme, title and every slide's content
 * and notes as trees (see editor/slideTree.ts), re-read on every change of the Y.Doc. A
 * slide whose content did not change keeps its object, so memoised slide views skip it.
 */
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { deckTypes, listSlides, readMeta, readPresentation, type DeckLanguage, type DeckTheme, type PresentationState, type SlideLayout, type SlideTransition } from '../../../shared/deckModel.ts';
import { CHROME_KEYS, NO_CHROME, readChrome, type DeckChrome } from '../../../shared/deckChrome.ts';
import { fragmentToTree, slideTitle, type SlideNode } from '../editor/slideTree.ts';

export interface SlideData {
  id: string;
  layout: SlideLayout;
  nodes: SlideNode[];
  notes: SlideNode[];
  /** The slide's first heading or text, for labels. */
  title: string;
  /** Changes whenever layout, content or notes change. */
  version: string;
  /**
   * The slide's position in the deck (1-based). An attendee's document holds only the slides
   * shown; it carries each one's position when the deck shows slide numbers.
   */
  number: number;
  /** Skipped when presenting and left out of the PDF, HTML and handouts. */
  hidden: boolean;
  /** How the slide comes on screen when presenting (null: the presenter's default). */
  transition: SlideTransition | null;
}

export interface DeckContent {
  title: string;
  theme: DeckTheme;
  /** The deck's language (`meta.language`): slides are drawn in it, whatever the viewer's UI language. */
  language: DeckLanguage;
  /** Footer, marking, date, numbers and logo on every slide. */
  chrome: DeckChrome;
  slides: SlideData[];
}

const EMPTY: DeckContent = { title: '', theme: 'tussenstand', language: 'nl', chrome: NO_CHROME, slides: [] };

const sameChrome = (a: DeckChrome, b: DeckChrome): boolean => CHROME_KEYS.every((key) => a[key] === b[key]);

function readContent(doc: Y.Doc, previous: DeckContent): DeckContent {
  const before = new Map(previous.slides.map((s) => [s.id, s]));
  const maps = deckTypes(doc).slides;
  const slides = listSlides(doc).map((slide, index): SlideData => {
    const nodes = fragmentToTree(slide.content);
    const notes = fragmentToTree(slide.notes);
    const stored = maps.get(slide.id)?.get('number');
    const number = typeof stored === 'number' && Number.isInteger(stored) && stored > 0 ? stored : index + 1;
    const version = JSON.stringify([slide.layout, nodes, notes, number, slide.hidden, slide.transition]);
    const old = before.get(slide.id);
    if (old && old.version === version) return old;
    return { id: slide.id, layout: slide.layout, nodes, notes, title: slideTitle(nodes), version, number, hidden: slide.hidden, transition: slide.transition };
  });
  const meta = readMeta(doc);
  const chrome = readChrome(doc);
  const sameSlides = slides.length === previous.slides.length && slides.every((s, i) => s === previous.slides[i]);
  if (sameSlides && meta.title === previous.title && meta.theme === previous.theme && meta.language === previous.language && sameChrome(chrome, previous.chrome)) return previous;
  return { title: meta.title, theme: meta.theme, language: meta.language, chrome: sameChrome(chrome, previous.chrome) ? previous.chrome : chrome, slides: sameSlides ? previous.slides : slides };
}

export function useDeckContent(doc: Y.Doc | null): DeckContent {
  const [content, setContent] = useState<DeckContent>(EMPTY);
  useEffect(() => {
    if (!doc) {
      setContent(EMPTY);
      return;
    }
    const refresh = () => setContent((previous) => readContent(doc, previous));
    refresh();
    doc.on('update', refresh);
    return () => doc.off('update', refresh);
  }, [doc]);
  return content;
}

const INACTIVE: PresentationState = { active: false, slideId: null, fragment: 0, startedAt: null, startedBy: null, endedAt: null, keepUntil: null };

const samePresentation = (a: PresentationState, b: PresentationState): boolean =>
  a.active === b.active &&
  a.slideId === b.slideId &&
  a.fragment === b.fragment &&
  a.startedAt === b.startedAt &&
  a.startedBy === b.startedBy &&
  a.endedAt === b.endedAt &&
  a.keepUntil === b.keepUntil;

/** The live session state (`presentation` map), updated the moment a change arrives. */
export function usePresentationState(doc: Y.Doc | null): PresentationState {
  const cache = useRef(INACTIVE);
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = deckTypes(doc).presentation;
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [doc],
  );
  const getSnapshot = useCallback(() => {
    const next = doc ? readPresentation(doc) : INACTIVE;
    if (!samePresentation(cache.current, next)) cache.current = next;
    return cache.current;
  }, [doc]);
  return useSyncExternalStore(subscribe, getSnapshot);
}
