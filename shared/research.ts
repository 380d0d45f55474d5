/**
 * The research log: what the team records, as zod schemas shared by the REST API, the CSV
 * import and the research page. Each collection is described once here; the server builds
 * its SQL and CSV handling from these descriptions.
 */
import { z } from 'zod';
import { AUDIENCES, DAMOCLES_STATUSES, EVENT_KINDS, ORGANISATION_KINDS, type CollectionName } from './researchValues.ts';

export * from './researchValues.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date as YYYY-MM-DD', abort: true })
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'not a real date');
const id = z.string().min(1).max(64);
const track = z.coerce.number().int().min(1).max(9);
const text = (max: number) => z.string().trim().max(max);

export const OrganisationInput = z.object({ name: text(200).min(1, 'required'), kind: z.enum(ORGANISATION_KINDS) });
export const InterviewInput = z.object({
  date: isoDate,
  organisationId: id,
  staff: z.number().int().min(1).max(1000),
  track: track.default(3),
  topic: text(500).optional().default(''),
});
export const DamoclesInput = z.object({ organisationId: id, status: z.enum(DAMOCLES_STATUSES), date: isoDate });
export const AgreementInput = z.object({ organisationId: id, track, date: isoDate, subject: text(500).min(1, 'required') });
export const EventInput = z
  .object({ kind: z.enum(EVENT_KINDS), date: isoDate, audience: z.enum(AUDIENCES).nullable().optional().default(null), title: text(200).optional().default('') })
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
