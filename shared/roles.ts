/** Account roles: both edit decks; admins also manage users. */
export const ROLES = ['admin', 'analyst'] as const;
export type Role = (typeof ROLES)[number];
