/** A translated sentence for any error an API call can throw. */
import type { TFunction } from 'i18next';
import { isApiRequestError } from './http.ts';

export function errorMessage(t: TFunction, err: unknown): string {
  if (!isApiRequestError(err)) return t('errors:unknown');
  if (err.status === 0) return t('errors:network');
  if (err.status === 400) return t('errors:validation');
  if (err.status === 403) return t('errors:forbidden');
  if (err.status === 404) return t('errors:notFound');
  if (err.status >= 500) return t('errors:server');
  return t('errors:unknown');
}
