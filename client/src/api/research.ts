/** The research log: records per collection, CSV import (dry run and commit), audit trail. */
import type {
  AuditEntry,
  AuditListResponse,
  AuditQuery,
  CollectionName,
  CollectionRecords,
  ImportCheck,
  ImportCommitted,
  ImportRowError,
  ResearchListResponse,
  ResearchDraft,
  ResearchRecord,
} from '../../../shared/research.ts';
import { http, isApiRequestError, type RequestOptions } from './http.ts';

export type { ImportCheck, ResearchDraft, ResearchRecord };

export type ResearchData = { [C in CollectionName]: CollectionRecords[C][] };

const collectionPath = (collection: CollectionName): string => `/api/research/${encodeURIComponent(collection)}`;

export async function listRecords<C extends CollectionName>(collection: C, options?: RequestOptions): Promise<CollectionRecords[C][]> {
  const { records } = await http.get<ResearchListResponse<CollectionRecords[C]>>(collectionPath(collection), options);
  return records;
}

export const createRecord = (collection: CollectionName, values: Record<string, unknown>): Promise<ResearchRecord> =>
  http.post<ResearchRecord>(collectionPath(collection), values);

export const updateRecord = (collection: CollectionName, id: string, values: Record<string, unknown>): Promise<ResearchRecord> =>
  http.patch<ResearchRecord>(`${collectionPath(collection)}/${encodeURIComponent(id)}`, values);

export const deleteRecord = (collection: CollectionName, id: string): Promise<void> =>
  http.delete<void>(`${collectionPath(collection)}/${encodeURIComponent(id)}`);

/** Where the browser downloads a collection as CSV (the server names the file). */
export const exportUrl = (collection: CollectionName): string => `${collectionPath(collection)}/export.csv`;

/** Validates a CSV file without storing anything: the records it would add. */
export const checkImport = (collection: CollectionName, csv: string): Promise<ImportCheck> =>
  http.post<ImportCheck>(`/api/research/import?kind=${encodeURIComponent(collection)}&dryRun=1`, csv, { contentType: 'text/csv' });

/** Stores every row of a CSV file, or none when a row is invalid. */
export const commitImport = (collection: CollectionName, csv: string): Promise<ImportCommitted> =>
  http.post<ImportCommitted>(`/api/research/import?kind=${encodeURIComponent(collection)}`, csv, { contentType: 'text/csv' });

/** The per-row problems of a refused import (422 import-invalid), else null. */
export function importRowErrors(err: unknown): ImportRowError[] | null {
  if (!isApiRequestError(err) || err.error !== 'import-invalid') return null;
  const rows = err.body.rows;
  return Array.isArray(rows) ? (rows as ImportRowError[]) : [];
}

export async function listAudit(query: Pick<AuditQuery, 'collection'> & { limit: number }, options?: RequestOptions): Promise<AuditEntry[]> {
  const params = new URLSearchParams({ limit: String(query.limit) });
  if (query.collection) params.set('collection', query.collection);
  const { entries } = await http.get<AuditListResponse>(`/api/research/audit?${params.toString()}`, options);
  return entries;
}
