/**
 * The 16:9 box a slide is drawn in, with the deck theme and the slide layout as classes.
 * Canvas and thumbnails both use it, so they can never disagree about how a slide looks;
 * sizes inside are in container units and scale with the box.
 *
 * It also carries the deck's language: `lang` on the box (screen readers and hyphenation
 * read a Dutch slide as Dutch on an English page) and DeckLanguageProvider for everything
 * drawn inside (charts, the renderer's own words), so no view draws a slide in the UI's.
 */
import type { ReactNode } from 'react';
import type { DeckLanguage, DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { DeckLanguageProvider } from '../deck/DeckLanguage.tsx';

export interface SlideFrameProps {
  theme: DeckTheme;
  layout: SlideLayout;
  /** The deck's language (`readMeta(doc).language`): what the slide's words are written in. */
  language: DeckLanguage;
  className?: string;
  children: ReactNode;
}

export function SlideFrame({ theme, layout, language, className, children }: SlideFrameProps) {
  return (
    <div className={`slide slide-theme--${theme} slide-layout--${layout}${className ? ` ${className}` : ''}`} lang={language}>
      <DeckLanguageProvider language={language}>{children}</DeckLanguageProvider>
    </div>
  );
}
