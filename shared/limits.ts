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

/* ---- HTTP bodies: the server refuses larger ones with 413, the client checks first ---- */

/** A deck file (Markdown import); decks are tens of kilobytes. */
export const MAX_DECK_FILE_BYTES = 1024 * 1024;
/** Most slides one import may make (413 names it); real decks have tens. */
export const MAX_IMPORT_SLIDES = 1000;
/**
 * Most nodes (blocks, list items, text runs, images, line breaks) one import may make (413
 * names it). A 1000-slide deck has some tens of thousands; 1 MiB of one-line paragraphs would
 * make 500 000, whose document takes over a gigabyte to build.
 */
export const MAX_IMPORT_NODES = 100_000;
/** Deepest nesting of lists and quotes an import keeps; deeper content is lifted to this level (reported). */
export const MAX_IMPORT_NESTING = 12;
/** Most remote images one import fetches, each at most MAX_IMAGE_BYTES, within this many ms each. */
export const MAX_REMOTE_IMAGES = 50;
export const REMOTE_IMAGE_TIMEOUT_MS = 10_000;
/** A research CSV import. */
export const MAX_CSV_BYTES = 2 * 1024 * 1024;

/* ---- Text fields of the HTTP API (characters, after trimming) ---- */

export const MIN_USERNAME_LENGTH = 2;
export const MAX_USERNAME_LENGTH = 40;
export const MIN_PASSWORD_LENGTH = 10;
export const MAX_PASSWORD_LENGTH = 200;
export const MAX_DISPLAY_NAME_LENGTH = 80;
/** The period filled into a template, e.g. "januari 2027". */
export const MAX_PERIOD_LENGTH = 80;
export const MAX_VERSION_LABEL_LENGTH = 120;
/** Longest link or session token accepted in a URL (ours are 43 characters). */
export const MAX_TOKEN_LENGTH = 200;
/** Longest statistics key a chart or a request may name (catalogue keys are short). */
export const MAX_STAT_KEY_LENGTH = 100;
/** Longest chart title (shared/chartOptions.ts): a line above the chart, not a paragraph. */
export const MAX_CHART_TITLE_LENGTH = 120;
/** Longest axis title of a chart. */
export const MAX_AXIS_TITLE_LENGTH = 60;
