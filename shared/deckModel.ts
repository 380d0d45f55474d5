/**
 * The deck document: one Y.Doc per deck, shared by the editor, presenter, attendee view and
 * server. This module is the only place that knows the names of the document's root types.
 *
 *   meta          Y.Map     title, theme, period, language
 *   slideOrder    Y.Array   slide ids in presentation order
 *   slides        Y.Map     slide id → Y.Map { id, layout, content: Y.XmlFragment, notes: Y.XmlFragment }
 *   presentation  Y.Map     the live session: active, slideId, fragment, startedAt, startedBy,
 *                           shown (Y.Map slide id → the most steps of it on screen so far, a
 *                           number; `true` from before step lists means 0: what this session has
 *                           shown), endedAt,
 *                           keepUntil (the shown slides stay readable for the audience until then)
 *
 * Order is a list of ids rather than a position on each slide so that a reorder is one
 * small change. Two people moving the same slide at once can leave its id twice in the
 * list, and a move racing a delete can leave an id without a slide; readers therefore go
 * through slideIds(), which keeps the first occurrence of each id that still has a slide.
 */
import * as Y from 'yjs';
import { appendBlocks, heading, paragraph, type Block } from './slideContent.ts';

export const SLIDE_LAYOUTS = ['title', 'title-content', 'two-columns', 'section', 'chart-text', 'big-number', 'quote'] as const;
export type SlideLayout = (typeof SLIDE_LAYOUTS)[number];
export const DECK_THEMES = ['tussenstand', 'rijk', 'noord', 'grafiet', 'nacht', 'contrast'] as const;
export type DeckTheme = (typeof DECK_THEMES)[number];
export const DECK_LANGUAGES = ['nl', 'en'] as const;
export type DeckLanguage = (typeof DECK_LANGUAGES)[number];
/** How a slide comes on screen when presenting (reveal.js transitions); none stored: the app's default. */
export const SLIDE_TRANSITIONS = ['none', 'fade', 'slide', 'zoom'] as const;
export type SlideTransition = (typeof SLIDE_TRANSITIONS)[number];
export const isSlideTransition = (value: unknown): value is SlideTransition => typeof value === 'string' && (SLIDE_TRANSITIONS as readonly string[]).includes(value);

export interface DeckMeta {
  title: string;
  theme: DeckTheme;
  period: string;
  language: DeckLanguage;
}

export interface PresentationState {
  active: boolean;
  slideId: string | null;
  fragment: number;
  startedAt: string | null;
  startedBy: string | null;
  /** When the last session ended (null while one runs, or before the first). */
  endedAt: string | null;
  /** Until when the audience may still read the slides shown, after the session ended. */
  keepUntil: string | null;
}

/**
 * What an audience link shows, derived from the presentation state (the server decides what
 * an attendee receives from this, see docs/sync-spec.md [AU1]–[AU8]):
 * - waiting: no session has run yet; title and label only;
 * - live: a session runs; the slides it has shown;
 * - kept: the session ended and the presenter kept its slides available until `keepUntil`;
 * - ended: the session ended; nothing.
 */
export type AudienceState = 'waiting' | 'live' | 'kept' | 'ended';

export function audienceState(p: PresentationState, now: number = Date.now()): AudienceState {
  if (p.active) return 'live';
  if (p.startedAt === null) return 'waiting';
  if (p.keepUntil !== null && Date.parse(p.keepUntil) > now) return 'kept';
  return 'ended';
}

export interface SlideView {
  id: string;
  layout: SlideLayout;
  content: Y.XmlFragment;
  notes: Y.XmlFragment;
  /** Skipped when presenting and left out of the PDF, HTML and handouts; greyed in the sorter. */
  hidden: boolean;
  /** How the slide comes on screen when presenting; null: the presenter's default. */
  transition: SlideTransition | null;
}

export interface DeckTypes {
  meta: Y.Map<unknown>;
  order: Y.Array<string>;
  slides: Y.Map<Y.Map<unknown>>;
  presentation: Y.Map<unknown>;
}

export function deckTypes(doc: Y.Doc): DeckTypes {
  return {
    meta: doc.getMap('meta'),
    order: doc.getArray<string>('slideOrder'),
    slides: doc.getMap<Y.Map<unknown>>('slides'),
    presentation: doc.getMap('presentation'),
  };
}

/** A fresh random slide id (url-safe, 10 characters). */
export function newSlideId(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'[b & 63]).join('').slice(0, 10);
}

/** Slide ids in order: first occurrence of each id that still has a slide. */
export function slideIds(doc: Y.Doc): string[] {
  const { order, slides } = deckTypes(doc);
  const seen = new Set<string>();
  const ids: string[] = [];
  for (const id of order.toArray()) {
    if (typeof id !== 'string' || seen.has(id) || !(slides.get(id) instanceof Y.Map)) continue;
    seen.add(id);
    ids.push(id);
  }
  return ids;
}

export function slideCount(doc: Y.Doc): number {
  return slideIds(doc).length;
}

function isLayout(value: unknown): value is SlideLayout {
  return typeof value === 'string' && (SLIDE_LAYOUTS as readonly string[]).includes(value);
}

export function getSlide(doc: Y.Doc, id: string): SlideView | null {
  const slide = deckTypes(doc).slides.get(id);
  if (!(slide instanceof Y.Map)) return null;
  const content = slide.get('content');
  const notes = slide.get('notes');
  if (!(content instanceof Y.XmlFragment) || !(notes instanceof Y.XmlFragment)) return null;
  const layout = slide.get('layout');
  return { id, layout: isLayout(layout) ? layout : 'title-content', content, notes, hidden: slide.get('hidden') === true, transition: isSlideTransition(slide.get('transition')) ? (slide.get('transition') as SlideTransition) : null };
}

export function listSlides(doc: Y.Doc): SlideView[] {
  return slideIds(doc).flatMap((id) => getSlide(doc, id) ?? []);
}

export interface NewSlide {
  layout?: SlideLayout;
  content?: Block[];
  notes?: Block[];
}

function makeSlideMap(id: string, layout: SlideLayout): Y.Map<unknown> {
  const slide = new Y.Map<unknown>();
  slide.set('id', id);
  slide.set('layout', layout);
  slide.set('content', new Y.XmlFragment());
  slide.set('notes', new Y.XmlFragment());
  return slide;
}

/** Inserts a slide at `index` (default: the end) and returns its id. */
export function addSlide(doc: Y.Doc, spec: NewSlide = {}, index?: number): string {
  const id = newSlideId();
  doc.transact(() => {
    const { order, slides } = deckTypes(doc);
    const slide = makeSlideMap(id, spec.layout ?? 'title-content');
    slides.set(id, slide);
    const at = index === undefined ? order.length : Math.max(0, Math.min(index, order.length));
    order.insert(at, [id]);
    if (spec.content) appendBlocks(slide.get('content') as Y.XmlFragment, spec.content);
    if (spec.notes) appendBlocks(slide.get('notes') as Y.XmlFragment, spec.notes);
  });
  return id;
}

/** The position of a slide in the raw order array (first occurrence), or -1. */
function rawIndex(order: Y.Array<string>, id: string): number {
  return order.toArray().indexOf(id);
}

/** Copies a slide (layout, content and notes) right after the original; returns the copy's id. */
export function duplicateSlide(doc: Y.Doc, id: string): string | null {
  const original = getSlide(doc, id);
  if (!original) return null;
  const copyId = newSlideId();
  doc.transact(() => {
    const { order, slides } = deckTypes(doc);
    const slide = new Y.Map<unknown>();
    slide.set('id', copyId);
    slide.set('layout', original.layout);
    if (original.transition) slide.set('transition', original.transition);
    const content = new Y.XmlFragment();
    const notes = new Y.XmlFragment();
    slide.set('content', content);
    slide.set('notes', notes);
    slides.set(copyId, slide);
    content.insert(0, original.content.toArray().map((n) => n.clone() as Y.XmlElement));
    notes.insert(0, original.notes.toArray().map((n) => n.clone() as Y.XmlElement));
    order.insert(rawIndex(order, id) + 1, [copyId]);
  });
  return copyId;
}

/** Removes a slide and every stray copy of its id in the order. Undoable through a Y.UndoManager. */
export function deleteSlide(doc: Y.Doc, id: string): boolean {
  const { order, slides } = deckTypes(doc);
  if (!slides.has(id)) return false;
  doc.transact(() => {
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
    slides.delete(id);
  });
  return true;
}

/** Moves a slide so that it ends up at `toIndex` among the visible slides. */
export function moveSlide(doc: Y.Doc, id: string, toIndex: number): boolean {
  const visible = slideIds(doc);
  const from = visible.indexOf(id);
  if (from < 0) return false;
  const target = Math.max(0, Math.min(toIndex, visible.length - 1));
  if (target === from) return true;
  doc.transact(() => {
    const { order } = deckTypes(doc);
    const ids = order.toArray();
    for (let i = ids.length - 1; i >= 0; i--) if (ids[i] === id) order.delete(i, 1);
    const without = visible.filter((v) => v !== id);
    // Insert before the slide that will follow it, or after the one that will precede it.
    const next = without[target];
    const at = next === undefined ? order.length : rawIndex(order, next);
    order.insert(at, [id]);
  });
  return true;
}

/** Hides a slide from presenting and from the PDF/HTML exports, or shows it again. */
export function setSlideHidden(doc: Y.Doc, id: string, hidden: boolean): void {
  const slide = deckTypes(doc).slides.get(id);
  if (!(slide instanceof Y.Map)) return;
  if (hidden) slide.set('hidden', true);
  else if (slide.has('hidden')) slide.delete('hidden');
}

/** Sets how a slide comes on screen when presenting; null goes back to the default. */
export function setSlideTransition(doc: Y.Doc, id: string, transition: SlideTransition | null): void {
  const slide = deckTypes(doc).slides.get(id);
  if (!(slide instanceof Y.Map)) return;
  if (transition) {
    if (slide.get('transition') !== transition) slide.set('transition', transition);
  } else if (slide.has('transition')) slide.delete('transition');
}

export function setSlideLayout(doc: Y.Doc, id: string, layout: SlideLayout): void {
  const slide = deckTypes(doc).slides.get(id);
  if (slide instanceof Y.Map) slide.set('layout', layout);
}

export function readMeta(doc: Y.Doc): DeckMeta {
  const meta = deckTypes(doc).meta;
  const theme = meta.get('theme');
  const language = meta.get('language');
  return {
    title: typeof meta.get('title') === 'string' ? (meta.get('title') as string) : '',
    theme: (DECK_THEMES as readonly unknown[]).includes(theme) ? (theme as DeckTheme) : 'tussenstand',
    period: typeof meta.get('period') === 'string' ? (meta.get('period') as string) : '',
    language: (DECK_LANGUAGES as readonly unknown[]).includes(language) ? (language as DeckLanguage) : 'nl',
  };
}

export function writeMeta(doc: Y.Doc, patch: Partial<DeckMeta>): void {
  const meta = deckTypes(doc).meta;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined && meta.get(key) !== value) meta.set(key, value);
  });
}

export function readPresentation(doc: Y.Doc): PresentationState {
  const p = deckTypes(doc).presentation;
  const str = (key: string): string | null => (typeof p.get(key) === 'string' ? (p.get(key) as string) : null);
  const fragment = p.get('fragment');
  const keepUntil = str('keepUntil');
  return {
    active: p.get('active') === true,
    slideId: str('slideId'),
    fragment: typeof fragment === 'number' && Number.isInteger(fragment) ? fragment : 0,
    startedAt: str('startedAt'),
    startedBy: str('startedBy'),
    endedAt: str('endedAt'),
    keepUntil: keepUntil !== null && Number.isFinite(Date.parse(keepUntil)) ? keepUntil : null,
  };
}

/** The slides the current (or last) session has shown, as a set of ids (in no order). */
export function shownSlideIds(doc: Y.Doc): Set<string> {
  const shown = deckTypes(doc).presentation.get('shown');
  return new Set(shown instanceof Y.Map ? [...shown.keys()] : []);
}

/**
 * For each slide the current (or last) session has shown, the most steps of its step lists
 * that were on screen at once ([AU12]); 0 for a slide shown without any.
 */
export function shownSteps(doc: Y.Doc): Map<string, number> {
  const shown = deckTypes(doc).presentation.get('shown');
  const out = new Map<string, number>();
  if (!(shown instanceof Y.Map)) return out;
  for (const [id, value] of shown.entries()) out.set(id, typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);
  return out;
}

/**
 * Changes the presentation state. While a session runs, every slide it moves to is recorded
 * as shown, in the same transaction: the audience may read exactly those ([AU3]), and every
 * way of moving (presenter, speaker view, the start route) goes through here. With the slide
 * goes the most steps of it on screen so far ([AU12]): going back a step does not lower it.
 */
export function writePresentation(doc: Y.Doc, patch: Partial<PresentationState>): void {
  const p = deckTypes(doc).presentation;
  doc.transact(() => {
    for (const [key, value] of Object.entries(patch)) if (value !== undefined && p.get(key) !== value) p.set(key, value);
    const { active, slideId, fragment } = readPresentation(doc);
    if (!active || slideId === null) return;
    let shown = p.get('shown');
    if (!(shown instanceof Y.Map)) {
      shown = new Y.Map<number>();
      p.set('shown', shown);
    }
    const map = shown as Y.Map<number | true>;
    const had = map.get(slideId);
    const reached = typeof had === 'number' && Number.isInteger(had) && had > 0 ? had : 0;
    if (!map.has(slideId) || fragment > reached) map.set(slideId, Math.max(0, fragment, reached));
  });
}

/** A new session: nothing has been shown yet, and nothing is kept from the last one. */
export function beginSession(doc: Y.Doc, start: { slideId: string | null; startedAt: string; startedBy: string }): void {
  const p = deckTypes(doc).presentation;
  doc.transact(() => {
    p.set('shown', new Y.Map<number>());
    p.set('keepUntil', null);
    p.set('endedAt', null);
    writePresentation(doc, { active: true, slideId: start.slideId, fragment: 0, startedAt: start.startedAt, startedBy: start.startedBy });
  });
}

/** Ends the session; its slides stay readable for the audience until `keepUntil` (or not at all). */
export function endSession(doc: Y.Doc, end: { endedAt: string; keepUntil: string | null }): void {
  const p = deckTypes(doc).presentation;
  doc.transact(() => {
    p.set('active', false);
    p.set('endedAt', end.endedAt);
    p.set('keepUntil', end.keepUntil);
  });
}

/** A new deck is not empty: it starts with a title slide carrying the deck's title. */
export function initDeckDoc(doc: Y.Doc, meta: Partial<DeckMeta> & { title: string }): void {
  doc.transact(() => {
    writeMeta(doc, { theme: 'tussenstand', language: 'nl', period: '', ...meta });
    addSlide(doc, {
      layout: 'title',
      content: [heading(1, meta.title), ...(meta.period ? [paragraph(meta.period)] : [])],
    });
  });
}

/** The whole document as one update, for storing a freshly built deck. */
export function buildDeckUpdate(build: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  build(doc);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}
