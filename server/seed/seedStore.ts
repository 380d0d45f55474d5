/**
 * First start: an empty store gets an admin account and the example deck. The admin's
 * password comes from ADMIN_PASSWORD or is generated and printed once.
 */
import type { Logger } from 'pino';
import { hashPassword, randomPassword } from '../auth/passwords.ts';
import { newId } from '../auth/tokens.ts';
import { createDeck } from '../decks.ts';
import type { Store } from '../storage/Store.ts';
import { buildExampleDeck, EXAMPLE_DECK_TITLE } from './exampleDeck.ts';
import { seedResearchSample } from './researchSample.ts';

export interface SeedOptions {
  adminPassword: string | undefined;
  seedSampleData: boolean;
  /** Where the one-time password line goes (the console). */
  announce: (line: string) => void;
}

export async function seedStore(store: Store, logger: Logger, options: SeedOptions): Promise<void> {
  await store.seedOnce(async () => {
    let adminId: string | null = null;
    if ((await store.countUsers()) === 0) {
      const password = options.adminPassword ?? randomPassword();
      const admin = await store.createUser({ id: newId(), username: 'admin', displayName: 'Beheerder', role: 'admin', passwordHash: await hashPassword(password) });
      adminId = admin.id;
      if (options.adminPassword) options.announce('Created user "admin" with the password from ADMIN_PASSWORD.');
      else options.announce(`Created user "admin" with password: ${password}  (shown once; change it after signing in)`);
    }
    if (options.seedSampleData) {
      await seedResearchSample(store, adminId);
      const deck = await createDeck(store, EXAMPLE_DECK_TITLE, adminId, buildExampleDeck);
      await store.recordDeckEvent({ deckId: deck.id, kind: 'created', userId: adminId, detail: { title: deck.title, seeded: true } });
      logger.info({ event: 'seeded', deckId: deck.id }, 'example deck created');
    }
  });
}
