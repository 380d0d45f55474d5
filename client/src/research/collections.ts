/**
 * How the research page shows and edits each collection: the fields in column order, how a
 * value is displayed, which fields filter, and what a form sends. The shapes mirror the zod
 * schemas in shared/research.ts; the server stays the judge of what is valid.
 */
import type { TFunction } from 'i18next';
import type { CollectionName, OrganisationKind } from '../../../shared/research.ts';
import type { ResearchRecord } from '../api/research.ts';
import { AUDIENCES, CSV_COLUMNS, DAMOCLES_STATUSES, EVENT_KINDS, ORGANISATION_KINDS } from './constants.ts';
import { MAX_INTERVIEW_STAFF, MAX_RESEARCH_NAME_LENGTH, MAX_RESEARCH_TEXT_LENGTH, MIN_INTERVIEW_STAFF } from '../../../shared/researchValues.ts';

export type FieldName = 'name' | 'kind' | 'date' | 'organisationId' | 'staff' | 'track' | 'topic' | 'status' | 'subject' | 'audience' | 'title';

/** What the form inputs hold: always strings, converted when sent. */
export type FormValues = Partial<Record<FieldName, string>>;

export type FieldKind =
  | { type: 'text'; maxLength: number; multiline?: boolean }
  | { type: 'date' }
  | { type: 'int'; min: number; max: number }
  | { type: 'track' }
  | { type: 'enum'; values: readonly string[]; optionLabel(t: TFunction, value: string): string; nullable?: boolean }
  | { type: 'organisation'; only?: OrganisationKind };

export interface FieldSpec {
  name: FieldName;
  kind: FieldKind;
  label(t: TFunction): string;
  hint?(t: TFunction): string;
  /** Shown in the form only when this holds; otherwise sent as null. */
  shownWhen?(values: FormValues): boolean;
  /** Offered as a filter above the table (a date becomes a from–until range). */
  filter?: boolean;
  /** Searched by the text filter. */
  searchable?: boolean;
}

export interface CollectionView {
  name: CollectionName;
  /** Column and form order; the first is the row header. */
  fields: FieldSpec[];
  defaults(): FormValues;
}

/** What rendering needs besides the record: translations, language, organisation names. */
export interface DisplayContext {
  t: TFunction;
  language: string;
  organisationName(id: unknown): string;
}

export const kindLabel = (t: TFunction, kind: string): string => (isOrganisationKind(kind) ? t(`research:kinds.${kind}`) : kind);
export const statusLabel = (t: TFunction, status: string): string =>
  (DAMOCLES_STATUSES as readonly string[]).includes(status) ? t(`research:statuses.${status as (typeof DAMOCLES_STATUSES)[number]}`) : status;
export const eventKindLabel = (t: TFunction, kind: string): string =>
  (EVENT_KINDS as readonly string[]).includes(kind) ? t(`research:eventKinds.${kind as (typeof EVENT_KINDS)[number]}`) : kind;
export const audienceLabel = (t: TFunction, audience: string): string =>
  (AUDIENCES as readonly string[]).includes(audience) ? t(`research:audiences.${audience as (typeof AUDIENCES)[number]}`) : audience;

export function isOrganisationKind(value: unknown): value is OrganisationKind {
  return typeof value === 'string' && (ORGANISATION_KINDS as readonly string[]).includes(value);
}

const today = (): string => {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
};

const date: FieldSpec = { name: 'date', kind: { type: 'date' }, label: (t) => t('research:fields.date'), filter: true, searchable: true };
const organisation = (only?: OrganisationKind): FieldSpec => ({
  name: 'organisationId',
  kind: { type: 'organisation', only },
  label: (t) => t('research:fields.organisationId'),
  hint: only === 'municipality' ? (t) => t('research:hints.damoclesOrganisation') : undefined,
  filter: true,
  searchable: true,
});
const track: FieldSpec = { name: 'track', kind: { type: 'track' }, label: (t) => t('research:fields.track') };

export const VIEWS: Record<CollectionName, CollectionView> = {
  organisations: {
    name: 'organisations',
    fields: [
      { name: 'name', kind: { type: 'text', maxLength: MAX_RESEARCH_NAME_LENGTH }, label: (t) => t('research:fields.name'), searchable: true },
      {
        name: 'kind',
        kind: { type: 'enum', values: ORGANISATION_KINDS, optionLabel: kindLabel },
        label: (t) => t('research:fields.kind'),
        filter: true,
        searchable: true,
      },
    ],
    defaults: () => ({ name: '', kind: '' }),
  },
  interviews: {
    name: 'interviews',
    fields: [
      date,
      organisation(),
      { name: 'staff', kind: { type: 'int', min: MIN_INTERVIEW_STAFF, max: MAX_INTERVIEW_STAFF }, label: (t) => t('research:fields.staff'), hint: (t) => t('research:hints.staff') },
      track,
      { name: 'topic', kind: { type: 'text', maxLength: MAX_RESEARCH_TEXT_LENGTH, multiline: true }, label: (t) => t('research:fields.topic'), searchable: true },
    ],
    defaults: () => ({ date: today(), organisationId: '', staff: '1', track: '3', topic: '' }),
  },
  damocles: {
    name: 'damocles',
    fields: [
      organisation('municipality'),
      {
        name: 'status',
        kind: { type: 'enum', values: DAMOCLES_STATUSES, optionLabel: statusLabel },
        label: (t) => t('research:fields.status'),
        filter: true,
        searchable: true,
      },
      { ...date, filter: false },
    ],
    defaults: () => ({ organisationId: '', status: '', date: today() }),
  },
  agreements: {
    name: 'agreements',
    fields: [
      date,
      organisation(),
      track,
      { name: 'subject', kind: { type: 'text', maxLength: MAX_RESEARCH_TEXT_LENGTH, multiline: true }, label: (t) => t('research:fields.subject'), searchable: true },
    ],
    defaults: () => ({ date: today(), organisationId: '', track: '1', subject: '' }),
  },
  events: {
    name: 'events',
    fields: [
      date,
      {
        name: 'kind',
        kind: { type: 'enum', values: EVENT_KINDS, optionLabel: eventKindLabel },
        label: (t) => t('research:fields.eventKind'),
        filter: true,
        searchable: true,
      },
      {
        name: 'audience',
        kind: { type: 'enum', values: AUDIENCES, optionLabel: audienceLabel, nullable: true },
        label: (t) => t('research:fields.audience'),
        hint: (t) => t('research:hints.audience'),
        shownWhen: (values) => values.kind !== 'factsheet',
        searchable: true,
      },
      { name: 'title', kind: { type: 'text', maxLength: MAX_RESEARCH_NAME_LENGTH }, label: (t) => t('research:fields.title'), searchable: true },
    ],
    defaults: () => ({ date: today(), kind: 'presentation', audience: '', title: '' }),
  },
};

/** The CSV column of a field: organisations are named in an `organisation` column. */
export function csvColumn(collection: CollectionName, field: string): string {
  return field === 'organisationId' && CSV_COLUMNS[collection].all.includes('organisation') ? 'organisation' : field;
}

export const csvColumns = (collection: CollectionName): { all: string[]; optional: string[] } => CSV_COLUMNS[collection];

/** A 'YYYY-MM-DD' day as "5 jan 2025" in the page's language. */
export function formatDay(iso: unknown, language: string): string {
  if (typeof iso !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return typeof iso === 'string' ? iso : '';
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}

/** A moment as "5 jan 2025 14:05". */
export function formatMoment(iso: string, language: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(language, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(time);
}

/** One field of a record as text (React renders it; nothing is ever HTML). */
export function displayValue(field: FieldSpec, value: unknown, ctx: DisplayContext): string {
  if (value === null || value === undefined || value === '') return '';
  switch (field.kind.type) {
    case 'date':
      return formatDay(value, ctx.language);
    case 'organisation':
      return ctx.organisationName(value);
    case 'enum':
      return field.kind.optionLabel(ctx.t, String(value));
    case 'track':
      return String(value);
    default:
      return String(value);
  }
}

/** A short name for a record, used in button names, confirmations and the audit trail. */
export function recordLabel(collection: CollectionName, record: Record<string, unknown>, ctx: DisplayContext): string {
  const day = formatDay(record.date, ctx.language);
  switch (collection) {
    case 'organisations':
      return String(record.name ?? '');
    case 'interviews':
    case 'agreements':
    case 'damocles':
      return `${ctx.organisationName(record.organisationId)}, ${day}`;
    case 'events': {
      const kind = eventKindLabel(ctx.t, String(record.kind ?? ''));
      const title = typeof record.title === 'string' && record.title ? ` “${record.title}”` : '';
      return `${kind}${title}, ${day}`;
    }
  }
}

export function toFormValues(view: CollectionView, record: ResearchRecord): FormValues {
  const values: FormValues = {};
  for (const field of view.fields) {
    const value = record[field.name];
    values[field.name] = value === null || value === undefined ? '' : String(value);
  }
  return values;
}

/** The request body for a form: numbers as numbers, hidden or empty optional choices as null. */
export function toPayload(view: CollectionView, values: FormValues): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const field of view.fields) {
    const raw = (values[field.name] ?? '').trim();
    const shown = field.shownWhen ? field.shownWhen(values) : true;
    const kind = field.kind;
    if (!shown) body[field.name] = null;
    else if (kind.type === 'int' || kind.type === 'track') body[field.name] = raw === '' ? null : /^-?\d+$/.test(raw) ? Number(raw) : raw;
    else if (kind.type === 'enum' && kind.nullable) body[field.name] = raw === '' ? null : raw;
    else body[field.name] = raw;
  }
  return body;
}

/** Case- and accent-insensitive form for searching ("chemicalien" finds "Chemicaliën"). */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLocaleLowerCase();
}
