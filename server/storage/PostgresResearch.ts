/**
 * The research log in PostgreSQL: the five collections and their audit trail. Every change
 * and its audit row are written in one transaction, the row locked while it is read for
 * the change. Part of PostgresStore, which delegates to it and lends it its query helpers.
 */
import type pg from 'pg';
import type { CollectionName, CollectionRecords } from '../../shared/research.ts';
import { auditQuery, columnOf, fieldsOf, orderBy, REFERENCING_COLLECTIONS, rowToRecord, tableOf } from './researchSql.ts';
import { now, toAudit, type Row } from './rows.ts';
import type { AuditRecord, DeleteOutcome, ResearchValues } from './Store.ts';

export type Queryable = pg.Pool | pg.PoolClient;

/** PostgresStore's query helpers (`?` placeholders, one row, one transaction). */
export interface PostgresQueries {
  q(sql: string, args?: unknown[], db?: Queryable): Promise<Row[]>;
  one(sql: string, args?: unknown[], db?: Queryable): Promise<Row | undefined>;
  tx<T>(work: (db: pg.PoolClient) => Promise<T>): Promise<T>;
}

export class PostgresResearch {
  constructor(private readonly sql: PostgresQueries) {}

  async list<C extends CollectionName>(collection: C): Promise<CollectionRecords[C][]> {
    return (await this.sql.q(`SELECT * FROM ${tableOf(collection)} ORDER BY ${orderBy(collection)}`)).map((r) => rowToRecord(collection, r) as unknown as CollectionRecords[C]);
  }

  async get<C extends CollectionName>(collection: C, id: string): Promise<CollectionRecords[C] | null> {
    const row = await this.sql.one(`SELECT * FROM ${tableOf(collection)} WHERE id = ?`, [id]);
    return row ? (rowToRecord(collection, row) as unknown as CollectionRecords[C]) : null;
  }

  private async record(db: Queryable, collection: CollectionName, recordId: string, action: AuditRecord['action'], userId: string | null, before: unknown, after: unknown): Promise<void> {
    await this.sql.q(
      'INSERT INTO audit_log (at, user_id, collection, record_id, action, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)',
      [now(), userId, collection, recordId, action, before ? JSON.stringify(before) : null, after ? JSON.stringify(after) : null],
      db,
    );
  }

  async insert<C extends CollectionName>(collection: C, records: ResearchValues<C>[], userId: string | null, action: 'create' | 'import'): Promise<CollectionRecords[C][]> {
    const fields = fieldsOf(collection);
    const columns = ['id', ...fields.map(columnOf), 'created_at', 'updated_at'];
    const sql = `INSERT INTO ${tableOf(collection)} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    return this.sql.tx(async (db) => {
      const at = now();
      const stored: CollectionRecords[C][] = [];
      for (const values of records) {
        const record = values as unknown as Record<string, unknown>;
        await this.sql.q(sql, [record.id, ...fields.map((f) => record[f] ?? null), at, at], db);
        const full = { ...record, createdAt: at, updatedAt: at };
        await this.record(db, collection, record.id as string, action, userId, null, full);
        stored.push(full as unknown as CollectionRecords[C]);
      }
      return stored;
    });
  }

  async update<C extends CollectionName>(collection: C, values: ResearchValues<C>, userId: string | null): Promise<CollectionRecords[C] | null> {
    const record = values as unknown as Record<string, unknown>;
    const fields = fieldsOf(collection);
    return this.sql.tx(async (db) => {
      const before = await this.sql.one(`SELECT * FROM ${tableOf(collection)} WHERE id = ? FOR UPDATE`, [record.id], db);
      if (!before) return null;
      const after = await this.sql.one(
        `UPDATE ${tableOf(collection)} SET ${fields.map((f) => `${columnOf(f)} = ?`).join(', ')}, updated_at = ? WHERE id = ? RETURNING *`,
        [...fields.map((f) => record[f] ?? null), now(), record.id],
        db,
      );
      const updated = rowToRecord(collection, after!);
      await this.record(db, collection, record.id as string, 'update', userId, rowToRecord(collection, before), updated);
      return updated as unknown as CollectionRecords[C];
    });
  }

  async delete(collection: CollectionName, id: string, userId: string | null): Promise<DeleteOutcome> {
    return this.sql.tx(async (db): Promise<DeleteOutcome> => {
      const before = await this.sql.one(`SELECT * FROM ${tableOf(collection)} WHERE id = ? FOR UPDATE`, [id], db);
      if (!before) return 'missing';
      if (collection === 'organisations') {
        for (const other of REFERENCING_COLLECTIONS) {
          if (await this.sql.one(`SELECT 1 FROM ${tableOf(other)} WHERE organisation_id = ? LIMIT 1`, [id], db)) return 'referenced';
        }
      }
      await this.sql.q(`DELETE FROM ${tableOf(collection)} WHERE id = ?`, [id], db);
      await this.record(db, collection, id, 'delete', userId, rowToRecord(collection, before), null);
      return 'deleted';
    });
  }

  async audit(options: { limit: number; collection?: CollectionName; recordId?: string }): Promise<AuditRecord[]> {
    const { sql, args } = auditQuery(options);
    return (await this.sql.q(sql, args)).map(toAudit);
  }
}
