/**
 * The research log's value lists and CSV columns as the client uses them: from the zod-free
 * shared modules, so the page's bundle carries no schema library.
 */
export { AUDIENCES, COLLECTIONS, CSV_COLUMNS, DAMOCLES_STATUSES, EVENT_KINDS, ORGANISATION_KINDS } from '../../../shared/researchValues.ts';
export { ROLES } from '../../../shared/roles.ts';
