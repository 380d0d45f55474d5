/**
 * The deck's language (`meta.language`, 'nl' | 'en') for everything drawn *on* a slide:
 * chart titles, category labels, numbers, dates, the renderer's own words. It is not the
 * viewer's interface language — a Dutch deck reads Dutch on an English attendee's phone and
 * in the PDF that headless Chromium (English UI) prints. SlideFrame provides it; every view
 * draws its slides inside SlideFrame, so nothing on a slide needs it passed by hand.
 *
 *   <DeckLanguageProvider language={readMeta(doc).language}>…</DeckLanguageProvider>
 *   const language = useDeckLanguage();   // 'nl' | 'en'
 *
 * Without a provider (a chart drawn outside any slide) it falls back to the UI language.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeckLanguage } from '../../../shared/deckModel.ts';

const DeckLanguageContext = createContext<DeckLanguage | null>(null);

export function DeckLanguageProvider({ language, children }: { language: DeckLanguage; children: ReactNode }) {
  return <DeckLanguageContext.Provider value={language}>{children}</DeckLanguageContext.Provider>;
}

/** The interface language narrowed to a deck language ('nl' or else 'en'). */
export function useUiLanguage(): DeckLanguage {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'nl' ? 'nl' : 'en';
}

/** The language of the deck being drawn; the UI language outside a slide. */
export function useDeckLanguage(): DeckLanguage {
  const deck = useContext(DeckLanguageContext);
  const ui = useUiLanguage();
  return deck ?? ui;
}
