/**
 * The deck's footer, marking, date, slide number and logo (shared/deckChrome.ts) for every
 * slide drawn on a page. A page provides it once (from the deck's meta); SlideFrame draws it
 * on each slide, so no view can leave it out and every view draws it the same way.
 *
 * `token` is an attendee's link token: the logo is then fetched with it, as slide images are.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { CLASSIFICATION_LABELS, hasFooter, NO_CHROME, type DeckChrome } from '../../../shared/deckChrome.ts';
import type { DeckLanguage } from '../../../shared/deckModel.ts';
import { LINK_TOKEN_PARAM } from '../../../shared/syncMessages.ts';
import { presentedDate } from '../../../shared/statLabels.ts';

interface ChromeContext {
  chrome: DeckChrome;
  token: string | null;
}

const DeckChromeContext = createContext<ChromeContext>({ chrome: NO_CHROME, token: null });

export function DeckChromeProvider({ chrome, token = null, children }: { chrome: DeckChrome; token?: string | null; children: ReactNode }) {
  return <DeckChromeContext.Provider value={{ chrome, token }}>{children}</DeckChromeContext.Provider>;
}

export function useDeckChrome(): ChromeContext {
  return useContext(DeckChromeContext);
}

/** The footer line and the logo of one slide; nothing when the deck has neither. */
export function SlideChrome({ number, language }: { number?: number; language: DeckLanguage }) {
  const { chrome, token } = useDeckChrome();
  const marking = CLASSIFICATION_LABELS[chrome.classification][language];
  const logo = chrome.logo ? (token ? `${chrome.logo}?${new URLSearchParams({ [LINK_TOKEN_PARAM]: token })}` : chrome.logo) : '';
  return (
    <>
      {logo && <img className="slide__logo" src={logo} alt="" draggable={false} />}
      {hasFooter(chrome) && (
        <div className="slide__footer" data-slide-footer="">
          <span className="slide__footer-text">{chrome.footerText}</span>
          {marking && <span className="slide__marking">{marking}</span>}
          <span className="slide__footer-end">
            {chrome.footerDate && <span className="slide__date">{presentedDate(new Date(), language)}</span>}
            {chrome.slideNumbers && number !== undefined && <span className="slide__number">{number}</span>}
          </span>
        </div>
      )}
    </>
  );
}
