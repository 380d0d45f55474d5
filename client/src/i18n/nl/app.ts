/** Dutch strings, namespace `app`: the same keys as ../en/app.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const app: Translations['app'] = {
  name: 'Tussenstand',
  tagline: 'Tussentijdse presentaties',
  skipToContent: 'Naar de inhoud',
  loading: 'Laden…',
  pageTitle: '{{page}} · Tussenstand',
};
