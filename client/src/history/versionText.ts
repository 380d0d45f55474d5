/**
 * How a version is named and described in the user's language. The server names the
 * versions it makes itself in English ("automatic", "as presented on 2027-01-14",
 * "before restoring “…”"); those are recognised and said in the UI language. A label
 * someone typed is shown as typed.
 */
import type { TFunction } from 'i18next';
import type { VersionInfo } from '../api/deckFiles.ts';
import type { Language } from '../i18n/index.ts';

const LOCALES: Record<Language, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatVersionTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

function formatVersionDate(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long' }).format(date);
}

const SERVER_AUTO = /^automatic$/i;
const SERVER_SESSION = /^as presented on /i;
const SERVER_RESTORE = /^before restoring “([\s\S]*)”$/;

/** The name to show for a version. */
export function versionTitle(t: TFunction, version: VersionInfo, language: Language): string {
  const label = version.label.trim();
  switch (version.kind) {
    case 'auto':
      return !label || SERVER_AUTO.test(label) ? t('history:autoLabel') : label;
    case 'session':
      return !label || SERVER_SESSION.test(label) ? t('history:sessionLabel', { date: formatVersionDate(version.createdAt, language) }) : label;
    case 'restore': {
      const match = SERVER_RESTORE.exec(label);
      if (match?.[1]) return t('history:restoreLabel', { label: match[1] });
      return label || t('history:restoreLabelPlain');
    }
    default:
      return label;
  }
}

/** "By hand", "Presented", "Automatic", "Before restore". */
export function versionKind(t: TFunction, version: VersionInfo): string {
  return t(`history:kinds.${version.kind}`);
}

/** "Beheerder, 14 jan 2027 10:05", or only the time for versions nobody made by hand. */
export function versionByline(t: TFunction, version: VersionInfo, language: Language): string {
  const time = formatVersionTime(version.createdAt, language);
  return version.createdBy ? t('history:byAt', { name: version.createdBy.name, time }) : time;
}
