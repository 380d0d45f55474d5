/**
 * Seeded generators of hostile and half-valid frames for the protocol fuzz test.
 *
 * Every frame says what the server must do with it: `close` (a named close code, on that
 * socket only), `ok` (ignored or served, the socket stays open) or `either` (random bytes
 * that may happen to decode). The same seed gives the same frames, so a failure replays
 * with FUZZ_SEED=<seed>.
 */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import * as syncProtocol from 'y-protocols/sync';
import { MessageType } from '../../shared/syncMessages.ts';

/** mulberry32: a tiny, fast, well-distributed 32-bit PRNG; enough for fuzzing. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(maxExclusive: number): number {
    return Math.floor(this.next() * maxExclusive);
  }
  range(min: number, maxInclusive: number): number {
    return min + this.int(maxInclusive - min + 1);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
  bytes(length: number): Uint8Array {
    const out = new Uint8Array(length);
    for (let i = 0; i < length; i++) out[i] = this.int(256);
    return out;
  }
  /** Mostly small lengths, sometimes large ones: most bugs live near zero and near limits. */
  length(max: number): number {
    const r = this.next();
    if (r < 0.6) return this.int(Math.min(16, max + 1));
    if (r < 0.9) return this.int(Math.min(512, max + 1));
    return this.int(max + 1);
  }
}

export type Expect = 'close' | 'ok' | 'either';

export interface Frame {
  kind: string;
  data: Uint8Array | string;
  /** What the server must do with it on an editor's socket and on an attendee's. */
  editor: Expect;
  viewer: Expect;
}

function message(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}

/** A real Yjs update of a few random operations on a scratch document. */
function realUpdate(rng: Rng): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = rng.range(1, 2 ** 31);
  const ops = rng.range(1, 4);
  doc.transact(() => {
    for (let i = 0; i < ops; i++) {
      const op = rng.int(4);
      if (op === 0) doc.getMap('fuzz').set(`k${rng.int(50)}`, rng.int(1000));
      else if (op === 1) doc.getText('fuzzText').insert(0, 'x'.repeat(rng.range(1, 40)));
      else if (op === 2) doc.getArray('fuzzArray').push([rng.int(10), { n: rng.int(10) }]);
      else doc.getXmlFragment('fuzzXml').insert(0, [new Y.XmlText('fz')]);
    }
  });
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

function stateVector(rng: Rng): Uint8Array {
  const doc = new Y.Doc();
  if (rng.chance(0.5)) doc.getMap('fuzz').set('a', 1);
  const sv = Y.encodeStateVector(doc);
  doc.destroy();
  return sv;
}

export function syncFrame(subtype: number, payload: Uint8Array): Uint8Array {
  return message(
    (e) => encoding.writeVarUint(e, MessageType.SYNC),
    (e) => encoding.writeVarUint(e, subtype),
    (e) => encoding.writeVarUint8Array(e, payload),
  );
}

export function step1Frame(): Uint8Array {
  return message(
    (e) => encoding.writeVarUint(e, MessageType.SYNC),
    (e) => syncProtocol.writeSyncStep1(e, new Y.Doc()),
  );
}

function awarenessPayload(entries: { clientId: number; clock: number; json: string }[]): Uint8Array {
  return message(
    (e) => encoding.writeVarUint(e, entries.length),
    ...entries.map((x) => (e: encoding.Encoder) => {
      encoding.writeVarUint(e, x.clientId);
      encoding.writeVarUint(e, x.clock);
      encoding.writeVarString(e, x.json);
    }),
  );
}

function awarenessFrame(payload: Uint8Array): Uint8Array {
  return message(
    (e) => encoding.writeVarUint(e, MessageType.AWARENESS),
    (e) => encoding.writeVarUint8Array(e, payload),
  );
}

function nestedJson(rng: Rng, depth: number): string {
  const open = rng.chance(0.5) ? '[' : '{"a":';
  const close = open === '[' ? ']' : '}';
  return open.repeat(depth) + String(rng.int(10)) + close.repeat(depth);
}

/** A valid frame of each kind, then cut short somewhere: always malformed. */
function truncatedValid(rng: Rng, awarenessClient: number): Frame {
  const whole = rng.pick([
    () => syncFrame(syncProtocol.messageYjsUpdate, realUpdate(rng)),
    () => syncFrame(syncProtocol.messageYjsSyncStep2, realUpdate(rng)),
    () => syncFrame(syncProtocol.messageYjsSyncStep1, stateVector(rng)),
    () => awarenessFrame(awarenessPayload([{ clientId: awarenessClient, clock: rng.range(1, 1e6), json: JSON.stringify({ cursor: rng.int(100) }) }])),
    () => new Uint8Array([MessageType.QUERY_AWARENESS]),
    // A varuint of several bytes, so cuts land inside it.
    () => syncFrame(syncProtocol.messageYjsUpdate, new Uint8Array(rng.range(200, 20_000))),
  ])();
  const cut = rng.int(whole.length);
  return { kind: 'truncated', data: whole.slice(0, cut), editor: 'close', viewer: 'close' };
}

/**
 * One random frame for a `/sync` socket. `awarenessClient` is the clientID this socket
 * uses for its own (valid) awareness states; `frameLimit` the server's MAX_FRAME_BYTES.
 */
export function syncFuzzFrame(rng: Rng, awarenessClient: number, frameLimit: number): Frame {
  const r = rng.int(15);
  switch (r) {
    case 0:
      return { kind: 'random-bytes', data: rng.bytes(rng.length(2048)), editor: 'either', viewer: 'either' };
    case 1:
    case 2:
      return truncatedValid(rng, awarenessClient);
    case 3:
      return { kind: 'text-frame', data: rng.pick(['hello', '', '{"type":"subscribe","keys":["x"]}', '\u0000\u0001', 'ü'.repeat(rng.range(1, 500))]), editor: 'close', viewer: 'close' };
    case 4: {
      // A length prefix far beyond the frame (and beyond 2^32, 2^53).
      const huge = rng.pick([2 ** 31, 2 ** 32 + 5, 2 ** 50, Number.MAX_SAFE_INTEGER]);
      const data = message(
        (e) => encoding.writeVarUint(e, rng.pick([MessageType.SYNC, MessageType.AWARENESS])),
        (e) => encoding.writeVarUint(e, rng.pick([0, 1, 2])),
        (e) => encoding.writeVarUint(e, huge),
        (e) => encoding.writeUint8Array(e, rng.bytes(rng.int(8))),
      );
      return { kind: 'huge-varint-length', data, editor: 'close', viewer: 'close' };
    }
    case 5: {
      // A varuint that never ends (every byte has the continuation bit).
      const data = new Uint8Array(rng.range(1, 20)).fill(0xff);
      return { kind: 'endless-varint', data, editor: 'close', viewer: 'close' };
    }
    case 6: {
      // A real update with some of its bytes replaced: may decode, may not.
      const update = realUpdate(rng);
      const flips = rng.range(1, 4);
      for (let i = 0; i < flips; i++) update[rng.int(update.length)] = rng.int(256);
      const subtype = rng.pick([syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2]);
      // An attendee's writes are dropped before they are decoded ([RO2]).
      return { kind: 'mutated-update', data: syncFrame(subtype, update), editor: 'either', viewer: 'ok' };
    }
    case 7: {
      // Random bytes inside valid framing.
      const subtype = rng.pick([syncProtocol.messageYjsUpdate, syncProtocol.messageYjsSyncStep2]);
      return { kind: 'random-update', data: syncFrame(subtype, rng.bytes(rng.length(1024))), editor: 'either', viewer: 'ok' };
    }
    case 8:
      return { kind: 'random-state-vector', data: syncFrame(syncProtocol.messageYjsSyncStep1, rng.bytes(rng.range(1, 64))), editor: 'either', viewer: 'either' };
    case 9:
      return { kind: 'valid-update', data: syncFrame(syncProtocol.messageYjsUpdate, realUpdate(rng)), editor: 'ok', viewer: 'ok' };
    case 10: {
      const state = rng.pick([{ cursor: { x: rng.int(1000) } }, { user: { name: 'Mallory', id: 'not-me' } }, { presenting: true, pointer: { x: 0.5, y: 0.5 } }, null]);
      return { kind: 'valid-awareness', data: awarenessFrame(awarenessPayload([{ clientId: awarenessClient, clock: rng.range(1, 1e6), json: JSON.stringify(state) }])), editor: 'ok', viewer: 'ok' };
    }
    case 11: {
      // Awareness with garbage inside valid framing, or an absurd entry count.
      const payload = rng.chance(0.5) ? rng.bytes(rng.length(512)) : message((e) => encoding.writeVarUint(e, rng.pick([2 ** 31, 1e9, 70_000])));
      return { kind: 'garbage-awareness', data: awarenessFrame(payload), editor: 'either', viewer: 'ok' };
    }
    case 12: {
      // Nested garbage: deeply nested JSON as an awareness state, or a whole message as an update.
      if (rng.chance(0.5)) {
        const json = nestedJson(rng, rng.range(10, 3000));
        return { kind: 'nested-awareness-json', data: awarenessFrame(awarenessPayload([{ clientId: awarenessClient, clock: rng.range(1, 1e6), json }])), editor: 'either', viewer: 'ok' };
      }
      const inner = syncFrame(syncProtocol.messageYjsUpdate, syncFrame(syncProtocol.messageYjsUpdate, realUpdate(rng)));
      return { kind: 'nested-message', data: syncFrame(syncProtocol.messageYjsUpdate, inner), editor: 'either', viewer: 'ok' };
    }
    case 13: {
      const data = rng.pick([
        message((e) => encoding.writeVarUint(e, rng.range(4, 1000))),
        message((e) => encoding.writeVarUint(e, MessageType.AUTH)),
        message((e) => encoding.writeVarUint(e, MessageType.SYNC), (e) => encoding.writeVarUint(e, rng.range(3, 1 << 20)), (e) => encoding.writeVarUint8Array(e, rng.bytes(4))),
        new Uint8Array([...syncFrame(syncProtocol.messageYjsUpdate, realUpdate(rng)), ...rng.bytes(rng.range(1, 8))]),
        new Uint8Array([MessageType.QUERY_AWARENESS, ...rng.bytes(rng.range(1, 8))]),
      ]);
      return { kind: 'wrong-type-or-trailing', data, editor: 'close', viewer: 'close' };
    }
    default:
      return { kind: 'oversized', data: rng.bytes(frameLimit + rng.range(1, 4096)), editor: 'close', viewer: 'close' };
  }
}

export type StatsFrame = { kind: string; data: Uint8Array | string; expect: Expect };

/** One random frame for a `/stats` socket (whose frames are JSON text, at most 16 KiB). */
export function statsFuzzFrame(rng: Rng): StatsFrame {
  const r = rng.int(9);
  switch (r) {
    case 0:
      return { kind: 'binary', data: rng.bytes(rng.length(256)), expect: 'close' };
    case 1:
      return { kind: 'not-json', data: rng.pick(['{', 'subscribe', '{"type":"subscribe",', '\u0000', 'NaN', "{'type':'subscribe'}"]), expect: 'close' };
    case 2: {
      const wrong = rng.pick<unknown>([
        null,
        42,
        'subscribe',
        [],
        {},
        { type: 'subscribe' },
        { type: 'subscribe', keys: 'interviews.total' },
        { type: 'subscribe', keys: [] },
        { type: 'subscribe', keys: [1, 2, 3] },
        { type: 'subscribe', keys: [null] },
        { type: 'subscribe', keys: [{ key: 'x' }] },
        { type: 5, keys: ['x'] },
        { type: 'publish', keys: ['x'] },
        { type: ['subscribe'], keys: ['x'] },
        { type: 'subscribe', keys: Array.from({ length: 65 }, (_, i) => `k${i}`) },
        { type: 'subscribe', keys: ['y'.repeat(101)] },
      ]);
      return { kind: 'json-wrong-types', data: JSON.stringify(wrong), expect: 'close' };
    }
    case 3:
      return { kind: 'nested-json', data: nestedJson(rng, rng.range(10, 5000)), expect: 'close' };
    case 4:
      return { kind: 'oversized', data: 'x'.repeat(16 * 1024 + rng.range(1, 4096)), expect: 'close' };
    case 5:
      return { kind: 'random-text', data: String.fromCharCode(...Array.from({ length: rng.range(1, 200) }, () => rng.range(32, 0x2fff))), expect: 'either' };
    case 6:
      // Prototype keys: valid shape, unknown statistics, answered with errors.
      return { kind: 'proto-keys', data: `{"type":"subscribe","keys":["__proto__","constructor","toString"],"__proto__":{"polluted":true}}`, expect: 'ok' };
    case 7:
      return { kind: 'unknown-key', data: JSON.stringify({ type: rng.pick(['subscribe', 'unsubscribe']), keys: [`no.such.${rng.int(1000)}`] }), expect: 'ok' };
    default:
      return { kind: 'valid', data: JSON.stringify({ type: rng.pick(['subscribe', 'unsubscribe']), keys: ['interviews.total'] }), expect: 'ok' };
  }
}
