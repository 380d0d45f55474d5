import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, deleteSlide, duplicateSlide, getSlide, moveSlide, setSlideLayout, slideIds } from '../../../shared/deckModel.ts';
import { fragmentText, heading, paragraph } from '../../../shared/slideContent.ts';
import { createSlideUndo } from './slideUndo.ts';

function deck(n: number): { doc: Y.Doc; ids: string[] } {
  const doc = new Y.Doc();
  const ids = Array.from({ length: n }, (_, i) => addSlide(doc, { content: [heading(2, `Dia ${i + 1}`)] }));
  return { doc, ids };
}

const texts = (doc: Y.Doc): string[] => slideIds(doc).map((id) => fragmentText(getSlide(doc, id)!.content));

describe('slide undo', () => {
  test('undoes and redoes add, duplicate, delete, move and layout as separate steps', () => {
    const { doc, ids } = deck(3);
    const undo = createSlideUndo(doc, () => null);
    expect(undo.canUndo()).toBe(false);

    undo.run(() => addSlide(doc, { content: [paragraph('nieuw')] }, 1));
    undo.run(() => duplicateSlide(doc, ids[0]!));
    undo.run(() => deleteSlide(doc, ids[2]!));
    undo.run(() => moveSlide(doc, ids[1]!, 0));
    undo.run(() => setSlideLayout(doc, ids[0]!, 'quote'));
    expect(texts(doc)).toEqual(['Dia 2', 'Dia 1', 'Dia 1', 'nieuw']);
    expect(getSlide(doc, ids[0]!)!.layout).toBe('quote');

    undo.undo();
    expect(getSlide(doc, ids[0]!)!.layout).toBe('title-content');
    undo.undo();
    expect(texts(doc)).toEqual(['Dia 1', 'Dia 1', 'nieuw', 'Dia 2']);
    undo.undo();
    expect(texts(doc)).toEqual(['Dia 1', 'Dia 1', 'nieuw', 'Dia 2', 'Dia 3']);
    undo.undo();
    undo.undo();
    expect(texts(doc)).toEqual(['Dia 1', 'Dia 2', 'Dia 3']);
    expect(undo.canUndo()).toBe(false);

    undo.redo();
    undo.redo();
    undo.redo();
    expect(texts(doc)).toEqual(['Dia 1', 'Dia 1', 'nieuw', 'Dia 2']);
  });

  test('a deleted slide comes back with its content, and the selection is restored', () => {
    const { doc, ids } = deck(2);
    let selected: string | null = ids[1]!;
    const undo = createSlideUndo(doc, () => selected);
    const restored: (string | null)[] = [];
    undo.subscribe((id) => restored.push(id));
    undo.run(() => deleteSlide(doc, ids[1]!));
    selected = ids[0]!;
    undo.undo();
    expect(texts(doc)).toEqual(['Dia 1', 'Dia 2']);
    expect(restored.at(-1)).toBe(ids[1]);
  });

  test('never undoes a collaborator’s change or text typed into a slide', () => {
    const { doc, ids } = deck(2);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    const undo = createSlideUndo(doc, () => null);

    undo.run(() => addSlide(doc, { content: [paragraph('mijn dia')] }));
    // A collaborator adds a slide; it arrives with the provider's origin.
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    addSlide(other, { content: [paragraph('hun dia')] });
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other), 'remote');
    // Text typed into a slide by this user comes with the editor's own origin.
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph');
      const text = new Y.XmlText();
      getSlide(doc, ids[0]!)!.content.insert(1, [p]);
      p.insert(0, [text]);
      text.insert(0, 'getypt');
    }, 'y-sync');

    undo.undo();
    expect(texts(doc)).toEqual(['Dia 1\ngetypt', 'Dia 2', 'hun dia']);
    expect(undo.canUndo()).toBe(false);
  });
});
