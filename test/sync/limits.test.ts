import { describe, expect, test } from 'vitest';
import * as encoding from 'lib0/encoding';
import { CloseCode } from '../../shared/closeCodes.ts';
import { MessageType } from '../../shared/syncMessages.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { rawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';

function frame(...parts: ((e: encoding.Encoder) => void)[]): Uint8Array {
  const e = encoding.createEncoder();
  for (const p of parts) p(e);
  return encoding.toUint8Array(e);
}

const MALFORMED_FRAMES: [string, Uint8Array | string][] = [
  ['an empty frame', new Uint8Array()],
  ['an unknown message type', frame((e) => encoding.writeVarUint(e, 99))],
  ['a truncated sync message', frame((e) => encoding.writeVarUint(e, MessageType.SYNC))],
  ['an unknown sync subtype', frame((e) => encoding.writeVarUint(e, MessageType.SYNC), (e) => encoding.writeVarUint(e, 7), (e) => encoding.writeVarUint8Array(e, new Uint8Array([1])))],
  ['a length prefix longer than the frame', frame((e) => encoding.writeVarUint(e, MessageType.SYNC), (e) => encoding.writeVarUint(e, 2), (e) => encoding.writeVarUint(e, 5000))],
  ['garbage as an update', syncUpdateFrame(new Uint8Array([255, 255, 255, 255, 1, 2, 3]))],
  ['garbage as a state vector', frame((e) => encoding.writeVarUint(e, MessageType.SYNC), (e) => encoding.writeVarUint(e, 0), (e) => encoding.writeVarUint8Array(e, new Uint8Array([5, 255, 255])))],
  ['trailing bytes after a message', new Uint8Array([...syncUpdateFrame(new Uint8Array([0, 0])), 1, 2, 3])],
  ['an awareness update that is not one', frame((e) => encoding.writeVarUint(e, MessageType.AWARENESS), (e) => encoding.writeVarUint8Array(e, new Uint8Array([3, 1])))],
  ['a text frame', 'hello'],
];

describe('limits and bad input', () => {
  const fx = serverFixture({ maxFrameBytes: 64 * 1024 });

  test.each(MALFORMED_FRAMES)('[LM2] %s closes only that socket with 4400', async (_name, bad) => {
    const deckId = await newDeck(fx.api, 'Bystanders');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([a.synced, b.synced]);
    const raw = rawSocket(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await raw.opened;
    raw.ws.send(bad);
    const closed = await raw.closed;
    expect(closed.code).toBe(CloseCode.MALFORMED);
    expect(closed.reason.length).toBeGreaterThan(0);
    typeInto(a.doc, 0, ' still syncing');
    await eventually(() => expect(slideText(b.doc, 0)).toContain('still syncing'));
    expect(a.provider.wsconnected && b.provider.wsconnected).toBe(true);
    a.destroy();
    b.destroy();
  });

  test('[LM1] an oversized frame closes that socket with 4413 and the client does not resend it', async () => {
    const deckId = await newDeck(fx.api, 'Big');
    const bystander = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const big = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([bystander.synced, big.synced]);
    let attempts = 0;
    big.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connecting') attempts++;
    });
    typeInto(big.doc, 0, 'x'.repeat(100 * 1024));
    const closed = await big.closed;
    expect(closed.code).toBe(CloseCode.FRAME_TOO_LARGE);
    await new Promise((r) => setTimeout(r, 800));
    // Permanent close: no reconnect-and-resend loop.
    expect(attempts).toBe(0);
    expect(big.provider.shouldConnect).toBe(false);
    typeInto(bystander.doc, 0, ' fine');
    const check = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await check.synced;
    await eventually(() => expect(slideText(check.doc, 0)).toBe('Big fine'));
    for (const c of [bystander, big, check]) c.destroy();
  });
});

describe('slow readers', () => {
  const fx = serverFixture({ maxBufferedBytes: 256 * 1024 });

  test('[LM3] a socket that stops reading is closed with 4508; others keep syncing', async () => {
    const deckId = await newDeck(fx.api, 'Slow');
    const token = await newLink(fx.api, deckId);
    // Live, so the attendee is sent the first slide and every change to it ([AU3]).
    await startSession(fx.api, deckId);
    const stalled = rawSocket(fx.s.wsUrl, deckId, { token });
    await stalled.opened;
    // Stop reading: the kernel buffers fill, then the server's queue for this socket grows.
    stalled.ws.pause();
    const writer = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const reader = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([writer.synced, reader.synced]);
    for (let i = 0; i < 80; i++) typeInto(writer.doc, 0, 'y'.repeat(60 * 1024));
    await eventually(() => expect(fx.s.server.services.sync.viewerCounts(deckId)).toEqual({}), 15_000);
    // Reading again, it finds what was queued and then the close frame with its reason.
    stalled.ws.resume();
    expect((await stalled.closed).code).toBe(CloseCode.TOO_SLOW);
    await eventually(() => expect(slideText(reader.doc, 0).length).toBe('Slow'.length + 80 * 60 * 1024), 15_000);
    writer.destroy();
    reader.destroy();
  });
});
