/**
 * The research log: what the team records, as zod schemas shared by the REST API, the CSV
 * import and the research page. Each collection is described once here; the server builds
 * its SQL and CSV handling from these descriptions.
 */
import { z } from 'zod';
import {
  AUDIENCES,
  COLLECTIONS,
  DAMOCLES_STATUSES,
  EVENT_KINDS,
  MAX_AUDIT_ENTRIES,
  MAX_INTERVIEW_STAFF,
  MAX_RESEARCH_NAME_LENGTH,
  MAX_RESEARCH_TEXT_LENGTH,
  MAX_TRACK,
  MIN_INTERVIEW_STAFF,
  MIN_TRACK,
  ORGANISATION_KINDS,
  type CollectionName,
} from './researchValues.ts';

export * from './researchValues.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD', abort: true })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real date');
const id = z.string().min(1).max(64);
const track = z.coerce.number().int().min(MIN_TRACK).max(MAX_TRACK);
const text = (max: number) => z.string().trim().max(max);

export const OrganisationInput = z.object({ name: text(MAX_RESEARCH_NAME_LENGTH).min(1, 'required'), kind: z.enum(ORGANISATION_KINDS) });
export const InterviewInput = z.object({
  date: isoDate,
  organisationId: id,
  staff: z.number().int().min(MIN_INTERVIEW_STAFF).max(MAX_INTERVIEW_STAFF),
  track: track.default(3),
  topic: text(MAX_RESEARCH_TEXT_LENGTH).optional().default(''),
});
export const DamoclesInput = z.object({ organisationId: id, status: z.enum(DAMOCLES_STATUSES), date: isoDate });
export const AgreementInput = z.object({ organisationId: id, track, date: isoDate, subject: text(MAX_RESEARCH_TEXT_LENGTH).min(1, 'required') });
export const EventInput = z
  .object({ kind: z.enum(EVENT_KINDS), date: isoDate, audience: z.enum(AUDIENCES).nullable().optional().default(null), title: text(MAX_RESEARCH_NAME_LENGTH).optional().default('') })
  .refine((e) => e.kind !== 'presentation' || e.audience !== null, { message: 'a presentation needs an audience', path: ['audience'] });

export type OrganisationInput = z.infer<typeof OrganisationInput>;
export type InterviewInput = z.infer<typeof InterviewInput>;
export type DamoclesInput = z.infer<typeof DamoclesInput>;
export type AgreementInput = z.infer<typeof AgreementInput>;
export type EventInput = z.infer<typeof EventInput>;

interface RecordBase {
  id: string;
  createdAt: string;
  updatedAt: string;
}
export type Organisation = OrganisationInput & RecordBase;
export type Interview = InterviewInput & RecordBase;
export type DamoclesRecord = DamoclesInput & RecordBase;
export type Agreement = AgreementInput & RecordBase;
export type ResearchEvent = EventInput & RecordBase;

export interface CollectionRecords {
  organisations: Organisation;
  interviews: Interview;
  damocles: DamoclesRecord;
  agreements: Agreement;
  events: ResearchEvent;
}

/** Field types, for SQL columns and CSV cells. */
export type FieldType = 'text' | 'int' | 'date' | 'ref';

export interface CollectionSpec {
  /** Zod schema of a whole record as created (updates validate the merged record). */
  schema: z.ZodType<Record<string, unknown>>;
  /** Record fields in column order, with their type; `ref` fields hold an organisation id. */
  fields: Record<string, FieldType>;
  /** Fields that may be left out (and so may be absent from a CSV file's columns). */
  optional?: string[];
  /** In CSV, an organisation is named by its name rather than its id. */
  csvOrganisationColumn?: { field: string; column: string };
}

export const COLLECTION_SPECS: Record<CollectionName, CollectionSpec> = {
  organisations: { schema: OrganisationInput, fields: { name: 'text', kind: 'text' } },
  interviews: {
    schema: InterviewInput,
    fields: { date: 'date', organisationId: 'ref', staff: 'int', track: 'int', topic: 'text' },
    optional: ['track', 'topic'],
    csvOrganisationColumn: { field: 'organisationId', column: 'organisation' },
  },
  damocles: {
    schema: DamoclesInput,
    fields: { organisationId: 'ref', status: 'text', date: 'date' },
    csvOrganisationColumn: { field: 'organisationId', column: 'organisation' },
  },
  agreements: {
    schema: AgreementInput,
    fields: { organisationId: 'ref', track: 'int', date: 'date', subject: 'text' },
    csvOrganisationColumn: { field: 'organisationId', column: 'organisation' },
  },
  events: { schema: EventInput as unknown as z.ZodType<Record<string, unknown>>, fields: { kind: 'text', date: 'date', audience: 'text', title: 'text' }, optional: ['audience', 'title'] },
};

export interface AuditEntry {
  id: number;
  at: string;
  user: { id: string; name: string } | null;
  collection: CollectionName;
  recordId: string;
  action: 'create' | 'update' | 'delete' | 'import';
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

/** One row's problems in a CSV import: row 1 is the first data row after the header. */
export interface ImportRowError {
  row: number;
  errors: { field: string; message: string }[];
}

/* ---- The research API's requests and replies (server/http/researchRoutes.ts) ---- */

const flag = z.enum(['0', '1', 'true', 'false']).optional();

/** GET /api/research/audit?collection=&recordId=&limit= */
export const AuditQuery = z.object({
  collection: z.enum(COLLECTIONS).optional(),
  recordId: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_ENTRIES).default(200),
});
export type AuditQuery = z.input<typeof AuditQuery>;

/** POST /api/research/import?kind=<collection>[&dryRun=1], the CSV file as the body. */
export const ImportQuery = z.object({ kind: z.enum(COLLECTIONS), dryRun: flag });

/** A record checked and given its id but not stored yet (an import's dry run). */
export type ResearchDraft = { id: string } & Record<string, unknown>;
/** Any stored record, as the generic table and form handle it. */
export type ResearchRecord = ResearchDraft & { createdAt: string; updatedAt: string };

/** GET /api/research/:collection */
export interface ResearchListResponse<R = ResearchRecord> {
  records: R[];
}

/** GET /api/research/audit */
export interface AuditListResponse {
  entries: AuditEntry[];
}

/** POST /api/research/import?dryRun=1 with every row valid: what would be added. */
export interface ImportCheck<R = ResearchDraft> {
  valid: boolean;
  count: number;
  records: R[];
  rows: ImportRowError[];
}

/** POST /api/research/import (201): every row stored. */
export interface ImportCommitted<R = ResearchRecord> {
  imported: number;
  records: R[];
}

/** The 422 body of a refused import ('import-invalid'): an ApiError with every bad row. */
export interface ImportInvalidBody {
  error: 'import-invalid';
  message: string;
  rows: ImportRowError[];
  count: number;
}
