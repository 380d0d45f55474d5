/**
 * The 16:9 box a slide is drawn in, with the deck theme and the slide layout as classes.
 * Canvas and thumbnails both use it, so they can never disagree about how a slide looks;
 * sizes inside are in container units and scale with the box.
 *
 * It also carries the deck's language: `lang` on the box (screen readers and hyphenation
 * read a Dutch slide as Dutch on an English page) and DeckLanguageProvider for everything
 * drawn inside (charts, the renderer's own words), so no view draws a slide in the UI's.
 *
 * And the deck's footer, marking, date, number and logo (DeckChrome.tsx), from the page's
 * DeckChromeProvider: with a footer the body keeps room for it (`slide--with-footer`).
 */
import type { ReactNode } from 'react';
import { hasFooter } from '../../../shared/deckChrome.ts';
import type { DeckLanguage, DeckTheme, SlideLayout } from '../../../shared/deckModel.ts';
import { SlideChrome, useDeckChrome } from '../deck/DeckChrome.tsx';
import { DeckLanguageProvider } from '../deck/DeckLanguage.tsx';

export interface SlideFrameProps {
  theme: DeckTheme;
  layout: SlideLayout;
  /** The deck's language (`readMeta(doc).language`): what the slide's words are written in. */
  language: DeckLanguage;
  /** The slide's position in the deck, for the footer's slide number. */
  number?: number;
  className?: string;
  children: ReactNode;
}

export function SlideFrame({ theme, layout, language, number, className, children }: SlideFrameProps) {
  const { chrome } = useDeckChrome();
  const footer = hasFooter(chrome) ? ' slide--with-footer' : '';
  const logo = chrome.logo ? ' slide--with-logo' : '';
  return (
    <div className={`slide slide-theme--${theme} slide-layout--${layout}${footer}${logo}${className ? ` ${className}` : ''}`} lang={language}>
      <DeckLanguageProvider language={language}>{children}</DeckLanguageProvider>
      <SlideChrome number={number} language={language} />
    </div>
  );
}
