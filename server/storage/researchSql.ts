/**
 * Maps research collections to their tables: column names from the shared field
 * descriptions (camelCase → snake_case), rows back to records. Identifiers come from code,
 * never from input, so building SQL from them is safe.
 */
import { COLLECTION_SPECS, type CollectionName } from '../../shared/research.ts';

export const tableOf = (collection: CollectionName): string => `research_${collection}`;
export const columnOf = (field: string): string => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

export function fieldsOf(collection: CollectionName): string[] {
  return Object.keys(COLLECTION_SPECS[collection].fields);
}

/** A database row (snake_case) as a record (camelCase), with created/updated times. */
export function rowToRecord(collection: CollectionName, row: Record<string, unknown>): Record<string, unknown> {
  const record: Record<string, unknown> = { id: row.id };
  for (const [field, type] of Object.entries(COLLECTION_SPECS[collection].fields)) {
    const value = row[columnOf(field)];
    record[field] = type === 'int' && value !== null && value !== undefined ? Number(value) : (value ?? null);
  }
  record.createdAt = row.created_at;
  record.updatedAt = row.updated_at;
  return record;
}

/** Which collections point at organisations (deleting a referenced organisation is refused). */
export const REFERENCING_COLLECTIONS: CollectionName[] = (Object.keys(COLLECTION_SPECS) as CollectionName[]).filter((c) =>
  Object.values(COLLECTION_SPECS[c].fields).includes('ref'),
);

export function orderBy(collection: CollectionName): string {
  return collection === 'organisations' ? 'lower(name), id' : 'date DESC, created_at DESC, id';
}

/** The WHERE clause of an audit-trail query (`?` placeholders), shared by both stores. */
export function auditQuery(options: { limit: number; collection?: CollectionName; recordId?: string }): { sql: string; args: unknown[] } {
  const where: string[] = [];
  const args: unknown[] = [];
  if (options.collection) {
    where.push('collection = ?');
    args.push(options.collection);
  }
  if (options.recordId) {
    where.push('record_id = ?');
    args.push(options.recordId);
  }
  return { sql: `SELECT * FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`, args: [...args, options.limit] };
}
