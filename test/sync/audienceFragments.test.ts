/**
 * [AU12]: the items of a step list reach a link holder only once the presenter has put them
 * on screen, and stay once they have. Checked at the wire (a raw socket with the link token,
 * marker strings in each item, assertions on the bytes received) and with a stock client
 * for what the attendee page holds.
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, getSlide, readPresentation, shownSteps, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { paragraph } from '../../shared/slideContent.ts';
import { STEP_REVEAL, STEP_REVEAL_ATTR } from '../../shared/stepReveal.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { rawSocket, syncStep1Frame, type RawSocket } from '../helpers/rawSocket.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

const item = (i: number): string => `STEP-ITEM-${i}-`;

/** Everything a raw socket has received, as text (markers are ASCII). */
const wire = (raw: RawSocket): string => Buffer.concat(raw.received.map((b) => Buffer.from(b))).toString('latin1');

async function rawAttendee(wsUrl: string, deckId: string, token: string): Promise<RawSocket> {
  const raw = rawSocket(wsUrl, deckId, { token });
  await raw.opened;
  raw.ws.send(syncStep1Frame(new Y.Doc()));
  await eventually(() => expect(raw.received.some((m) => m[0] === 0 && m[1] === 1)).toBe(true));
  return raw;
}

/** Appends a step list (`reveal: step`) of paragraphs with the given texts. */
function appendStepList(fragment: Y.XmlFragment, texts: string[], kind: 'bulletList' | 'orderedList' = 'bulletList'): void {
  const list = new Y.XmlElement(kind);
  list.setAttribute(STEP_REVEAL_ATTR, STEP_REVEAL);
  const runs: Y.XmlText[] = [];
  list.insert(
    0,
    texts.map(() => {
      const li = new Y.XmlElement('listItem');
      const p = new Y.XmlElement('paragraph');
      const run = new Y.XmlText();
      runs.push(run);
      p.insert(0, [run]);
      li.insert(0, [p]);
      return li;
    }),
  );
  fragment.insert(fragment.length, [list]);
  runs.forEach((run, i) => run.insert(0, texts[i]!));
}

describe('step lists on an audience link', () => {
  const fx = serverFixture();

  test('[AU12] an item of a step list reaches attendees only once it was on screen, and stays', async () => {
    const deckId = await newDeck(fx.api, 'Step deck');
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await editor.synced;
    editor.doc.transact(() => {
      const id = addSlide(editor.doc, { content: [paragraph('STEP-INTRO')] });
      const content = getSlide(editor.doc, id)!.content;
      appendStepList(content, [item(1), item(2)]);
      content.insert(content.length, [new Y.XmlElement('paragraph')]);
      appendStepList(content, [item(3)], 'orderedList');
      addSlide(editor.doc, { content: [paragraph('NEXT-SLIDE')] });
    });
    const ids = slideIds(editor.doc);
    const stepSlide = ids[1]!;
    const token = await newLink(fx.api, deckId);
    const early = await rawAttendee(fx.s.wsUrl, deckId, token);
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;

    await startSession(fx.api, deckId);
    await eventually(() => expect(readPresentation(editor.doc).active).toBe(true));
    writePresentation(editor.doc, { slideId: stepSlide, fragment: 0 });
    await eventually(() => expect(wire(early)).toContain('STEP-INTRO'));
    await sleep(200);
    // The slide is shown, its steps are not: no item's text is on the wire.
    for (const i of [1, 2, 3]) expect(wire(early), `item ${i} before its step`).not.toContain(item(i));

    writePresentation(editor.doc, { slideId: stepSlide, fragment: 1 });
    await eventually(() => expect(wire(early)).toContain(item(1)));
    await sleep(200);
    expect(wire(early)).not.toContain(item(2));
    expect(wire(early)).not.toContain(item(3));

    // A late joiner at step 2 gets the first two items, not the third.
    writePresentation(editor.doc, { slideId: stepSlide, fragment: 2 });
    const late = await rawAttendee(fx.s.wsUrl, deckId, token);
    await eventually(() => expect(wire(late)).toContain(item(2)));
    expect(wire(late)).toContain(item(1));
    expect(wire(late)).not.toContain(item(3));
    expect(shownSteps(editor.doc).get(stepSlide)).toBe(2);

    // Back a step: the presentation says 1, what was shown stays in the audience document.
    writePresentation(editor.doc, { slideId: stepSlide, fragment: 1 });
    await eventually(() => expect(readPresentation(attendee.doc).fragment).toBe(1));
    expect(shownSteps(editor.doc).get(stepSlide)).toBe(2);
    expect(getSlide(attendee.doc, stepSlide)!.content.toString()).toContain(item(2));

    // Every step, then the next slide: the last item arrives (the ordered list), and stays.
    writePresentation(editor.doc, { slideId: stepSlide, fragment: 3 });
    writePresentation(editor.doc, { slideId: ids[2]!, fragment: 0 });
    await eventually(() => expect(wire(early)).toContain(item(3)));
    await eventually(() => expect(getSlide(attendee.doc, stepSlide)!.content.toString()).toContain(item(3)));
    expect(getSlide(attendee.doc, stepSlide)!.content.toString()).toContain('reveal="step"');

    // An item added later to a fully shown list beyond the steps reached is not sent.
    editor.doc.transact(() => appendStepList(getSlide(editor.doc, stepSlide)!.content, ['STEP-ADDED-LATER']));
    editor.doc.transact(() => getSlide(editor.doc, stepSlide)!.content.insert(0, [new Y.XmlElement('paragraph')]));
    await sleep(300);
    expect(wire(early)).not.toContain('STEP-ADDED-LATER');
    for (const raw of [early, late]) raw.ws.close();
    attendee.destroy();
    editor.destroy();
  });
});
