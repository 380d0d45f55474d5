/**
 * What every slide of a deck carries besides its own content, set once for the deck: a
 * footer text, a classification marking, the date, the slide number and a logo. Kept in
 * the deck's meta map (keys below) so it syncs, versions and exports with the deck; drawn
 * by SlideFrame in every view and by the PowerPoint masters.
 *
 * The markings are those a Dutch public body puts on a document (Rijksoverheid's VIR-BI
 * levels, and "intern" for what is not classified but not public either).
 */
import * as Y from 'yjs';
import { deckTypes, type DeckLanguage } from './deckModel.ts';

export const CLASSIFICATIONS = ['none', 'intern', 'vertrouwelijk', 'dep-vertrouwelijk', 'stg-confidentieel'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];

/** The marking as it is printed on a slide, in the deck's language. */
export const CLASSIFICATION_LABELS: Record<Classification, Record<DeckLanguage, string>> = {
  none: { nl: '', en: '' },
  intern: { nl: 'Intern', en: 'Internal' },
  vertrouwelijk: { nl: 'Vertrouwelijk', en: 'Confidential' },
  'dep-vertrouwelijk': { nl: 'Departementaal vertrouwelijk', en: 'Departmental confidential' },
  'stg-confidentieel': { nl: 'Stg. Confidentieel', en: 'State secret – Confidential' },
};

export const MAX_FOOTER_LENGTH = 120;

export interface DeckChrome {
  footerText: string;
  classification: Classification;
  /** The date on every slide: the day it is shown or printed, in the deck's language. */
  footerDate: boolean;
  /** The slide's position in the deck on every slide. */
  slideNumbers: boolean;
  /** An uploaded image of the deck (`/api/images/<id>`), or ''. */
  logo: string;
}

export const NO_CHROME: DeckChrome = { footerText: '', classification: 'none', footerDate: false, slideNumbers: false, logo: '' };

/** The meta keys, one per field (the audience document mirrors exactly these). */
export const CHROME_KEYS = ['footerText', 'classification', 'footerDate', 'slideNumbers', 'logo'] as const satisfies readonly (keyof DeckChrome)[];

/** Only an uploaded image's own address: nothing from elsewhere is fetched for every slide. */
const LOGO_PATH = /^\/api\/images\/[A-Za-z0-9_-]{1,64}$/;

/** Cleans what a file or a peer wrote: unknown markings, other addresses and overlong text do not pass. */
export function cleanChrome(value: Partial<Record<keyof DeckChrome, unknown>>): DeckChrome {
  const text = typeof value.footerText === 'string' ? value.footerText.replace(/\s+/g, ' ').trim().slice(0, MAX_FOOTER_LENGTH) : '';
  const classification = (CLASSIFICATIONS as readonly unknown[]).includes(value.classification) ? (value.classification as Classification) : 'none';
  const logo = typeof value.logo === 'string' && LOGO_PATH.test(value.logo) ? value.logo : '';
  return { footerText: text, classification, footerDate: value.footerDate === true, slideNumbers: value.slideNumbers === true, logo };
}

export function readChrome(doc: Y.Doc): DeckChrome {
  const meta = deckTypes(doc).meta;
  return cleanChrome(Object.fromEntries(CHROME_KEYS.map((key) => [key, meta.get(key)])));
}

export function writeChrome(doc: Y.Doc, patch: Partial<DeckChrome>): void {
  const meta = deckTypes(doc).meta;
  const next = cleanChrome({ ...readChrome(doc), ...patch });
  doc.transact(() => {
    for (const key of CHROME_KEYS) if (meta.get(key) !== next[key]) meta.set(key, next[key]);
  });
}

/** Whether the deck has anything of this at all (a file writes these keys only then). */
export function hasChrome(chrome: DeckChrome): boolean {
  return hasFooter(chrome) || chrome.logo !== '';
}

/** Whether anything is drawn at the foot of a slide (the body then keeps room for it). */
export function hasFooter(chrome: DeckChrome): boolean {
  return chrome.footerText !== '' || chrome.classification !== 'none' || chrome.footerDate || chrome.slideNumbers;
}
