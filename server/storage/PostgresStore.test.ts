import { describe, expect, test } from 'vitest';
import { createTestDatabase, postgresAvailable } from '../../test/helpers/pgDatabase.ts';
import { PostgresStore } from './PostgresStore.ts';
import { storeContract } from './storeContract.ts';

const available = await postgresAvailable();

/** A store on its own database, dropped when the store is closed. */
async function freshPostgresStore(): Promise<PostgresStore> {
  const db = await createTestDatabase();
  const store = new PostgresStore(db.url);
  await store.migrate();
  const close = store.close.bind(store);
  store.close = async () => {
    await close();
    await db.drop();
  };
  return store;
}

describe.skipIf(!available)('PostgreSQL', () => {
  storeContract('PostgreSQL', freshPostgresStore);

  test('several instances migrating and seeding at once do it exactly once', async () => {
    const db = await createTestDatabase();
    const stores = [new PostgresStore(db.url), new PostgresStore(db.url), new PostgresStore(db.url)];
    let seeds = 0;
    try {
      await Promise.all(stores.map((s) => s.migrate()));
      const ran = await Promise.all(stores.map((s) => s.seedOnce(async () => {
        seeds++;
        await new Promise((r) => setTimeout(r, 100));
      })));
      expect(seeds).toBe(1);
      expect(ran.filter(Boolean)).toHaveLength(1);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
      await db.drop();
    }
  });

  test('only one instance compacts a deck at a time', async () => {
    const store = await freshPostgresStore();
    const other = new PostgresStore((store.pool.options as { connectionString: string }).connectionString);
    try {
      let release!: () => void;
      const first = store.tryExclusive('compact:d1', () => new Promise<string>((r) => (release = () => r('first'))));
      await new Promise((r) => setTimeout(r, 50));
      expect(await other.tryExclusive('compact:d1', async () => 'second')).toBeNull();
      expect(await other.tryExclusive('compact:d2', async () => 'other deck')).toBe('other deck');
      release();
      expect(await first).toBe('first');
      expect(await other.tryExclusive('compact:d1', async () => 'after')).toBe('after');
    } finally {
      await other.close();
      await store.close();
    }
  });
});
