/**
 * Time phrases for the deck list: relative within a week ("5 minutes ago", "gisteren"),
 * else a date and time in the user's language.
 */
import type { Language } from '../i18n/index.ts';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatDateTime(iso: string, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** Returns null for "just now" (under a minute), so the caller can use its own phrase. */
export function formatRelative(iso: string, now: number, language: Language): string | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return '';
  const diff = then - now;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return null;
  if (abs >= 7 * DAY) return formatDateTime(iso, language);
  const rtf = new Intl.RelativeTimeFormat(LOCALES[language], { numeric: 'auto' });
  if (abs < HOUR) return rtf.format(Math.round(diff / MINUTE), 'minute');
  if (abs < DAY) return rtf.format(Math.round(diff / HOUR), 'hour');
  return rtf.format(Math.round(diff / DAY), 'day');
}
