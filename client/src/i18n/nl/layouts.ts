/** Dutch strings, namespace `layouts`: the same keys as ../en/layouts.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const layouts: Translations['layouts'] = {
  title: 'Titeldia',
  'title-content': 'Titel en inhoud',
  'two-columns': 'Twee kolommen',
  section: 'Sectie',
  'chart-text': 'Grafiek en tekst',
  'big-number': 'Groot getal',
  quote: 'Citaat',
};
