/**
 * The cursor and a slide's title: where "the title" is, and a click on a new slide's empty
 * space that goes to its empty title (as in a slide program: the title is what one writes
 * first). A click on the body's own line still goes to the body.
 */
import { Extension } from '@tiptap/core';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state';

/** The end of the slide's title (its first block, when that is a heading), else the first place text can go. */
export function endOfTitle(doc: ProseMirrorNode): number | null {
  const first = doc.firstChild;
  if (first?.type.name === 'heading') return 1 + first.content.size;
  return Selection.findFrom(doc.resolve(0), 1, true)?.from ?? null;
}

/** An empty title at the top of the slide, or null. */
function emptyTitle(doc: ProseMirrorNode): number | null {
  const first = doc.firstChild;
  return first?.type.name === 'heading' && first.content.size === 0 ? 1 : null;
}

export const ClickToEmptyTitle = Extension.create({
  name: 'clickToEmptyTitle',
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('clickToEmptyTitle'),
        props: {
          handleClick(view, _pos, event) {
            // Only a click on the slide's empty space (the editor itself, no block under the
            // pointer): the browser would put the cursor in the nearest line, the body.
            if (event.target !== view.dom) return false;
            // The state may still hold the old cursor: the browser's is read after this handler.
            const title = emptyTitle(view.state.doc);
            if (title === null) return false;
            view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, title)));
            return true;
          },
        },
      }),
    ];
  },
});
