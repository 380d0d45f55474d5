/**
 * PostgreSQL runs the same migrations as SQLite: the SQLite text with the two types that
 * differ translated, so the schemas cannot drift apart.
 */
import { SQLITE_MIGRATIONS } from './sqliteSchema.ts';

export const PG_MIGRATIONS: string[] = SQLITE_MIGRATIONS.map((sql) =>
  sql.replaceAll('INTEGER PRIMARY KEY AUTOINCREMENT', 'BIGSERIAL PRIMARY KEY').replaceAll('BLOB', 'BYTEA'),
);
