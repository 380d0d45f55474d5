/** Dutch strings, namespace `importDeck`: the same keys as ../en/importDeck.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const importDeck: Translations['importDeck'] = {
  open: 'Importeren',
  title: 'Presentatie importeren',
  intro: 'Een Markdown-bestand in het Tussenstand-formaat, of een presentatie uit reveal.js (HedgeDoc), Slidev of Marp. Er komt een nieuwe presentatie van.',
  file: 'Markdown-bestand',
  fileHint: 'Een .md-bestand van hoogstens 1 MB.',
  noFile: 'Kies een bestand.',
  tooLarge: 'Het bestand is groter dan 1 MB; groter mag een presentatiebestand niet zijn.',
  wrongType: 'Alleen Markdown-bestanden (.md) kunnen worden geïmporteerd.',
  notADeck: 'Dit bestand kan niet worden geïmporteerd: {{message}}',
  reasons: {
    empty: 'het bestand is leeg.',
    binary: 'dit is geen tekstbestand.',
    noContent: 'geen van de dia’s heeft inhoud.',
  },
  submit: 'Importeren',
  busy: 'Bezig met importeren…',
  cancel: 'Annuleren',
};
