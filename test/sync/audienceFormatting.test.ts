/**
 * [AU5] Text formatting (issue #17) of a shown slide reaches attendees as the editor wrote it:
 * size, colour and highlight marks with their values, a paragraph's alignment and line
 * spacing, and every later change to them (a colour changed in place, a colour removed).
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { listSlides, readPresentation, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { newDeck, newLink, startSession } from '../helpers/decks.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually } from '../helpers/yClient.ts';

describe('[AU5] text formatting reaches the audience', () => {
  const fx = serverFixture();

  test('marks with values and paragraph attributes follow exactly, changes and removals too', async () => {
    const deckId = await newDeck(fx.api, 'Audience formatting');
    const editor = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await editor.synced;
    const content = listSlides(editor.doc)[0]!.content;
    const run = new Y.XmlText();
    editor.doc.transact(() => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.setAttribute('textAlign', 'center');
      paragraph.setAttribute('lineSpacing', '1.5');
      paragraph.insert(0, [run]);
      content.insert(content.length, [paragraph]);
      run.insert(0, 'Gewoon ');
      run.insert(7, 'FORMAT-MARK', { fontSize: { size: 150 }, textColor: { color: 'accent' }, highlight: { color: 'accent2' } });
    });
    const token = await newLink(fx.api, deckId);
    await startSession(fx.api, deckId);
    await eventually(() => expect(readPresentation(editor.doc).active).toBe(true));
    writePresentation(editor.doc, { slideId: slideIds(editor.doc)[0]!, fragment: 0 });

    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    const shown = () => listSlides(attendee.doc)[0]?.content.toString() ?? '';
    await eventually(() => expect(shown()).toContain('FORMAT-MARK'));
    expect(shown()).toBe(content.toString());
    expect(shown()).toMatch(/textAlign="center"/);
    expect(shown()).toMatch(/lineSpacing="1.5"/);
    const delta = () => (listSlides(attendee.doc)[0]!.content.get(content.length - 1) as Y.XmlElement).get(0) as Y.XmlText;
    expect(delta().toDelta()).toEqual(run.toDelta());

    // The colour changed in place, then taken off; the alignment changed.
    run.format(7, 11, { textColor: { color: 'muted' } });
    await eventually(() => expect(delta().toDelta()).toEqual(run.toDelta()));
    run.format(7, 11, { textColor: null });
    (content.get(content.length - 1) as Y.XmlElement).setAttribute('textAlign', 'right');
    await eventually(() => expect(shown()).toBe(content.toString()));
    expect(delta().toDelta()).toEqual([{ insert: 'Gewoon ' }, { insert: 'FORMAT-MARK', attributes: { fontSize: { size: 150 }, highlight: { color: 'accent2' } } }]);
    attendee.destroy();
    editor.destroy();
  });
});
