/**
 * What an audience link's socket carries ([AU1]–[AU7], docs/sync-spec.md), checked at the
 * wire: a raw socket holding the link token, marker strings planted in every part of the
 * deck document, and assertions on the bytes the socket received, next to a stock
 * y-websocket client for what an attendee's page would hold.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, deckTypes, listSlides, readMeta, readPresentation, slideIds, writeMeta, writePresentation } from '../../shared/deckModel.ts';
import { appendBlocks, chart, paragraph } from '../../shared/slideContent.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { slideText } from '../helpers/docEdits.ts';
import { rawSocket, syncStep1Frame, syncUpdateFrame, type RawSocket } from '../helpers/rawSocket.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { statsSocket } from '../helpers/statsSocket.ts';
import { connectClient, eventually, sleep, type YClient } from '../helpers/yClient.ts';

const SLIDES = 10;
const slideMarker = (i: number): string => `SLIDE-MARK-${i}-`;
const noteMarker = (i: number): string => `NOTE-MARK-${i}-`;
/** Markers in parts of the document that are never the audience's, whatever is shown. */
const EDITOR_ONLY = ['PERIOD-MARK', 'COMMENT-MARK', 'REVIEW-MARK', 'SHOWN-BOOKKEEPING'];

/** Everything a raw socket has received, as text (markers are ASCII). */
const wire = (raw: RawSocket): string => Buffer.concat(raw.received.map((b) => Buffer.from(b))).toString('latin1');

/** A raw attendee socket that asked for the whole state, as the stock client does on open. */
async function rawAttendee(wsUrl: string, deckId: string, token: string): Promise<RawSocket> {
  const raw = rawSocket(wsUrl, deckId, { token });
  await raw.opened;
  raw.ws.send(syncStep1Frame(new Y.Doc()));
  await eventually(() => expect(raw.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true));
  return raw;
}

/**
 * A deck of ten slides, each with a marker in its content and in its notes, a live chart on
 * slide 5, and markers in the places editor-only data lives or will live: deck metadata the
 * audience does not need, a root type no audience code knows (review comments), an extra
 * key on a slide (review state).
 */
async function plantedDeck(fx: ReturnType<typeof serverFixture>): Promise<{ deckId: string; editor: YClient; ids: string[] }> {
  const deckId = await newDeck(fx.api, 'Audience deck TITLE-MARK');
  const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
  await editor.synced;
  editor.doc.transact(() => {
    const first = listSlides(editor.doc)[0]!;
    appendBlocks(first.content, [paragraph(slideMarker(1))]);
    appendBlocks(first.notes, [paragraph(noteMarker(1))]);
    for (let i = 2; i <= SLIDES; i++) {
      addSlide(editor.doc, { content: [paragraph(slideMarker(i)), ...(i === 5 ? [chart('interviews.total', 'number')] : [])], notes: [paragraph(noteMarker(i))] });
    }
    writeMeta(editor.doc, { period: 'PERIOD-MARK' });
    editor.doc.getMap('comments').set('c1', 'COMMENT-MARK');
    deckTypes(editor.doc).slides.get(slideIds(editor.doc)[1]!)!.set('review', 'REVIEW-MARK');
  });
  await eventually(async () => expect((await fx.api.get(`/api/decks/${deckId}`)).body.slideCount).toBe(SLIDES));
  return { deckId, editor, ids: slideIds(editor.doc) };
}

/** The presenter moves to slide `n` (1-based), as the presenter page does. */
async function showUpTo(editor: YClient, ids: string[], n: number): Promise<void> {
  await eventually(() => expect(readPresentation(editor.doc).active).toBe(true));
  for (let i = 1; i <= n; i++) writePresentation(editor.doc, { slideId: ids[i - 1]!, fragment: 0 });
}

function expectOnly(text: string, shown: number[]): void {
  for (let i = 1; i <= SLIDES; i++) {
    if (shown.includes(i)) expect(text, `slide ${i} should reach the audience`).toContain(slideMarker(i));
    else expect(text, `slide ${i} must not reach the audience`).not.toContain(slideMarker(i));
    expect(text, `notes of slide ${i}`).not.toContain(noteMarker(i));
  }
  for (const marker of EDITOR_ONLY) expect(text, marker).not.toContain(marker);
}

describe('what an audience link receives', () => {
  const fx = serverFixture();

  test('[AU2] before a session: the title and a waiting state, no slide, note or figure', async () => {
    const { deckId, editor } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId, { label: 'OM' });
    const raw = await rawAttendee(fx.s.wsUrl, deckId, token);
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    await sleep(200);
    const text = wire(raw);
    expect(text).toContain('TITLE-MARK');
    expectOnly(text, []);
    expect(text).not.toContain('interviews.total');
    expect(readMeta(attendee.doc).title).toBe('Audience deck TITLE-MARK');
    expect(listSlides(attendee.doc)).toHaveLength(0);
    expect(deckTypes(attendee.doc).presentation.get('state')).toBe('waiting');
    raw.ws.close();
    attendee.destroy();
    editor.destroy();
  });

  test('[AU1] [AU3] during a session: exactly the slides shown, live edits to those, nothing else', async () => {
    const { deckId, editor, ids } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId, { label: 'team' });
    const early = await rawAttendee(fx.s.wsUrl, deckId, token);
    await startSession(fx.api, deckId);
    await showUpTo(editor, ids, 3);
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    await eventually(() => expect(listSlides(attendee.doc)).toHaveLength(3));
    const late = await rawAttendee(fx.s.wsUrl, deckId, token);
    // The page's document: the three slides in deck order, the live one, no notes.
    expect(slideIds(attendee.doc)).toEqual(ids.slice(0, 3));
    expect(readPresentation(attendee.doc)).toMatchObject({ active: true, slideId: ids[2] });
    for (const slide of listSlides(attendee.doc)) expect(slide.notes.length).toBe(0);
    expect(slideText(attendee.doc, 1)).toContain(slideMarker(2));

    // An edit to shown slide 2 reaches the audience; one to slide 7, and any note, does not.
    editor.doc.transact(() => appendBlocks(listSlides(editor.doc)[1]!.content, [paragraph('LIVE-EDIT-2')]));
    editor.doc.transact(() => appendBlocks(listSlides(editor.doc)[6]!.content, [paragraph('HIDDEN-EDIT-7')]));
    editor.doc.transact(() => appendBlocks(listSlides(editor.doc)[1]!.notes, [paragraph('HIDDEN-NOTE-2')]));
    await eventually(() => expect(slideText(attendee.doc, 1)).toContain('LIVE-EDIT-2'));
    await sleep(200);
    for (const raw of [early, late]) {
      const text = wire(raw);
      expectOnly(text, [1, 2, 3]);
      expect(text).not.toContain('HIDDEN-EDIT-7');
      expect(text).not.toContain('HIDDEN-NOTE-2');
    }
    expect(wire(early)).toContain('LIVE-EDIT-2');
    // A forged update from a link holder changes nothing, for anyone.
    const forged = new Y.Doc();
    addSlide(forged, { content: [paragraph('FORGED')] });
    const stored = await fx.s.server.services.store.countUpdates(deckId);
    late.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged)));
    await sleep(200);
    expect(await fx.s.server.services.store.countUpdates(deckId)).toBe(stored);
    expect(listSlides(editor.doc)).toHaveLength(SLIDES);
    expect(listSlides(attendee.doc)).toHaveLength(3);

    // Moving on shows slide 4 as well; going back keeps what was shown.
    writePresentation(editor.doc, { slideId: ids[3]! });
    writePresentation(editor.doc, { slideId: ids[0]! });
    await eventually(() => expect(slideIds(attendee.doc)).toEqual(ids.slice(0, 4)));
    expect(readPresentation(attendee.doc).slideId).toBe(ids[0]);
    expectOnly(wire(early), [1, 2, 3, 4]);
    for (const c of [early, late]) c.ws.close();
    attendee.destroy();
    editor.destroy();
  });

  test('[AU4] ending without "keep available" takes every slide away; a later holder receives nothing', async () => {
    const { deckId, editor, ids } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    await showUpTo(editor, ids, 3);
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    await eventually(() => expect(listSlides(attendee.doc)).toHaveLength(3));
    expect((await fx.api.post(`/api/decks/${deckId}/presentation/stop`)).status).toBe(200);
    await eventually(() => expect(listSlides(attendee.doc)).toHaveLength(0));
    expect(deckTypes(attendee.doc).presentation.get('state')).toBe('ended');
    const after = await rawAttendee(fx.s.wsUrl, deckId, token);
    await sleep(100);
    expectOnly(wire(after), []);
    after.ws.close();
    attendee.destroy();
    editor.destroy();
  });

  test('[AU4] slides kept available stay readable until the chosen moment, then go', async () => {
    const { deckId, editor, ids } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    await showUpTo(editor, ids, 2);
    await eventually(async () => expect(await fx.s.server.services.store.countUpdates(deckId)).toBeGreaterThan(0));
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    await eventually(() => expect(listSlides(attendee.doc)).toHaveLength(2));
    const keepUntil = new Date(Date.now() + 1500).toISOString();
    const bad = await fx.api.post(`/api/decks/${deckId}/presentation/stop`, { keepUntil: '2001-01-01T00:00:00Z' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('keepUntil');
    expect((await fx.api.post(`/api/decks/${deckId}/presentation/stop`, { keepUntil })).status).toBe(200);
    await eventually(() => expect(deckTypes(attendee.doc).presentation.get('state')).toBe('kept'));
    expect(slideIds(attendee.doc)).toEqual(ids.slice(0, 2));
    expect(readPresentation(attendee.doc)).toMatchObject({ active: false, keepUntil });
    const during = await rawAttendee(fx.s.wsUrl, deckId, token);
    expectOnly(wire(during), [1, 2]);
    // At keepUntil the server takes them away from connected attendees, unprompted.
    await eventually(() => expect(listSlides(attendee.doc)).toHaveLength(0), 4_000);
    expect(deckTypes(attendee.doc).presentation.get('state')).toBe('ended');
    const after = await rawAttendee(fx.s.wsUrl, deckId, token);
    await sleep(100);
    expectOnly(wire(after), []);
    for (const c of [during, after]) c.ws.close();
    attendee.destroy();
    editor.destroy();
  });

  test('[AU4] a new session starts with nothing shown', async () => {
    const { deckId, editor, ids } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    await showUpTo(editor, ids, 4);
    await fx.api.post(`/api/decks/${deckId}/presentation/stop`, { keepUntil: new Date(Date.now() + 3_600_000).toISOString() });
    await eventually(() => expect(readPresentation(editor.doc).active).toBe(false));
    await startSession(fx.api, deckId);
    const attendee = await rawAttendee(fx.s.wsUrl, deckId, token);
    await sleep(100);
    expectOnly(wire(attendee), [1]);
    attendee.ws.close();
    editor.destroy();
  });

  test('[AU5] text deleted from a shown slide is not in what a later attendee receives', async () => {
    const { deckId, editor, ids } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    await showUpTo(editor, ids, 2);
    const present = connectClient(fx.s.wsUrl, deckId, { token });
    await present.synced;
    editor.doc.transact(() => appendBlocks(listSlides(editor.doc)[1]!.content, [paragraph('WITHDRAWN-MARK')]));
    await eventually(() => expect(slideText(present.doc, 1)).toContain('WITHDRAWN-MARK'));
    const content = listSlides(editor.doc)[1]!.content;
    content.delete(content.length - 1, 1);
    await eventually(() => expect(slideText(present.doc, 1)).not.toContain('WITHDRAWN-MARK'));
    const later = await rawAttendee(fx.s.wsUrl, deckId, token);
    await sleep(100);
    expect(wire(later)).not.toContain('WITHDRAWN-MARK');
    expectOnly(wire(later), [1, 2]);
    later.ws.close();
    present.destroy();
    editor.destroy();
  });

  test('[AU6] the stats socket of a link serves only the charts on shown slides', async () => {
    const { deckId, editor, ids } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId);
    const stats = statsSocket(fx.s.wsUrl, { token });
    await stats.opened;
    stats.subscribe(['interviews.total']);
    await eventually(() => expect(stats.messages).toContainEqual(expect.objectContaining({ type: 'error', key: 'interviews.total' })));
    await startSession(fx.api, deckId);
    await showUpTo(editor, ids, 4);
    await sleep(200);
    stats.subscribe(['interviews.total']);
    await eventually(() => expect(stats.messages.filter((m) => m.type === 'error')).toHaveLength(2));
    // The chart is on slide 5: once shown, the figure may be followed.
    writePresentation(editor.doc, { slideId: ids[4]! });
    await eventually(async () => expect((await fx.s.server.services.registry.audienceStatKeys(deckId)).has('interviews.total')).toBe(true));
    stats.subscribe(['interviews.total']);
    await eventually(() => expect(stats.statsFor('interviews.total')).toHaveLength(1));
    // Ended without keeping: the subscription is dropped on the server.
    await fx.api.post(`/api/decks/${deckId}/presentation/stop`);
    await eventually(async () => expect((await fx.s.server.services.registry.audienceStatKeys(deckId)).size).toBe(0));
    stats.subscribe(['interviews.total']);
    await eventually(() => expect(stats.messages.filter((m) => m.type === 'error')).toHaveLength(3));
    stats.ws.close();
    editor.destroy();
  });

  test('[AU7] attendees receive the presenter’s pointer and nothing else of the presenter', async () => {
    const { deckId, editor } = await plantedDeck(fx);
    const token = await newLink(fx.api, deckId);
    const me = (await fx.api.get('/api/me')).body as { id: string; displayName: string };
    await startSession(fx.api, deckId);
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    const raw = await rawAttendee(fx.s.wsUrl, deckId, token);
    await attendee.synced;
    editor.provider.awareness.setLocalState({ presenting: true, pointer: { x: 0.25, y: 0.5 }, cursor: 'CARET-MARK' });
    await eventually(() => expect(attendee.provider.awareness.getStates().get(editor.doc.clientID)).toEqual({ presenting: true, pointer: { x: 0.25, y: 0.5 } }));
    const text = wire(raw);
    expect(text).not.toContain(me.id);
    expect(text).not.toContain(me.displayName);
    expect(text).not.toContain('CARET-MARK');
    raw.ws.close();
    attendee.destroy();
    editor.destroy();
  });
});
