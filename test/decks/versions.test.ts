import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { chartsInDeck } from '../../shared/chartBlock.ts';
import { addSlide, slideCount } from '../../shared/deckModel.ts';
import { chart } from '../../shared/slideContent.ts';
import { newDeck } from '../helpers/decks.ts';
import { deckSnapshot, slideText, typeInto } from '../helpers/docEdits.ts';
import { serverFixture } from '../helpers/serverFixture.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('version history', () => {
  const fx = serverFixture({ versionEveryMs: 1000 });

  test('a version made by hand can be listed, viewed, exported and restored while editors are open', async () => {
    const deckId = await newDeck(fx.api, 'Versions');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    const b = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await Promise.all([a.synced, b.synced]);
    addSlide(a.doc, { layout: 'chart-text', content: [chart('interviews.total', 'number')] });
    await eventually(() => expect(slideCount(b.doc)).toBe(2));
    const asItWas = deckSnapshot(a.doc);

    const made = await fx.api.post(`/api/decks/${deckId}/versions`, { label: 'voor het OM' });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ id: expect.any(String), label: 'voor het OM', kind: 'manual', createdBy: { name: 'Beheerder' } });
    expect((await fx.api.post(`/api/decks/${deckId}/versions`, { label: '' })).body.fields[0].field).toBe('label');

    // Later edits…
    typeInto(a.doc, 0, ' — later');
    addSlide(b.doc, {});
    await eventually(() => expect(slideCount(a.doc)).toBe(3));

    const list = (await fx.api.get(`/api/decks/${deckId}/versions`)).body.versions as { id: string; label: string }[];
    expect(list.map((v) => v.label)).toContain('voor het OM');
    const view = await fx.api.get(`/api/decks/${deckId}/versions/${made.body.id}`);
    expect(view.body.slides).toHaveLength(2);
    expect(view.body.slides[0].text).toBe('Versions');
    const md = await fx.api.get(`/api/decks/${deckId}/versions/${made.body.id}/export.md`);
    expect(md.status).toBe(200);
    expect(md.body).toContain('# Versions\n');
    expect(md.body).not.toContain('later');

    // The version keeps the figure as it was: its chart is frozen at that value.
    const state = await fetch(`${fx.s.url}/api/decks/${deckId}/versions/${made.body.id}/state`, { headers: { cookie: fx.api.cookie! } });
    const versionDoc = new Y.Doc();
    Y.applyUpdate(versionDoc, new Uint8Array(await state.arrayBuffer()));
    const frozen = chartsInDeck(versionDoc)[0]!;
    const total = (await fx.api.get('/api/stats/interviews.total')).body.value as number;
    expect(frozen.frozenValue).toBe(JSON.stringify(total));
    // Frozen by the version, not by hand: it is captioned "zoals gepresenteerd op", not "vastgezet op".
    expect(frozen.frozenReason).toBe('presented');

    // Restore: open editors see the deck as it was, at once, as a new change.
    const restored = await fx.api.post(`/api/decks/${deckId}/versions/${made.body.id}/restore`);
    expect(restored.status).toBe(200);
    await eventually(() => {
      expect(deckSnapshot(a.doc)).toEqual(asItWas);
      expect(deckSnapshot(b.doc)).toEqual(asItWas);
    });
    // The restored deck's chart is live again (frozen values belong to the version's view).
    expect(chartsInDeck(a.doc)[0]!.frozenValue).toBeNull();
    // Nothing was lost: the state before the restore is a version too.
    const after = (await fx.api.get(`/api/decks/${deckId}/versions`)).body.versions as { id: string; kind: string }[];
    const backup = after.find((v) => v.kind === 'restore')!;
    const backupView = await fx.api.get(`/api/decks/${deckId}/versions/${backup.id}`);
    expect(backupView.body.slides).toHaveLength(3);
    expect(backupView.body.slides[0].text).toContain('later');
    // Editing goes on normally after a restore.
    typeInto(b.doc, 0, ' again');
    await eventually(() => expect(slideText(a.doc, 0)).toBe('Versions again'));
    a.destroy();
    b.destroy();
  });

  test('starting a live session saves a version “as presented on <date>”', async () => {
    const deckId = await newDeck(fx.api, 'Presented');
    expect((await fx.api.post(`/api/decks/${deckId}/presentation/start`)).status).toBe(200);
    const versions = (await fx.api.get(`/api/decks/${deckId}/versions`)).body.versions as { label: string; kind: string }[];
    const today = new Date().toISOString().slice(0, 10);
    expect(versions).toContainEqual(expect.objectContaining({ kind: 'session', label: `as presented on ${today}` }));
  });

  test('while a deck is edited, automatic versions are kept now and then', async () => {
    const deckId = await newDeck(fx.api, 'Auto');
    const a = connectClient(fx.s.wsUrl, deckId, { cookie: fx.api.cookie });
    await a.synced;
    typeInto(a.doc, 0, ' 1');
    await sleep(1200);
    typeInto(a.doc, 0, ' 2');
    await eventually(async () => {
      const versions = (await fx.api.get(`/api/decks/${deckId}/versions`)).body.versions as { kind: string }[];
      expect(versions.filter((v) => v.kind === 'auto').length).toBeGreaterThanOrEqual(1);
    });
    a.destroy();
  });
});
