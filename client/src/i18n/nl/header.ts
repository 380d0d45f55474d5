/** Dutch strings, namespace `header`: the same keys as ../en/header.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const header: Translations['header'] = {
  mainNav: 'Hoofdmenu',
  decks: 'Presentaties',
  trash: 'Prullenbak',
  signedInAs: 'Ingelogd als',
  signOut: 'Uitloggen',
};
