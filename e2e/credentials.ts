/** The seeded admin account of the e2e server (playwright.config.ts passes the password). */
export const ADMIN = { username: 'admin', password: 'e2e-admin-password', displayName: 'Beheerder' } as const;

/** Title of the example deck the server seeds into an empty store. */
export const EXAMPLE_DECK_TITLE = 'Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs';
