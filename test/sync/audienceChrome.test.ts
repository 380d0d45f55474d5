/**
 * [AU11]: what every slide carries — footer, marking, date and number switches, logo — reaches
 * a link holder with the slides it is shown, cleaned; a slide's position only while the deck
 * shows numbers; the logo image only while a slide is shown. Checked with a stock client on
 * the link token (what the attendee page holds) and the image route with that token.
 */
import { describe, expect, test } from 'vitest';
import { readChrome, writeChrome } from '../../shared/deckChrome.ts';
import { addSlide, deckTypes, readPresentation, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { paragraph } from '../../shared/slideContent.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';

// A 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

describe('footer and logo on an audience link', () => {
  const fx = serverFixture();

  test('[AU11] footer, marking and logo reach attendees; numbers only while shown; the logo only while a slide is', async () => {
    const deckId = await newDeck(fx.api, 'Chrome deck');
    const uploaded = await fetch(`${fx.s.url}/api/decks/${deckId}/images`, { method: 'POST', headers: { 'content-type': 'image/png', cookie: fx.api.cookie! }, body: new Uint8Array(PNG) });
    expect(uploaded.status).toBe(201);
    const logo = ((await uploaded.json()) as { url: string }).url;

    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await editor.synced;
    editor.doc.transact(() => {
      for (let i = 2; i <= 4; i++) addSlide(editor.doc, { content: [paragraph(`Dia ${i}`)] });
      writeChrome(editor.doc, { footerText: 'Tussenstand spoor 3', classification: 'vertrouwelijk', footerDate: true, slideNumbers: true, logo });
    });
    const ids = slideIds(editor.doc);
    const token = await newLink(fx.api, deckId);
    const logoWithToken = `${fx.s.url}${logo}?token=${encodeURIComponent(token)}`;

    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    // Before a session: the footer is the deck's, but no slide — and so no logo.
    expect((await fetch(logoWithToken)).status).toBe(403);

    await startSession(fx.api, deckId);
    await eventually(() => expect(readPresentation(editor.doc).active).toBe(true));
    writePresentation(editor.doc, { slideId: ids[0]!, fragment: 0 });
    writePresentation(editor.doc, { slideId: ids[2]!, fragment: 0 });
    await eventually(() => expect(deckTypes(attendee.doc).order.toArray()).toEqual([ids[0], ids[2]]));
    expect(readChrome(attendee.doc)).toEqual({ footerText: 'Tussenstand spoor 3', classification: 'vertrouwelijk', footerDate: true, slideNumbers: true, logo });
    // Each shown slide knows its place in the deck: the third slide is "3", not "2".
    expect(deckTypes(attendee.doc).slides.get(ids[2]!)!.get('number')).toBe(3);
    const image = await fetch(logoWithToken);
    expect(image.status).toBe(200);
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    // Numbers off: the positions leave the audience document.
    writeChrome(editor.doc, { slideNumbers: false });
    await eventually(() => expect(deckTypes(attendee.doc).slides.get(ids[2]!)!.get('number')).toBeUndefined());

    // A logo from elsewhere written by a peer is not carried (cleaned as the deck's readers clean it).
    deckTypes(editor.doc).meta.set('logo', 'https://tracker.example/pixel.png');
    await eventually(() => expect(deckTypes(attendee.doc).meta.get('logo')).toBe(''));

    // The session ends without keeping the slides: no slide, so no logo.
    deckTypes(editor.doc).meta.set('logo', logo);
    const stopped = await fx.api.post(`/api/decks/${deckId}/presentation/stop`, {});
    expect(stopped.status).toBe(200);
    await eventually(() => expect(deckTypes(attendee.doc).order.length).toBe(0));
    expect((await fetch(logoWithToken)).status).toBe(403);
    attendee.destroy();
    editor.destroy();
  });
});
