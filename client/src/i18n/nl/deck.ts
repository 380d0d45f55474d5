/** Dutch strings, namespace `deck`: the same keys as ../en/deck.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const deck: Translations['deck'] = {
  backToList: 'Alle presentaties',
  slides: 'Dia’s',
  slideLabel: 'Dia {{number}}',
  emptySlide: '(lege dia)',
  noSlides: 'Deze presentatie heeft nog geen dia’s.',
  waitingForSlides: 'De dia’s worden geladen…',
  notFound: 'Presentatie niet gevonden',
  notFoundText: 'Deze presentatie bestaat niet of staat in de prullenbak.',
  closedTitle: 'De verbinding is verbroken',
  closedCode: 'Code {{code}}: {{reason}}',
  signInAgain: 'Opnieuw inloggen',
};
