/** Dutch strings, namespace `errors`: the same keys as ../en/errors.ts (the type enforces it). */
import type { Translations } from '../en.ts';

export const errors: Translations['errors'] = {
  network: 'De server is niet bereikbaar. Controleer je verbinding en probeer het opnieuw.',
  notFound: 'Niet gevonden.',
  forbidden: 'Je mag dit niet doen.',
  validation: 'Controleer wat je hebt ingevuld.',
  server: 'Er ging iets mis op de server. Probeer het later opnieuw.',
  unknown: 'Er ging iets mis.',
};
