/**
 * Where a slide editor's selection starts, so that the collaboration binding's first render
 * never puts a text selection where ProseMirror cannot have one.
 *
 * Why: the binding replaces the editor's initial document with the slide's content and keeps
 * the old selection's positions, clamped, as a TextSelection. An editor built empty has its
 * cursor at 1; on a slide that starts with a chart (or an image), 1 is between two blocks,
 * and ProseMirror warns "TextSelection endpoint not pointing into a node with inline content"
 * on every switch to such a slide. So the editor starts with the slide's own content, and
 * with the cursor at the first place text can go (the plugin below runs before the binding's).
 */
import { Extension, getSchema, type AnyExtension, type Content } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { Plugin, PluginKey, Selection, TextSelection } from '@tiptap/pm/state';
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';

// The schema of slide content, built once: it is the same for every slide.
let contentSchema: Schema | null = null;

/**
 * The slide's content as the editor's first document, or undefined (an empty editor) when the
 * schema cannot read it: the binding's own first render then removes what it cannot represent.
 */
export function initialContent(fragment: Y.XmlFragment, extensions: () => AnyExtension[]): Content | undefined {
  if (fragment.length === 0) return undefined;
  contentSchema ??= getSchema(extensions());
  try {
    const node = contentSchema.nodeFromJSON(yXmlFragmentToProsemirrorJSON(fragment));
    node.check();
    return node.toJSON() as Content;
  } catch {
    return undefined;
  }
}

/** Moves a selection that is not in text (a chart selected at the start) to the first place text can go. */
export const StartInText = Extension.create({
  name: 'startInText',
  // Before Collaboration (1000): plugin views are built in order, and this one must act first.
  priority: 1001,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('startInText'),
        view(view) {
          const { state } = view;
          if (!(state.selection instanceof TextSelection)) {
            const inText = Selection.findFrom(state.doc.resolve(0), 1, true);
            if (inText) view.dispatch(state.tr.setSelection(inText).setMeta('addToHistory', false));
          }
          return {};
        },
      }),
    ];
  },
});
