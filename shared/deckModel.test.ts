import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import {
  addSlide,
  audienceState,
  beginSession,
  deckTypes,
  deleteSlide,
  duplicateSlide,
  endSession,
  getSlide,
  initDeckDoc,
  listSlides,
  moveSlide,
  readMeta,
  readPresentation,
  slideCount,
  shownSlideIds,
  shownSteps,
  slideIds,
  writePresentation,
} from './deckModel.ts';
import { bulletList, fragmentText, heading, paragraph } from './slideContent.ts';

function deckWith(n: number): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = Array.from({ length: n }, (_, i) => addSlide(doc, { content: [heading(2, `Slide ${i}`)] }));
  return { doc, ids };
}

const titles = (doc: Y.Doc): string[] => listSlides(doc).map((s) => fragmentText(s.content));

/** Exchanges state as a provider would: remote changes carry a non-local origin. */
function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote');
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote');
}

describe('deck model', () => {
  test('a new deck has a title slide with the deck title', () => {
    const doc = new Y.Doc();
    initDeckDoc(doc, { title: 'Tussenstand januari', period: 'januari 2027' });
    expect(slideCount(doc)).toBe(1);
    const slide = listSlides(doc)[0]!;
    expect(slide.layout).toBe('title');
    expect(fragmentText(slide.content)).toBe('Tussenstand januari\njanuari 2027');
    expect(readMeta(doc)).toEqual({ title: 'Tussenstand januari', theme: 'tussenstand', period: 'januari 2027', language: 'nl' });
  });

  test('content builders produce Tiptap-shaped XML', () => {
    const doc = new Y.Doc();
    const id = addSlide(doc, { content: [heading(1, 'Kop'), paragraph('Tekst'), bulletList('een', 'twee')] });
    const content = getSlide(doc, id)!.content;
    // Node names must match ProseMirror's node type names exactly (toString lowercases them).
    expect(content.toArray().map((n) => (n as Y.XmlElement).nodeName)).toEqual(['heading', 'paragraph', 'bulletList']);
    expect((content.get(0) as Y.XmlElement).getAttribute('level')).toBe(1);
    expect(((content.get(2) as Y.XmlElement).get(0) as Y.XmlElement).nodeName).toBe('listItem');
    expect(content.toString()).toBe(
      '<heading level="1">Kop</heading><paragraph>Tekst</paragraph><bulletlist><listitem><paragraph>een</paragraph></listitem><listitem><paragraph>twee</paragraph></listitem></bulletlist>',
    );
  });

  test('reorder moves a slide to the given position', () => {
    const { doc, ids } = deckWith(4);
    moveSlide(doc, ids[0]!, 2);
    expect(slideIds(doc)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
    moveSlide(doc, ids[3]!, 0);
    expect(slideIds(doc)).toEqual([ids[3], ids[1], ids[2], ids[0]]);
    moveSlide(doc, ids[3]!, 99);
    expect(slideIds(doc)).toEqual([ids[1], ids[2], ids[0], ids[3]]);
  });

  test('duplicate copies layout, content and notes right after the original', () => {
    const doc = new Y.Doc();
    const a = addSlide(doc, { layout: 'quote', content: [paragraph('Citaat')], notes: [paragraph('Notitie')] });
    addSlide(doc, { content: [paragraph('Daarna')] });
    const copy = duplicateSlide(doc, a)!;
    expect(slideIds(doc)[1]).toBe(copy);
    const dup = getSlide(doc, copy)!;
    expect(dup.layout).toBe('quote');
    expect(fragmentText(dup.content)).toBe('Citaat');
    expect(fragmentText(dup.notes)).toBe('Notitie');
    // The copy is independent of the original.
    (dup.content.get(0) as Y.XmlElement).insert(0, [new Y.XmlText('x')]);
    expect(fragmentText(getSlide(doc, a)!.content)).toBe('Citaat');
  });

  test('delete is undone by the undo manager, with content', () => {
    const { doc, ids } = deckWith(3);
    const { order, slides } = deckTypes(doc);
    const undo = new Y.UndoManager([order, slides], { captureTimeout: 0 });
    deleteSlide(doc, ids[1]!);
    expect(titles(doc)).toEqual(['Slide 0', 'Slide 2']);
    undo.undo();
    expect(titles(doc)).toEqual(['Slide 0', 'Slide 1', 'Slide 2']);
  });

  test('undo undoes only your own change', () => {
    const a = deckWith(2).doc;
    const b = new Y.Doc();
    sync(a, b);
    const { order, slides } = deckTypes(a);
    const undo = new Y.UndoManager([order, slides], { captureTimeout: 0, trackedOrigins: new Set([null]) });
    addSlide(a, { content: [heading(2, 'Mine')] });
    addSlide(b, { content: [heading(2, 'Theirs')] });
    sync(a, b);
    undo.undo();
    sync(a, b);
    expect(titles(a)).toEqual(['Slide 0', 'Slide 1', 'Theirs']);
    expect(titles(b)).toEqual(titles(a));
  });

  test('concurrent moves of one slide never show it twice', () => {
    const { doc: a, ids } = deckWith(4);
    const b = new Y.Doc();
    sync(a, b);
    moveSlide(a, ids[0]!, 3);
    moveSlide(b, ids[0]!, 1);
    sync(a, b);
    expect(slideIds(a)).toEqual(slideIds(b));
    expect(new Set(slideIds(a)).size).toBe(4);
    expect(slideCount(a)).toBe(4);
  });

  test('a move racing a delete leaves the slide deleted', () => {
    const { doc: a, ids } = deckWith(3);
    const b = new Y.Doc();
    sync(a, b);
    deleteSlide(a, ids[0]!);
    moveSlide(b, ids[0]!, 2);
    sync(a, b);
    expect(slideIds(a)).toEqual([ids[1], ids[2]]);
    expect(slideIds(b)).toEqual(slideIds(a));
  });

  test('presentation state reads defaults and round-trips', () => {
    const doc = new Y.Doc();
    expect(readPresentation(doc)).toEqual({ active: false, slideId: null, fragment: 0, startedAt: null, startedBy: null, endedAt: null, keepUntil: null });
    writePresentation(doc, { active: true, slideId: 'abc', fragment: 2 });
    expect(readPresentation(doc)).toMatchObject({ active: true, slideId: 'abc', fragment: 2 });
  });

  test('[AU3] every slide a running session moves to is recorded as shown; a new session starts empty', () => {
    const doc = new Y.Doc();
    writePresentation(doc, { slideId: 'rehearsed' });
    expect(shownSlideIds(doc)).toEqual(new Set());
    beginSession(doc, { slideId: 'one', startedAt: '2026-12-02T09:00:00.000Z', startedBy: 'Ana' });
    writePresentation(doc, { slideId: 'two' });
    writePresentation(doc, { slideId: 'one' });
    expect(shownSlideIds(doc)).toEqual(new Set(['one', 'two']));
    endSession(doc, { endedAt: '2026-12-02T10:00:00.000Z', keepUntil: '2026-12-03T10:00:00.000Z' });
    expect(audienceState(readPresentation(doc), Date.parse('2026-12-02T12:00:00Z'))).toBe('kept');
    expect(audienceState(readPresentation(doc), Date.parse('2026-12-03T10:00:01Z'))).toBe('ended');
    expect(shownSlideIds(doc)).toEqual(new Set(['one', 'two']));
    beginSession(doc, { slideId: 'three', startedAt: '2026-12-04T09:00:00.000Z', startedBy: 'Ana' });
    expect(shownSlideIds(doc)).toEqual(new Set(['three']));
    expect(audienceState(readPresentation(new Y.Doc()))).toBe('waiting');
  });

  test('[AU12] the most steps of each shown slide on screen so far are recorded; going back a step keeps them; `true` counts as 0', () => {
    const doc = new Y.Doc();
    beginSession(doc, { slideId: 'one', startedAt: '2026-12-02T09:00:00.000Z', startedBy: 'Ana' });
    writePresentation(doc, { fragment: 2 });
    writePresentation(doc, { fragment: 1 });
    writePresentation(doc, { slideId: 'two', fragment: 0 });
    expect(shownSteps(doc)).toEqual(new Map([['one', 2], ['two', 0]]));
    (deckTypes(doc).presentation.get('shown') as Y.Map<unknown>).set('old', true);
    expect(shownSteps(doc).get('old')).toBe(0);
    expect(shownSlideIds(doc)).toEqual(new Set(['one', 'two', 'old']));
  });
});
