/** The selected slide at 16:9, editable in place: the content editor drawn in the deck's theme and the slide's layout. */
import { EditorContent, type Editor } from '@tiptap/react';
import type { DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { SlideFrame } from './SlideFrame.tsx';

export interface SlideCanvasProps {
  editor: Editor | null;
  theme: DeckTheme;
  layout: SlideLayout;
}

export function SlideCanvas({ editor, theme, layout }: SlideCanvasProps) {
  return (
    <div className="stage">
      <div className="stage__slide">
        <SlideFrame theme={theme} layout={layout} className="slide--canvas">
          <EditorContent editor={editor} className="slide__editor" />
        </SlideFrame>
      </div>
    </div>
  );
}
