import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, slideCount } from '../../shared/deckModel.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { slideText, typeInto } from '../helpers/docEdits.ts';
import { awarenessFrame, rawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('read-only connections', () => {
  const fx = serverFixture({ keepaliveMs: 300 });

  test('[RO1] a viewer receives the document and live updates', async () => {
    const deckId = await newDeck(fx.api, 'Viewer reads');
    const token = await newLink(fx.api, deckId, { label: 'team' });
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const viewer = connectClient(fx.s.wsUrl, deckId, { token });
    await Promise.all([editor.synced, viewer.synced]);
    expect(slideText(viewer.doc, 0)).toBe('Viewer reads');
    typeInto(editor.doc, 0, ' — live');
    addSlide(editor.doc, {});
    await eventually(() => {
      expect(slideText(viewer.doc, 0)).toBe('Viewer reads — live');
      expect(slideCount(viewer.doc)).toBe(2);
    });
    editor.destroy();
    viewer.destroy();
  });

  test('[RO2] a viewer’s writes reach neither the store nor anyone else', async () => {
    const deckId = await newDeck(fx.api, 'Viewer writes');
    const token = await newLink(fx.api, deckId);
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
    await sleep(300);
    expect([...editor.provider.awareness.getStates().keys()]).toEqual([editor.doc.clientID]);
    // The viewer knows only itself: the editor's caret never reached it.
    expect([...viewer.provider.awareness.getStates().keys()]).toEqual([viewer.doc.clientID]);
    expect(fx.s.server.services.sync.viewerCounts(deckId)).toEqual({ OM: 2 });
    raw.ws.close();
    editor.destroy();
    viewer.destroy();
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
