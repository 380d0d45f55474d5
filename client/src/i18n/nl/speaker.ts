/** Dutch strings, namespace `speaker`: the same keys as ../en/speaker.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const speaker: Translations['speaker'] = {
  pageTitle: 'Sprekersweergave: {{title}}',
  heading: 'Sprekersweergave ·',
  previous: 'Vorige',
  next: 'Volgende',
  elapsed: 'Verstreken',
  clock: 'Tijd',
  current: 'Huidige dia ({{number}})',
  nextSlide: 'Volgende dia',
  nextStep: 'Volgende stap ({{step}} van {{steps}})',
  endOfDeck: 'Einde van de presentatie',
  notes: 'Notities',
  noNotes: 'Geen notities bij deze dia.',
  rehearsal: 'repetitie',
  resetTimer: 'Timer op nul',
  keysHint: '← → of Page Up/Down bladeren door de presentatie; het presentatorvenster volgt.',
};
