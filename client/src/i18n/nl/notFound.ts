/** Dutch strings, namespace `notFound`: the same keys as ../en/notFound.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const notFound: Translations['notFound'] = {
  title: 'Pagina niet gevonden',
  text: 'Op dit adres staat geen pagina.',
  home: 'Naar de lijst met presentaties',
};
