/** Edits on a deck document the way an editor's typing would make them. */
import * as Y from 'yjs';
import { listSlides } from '../../shared/deckModel.ts';
import { fragmentText } from '../../shared/slideContent.ts';

function firstText(node: Y.XmlFragment | Y.XmlElement): Y.XmlText | null {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) return child;
    if (child instanceof Y.XmlElement) {
      const found = firstText(child);
      if (found) return found;
    }
  }
  return null;
}

/** Appends `text` to the first text run of slide `index` (one Yjs update per call). */
export function typeInto(doc: Y.Doc, index: number, text: string): void {
  const slide = listSlides(doc)[index];
  if (!slide) throw new Error(`no slide ${index}`);
  const target = firstText(slide.content);
  if (!target) throw new Error(`slide ${index} has no text`);
  target.insert(target.length, text);
}

export function slideText(doc: Y.Doc, index: number): string {
  const slide = listSlides(doc)[index];
  return slide ? fragmentText(slide.content) : '';
}

/** Everything a user would see of the deck, for comparing two documents. */
export function deckSnapshot(doc: Y.Doc): unknown {
  return {
    meta: doc.getMap('meta').toJSON(),
    slides: listSlides(doc).map((s) => ({ id: s.id, layout: s.layout, content: s.content.toString(), notes: s.notes.toString() })),
  };
}
