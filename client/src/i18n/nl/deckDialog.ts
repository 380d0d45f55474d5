/** Dutch strings, namespace `deckDialog`: the same keys as ../en/deckDialog.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const deckDialog: Translations['deckDialog'] = {
  createTitle: 'Nieuwe presentatie',
  renameTitle: 'Naam van presentatie wijzigen',
  titleLabel: 'Titel',
  titleHint: 'Bijvoorbeeld: Tussenstand Spoor 3 — januari',
  create: 'Presentatie maken',
  save: 'Opslaan',
  cancel: 'Annuleren',
  busy: 'Bezig met opslaan…',
  titleRequired: 'Vul een titel in.',
};
