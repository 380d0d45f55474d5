/**
 * The toolbar toggle "Reveal step by step" for the list around the cursor (stepReveal.ts):
 * pressed when that list is a step list, disabled outside a list. A toolbar button like its
 * neighbours: a tab stop of the roving toolbar, Enter or Space toggles it.
 */
import { useEditorState, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { listAtSelection } from './stepReveal.ts';

function read(editor: Editor | null): { inList: boolean; step: boolean } {
  if (!editor || editor.isDestroyed) return { inList: false, step: false };
  const list = listAtSelection(editor.state);
  return { inList: list !== null, step: list?.step ?? false };
}

export function StepRevealButton({ editor, disabled }: { editor: Editor | null; disabled: boolean }) {
  const { t } = useTranslation();
  const state = useEditorState({ editor, selector: ({ editor: e }) => read(e), equalityFn: (a, b) => a?.inList === b?.inList && a?.step === b?.step }) ?? { inList: false, step: false };
  const label = t('editor:steps.toggle');
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      aria-pressed={state.step}
      title={state.inList ? `${label}: ${t('editor:steps.hint')}` : t('editor:steps.notInList')}
      disabled={disabled || !state.inList}
      onMouseDown={(event) => event.preventDefault()}
      onClick={() => editor?.chain().focus().toggleStepReveal().run()}
    >
      <svg className="icon" viewBox="0 0 24 24" width="20" height="20" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
        <path d="M4 18h4v-4h4v-4h4V6h4M4 6h.01M4 10h.01" />
      </svg>
    </button>
  );
}
