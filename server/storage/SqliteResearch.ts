/**
 * The research log in SQLite: the five collections and their audit trail. Every change and
 * its audit row are written in one transaction. Part of SqliteStore, which delegates to it.
 */
import type Database from 'better-sqlite3';
import type { CollectionName, CollectionRecords } from '../../shared/research.ts';
import { auditQuery, columnOf, fieldsOf, orderBy, REFERENCING_COLLECTIONS, rowToRecord, tableOf } from './researchSql.ts';
import { now, toAudit } from './rows.ts';
import type { AuditRecord, DeleteOutcome, ResearchValues } from './Store.ts';

type Row = Record<string, unknown>;

export class SqliteResearch {
  constructor(private readonly db: Database.Database) {}

  async list<C extends CollectionName>(collection: C): Promise<CollectionRecords[C][]> {
    const rows = this.db.prepare(`SELECT * FROM ${tableOf(collection)} ORDER BY ${orderBy(collection)}`).all() as Row[];
    return rows.map((r) => rowToRecord(collection, r) as unknown as CollectionRecords[C]);
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C] | null> {
    const row = this.db.prepare(`SELECT * FROM ${tableOf(collection)} WHERE id = ?`).get(id) as Row | undefined;
    return row ? (rowToRecord(collection, row) as unknown as CollectionRecords[C]) : null;
  }

  private record(collection: CollectionName, recordId: string, action: AuditRecord['action'], userId: string | null, before: unknown, after: unknown): void {
    this.db
      .prepare('INSERT INTO audit_log (at, user_id, collection, record_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(now(), userId, collection, recordId, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null);
  }

  async insert<C extends CollectionName>(collection: C, records: ResearchValues<C>[], userId: string | null, action: 'create' | 'import'): Promise<CollectionRecords[C][]> {
    const fields = fieldsOf(collection);
    const columns = ['id', ...fields.map(columnOf), 'created_at', 'updated_at'];
    const insert = this.db.prepare(`INSERT INTO ${tableOf(collection)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    return this.db.transaction(() => {
      const at = now();
      return records.map((values) => {
        const record = values as unknown as Record<string, unknown>;
        insert.run(record.id, ...fields.map((f) => record[f] ?? null), at, at);
        const stored = { ...record, createdAt: at, updatedAt: at };
        this.record(collection, record.id as string, action, userId, null, stored);
        return stored as unknown as CollectionRecords[C];
      });
    })();
  }

  async update<C extends CollectionName>(collection: C, values: ResearchValues<C>, userId: string | null): Promise<CollectionRecords[C] | null> {
    const record = values as unknown as Record<string, unknown>;
    const fields = fieldsOf(collection);
    return this.db.transaction(() => {
      const before = this.db.prepare(`SELECT * FROM ${tableOf(collection)} WHERE id = ?`).get(record.id) as Row | undefined;
      if (!before) return null;
      const at = now();
      this.db
        .prepare(`UPDATE ${tableOf(collection)} SET ${fields.map((f) => `${columnOf(f)} = ?`).join(', ')}, updated_at = ? WHERE id = ?`)
        .run(...fields.map((f) => record[f] ?? null), at, record.id);
      const after = rowToRecord(collection, this.db.prepare(`SELECT * FROM ${tableOf(collection)} WHERE id = ?`).get(record.id) as Row);
      this.record(collection, record.id as string, 'update', userId, rowToRecord(collection, before), after);
      return after as unknown as CollectionRecords[C];
    })();
  }

  async delete(collection: CollectionName, id: string, userId: string | null): Promise<DeleteOutcome> {
    return this.db.transaction((): DeleteOutcome => {
      const before = this.db.prepare(`SELECT * FROM ${tableOf(collection)} WHERE id = ?`).get(id) as Row | undefined;
      if (!before) return 'missing';
      if (collection === 'organisations') {
        for (const other of REFERENCING_COLLECTIONS) {
          if (this.db.prepare(`SELECT 1 FROM ${tableOf(other)} WHERE organisation_id = ? LIMIT 1`).get(id)) return 'referenced';
        }
      }
      this.db.prepare(`DELETE FROM ${tableOf(collection)} WHERE id = ?`).run(id);
      this.record(collection, id, 'delete', userId, rowToRecord(collection, before), null);
      return 'deleted';
    })();
  }

  async audit(options: { limit: number; collection?: CollectionName; recordId?: string }): Promise<AuditRecord[]> {
    const { sql, args } = auditQuery(options);
    return (this.db.prepare(sql).all(...args) as Row[]).map(toAudit);
  }
}
