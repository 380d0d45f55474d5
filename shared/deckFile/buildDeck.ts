/** Builds a deck document from a parsed deck file. */
import type * as Y from 'yjs';
import { hasChrome, writeChrome } from '../deckChrome.ts';
import { addSlide, getSlide, setSlideHidden, setSlideTransition, writeMeta } from '../deckModel.ts';
import type { ParsedDeck } from './parseDeck.ts';
import { writeFragment } from './tree.ts';

export function buildDeck(doc: Y.Doc, parsed: ParsedDeck): void {
  doc.transact(() => {
    writeMeta(doc, parsed.meta);
    if (hasChrome(parsed.chrome)) writeChrome(doc, parsed.chrome);
    for (const slide of parsed.slides) {
      const id = addSlide(doc, { layout: slide.layout });
      const view = getSlide(doc, id)!;
      writeFragment(view.content, slide.content);
      writeFragment(view.notes, slide.notes);
      if (slide.hidden) setSlideHidden(doc, id, true);
      if (slide.transition) setSlideTransition(doc, id, slide.transition);
    }
  });
}
