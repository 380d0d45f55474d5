/**
 * i18next setup: Dutch and English, bundled (no loading). The first language comes from a
 * stored choice, else the browser (nl* → Dutch, anything else → English). Every change is
 * stored and mirrored on <html lang>.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en, NAMESPACES, type Translations } from './en.ts';
import { nl } from './nl.ts';

export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const STORAGE_KEY = 'tussenstand.language';

/**
 * One i18next namespace per top-level section of en.ts. Every call names its namespace:
 * t('viewer:ended'). Unprefixed keys resolve in DEFAULT_NS.
 */
export { NAMESPACES };
export const DEFAULT_NS = 'app';

declare module 'i18next' {
  interface CustomTypeOptions {
    // All namespaces, so `ns:key` is type-checked for each of them with a plain useTranslation();
    // the first one ('app', = DEFAULT_NS) is where unprefixed keys would resolve.
    defaultNS: typeof NAMESPACES;
    resources: Translations;
  }
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

function storedLanguage(): Language | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
}

export function browserLanguage(): Language {
  const preferred = navigator.languages?.[0] ?? navigator.language ?? '';
  return preferred.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The language the app uses now, narrowed to one we ship. */
export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : 'en';
}

export async function setLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
  await i18next.changeLanguage(language);
}

export function initI18n(): typeof i18next {
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = isLanguage(language) ? language : 'en';
  });
  void i18next.use(initReactI18next).init({
    resources: { en, nl },
    ns: [...NAMESPACES],
    defaultNS: DEFAULT_NS,
    lng: storedLanguage() ?? browserLanguage(),
    supportedLngs: [...LANGUAGES],
    fallbackLng: 'en',
    initAsync: false,
    interpolation: { escapeValue: false },
  });
  return i18next;
}
