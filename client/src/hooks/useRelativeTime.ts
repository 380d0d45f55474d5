import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRelative } from '../format/time.ts';
import { currentLanguage } from '../i18n/index.ts';
import { useNow } from './useNow.ts';

/** A formatter for "5 minutes ago" / "3 nov 2026 14:05" that re-renders as time passes. */
export function useRelativeTime(): (iso: string) => string {
  const { t, i18n } = useTranslation();
  const now = useNow();
  return useCallback(
    (iso: string) => formatRelative(iso, now, currentLanguage()) ?? t('time:justNow'),
    // i18n changes identity when the language changes, so the phrase follows the language.
    [now, t, i18n],
  );
}
