/** Dutch strings, namespace `language`: the same keys as ../en/language.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const language: Translations['language'] = {
  label: 'Taal',
  nl: 'Nederlands',
  en: 'English',
};
