/**
 * The selected slide: toolbar, canvas and speaker notes, with the link and image dialogs.
 * Keyed by slide by its parent, so switching slides builds fresh editors.
 */
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { setSlideLayout, setSlideTransition, type DeckLanguage, type DeckTheme, type SlideView } from '../../../shared/deckModel.ts';
import { errorMessage } from '../api/errorMessage.ts';
import { isApiRequestError } from '../api/http.ts';
import { checkImageFile, uploadImage } from '../api/images.ts';
import { CHART_SETTINGS_SLOT } from '../charts/ChartBlock.tsx';
import type { CaretUser } from './editorExtensions.ts';
import { ImageDialog } from './ImageDialog.tsx';
import { LinkDialog } from './LinkDialog.tsx';
import { NotesEditor } from './NotesEditor.tsx';
import { SlideCanvas } from './SlideCanvas.tsx';
import { setEditorDeckLanguage } from './imageNode.ts';
import { endOfTitle } from './titleCursor.ts';
import { Toolbar } from './Toolbar.tsx';
import { useSlideEditor } from './useSlideEditor.ts';
import type { SlideUndoApi } from './useSlideUndo.ts';

export interface SlideWorkspaceProps {
  deckId: string;
  doc: Y.Doc;
  provider: WebsocketProvider;
  slide: SlideView;
  number: number;
  theme: DeckTheme;
  /** The deck's language: the canvas draws charts and image boxes in it. */
  language: DeckLanguage;
  user: CaretUser;
  editable: boolean;
  undo: SlideUndoApi;
  /** Receives the focus function of the slide editor (Enter in the sorter). */
  focusRef?: Ref<() => void>;
  /** Focus the editor with the cursor at the end of the slide's title, once. */
  cursorInTitle?: boolean;
  onCursorPlaced?: () => void;
}

export function SlideWorkspace({ deckId, doc, provider, slide, number, theme, language, user, editable, undo, focusRef, cursorInTitle = false, onCursorPlaced }: SlideWorkspaceProps) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<'link' | 'image' | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  // The selection when the link dialog opened: moving focus into a modal dialog can collapse
  // the editor's selection, and the link belongs to what was selected then.
  const focusToolbar = useRef<() => void>(null);
  const linkTarget = useRef<{ from: number; to: number; doc: ProseMirrorNode } | null>(null);

  const editor = useSlideEditor({
    fragment: slide.content,
    provider,
    user,
    editable,
    label: t('editor:canvas', { number }),
    className: 'slide__body',
    placeholder: (type) => (type === 'heading' ? t('editor:placeholderTitle') : t('editor:placeholderText')),
    onLinkShortcut: () => openLink(),
    onToolbarShortcut: () => focusToolbar.current?.(),
    onImageFiles: (files) => void insertFiles(files),
  });

  // Before SlideCanvas mounts the view (the editor is built in an effect, the view when
  // EditorContent mounts): image boxes on the slide are drawn in the deck's language.
  if (editor) setEditorDeckLanguage(editor, language);

  useImperativeHandle(focusRef, () => () => void editor?.commands.focus(), [editor]);

  // The view is mounted by now (EditorContent mounts it before this parent's effects run) and
  // holds the slide's content from its first render (initialSelection.ts).
  useEffect(() => {
    if (!cursorInTitle || !editor || editor.isDestroyed) return;
    const place = () => {
      editor.off('create', place);
      const at = endOfTitle(editor.state.doc);
      if (at !== null) editor.commands.focus(at);
      onCursorPlaced?.();
    };
    if (editor.isInitialized) place();
    else editor.on('create', place);
    return () => {
      editor.off('create', place);
    };
  }, [cursorInTitle, editor, onCursorPlaced]);

  async function insertFiles(files: File[]) {
    setProblem(null);
    for (const file of files) {
      const check = checkImageFile(file);
      if (check) {
        setProblem(t(`editor:image.${check}`));
        continue;
      }
      try {
        const image = await uploadImage(deckId, file);
        editor?.chain().focus().setImage({ src: image.url, alt: '' }).run();
      } catch (err) {
        const serverSaid = isApiRequestError(err) && (err.status === 413 || err.status === 415);
        setProblem(t('editor:image.failed', { message: serverSaid ? err.message : errorMessage(t, err) }));
      }
    }
  }

  function openLink() {
    if (editor) {
      const { from, to } = editor.state.selection;
      linkTarget.current = { from, to, doc: editor.state.doc };
    }
    setDialog('link');
  }

  const currentHref = (): string => {
    const href: unknown = editor?.getAttributes('link').href;
    return typeof href === 'string' ? href : '';
  };

  return (
    <div className="workspace">
      <Toolbar
        focusRef={focusToolbar}
        theme={theme}
        editor={editor}
        editable={editable}
        layout={slide.layout}
        onLayout={(layout) => undo.run(() => setSlideLayout(doc, slide.id, layout))}
        transition={slide.transition}
        onTransition={(transition) => undo.run(() => setSlideTransition(doc, slide.id, transition))}
        onLink={openLink}
        onImage={() => setDialog('image')}
      />
      {problem && (
        <p className="workspace__problem message message--error" role="alert">
          {problem}
        </p>
      )}
      <div className="workspace__main">
        <SlideCanvas editor={editor} theme={theme} layout={slide.layout} language={language} number={number} />
        {/* The selected chart's settings (ChartBlock.tsx portals them here): beside the slide, never over it. */}
        <div className="workspace__side" {...{ [CHART_SETTINGS_SLOT]: '' }} />
      </div>
      <NotesEditor fragment={slide.notes} provider={provider} user={user} number={number} editable={editable} />
      {dialog === 'link' && editor && (
        <LinkDialog
          initialHref={currentHref()}
          onClose={() => {
            setDialog(null);
            editor.commands.focus();
          }}
          onRemove={() => {
            setDialog(null);
            const saved = linkTarget.current;
            const chain = editor.chain().focus();
            if (saved && saved.doc === editor.state.doc) chain.setTextSelection({ from: saved.from, to: saved.to });
            chain.extendMarkRange('link').unsetLink().run();
          }}
          onApply={(href) => {
            setDialog(null);
            const saved = linkTarget.current;
            // Unless someone changed the slide meanwhile (then the editor's own, mapped selection counts).
            const range = saved && saved.doc === editor.state.doc ? saved : editor.state.selection;
            const chain = editor.chain().focus().setTextSelection({ from: range.from, to: range.to });
            if (range.from === range.to && !editor.isActive('link')) {
              // Nothing selected: the address itself becomes the linked text.
              chain.insertContent({ type: 'text', text: href.replace(/^mailto:/, ''), marks: [{ type: 'link', attrs: { href } }] }).run();
            } else {
              chain.extendMarkRange('link').setLink({ href }).run();
            }
          }}
        />
      )}
      {dialog === 'image' && editor && (
        <ImageDialog
          deckId={deckId}
          onClose={() => {
            setDialog(null);
            editor.commands.focus();
          }}
          onInserted={(image, alt, decorative) => {
            setDialog(null);
            editor.chain().focus().insertContent({ type: 'image', attrs: { src: image.url, alt, decorative: decorative || null } }).run();
          }}
        />
      )}
    </div>
  );
}
