/**
 * Awareness from an editor's socket, checked before it reaches anyone.
 *
 * Nothing in y-protocols binds an awareness client id to the socket that sent it, so a
 * client could move another user's caret or remove them from the deck. Each entry is kept
 * only if its client id is new or already belongs to this socket, and every state is
 * stamped with the authenticated user, whatever name the client claimed.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MAX_AWARENESS_IDS_PER_CONNECTION, MAX_AWARENESS_STATE_BYTES } from '../../shared/limits.ts';

export interface AwarenessUser {
  id: string;
  name: string;
}

export interface FilterContext {
  user: AwarenessUser;
  /** Client ids this socket owns. */
  ownIds: Set<number>;
  /** Who owns a client id in this room, if anyone. */
  ownerOf: (clientId: number) => unknown;
  self: unknown;
}

export interface FilteredAwareness {
  update: Uint8Array;
  /** Client ids that this update introduces for the socket. */
  claimed: number[];
  dropped: number;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** Decodes, filters and re-encodes; throws when the update cannot be decoded. */
export function filterAwarenessUpdate(update: Uint8Array, ctx: FilterContext): FilteredAwareness {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const kept: { clientId: number; clock: number; json: string }[] = [];
  const claimed: number[] = [];
  let dropped = 0;
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const json = decoding.readVarString(decoder);
    const owner = ctx.ownerOf(clientId);
    if (owner !== undefined && owner !== ctx.self) {
      dropped++;
      continue;
    }
    if (owner === undefined && ctx.ownIds.size + claimed.length >= MAX_AWARENESS_IDS_PER_CONNECTION) {
      dropped++;
      continue;
    }
    if (json.length > MAX_AWARENESS_STATE_BYTES) {
      dropped++;
      continue;
    }
    let state: unknown;
    try {
      state = JSON.parse(json);
    } catch {
      dropped++;
      continue;
    }
    if (state === null) {
      kept.push({ clientId, clock, json });
      continue;
    }
    if (typeof state !== 'object' || Array.isArray(state)) {
      dropped++;
      continue;
    }
    const record = state as Record<string, unknown>;
    const claimedUser = (typeof record.user === 'object' && record.user !== null ? record.user : {}) as Record<string, unknown>;
    record.user = {
      id: ctx.user.id,
      name: ctx.user.name,
      color: typeof claimedUser.color === 'string' && COLOR.test(claimedUser.color) ? claimedUser.color : '#2f6f9f',
    };
    kept.push({ clientId, clock, json: JSON.stringify(record) });
    if (owner === undefined) claimed.push(clientId);
  }
  if (decoding.hasContent(decoder)) throw new Error('trailing bytes in awareness update');
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, kept.length);
  for (const entry of kept) {
    encoding.writeVarUint(encoder, entry.clientId);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.json);
  }
  return { update: encoding.toUint8Array(encoder), claimed, dropped };
}
