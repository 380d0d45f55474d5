/** Speaker notes of the selected slide: a second collaborative editor, bound to the slide's notes fragment. */
import { EditorContent } from '@tiptap/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { CaretUser } from './editorExtensions.ts';
import { useSlideEditor } from './useSlideEditor.ts';

export interface NotesEditorProps {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: CaretUser;
  number: number;
  editable: boolean;
}

export function NotesEditor({ fragment, provider, user, number, editable }: NotesEditorProps) {
  const { t } = useTranslation();
  const headingId = useId();
  const editor = useSlideEditor({
    fragment,
    provider,
    user,
    editable,
    label: t('editor:notesLabel', { number }),
    className: 'notes__body',
    placeholder: () => t('editor:placeholderNotes'),
  });
  return (
    <section className="notes" aria-labelledby={headingId}>
      <h2 id={headingId} className="notes__title">
        {t('editor:notes')}
      </h2>
      <EditorContent editor={editor} className="notes__editor" />
    </section>
  );
}
