/** Dutch strings, namespace `print`: the same keys as ../en/print.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const print: Translations['print'] = {
  pageTitle: 'Afdrukken: {{title}}',
  summary_one: '{{count}} dia',
  summary_other: '{{count}} dia’s',
  print: 'Afdrukken',
  slideLabel: 'Dia {{current}} van {{total}}',
  notesLabel: 'Notities bij dia {{current}} van {{total}}',
  notesHeading: 'Sprekersnotities',
  handoutSheet: 'Hand-outpagina {{current}} van {{total}}',
  handoutPage: '{{current}} / {{total}}',
};
