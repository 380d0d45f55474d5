/**
 * The y-websocket wire protocol as Tussenstand speaks it on `/sync/<deckId>`.
 *
 * Message type numbers are fixed by the y-websocket 3 client (one message per frame,
 * first a varuint type). The sync sub-types come from y-protocols/sync and are re-exported
 * here so that no module spells the numbers itself.
 */
export { messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from 'y-protocols/sync';

export const MessageType = {
  SYNC: 0,
  AWARENESS: 1,
  AUTH: 2,
  QUERY_AWARENESS: 3,
} as const;

/** Path prefix of the document sync endpoint; the client's room name (deck id) follows it. */
export const SYNC_PATH = '/sync';
/** Query parameter that carries a read-only audience link token. */
export const LINK_TOKEN_PARAM = 'token';
