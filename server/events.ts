/**
 * In-process notifications between the HTTP API and the websocket servers: when access is
 * withdrawn over HTTP, the sockets that used it must close. (With several instances, the
 * Redis bridge republishes these on every instance.)
 */
import { EventEmitter } from 'node:events';

export interface AccessEvents {
  /** An audience link was revoked; sockets opened with it close with LINK_REVOKED. */
  linkRevoked: [token: string];
  /** One session ended (logout); sockets opened with it close with NO_CREDENTIALS. */
  sessionEnded: [tokenHash: string];
  /** Every session of a user ended (disabled, password reset). */
  userSessionsEnded: [userId: string];
  /** A deck went to the trash; its sockets close with NO_SUCH_DECK. */
  deckTrashed: [deckId: string];
}

export class AccessBus extends EventEmitter<AccessEvents> {}
