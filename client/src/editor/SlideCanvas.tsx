/** The selected slide at 16:9, editable in place: the content editor drawn in the deck's theme and the slide's layout. */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { EditorContent, type Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';
import { useSlideFit } from './slideFit.ts';
import type { DeckLanguage, DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { SlideFrame } from './SlideFrame.tsx';
import { MediaPanel } from './MediaPanel.tsx';

export interface SlideCanvasProps {
  editor: Editor | null;
  theme: DeckTheme;
  layout: SlideLayout;
  /** The deck's language (charts on the canvas are drawn in it). */
  language: DeckLanguage;
  /** The slide's position, for the footer's number. */
  number?: number;
}

export function SlideCanvas({ editor, theme, layout, language, number }: SlideCanvasProps) {
  const { t } = useTranslation();
  // The editable body is ProseMirror's element, which exists once EditorContent has mounted the view.
  const [dom, setDom] = useState<HTMLElement | null>(null);
  useEffect(() => {
    if (!editor) return;
    const read = () => {
      try {
        setDom(editor.view.dom as HTMLElement);
      } catch {
        setDom(null); // not mounted yet: 'mount' follows
      }
    };
    read();
    editor.on('mount', read);
    return () => {
      editor.off('mount', read);
    };
  }, [editor]);
  const body = useMemo(() => ({ current: dom }), [dom]);
  const [overfull, setOverfull] = useState(false);
  const onOverfull = useCallback((value: boolean) => setOverfull(value), []);
  useSlideFit(body, onOverfull);
  const [stage, setStage] = useState<HTMLDivElement | null>(null);
  return (
    <div className="stage" ref={setStage}>
      <div className="stage__slide">
        <SlideFrame theme={theme} layout={layout} language={language} number={number} className="slide--canvas">
          <EditorContent editor={editor} className="slide__editor" />
        </SlideFrame>
      </div>
      <MediaPanel editor={editor} body={dom} stage={stage} />
      <p className="stage__overfull" role="status">
        {overfull ? t('editor:overfull') : ''}
      </p>
    </div>
  );
}
