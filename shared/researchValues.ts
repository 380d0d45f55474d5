/**
 * The research log's value lists and CSV columns, without zod: the client imports these
 * directly (shared/research.ts adds the zod schemas, which the browser bundle does without).
 */
export const COLLECTIONS = ['organisations', 'interviews', 'damocles', 'agreements', 'events'] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

export const ORGANISATION_KINDS = ['municipality', 'partner', 'public', 'private', 'riec'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
/** Organisations outside the RIEC covenant: public bodies that are not partners, private parties, other RIECs. */
export const NON_PARTNER_KINDS: readonly OrganisationKind[] = ['public', 'private', 'riec'];

export const DAMOCLES_STATUSES = ['not-analysed', 'analysed', 'harmonised'] as const;
export type DamoclesStatus = (typeof DAMOCLES_STATUSES)[number];
export const AUDIENCES = ['team', 'om', 'partner'] as const;
export const EVENT_KINDS = ['presentation', 'factsheet'] as const;

/** CSV columns per collection, in file order (organisations named in an `organisation` column), and which may be absent. */
export const CSV_COLUMNS: Record<CollectionName, { all: string[]; optional: string[] }> = {
  organisations: { all: ['name', 'kind'], optional: [] },
  interviews: { all: ['date', 'organisation', 'staff', 'track', 'topic'], optional: ['track', 'topic'] },
  damocles: { all: ['organisation', 'status', 'date'], optional: [] },
  agreements: { all: ['organisation', 'track', 'date', 'subject'], optional: [] },
  events: { all: ['kind', 'date', 'audience', 'title'], optional: ['audience', 'title'] },
};

/* ---- Field bounds: the zod schemas in research.ts and the research page's inputs ---- */

/** An organisation's name, an event's title. */
export const MAX_RESEARCH_NAME_LENGTH = 200;
/** An interview's topic, an agreement's subject. */
export const MAX_RESEARCH_TEXT_LENGTH = 500;
/** Staff taking part in one interview. */
export const MIN_INTERVIEW_STAFF = 1;
export const MAX_INTERVIEW_STAFF = 1000;
/** Tracks of the approach are numbered 1..9. */
export const MIN_TRACK = 1;
export const MAX_TRACK = 9;
/** Most audit entries one GET /api/research/audit returns. */
export const MAX_AUDIT_ENTRIES = 1000;
