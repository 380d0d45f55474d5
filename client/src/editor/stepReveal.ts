/**
 * "Reveal step by step" on a bullet or ordered list: the list node's `reveal` attribute
 * (`'step'` or none, shared/stepReveal.ts). Declared here so y-prosemirror keeps it; drawn
 * as `data-reveal="step"` on the list, which the editor shows with numbered step badges
 * (stepReveal.css) and the presenter turns into reveal.js fragments.
 */
import { Extension } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { LIST_NODES, STEP_REVEAL, STEP_REVEAL_ATTR } from '../../../shared/stepReveal.ts';
import './stepReveal.css';

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    stepReveal: {
      /** Marks the list around the cursor (the innermost) as revealed step by step, or not. */
      toggleStepReveal: () => ReturnType;
    };
  }
}

/** The innermost list around the selection's start: its position and whether it is a step list. */
export function listAtSelection(state: EditorState): { pos: number; step: boolean } | null {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    const node = $from.node(depth);
    if ((LIST_NODES as readonly string[]).includes(node.type.name)) return { pos: $from.before(depth), step: node.attrs[STEP_REVEAL_ATTR] === STEP_REVEAL };
  }
  return null;
}

export const StepReveal = Extension.create({
  name: 'stepReveal',
  addGlobalAttributes() {
    return [
      {
        types: [...LIST_NODES],
        attributes: {
          [STEP_REVEAL_ATTR]: {
            default: null,
            parseHTML: (element: HTMLElement) => (element.getAttribute('data-reveal') === STEP_REVEAL ? STEP_REVEAL : null),
            renderHTML: (attributes: Record<string, unknown>) => (attributes[STEP_REVEAL_ATTR] === STEP_REVEAL ? { 'data-reveal': STEP_REVEAL } : {}),
          },
        },
      },
    ];
  },
  addCommands() {
    return {
      toggleStepReveal:
        () =>
        ({ state, tr, dispatch }) => {
          const list = listAtSelection(state);
          if (!list) return false;
          if (dispatch) tr.setNodeAttribute(list.pos, STEP_REVEAL_ATTR, list.step ? null : STEP_REVEAL);
          return true;
        },
    };
  },
});
