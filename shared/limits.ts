/** Defaults shared by server configuration and client-side checks. */
export const DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;
/** An awareness state larger than this is dropped (cursors and names are a few hundred bytes). */
export const MAX_AWARENESS_STATE_BYTES = 64 * 1024;
/** How many awareness client ids one connection may introduce (one per tab is normal). */
export const MAX_AWARENESS_IDS_PER_CONNECTION = 8;
export const MAX_TITLE_LENGTH = 200;
export const MAX_LINK_LABEL_LENGTH = 80;
/** Deck ids are 16 url-safe characters; anything else is not a deck. */
export const DECK_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
/** Longest an ended session's slides may stay available to its audience ([AU4]). */
export const MAX_KEEP_AVAILABLE_DAYS = 90;
