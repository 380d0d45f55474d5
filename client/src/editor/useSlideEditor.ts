/**
 * A Tiptap editor bound to one Y.XmlFragment (a slide's content or its notes). A new
 * fragment is a new editor: after an undo brings a deleted slide back, its fragments are new
 * shared types. The accessible name and editability follow their props without rebuilding.
 */
import { useEditor, type Editor } from '@tiptap/react';
import type { EditorProps } from '@tiptap/pm/view';
import { useEffect, useMemo, useRef } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { deckContentExtensions, deckExtensions, type CaretUser } from './editorExtensions.ts';
import { initialContent } from './initialSelection.ts';

export interface SlideEditorOptions {
  fragment: Y.XmlFragment;
  provider: WebsocketProvider;
  user: CaretUser;
  label: string;
  className: string;
  editable: boolean;
  placeholder: (nodeType: string) => string;
  onLinkShortcut?: () => void;
  onToolbarShortcut?: () => void;
  /** Image files pasted or dropped into the editor. */
  onImageFiles?: (files: File[]) => void;
}

function imageFiles(list: FileList | null | undefined): File[] {
  return Array.from(list ?? []).filter((file) => file.type.startsWith('image/'));
}

export function useSlideEditor(options: SlideEditorOptions): Editor | null {
  // Callbacks change every render; the editor is built once per fragment and reads them here.
  const latest = useRef(options);
  latest.current = options;

  const editorProps = (label: string, className: string): EditorProps => ({
    attributes: { class: className, 'aria-label': label, role: 'textbox', 'aria-multiline': 'true', spellcheck: 'true' },
    handlePaste: (_view, event) => {
      const files = imageFiles(event.clipboardData?.files);
      if (files.length === 0 || !latest.current.onImageFiles) return false;
      event.preventDefault();
      latest.current.onImageFiles(files);
      return true;
    },
    handleDrop: (_view, event, _slice, moved) => {
      const files = moved ? [] : imageFiles(event.dataTransfer?.files);
      if (files.length === 0 || !latest.current.onImageFiles) return false;
      event.preventDefault();
      latest.current.onImageFiles(files);
      return true;
    },
  });

  // Read once per fragment: only the editor's construction uses it.
  const startContent = useMemo(() => initialContent(options.fragment, deckContentExtensions), [options.fragment]);

  const editor = useEditor(
    {
      extensions: deckExtensions({
        fragment: options.fragment,
        provider: options.provider,
        user: options.user,
        placeholder: (type) => latest.current.placeholder(type),
        onLinkShortcut: latest.current.onLinkShortcut ? () => latest.current.onLinkShortcut?.() : undefined,
        onToolbarShortcut: latest.current.onToolbarShortcut ? () => latest.current.onToolbarShortcut?.() : undefined,
      }),
      // The slide's own content from the start, so the binding's first render keeps a valid cursor (initialSelection.ts).
      content: startContent,
      editable: options.editable,
      // Built in an effect, not during render: the caret extension writes to awareness when
      // its view is created, and that must not update other components mid-render.
      immediatelyRender: false,
      shouldRerenderOnTransaction: false,
      editorProps: editorProps(options.label, options.className),
    },
    [options.fragment, options.provider, options.user.id, options.user.name, options.user.color],
  );

  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.setOptions({ editorProps: editorProps(options.label, options.className) });
    // editorProps is rebuilt from the two strings; nothing else it reads changes.
  }, [editor, options.label, options.className]);

  useEffect(() => {
    if (editor && !editor.isDestroyed && editor.isEditable !== options.editable) editor.setEditable(options.editable);
  }, [editor, options.editable]);

  return editor;
}
