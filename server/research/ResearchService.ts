/**
 * The research log's rules on top of the store: validation with the shared schemas,
 * organisation references that must exist, CSV import that is all-or-nothing, CSV export.
 * Every change is announced so live statistics can be recomputed.
 */
import { EventEmitter } from 'node:events';
import Papa from 'papaparse';
import {
  COLLECTION_SPECS,
  type CollectionName,
  type CollectionRecords,
  type ImportRowError,
  type Organisation,
  type ResearchDraft,
  type ResearchRecord,
} from '../../shared/research.ts';
import { newId } from '../auth/tokens.ts';
import { ConflictError, NotFoundError, TooLargeError, ValidationError } from '../errors.ts';
import type { ResearchValues, Store } from '../storage/Store.ts';

type AnyRecord = Record<string, unknown>;

export interface ImportResult {
  /** True when every row is valid (and, unless a dry run, stored). */
  valid: boolean;
  count: number;
  /** The rows as they would be stored (a dry run, or an import refused for its errors). */
  records: ResearchDraft[];
  /** The rows as stored, once committed. */
  stored: ResearchRecord[] | null;
  errors: ImportRowError[];
}

const UNKNOWN_ORGANISATION = '(unknown)';

/** A CSV body larger than this is refused (the research log has hundreds of rows, not millions). */
export const MAX_CSV_ROWS = 10_000;

function issuesToFields(issues: { path: PropertyKey[]; message: string }[]): { field: string; message: string }[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.') || '(record)', message: i.message }));
}

/** Spreadsheet programs run cells that start with these as formulas; exported text is defused. */
function defuseFormula(value: unknown): unknown {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export class ResearchService extends EventEmitter<{ changed: [collection: CollectionName] }> {
  constructor(private readonly store: Store) {
    super();
  }

  list<C extends CollectionName>(collection: C): Promise<CollectionRecords[C][]> {
    return this.store.listResearch(collection);
  }

  /** Validates a whole record; throws 400 naming the fields. */
  private async validate(collection: CollectionName, input: unknown, organisations?: Map<string, Organisation>): Promise<AnyRecord> {
    const result = COLLECTION_SPECS[collection].schema.safeParse(input ?? {});
    if (!result.success) throw new ValidationError('invalid record', issuesToFields(result.error.issues));
    const problems = await this.referenceProblems(collection, result.data, organisations);
    if (problems.length > 0) throw new ValidationError('invalid record', problems);
    return result.data;
  }

  /** A referenced organisation must exist, and a Damocles status belongs to a municipality. */
  private async referenceProblems(collection: CollectionName, record: AnyRecord, organisations?: Map<string, Organisation>): Promise<{ field: string; message: string }[]> {
    if (!('organisationId' in record)) return [];
    const id = record.organisationId as string;
    const organisation = organisations ? organisations.get(id) : await this.store.getResearch('organisations', id);
    if (!organisation) return [{ field: 'organisationId', message: 'no such organisation' }];
    if (collection === 'damocles' && organisation.kind !== 'municipality') return [{ field: 'organisationId', message: 'Damocles policy is recorded for municipalities only' }];
    return [];
  }

  async create(collection: CollectionName, input: unknown, userId: string | null): Promise<ResearchRecord> {
    const values = await this.validate(collection, input);
    await this.ensureUniqueName(collection, values, null);
    const [created] = await this.store.insertResearch(collection, [{ ...values, id: newId() } as ResearchValues<CollectionName>], userId, 'create');
    this.emit('changed', collection);
    return created as unknown as ResearchRecord;
  }

  async update(collection: CollectionName, id: string, patch: unknown, userId: string | null): Promise<ResearchRecord> {
    const existing = (await this.store.getResearch(collection, id)) as AnyRecord | null;
    if (!existing) throw new NotFoundError('record');
    if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw new ValidationError('invalid record', [{ field: '(body)', message: 'expected an object' }]);
    const { id: _id, createdAt: _c, updatedAt: _u, ...current } = existing;
    const values = await this.validate(collection, { ...current, ...(patch as AnyRecord) });
    await this.ensureUniqueName(collection, values, id);
    const updated = await this.store.updateResearch(collection, { ...values, id } as ResearchValues<CollectionName>, userId);
    if (!updated) throw new NotFoundError('record');
    this.emit('changed', collection);
    return updated as unknown as ResearchRecord;
  }

  async remove(collection: CollectionName, id: string, userId: string | null): Promise<void> {
    const outcome = await this.store.deleteResearch(collection, id, userId);
    if (outcome === 'missing') throw new NotFoundError('record');
    if (outcome === 'referenced') throw new ConflictError('in-use', 'this organisation still has interviews, Damocles records or agreements; delete those first');
    this.emit('changed', collection);
  }

  private async ensureUniqueName(collection: CollectionName, values: AnyRecord, ownId: string | null): Promise<void> {
    if (collection !== 'organisations') return;
    const name = String(values.name).toLowerCase();
    const clash = (await this.store.listResearch('organisations')).find((o) => o.name.toLowerCase() === name && o.id !== ownId);
    if (clash) throw new ConflictError('exists', 'an organisation with this name exists', [{ field: 'name', message: 'already exists' }]);
  }

  /**
   * Parses and validates a CSV file for one collection. With `commit`, stores every row in
   * one transaction, or none if any row is invalid. Rows are numbered from 1 after the header.
   */
  async importCsv(collection: CollectionName, csv: string, userId: string | null, commit: boolean): Promise<ImportResult> {
    const spec = COLLECTION_SPECS[collection];
    const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim() });
    const orgColumn = spec.csvOrganisationColumn;
    const expected = Object.keys(spec.fields).map((f) => (orgColumn && f === orgColumn.field ? orgColumn.column : f));
    const headers = parsed.meta.fields ?? [];
    const optional = new Set(spec.optional ?? []);
    const required = Object.keys(spec.fields)
      .filter((f) => !optional.has(f))
      .map((f) => (orgColumn && f === orgColumn.field ? orgColumn.column : f));
    const missing = required.filter((c) => !headers.includes(c));
    if (missing.length > 0) {
      throw new ValidationError(`the CSV lacks columns: ${missing.join(', ')} (expected ${expected.join(', ')})`, missing.map((c) => ({ field: c, message: 'missing column' })));
    }
    if (parsed.data.length > MAX_CSV_ROWS) throw new TooLargeError(`at most ${MAX_CSV_ROWS} rows per import`);

    const organisations = new Map((await this.store.listResearch('organisations')).map((o) => [o.id, o]));
    const byName = new Map([...organisations.values()].map((o) => [o.name.toLowerCase(), o]));
    const errors: ImportRowError[] = [];
    const records: ResearchDraft[] = [];
    const namesInFile = new Set<string>();
    for (const parseError of parsed.errors) {
      if (parseError.row !== undefined) errors.push({ row: parseError.row + 1, errors: [{ field: '(row)', message: parseError.message }] });
    }
    for (const [index, row] of parsed.data.entries()) {
      const rowNumber = index + 1;
      if (errors.some((e) => e.row === rowNumber)) continue;
      const input: AnyRecord = {};
      const rowErrors: { field: string; message: string }[] = [];
      for (const [field, type] of Object.entries(spec.fields)) {
        const column = orgColumn && field === orgColumn.field ? orgColumn.column : field;
        const raw = (row[column] ?? '').trim();
        if (type === 'ref') {
          const organisation = byName.get(raw.toLowerCase());
          if (!organisation) rowErrors.push({ field: column, message: raw ? `unknown organisation "${raw.slice(0, 80)}"` : 'required' });
          // A stand-in id keeps the row's other fields checked, so every problem is reported at once.
          input[field] = organisation?.id ?? UNKNOWN_ORGANISATION;
        } else if (type === 'int') {
          if (raw !== '') input[field] = /^-?\d+$/.test(raw) ? Number(raw) : raw;
        } else if (raw !== '' || field === 'name' || field === 'subject') {
          input[field] = raw;
        } else if (collection === 'events' && field === 'audience') {
          input[field] = null;
        }
      }
      {
        const result = spec.schema.safeParse(input);
        if (!result.success) rowErrors.push(...issuesToFields(result.error.issues));
        else if (rowErrors.length === 0) {
          rowErrors.push(...(await this.referenceProblems(collection, result.data, organisations)));
          if (collection === 'organisations') {
            const name = String(result.data.name).toLowerCase();
            if (byName.has(name) || namesInFile.has(name)) rowErrors.push({ field: 'name', message: 'already exists' });
            namesInFile.add(name);
          }
          if (rowErrors.length === 0) records.push({ ...result.data, id: newId() });
        }
      }
      if (rowErrors.length > 0) errors.push({ row: rowNumber, errors: rowErrors });
    }
    errors.sort((a, b) => a.row - b.row);
    const valid = errors.length === 0 && records.length > 0;
    if (records.length === 0 && errors.length === 0) errors.push({ row: 0, errors: [{ field: '(file)', message: 'no rows to import' }] });
    if (!commit || errors.length > 0) return { valid: errors.length === 0 && valid, count: records.length, records, stored: null, errors };
    const stored = await this.store.insertResearch(collection, records as ResearchValues<CollectionName>[], userId, 'import');
    this.emit('changed', collection);
    return { valid: true, count: stored.length, records, stored: stored as unknown as ResearchRecord[], errors: [] };
  }

  /** The collection as CSV, with organisations named rather than numbered, in the import's columns. */
  async exportCsv(collection: CollectionName): Promise<string> {
    const spec = COLLECTION_SPECS[collection];
    const orgColumn = spec.csvOrganisationColumn;
    const names = new Map((await this.store.listResearch('organisations')).map((o) => [o.id, o.name]));
    const rows = (await this.store.listResearch(collection)) as unknown as AnyRecord[];
    const columns = Object.keys(spec.fields).map((f) => (orgColumn && f === orgColumn.field ? orgColumn.column : f));
    const data = rows.map((r) =>
      Object.keys(spec.fields).map((field) => defuseFormula(orgColumn && field === orgColumn.field ? names.get(r[field] as string) ?? '' : (r[field] ?? ''))),
    );
    return Papa.unparse({ fields: columns, data }, { newline: '\r\n' });
  }
}
