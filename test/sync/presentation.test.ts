import { describe, expect, test } from 'vitest';
import { addSlide, readPresentation, slideIds, writePresentation } from '../../shared/deckModel.ts';
import { ApiClient } from '../helpers/apiClient.ts';
import { newDeck, newLink } from '../helpers/decks.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('a live session', () => {
  const fx = serverFixture();

  test('starting records the session; the presenter’s position reaches attendees; only editors can move it', async () => {
    const deckId = await newDeck(fx.api, 'Live');
    const token = await newLink(fx.api, deckId, { label: 'OM' });
    const presenter = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await presenter.synced;
    addSlide(presenter.doc, {});
    addSlide(presenter.doc, {});
    const attendee = connectClient(fx.s.wsUrl, deckId, { token });
    await attendee.synced;
    expect(readPresentation(attendee.doc).active).toBe(false);

    const started = await fx.api.post(`/api/decks/${deckId}/presentation/start`);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ active: true, fragment: 0, startedBy: 'Beheerder', slideId: slideIds(presenter.doc)[0] });
    await eventually(() => expect(readPresentation(attendee.doc)).toMatchObject({ active: true, slideId: slideIds(presenter.doc)[0] }));

    const third = slideIds(presenter.doc)[2]!;
    writePresentation(presenter.doc, { slideId: third, fragment: 1 });
    await eventually(() => expect(readPresentation(attendee.doc)).toMatchObject({ slideId: third, fragment: 1 }));

    // An attendee's attempt to move the presentation goes nowhere.
    writePresentation(attendee.doc, { slideId: slideIds(attendee.doc)[0]!, fragment: 0 });
    await sleep(200);
    expect(readPresentation(presenter.doc)).toMatchObject({ slideId: third, fragment: 1 });

    // Starting again mid-session keeps the position.
    expect((await fx.api.post(`/api/decks/${deckId}/presentation/start`)).body).toMatchObject({ slideId: third, fragment: 1 });
    const stopped = await fx.api.post(`/api/decks/${deckId}/presentation/stop`);
    expect(stopped.body.active).toBe(false);
    await eventually(() => expect(readPresentation(attendee.doc).active).toBe(false));

    const history = (await fx.api.get(`/api/decks/${deckId}/history`)).body.events as { kind: string; user: { name: string } }[];
    expect(history.map((e) => e.kind)).toEqual(expect.arrayContaining(['session-started', 'session-ended']));
    expect(history.find((e) => e.kind === 'session-started')!.user.name).toBe('Beheerder');
    presenter.destroy();
    attendee.destroy();
  });

  test('only signed-in editors can start a session', async () => {
    const deckId = await newDeck(fx.api);
    expect((await new ApiClient(fx.s.url).post(`/api/decks/${deckId}/presentation/start`)).status).toBe(401);
    expect((await fx.api.post('/api/decks/nosuchdeck00/presentation/start')).status).toBe(404);
  });
});
