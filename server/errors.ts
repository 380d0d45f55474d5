/**
 * The server's domain errors: what services throw when a request cannot be served, without
 * knowing about HTTP. `server/http/httpErrors.ts` maps each to a status and the wire's
 * `{ error, message, fields? }` body; the websocket endpoints map the storage ones to close codes.
 */

/** A field and what is wrong with it, as the API reports it. */
export interface FieldProblem {
  field: string;
  message: string;
}

/** The input breaks a rule; `fields` names each bad field (HTTP 400). */
export class ValidationError extends Error {
  constructor(
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
  }
}

/** The thing asked for does not exist (HTTP 404). */
export class NotFoundError extends Error {
  constructor(readonly what: string) {
    super(`${what} not found`);
  }
}

/** The request clashes with the current state, e.g. a name in use or a record still referenced (HTTP 409). */
export class ConflictError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: FieldProblem[],
  ) {
    super(message);
  }
}

/** The input is over a size limit, named in the message (HTTP 413); `code` is the wire's `error` (e.g. 'too-many-slides'). */
export class TooLargeError extends Error {
  constructor(
    message: string,
    readonly code: string = 'too-large',
  ) {
    super(message);
  }
}

/** Storage could not be read or written for now (HTTP 503; close code STORAGE_UNAVAILABLE). */
export class StorageError extends Error {}

/** A deck's stored history holds an update that cannot be applied (HTTP 409; close code DECK_DAMAGED). */
export class DamagedDeckError extends Error {}
