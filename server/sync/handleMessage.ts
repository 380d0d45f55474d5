/**
 * Decodes one frame from a sync socket and hands it to the room. A frame that does not
 * decode as exactly one y-websocket message throws MalformedMessage; the caller closes that
 * socket alone.
 */
import * as decoding from 'lib0/decoding';
import { MessageType, messageYjsSyncStep1, messageYjsSyncStep2, messageYjsUpdate } from '../../shared/syncMessages.ts';
import type { Connection } from './Connection.ts';
import type { DeckRoom } from './DeckRoom.ts';
import type { TokenBucket } from '../ws/rateLimit.ts';

export class MalformedMessage extends Error {}

/** The socket sent more messages of one kind than its bucket allows ([LM4]); the caller closes it with 4429. */
export class RateLimited extends Error {
  constructor(readonly kind: 'sync' | 'awareness') {
    super(`too many ${kind} messages`);
  }
}

function spend(bucket: TokenBucket | null, kind: 'sync' | 'awareness'): void {
  if (bucket && !bucket.take()) throw new RateLimited(kind);
}

function expectEnd(decoder: decoding.Decoder): void {
  if (decoding.hasContent(decoder)) throw new MalformedMessage('trailing bytes after the message');
}

function decode<T>(read: () => T): T {
  try {
    return read();
  } catch (err) {
    throw new MalformedMessage((err as Error).message);
  }
}

/** Returns a promise when the room queued work for the message. */
export function handleMessage(room: DeckRoom, conn: Connection, data: Uint8Array): Promise<void> | undefined {
  const decoder = decoding.createDecoder(data);
  const type = decode(() => decoding.readVarUint(decoder));
  switch (type) {
    case MessageType.SYNC: {
      // Counted before anything is decoded or queued: a flood is cut before it costs work.
      // A read-only socket's writes count too (they are dropped, but a SyncStep1 is not free).
      spend(conn.syncBucket, 'sync');
      const [subtype, payload] = decode(() => [decoding.readVarUint(decoder), decoding.readVarUint8Array(decoder)] as const);
      expectEnd(decoder);
      if (subtype === messageYjsSyncStep1) {
        return room.answerSyncStep1(conn, payload).catch((err: unknown) => {
          throw new MalformedMessage(`bad state vector: ${(err as Error).message}`);
        });
      }
      if (subtype === messageYjsSyncStep2 || subtype === messageYjsUpdate) {
        // A read-only socket's writes are dropped here, before they touch the document.
        if (conn.readOnly) {
          conn.ignoredWrites++;
          return undefined;
        }
        return room.applyClientUpdate(conn, payload);
      }
      throw new MalformedMessage(`unknown sync message type ${subtype}`);
    }
    case MessageType.AWARENESS: {
      spend(conn.awarenessBucket, 'awareness');
      const payload = decode(() => decoding.readVarUint8Array(decoder));
      expectEnd(decoder);
      if (conn.readOnly) return undefined;
      decode(() => room.presence.apply(conn, payload));
      return undefined;
    }
    case MessageType.QUERY_AWARENESS:
      // Counted as a sync message: its answer is an awareness message, which credits the
      // awareness bucket, so counting it there would make a query flood free.
      spend(conn.syncBucket, 'sync');
      expectEnd(decoder);
      room.presence.answerQuery(conn);
      return undefined;
    default:
      throw new MalformedMessage(`unknown message type ${type}`);
  }
}
