import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, slideCount } from '../../shared/deckModel.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { awarenessFrame, rawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('read-only connections', () => {
  const fx = serverFixture({ keepaliveMs: 300 });

  // [RO1] (a viewer receives the whole document) is replaced by the audience rules, test/sync/audience.test.ts.

  test('[RO2] a viewer’s writes reach neither the store nor anyone else', async () => {
    const deckId = await newDeck(fx.api, 'Viewer writes');
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await Promise.all([editor.synced, viewer.synced]);
    const storedBefore = await fx.s.server.services.store.countUpdates(deckId);
    // Through the stock client (an Update message)…
    typeInto(viewer.doc, 0, ' HACKED');
    addSlide(viewer.doc, {});
    // …and as a hand-made SyncStep2/Update frame on a raw socket.
    const forged = new Y.Doc();
    addSlide(forged, {});
    const raw = rawSocket(fx.s.wsUrl, deckId, { token });
    await raw.opened;
    raw.ws.send(syncUpdateFrame(Y.encodeStateAsUpdate(forged)));
    // A later viewer write is followed by an editor write, so we know the server has
    // processed the forged ones by the time the editor's arrives.
    await sleep(100);
    typeInto(editor.doc, 0, ' (editor)');
    const late = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await late.synced;
    await eventually(() => expect(slideText(late.doc, 0)).toContain('(editor)'));
    expect(slideText(editor.doc, 0)).not.toContain('HACKED');
    expect(slideText(late.doc, 0)).not.toContain('HACKED');
    expect(slideCount(late.doc)).toBe(1);
    expect(slideCount(editor.doc)).toBe(1);
    // Only the editor's one update was stored.
    expect(await fx.s.server.services.store.countUpdates(deckId)).toBe(storedBefore + 1);
    // The forging socket is not closed for it (a dropped write is not an attack signal).
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
    for (const c of [editor, viewer, late]) c.destroy();
  });

  test('[RO3] a viewer’s awareness is not relayed and it receives none', async () => {
    const deckId = await newDeck(fx.api, 'Viewer awareness');
    const token = await newLink(fx.api, deckId, { label: 'OM' });
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await editor.synced;
    editor.provider.awareness.setLocalStateField('cursor', { slide: 0 });
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await viewer.synced;
    viewer.provider.awareness.setLocalStateField('user', { name: 'Attendee pretending' });
    const raw = rawSocket(fx.s.wsUrl, deckId, { token });
    await raw.opened;
    raw.ws.send(awarenessFrame([{ clientId: 424242, clock: 1, state: { user: { name: 'ghost' } } }]));
    editor.provider.awareness.setLocalStateField('cursor', { slide: 1 });
    await sleep(400);
    // The editor sees no attendee's presence, only the server's count of them ([RO6]).
    const others = [...editor.provider.awareness.getStates()].filter(([id]) => id !== editor.doc.clientID);
    expect(others.map(([, state]) => state)).toEqual([{ audience: { OM: 2 } }]);
    // The viewer knows only itself: the editor's caret never reached it.
    expect([...viewer.provider.awareness.getStates().keys()]).toEqual([viewer.doc.clientID]);
    expect(fx.s.server.services.sync.viewerCounts(deckId)).toEqual({ OM: 2 });
    raw.ws.close();
    editor.destroy();
    viewer.destroy();
  });

  test('[RO3] attendees do receive the presenter’s pointer, and its end', async () => {
    const deckId = await newDeck(fx.api, 'Laser');
    const token = await newLink(fx.api, deckId, { label: 'team' });
    await startSession(fx.api, deckId);
    const presenter = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const coEditor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([presenter.synced, coEditor.synced]);
    coEditor.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    presenter.provider.awareness.setLocalState({ presenting: true, pointer: { x: 0.25, y: 0.5 } });
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await viewer.synced;
    // Arriving mid-talk, the attendee gets the pointer at once; the co-editor's caret never.
    await eventually(() => expect(viewer.provider.awareness.getStates().get(presenter.doc.clientID)).toMatchObject({ presenting: true, pointer: { x: 0.25, y: 0.5 } }));
    presenter.provider.awareness.setLocalStateField('pointer', { x: 0.75, y: 0.1 });
    await eventually(() => expect(viewer.provider.awareness.getStates().get(presenter.doc.clientID)).toMatchObject({ pointer: { x: 0.75, y: 0.1 } }));
    expect(viewer.provider.awareness.getStates().has(coEditor.doc.clientID)).toBe(false);
    presenter.provider.awareness.setLocalState(null);
    await eventually(() => expect(viewer.provider.awareness.getStates().has(presenter.doc.clientID)).toBe(false));
    for (const c of [presenter, coEditor, viewer]) c.destroy();
  });

  test('[RO6] editors see the attendee count per link label', async () => {
    const deckId = await newDeck(fx.api, 'Counting');
    const team = await newLink(fx.api, deckId, { label: 'team' });
    const om = await newLink(fx.api, deckId, { label: 'OM' });
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await editor.synced;
    const audience = (): unknown =>
      [...editor.provider.awareness.getStates().values()].find((st) => (st as { audience?: unknown }).audience) as { audience: Record<string, number> } | undefined;
    const viewers = [connectClient(fx.s.wsUrl, deckId, { token: team }), connectClient(fx.s.wsUrl, deckId, { token: team }), connectClient(fx.s.wsUrl, deckId, { token: om })];
    await Promise.all(viewers.map((v) => v.synced));
    await eventually(() => expect(audience()).toEqual({ audience: { team: 2, OM: 1 } }));
    viewers[0]!.destroy();
    await eventually(() => expect(audience()).toEqual({ audience: { team: 1, OM: 1 } }));
    viewers[1]!.destroy();
    viewers[2]!.destroy();
    await eventually(() => expect(audience()).toBeUndefined());
    expect((await fx.api.get(`/api/decks/${deckId}/audience`)).body).toEqual({ audience: {} });
    editor.destroy();
  });

  test('[RO4] an idle viewer is kept alive with keep-alive messages', async () => {
    const deckId = await newDeck(fx.api, 'Keep alive');
    const token = await newLink(fx.api, deckId);
    const raw = rawSocket(fx.s.wsUrl, deckId, { token });
    await raw.opened;
    await sleep(1200);
    // keepaliveMs is 300 here: several messages in 1.2 s of total silence.
    expect(raw.received.length).toBeGreaterThanOrEqual(2);
    expect(raw.ws.readyState).toBe(raw.ws.OPEN);
    raw.ws.close();
  });

  test('[RO5] a link token with an editor’s cookie is still read-only', async () => {
    const deckId = await newDeck(fx.api, 'Token wins');
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    const both = connectClient(fx.s.wsUrl, deckId, { token, cookie: fx.api.cookie });
    await both.synced;
    typeInto(both.doc, 0, ' HACKED');
    await sleep(200);
    const check = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await check.synced;
    expect(slideText(check.doc, 0)).toBe('Token wins');
    both.destroy();
    check.destroy();
  });
});

describe('[RO4] the stock client stays connected past its 30 s watchdog', () => {
  const fx = serverFixture();

  test('a silent viewer is still connected after 33 s with default settings', { timeout: 45_000 }, async () => {
    const deckId = await newDeck(fx.api);
    const token = await newLink(fx.api, deckId);
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await viewer.synced;
    const closes: unknown[] = [];
    viewer.provider.on('connection-close', (e: unknown) => closes.push(e));
    await sleep(33_000);
    expect(closes).toEqual([]);
    expect(viewer.provider.wsconnected).toBe(true);
    viewer.destroy();
  });
});
