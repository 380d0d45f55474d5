/**
 * How a version is named and described in the user's language. The server names the
 * versions it makes itself in English ("automatic", "as presented on 2027-01-14",
 * "before restoring “…”", which may hold another of these); those are recognised and said in
 * the UI language, every date in them written out as the rest of the page writes dates
 * ("14 januari 2027" / "14 January 2027"). A label someone typed is shown as typed.
 */
import type { TFunction } from 'i18next';
import { dateAndTime, presentedDate } from '../../../shared/statLabels.ts';
import type { VersionInfo } from '../api/deckFiles.ts';
import type { Language } from '../i18n/index.ts';

/** "2 december 2026 14:05" / "2 December 2026, 14:05": when a version was made. */
export function formatVersionTime(iso: string, language: Language): string {
  return dateAndTime(iso, language);
}

const SERVER_AUTO = /^automatic$/i;
const SERVER_SESSION = /^as presented on (\d{4}-\d{2}-\d{2})$/i;
const SERVER_RESTORE = /^before restoring “([\s\S]*)”$/;
/** Labels nest ("before restoring “before restoring “…””"); deeper than this is shown as stored. */
const MAX_NESTING = 8;

/** A label the server wrote, in the UI language; null when it is not one of the server's. */
function serverLabel(t: TFunction, label: string, language: Language, depth = 0): string | null {
  if (depth > MAX_NESTING) return null;
  if (SERVER_AUTO.test(label)) return t('history:autoLabel');
  const session = SERVER_SESSION.exec(label);
  if (session?.[1]) return t('history:sessionLabel', { date: presentedDate(session[1], language) });
  const restore = SERVER_RESTORE.exec(label);
  if (restore?.[1]) return t('history:restoreLabel', { label: serverLabel(t, restore[1], language, depth + 1) ?? restore[1] });
  return null;
}

/** The name to show for a version. */
export function versionTitle(t: TFunction, version: VersionInfo, language: Language): string {
  const label = version.label.trim();
  switch (version.kind) {
    case 'auto':
      return !label || SERVER_AUTO.test(label) ? t('history:autoLabel') : label;
    case 'session':
      // The day the version was made, as the list and the files of this version say it.
      return !label || SERVER_SESSION.test(label) ? t('history:sessionLabel', { date: presentedDate(version.createdAt, language) }) : label;
    case 'restore':
      return (label && serverLabel(t, label, language)) || label || t('history:restoreLabelPlain');
    default:
      return label;
  }
}

/** "By hand", "Presented", "Automatic", "Before restore". */
export function versionKind(t: TFunction, version: VersionInfo): string {
  return t(`history:kinds.${version.kind}`);
}

/** "Beheerder, 14 januari 2027 10:05", or only the time for versions nobody made by hand. */
export function versionByline(t: TFunction, version: VersionInfo, language: Language): string {
  const time = formatVersionTime(version.createdAt, language);
  return version.createdBy ? t('history:byAt', { name: version.createdBy.name, time }) : time;
}
