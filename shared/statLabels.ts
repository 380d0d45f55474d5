/**
 * The words a chart shows around its figures — category labels for the codes a series is
 * keyed by, column headings, "total" — in both deck languages. This is the one place they
 * live: the editor, presenter, attendee, print/PDF and HTML views (client/src/charts) and
 * the PowerPoint export (server/export) all read them from here, in the *deck's* language.
 */
import type { FrozenReason } from './chartBlock.ts';
import type { DeckLanguage } from './deckModel.ts';
import { statDefinition, type SeriesLabels, type StatDefinition } from './statsCatalogue.ts';

type Words = Record<DeckLanguage, string>;

const w = (nl: string, en: string): Words => ({ nl, en });

export const ORGANISATION_KIND_LABELS = {
  municipality: w('Gemeenten', 'Municipalities'),
  partner: w('Andere RIEC-partners', 'Other RIEC partners'),
  public: w('Publieke niet-partners', 'Non-partner public bodies'),
  private: w('Private partijen', 'Private parties'),
  riec: w('Andere RIEC’s', 'Other RIECs'),
} as const satisfies Record<string, Words>;

export const DAMOCLES_STATUS_LABELS = {
  'not-analysed': w('Nog niet geanalyseerd', 'Not yet analysed'),
  analysed: w('Geanalyseerd', 'Analysed'),
  harmonised: w('Geharmoniseerd', 'Harmonised'),
} as const satisfies Record<string, Words>;

export const AUDIENCE_LABELS = {
  team: w('IIPSy-team', 'IIPSy team'),
  om: w('Openbaar Ministerie (OM)', 'Public prosecution (OM)'),
  partner: w('Partners', 'Partners'),
} as const satisfies Record<string, Words>;

/** Column heading of a series' categories in a chart's table view. */
export const SERIES_COLUMN_LABELS: Record<SeriesLabels | 'other', Words> = {
  month: w('Maand', 'Month'),
  organisationKind: w('Soort organisatie', 'Kind of organisation'),
  damoclesStatus: w('Status', 'Status'),
  track: w('Spoor', 'Track'),
  audience: w('Publiek', 'Audience'),
  other: w('Categorie', 'Category'),
};

/** Words around a chart's figures that belong to the slide (not to the app's interface). */
export const CHART_WORDS = {
  total: w('Totaal', 'Total'),
  noData: w('nog geen gegevens', 'no data yet'),
  unknownStatistic: w('Onbekende statistiek', 'Unknown statistic'),
  /** The caption of a chart a session froze; `{date}` is the day it was presented (see presentedDate). */
  asPresentedOn: w('Zoals gepresenteerd op {date}', 'As presented on {date}'),
  /** The accessible name of a chart a session froze: its description, then when it was presented. */
  asPresentedOnLabel: w('{text} (zoals gepresenteerd op {date})', '{text} (as presented on {date})'),
  /** The caption of a chart frozen by hand in the editor (never presented as such); `{date}` is the day. */
  frozenOn: w('Vastgezet op {date}', 'Frozen on {date}'),
  frozenOnLabel: w('{text} (vastgezet op {date})', '{text} (frozen on {date})'),
  /** The caption of a chart drawn from the stored last known value (no live value came in time). */
  lastKnown: w('Laatst bekende waarde, {date}', 'Last known value, {date}'),
  lastKnownLabel: w('{text} (laatst bekende waarde, {date})', '{text} (last known value, {date})'),
} as const satisfies Record<string, Words>;

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(table, key);

/** 'YYYY-MM' → "jan 2026" (nl) / "Jan 2026" (en); anything else unchanged. */
export function monthLabel(label: string, language: DeckLanguage, month: 'short' | 'long' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(label);
  if (!match) return label;
  const monthIndex = Number(match[2]) - 1;
  if (monthIndex < 0 || monthIndex > 11) return label;
  // Dutch short months are written without a full stop in running text and on axes ("jan 2026").
  return new Intl.DateTimeFormat(language, { month, year: 'numeric', timeZone: 'UTC' }).format(Date.UTC(Number(match[1]), monthIndex, 15)).replace('.', '');
}

/** The human label of one series point (a code such as `not-analysed`, track `1`, month `2025-01`); unknown codes as sent. */
export function seriesPointLabel(kind: SeriesLabels | undefined, label: string, language: DeckLanguage): string {
  switch (kind) {
    case 'month':
      return monthLabel(label, language);
    case 'organisationKind':
      return has(ORGANISATION_KIND_LABELS, label) ? ORGANISATION_KIND_LABELS[label][language] : label;
    case 'damoclesStatus':
      return has(DAMOCLES_STATUS_LABELS, label) ? DAMOCLES_STATUS_LABELS[label][language] : label;
    case 'track':
      return /^[1-9]$/.test(label) ? `${SERIES_COLUMN_LABELS.track[language]} ${label}` : label;
    case 'audience':
      return has(AUDIENCE_LABELS, label) ? AUDIENCE_LABELS[label][language] : label;
    default:
      return label;
  }
}

/** A chart's title: the statistic's name in the deck's language. */
export function statTitle(key: string, language: DeckLanguage): string {
  return statDefinition(key)?.label[language] ?? CHART_WORDS.unknownStatistic[language];
}

/** What a series' value axis counts ("interviews", "gemeenten"). */
export function statUnit(definition: StatDefinition | undefined, language: DeckLanguage): string {
  return definition?.unit[language] ?? '';
}

/** Numbers as the deck's language writes them (1.234 / 1,234). */
export function formatFigure(value: number, language: DeckLanguage): string {
  return new Intl.NumberFormat(language, { maximumFractionDigits: 1 }).format(value);
}

/**
 * A day written out as the deck's readers write it: "5 maart 2026" / "5 March 2026" (British
 * order for English, as Dutch readers expect; never the US "March 5, 2026"), on the Dutch
 * calendar day. Not a date: the text as given.
 */
export function presentedDate(when: string | Date, language: DeckLanguage): string {
  const time = typeof when === 'string' ? Date.parse(when) : when.getTime();
  if (Number.isNaN(time)) return typeof when === 'string' ? when : '';
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(time);
}

/**
 * The caption under a frozen chart, from its ISO time: "Zoals gepresenteerd op 5 maart 2026"
 * when a session froze it, "Vastgezet op 5 maart 2026" when someone froze it by hand.
 */
export function frozenCaption(iso: string, language: DeckLanguage, reason: FrozenReason = 'presented'): string {
  const words = reason === 'hand' ? CHART_WORDS.frozenOn : CHART_WORDS.asPresentedOn;
  return words[language].replace('{date}', () => presentedDate(iso, language) || '—');
}

/** A frozen chart's accessible name: its description followed by when it was presented (or frozen). */
export function frozenDescription(text: string, iso: string, language: DeckLanguage, reason: FrozenReason = 'presented'): string {
  const words = reason === 'hand' ? CHART_WORDS.frozenOnLabel : CHART_WORDS.asPresentedOnLabel;
  // Replacer functions: a `$&` in the text is text, not a replacement pattern.
  return words[language].replace('{date}', () => presentedDate(iso, language)).replace('{text}', () => text);
}

/** A moment written out with its time, on the Dutch clock: "2 december 2026 14:05" / "2 December 2026, 14:05". */
export function dateAndTime(iso: string, language: DeckLanguage): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nl-NL', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Amsterdam' }).format(time);
}

/** "Laatst bekende waarde, 2 december 2026 14:05": a chart drawn from the stored value ([ST11]). */
export function storedCaption(iso: string, language: DeckLanguage): string {
  return CHART_WORDS.lastKnown[language].replace('{date}', () => dateAndTime(iso, language));
}

export function storedDescription(text: string, iso: string, language: DeckLanguage): string {
  return CHART_WORDS.lastKnownLabel[language].replace('{date}', () => dateAndTime(iso, language)).replace('{text}', () => text);
}
