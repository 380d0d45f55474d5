/**
 * Throwaway PostgreSQL databases for tests, on the server that CI starts (127.0.0.1:5432,
 * user postgres, trust auth; PG_ADMIN_URL overrides). Each test makes its own and drops it.
 */
import pg from 'pg';
import { randomBytes } from 'node:crypto';

const ADMIN_URL = process.env.PG_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** True when the PostgreSQL server answers; CI always has one (.ci/run starts it). */
export async function postgresAvailable(): Promise<boolean> {
  try {
    await admin((c) => c.query('SELECT 1'));
    return true;
  } catch {
    if (process.env.CI) throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}, and CI must run the PostgreSQL tests`);
    console.warn(`PostgreSQL is not reachable at ${ADMIN_URL}: skipping the PostgreSQL tests (CI runs them).`);
    return false;
  }
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `tussenstand_test_${randomBytes(6).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
