/**
 * Server validation messages (English, from zod and the research service) as sentences for
 * the user, in the page's language. A message we do not recognise is shown as the server
 * wrote it rather than hidden.
 */
import type { TFunction } from 'i18next';
import type { CollectionName } from '../../../shared/research.ts';
import { VIEWS } from './collections.ts';

export type ErrorMode = 'form' | 'csv';

/** `field` is a record field or, in CSV mode, a column name (`organisation`). */
export function fieldErrorText(t: TFunction, collection: CollectionName, field: string, message: string, mode: ErrorMode): string {
  if (message === 'already exists') return t('research:errors.exists');
  if (/municipalities only/i.test(message)) return t('research:errors.municipalityOnly');
  if (message === 'no such organisation') return t('research:errors.noSuchOrganisation');
  const unknown = /^unknown organisation "(.*)"$/s.exec(message);
  if (unknown) return t('research:errors.unknownOrganisation', { name: unknown[1] ?? '' });
  if (message === 'a presentation needs an audience') return t('research:errors.audience');

  const name = field === 'organisation' ? 'organisationId' : field;
  const spec = VIEWS[collection].fields.find((f) => f.name === name);
  if (!spec) return message;
  if (message === 'required' && spec.kind.type !== 'text') return t('research:errors.required');
  switch (spec.kind.type) {
    case 'date':
      return t('research:errors.date');
    case 'organisation':
      return mode === 'csv' && message === 'required' ? t('research:errors.required') : t('research:errors.organisation');
    case 'int':
      return t('research:errors.staff');
    case 'track':
      return t('research:errors.track');
    case 'enum':
      return mode === 'csv' ? t('research:errors.useOneOf', { values: spec.kind.values.join(', ') }) : t('research:errors.choose');
    case 'text':
      if (spec.name === 'name') return t('research:errors.name');
      if (spec.name === 'subject') return t('research:errors.subject');
      return message === 'required' ? t('research:errors.required') : t('research:errors.text');
  }
}
