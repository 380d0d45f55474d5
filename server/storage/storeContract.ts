/**
 * The storage contract suite: every Store implementation must pass it unchanged.
 * Call it from a test file with a factory that gives a fresh, empty, migrated store.
 */
import { afterEach, describe, expect, test } from 'vitest';
import type { Store } from './Store.ts';

const bytes = (...values: number[]): Uint8Array => new Uint8Array(values);

export function storeContract(name: string, makeStore: () => Promise<Store>): void {
  describe(`storage contract: ${name}`, () => {
    const open: Store[] = [];
    const fresh = async (): Promise<Store> => {
      const store = await makeStore();
      open.push(store);
      return store;
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    test('migrate is idempotent', async () => {
      const store = await fresh();
      await store.migrate();
      await store.migrate();
      expect(await store.countUsers()).toBe(0);
    });

    test('seedOnce runs its seed exactly once', async () => {
      const store = await fresh();
      let runs = 0;
      expect(await store.seedOnce(async () => void runs++)).toBe(true);
      expect(await store.seedOnce(async () => void runs++)).toBe(false);
      expect(runs).toBe(1);
    });

    test('users: create, find, update, unique username', async () => {
      const store = await fresh();
      const user = await store.createUser({ id: 'u1', username: 'anna', displayName: 'Anna', role: 'analyst', passwordHash: 'h1' });
      expect(user).toMatchObject({ id: 'u1', username: 'anna', displayName: 'Anna', role: 'analyst', disabled: false });
      expect((await store.getUserByUsername('anna'))?.passwordHash).toBe('h1');
      expect(await store.getUserByUsername('nobody')).toBeNull();
      await expect(store.createUser({ id: 'u2', username: 'anna', displayName: 'Other', role: 'admin', passwordHash: 'h2' })).rejects.toThrow();
      const updated = await store.updateUser('u1', { role: 'admin', disabled: true, displayName: 'Anna B.' });
      expect(updated).toMatchObject({ role: 'admin', disabled: true, displayName: 'Anna B.' });
      expect(await store.getUser('missing')).toBeNull();
      expect(await store.countUsers()).toBe(1);
      expect((await store.listUsers()).map((u) => u.id)).toEqual(['u1']);
    });

    test('sessions: create, read, end one, end all of a user', async () => {
      const store = await fresh();
      await store.createUser({ id: 'u1', username: 'anna', displayName: 'Anna', role: 'analyst', passwordHash: 'h' });
      const at = new Date().toISOString();
      await store.createSession({ tokenHash: 's1', userId: 'u1', createdAt: at, expiresAt: at });
      await store.createSession({ tokenHash: 's2', userId: 'u1', createdAt: at, expiresAt: at });
      expect(await store.getSession('s1')).toMatchObject({ userId: 'u1' });
      await store.deleteSession('s1');
      expect(await store.getSession('s1')).toBeNull();
      expect(await store.deleteSessionsOfUser('u1')).toEqual(['s2']);
      expect(await store.getSession('s2')).toBeNull();
    });

    test('decks: create with a first update, list, rename, trash and restore', async () => {
      const store = await fresh();
      const deck = await store.createDeck({ id: 'd1', title: 'First', createdBy: null, slideCount: 1 }, bytes(1, 2, 3));
      expect(deck).toMatchObject({ id: 'd1', title: 'First', slideCount: 1, trashedAt: null });
      expect((await store.loadDocument('d1')).updates.map((u) => [...u.data])).toEqual([[1, 2, 3]]);
      await store.createDeck({ id: 'd2', title: 'Second', createdBy: null, slideCount: 1 }, bytes(9));
      expect((await store.listDecks({ trashed: false })).map((d) => d.id).sort()).toEqual(['d1', 'd2']);
      expect((await store.renameDeck('d1', 'Renamed', null))?.title).toBe('Renamed');
      expect((await store.setDeckTrashed('d1', true))?.trashedAt).not.toBeNull();
      expect((await store.listDecks({ trashed: false })).map((d) => d.id)).toEqual(['d2']);
      expect((await store.listDecks({ trashed: true })).map((d) => d.id)).toEqual(['d1']);
      expect((await store.setDeckTrashed('d1', false))?.trashedAt).toBeNull();
      expect(await store.getDeck('nope')).toBeNull();
    });

    test('updates: appended in order, deck listing follows them', async () => {
      const store = await fresh();
      await store.createUser({ id: 'u1', username: 'anna', displayName: 'Anna', role: 'analyst', passwordHash: 'h' });
      await store.createDeck({ id: 'd1', title: 'T', createdBy: null, slideCount: 1 }, bytes(0));
      const s1 = await store.appendUpdate('d1', bytes(1), { userId: 'u1', slideCount: 2 });
      const s2 = await store.appendUpdate('d1', bytes(2), { userId: null, slideCount: 3 });
      expect(s2).toBeGreaterThan(s1);
      const doc = await store.loadDocument('d1');
      expect(doc.snapshot).toBeNull();
      expect(doc.updates.map((u) => [...u.data])).toEqual([[0], [1], [2]]);
      expect(await store.countUpdates('d1')).toBe(3);
      const deck = await store.getDeck('d1');
      expect(deck).toMatchObject({ slideCount: 3, updatedBy: 'u1' });
    });

    test('compaction replaces exactly the replayed updates and keeps later ones', async () => {
      const store = await fresh();
      await store.createDeck({ id: 'd1', title: 'T', createdBy: null, slideCount: 1 }, bytes(0));
      await store.appendUpdate('d1', bytes(1), { userId: null, slideCount: 1 });
      const upto = await store.appendUpdate('d1', bytes(2), { userId: null, slideCount: 1 });
      await store.appendUpdate('d1', bytes(3), { userId: null, slideCount: 1 });
      await store.compactDocument('d1', bytes(7, 7), upto);
      const doc = await store.loadDocument('d1');
      expect([...(doc.snapshot ?? [])]).toEqual([7, 7]);
      expect(doc.updates.map((u) => [...u.data])).toEqual([[3]]);
      // A second compaction replaces the snapshot.
      await store.compactDocument('d1', bytes(8), doc.updates[0]!.seq);
      const again = await store.loadDocument('d1');
      expect([...(again.snapshot ?? [])]).toEqual([8]);
      expect(again.updates).toEqual([]);
    });

    test('links: create, list, revoke only through their own deck', async () => {
      const store = await fresh();
      await store.createDeck({ id: 'd1', title: 'T', createdBy: null, slideCount: 1 }, bytes(0));
      await store.createDeck({ id: 'd2', title: 'U', createdBy: null, slideCount: 1 }, bytes(0));
      const link = await store.createLink({ token: 't1', deckId: 'd1', label: 'OM', createdBy: null, expiresAt: null });
      expect(link).toMatchObject({ token: 't1', deckId: 'd1', label: 'OM', revokedAt: null });
      expect((await store.listLinks('d1')).map((l) => l.token)).toEqual(['t1']);
      expect(await store.revokeLink('d2', 't1')).toBeNull();
      expect((await store.getLink('t1'))?.revokedAt).toBeNull();
      expect((await store.revokeLink('d1', 't1'))?.revokedAt).not.toBeNull();
      expect(await store.getLink('missing')).toBeNull();
    });

    test('deck events are kept in order with their detail', async () => {
      const store = await fresh();
      await store.createDeck({ id: 'd1', title: 'T', createdBy: null, slideCount: 1 }, bytes(0));
      await store.recordDeckEvent({ deckId: 'd1', kind: 'created', userId: null, detail: { title: 'T' } });
      await store.recordDeckEvent({ deckId: 'd1', kind: 'renamed', userId: null, detail: { from: 'T', to: 'U' } });
      const events = await store.listDeckEvents('d1');
      expect(events.map((e) => e.kind)).toEqual(['created', 'renamed']);
      expect(events[1]!.detail).toEqual({ from: 'T', to: 'U' });
    });

    test('images: recorded per deck', async () => {
      const store = await fresh();
      await store.createDeck({ id: 'd1', title: 'T', createdBy: null, slideCount: 1 }, bytes(0));
      await store.createImage({ id: 'img1', deckId: 'd1', contentType: 'image/png', bytes: 3, sha256: 'ab', createdBy: null }, bytes(1, 2, 3));
      expect(await store.getImage('img1')).toMatchObject({ id: 'img1', deckId: 'd1', contentType: 'image/png', bytes: 3 });
      expect([...((await store.getImageData('img1')) ?? [])]).toEqual([1, 2, 3]);
      expect(await store.getImage('nope')).toBeNull();
      expect(await store.getImageData('nope')).toBeNull();
    });

    test('research: insert all-or-nothing, update, delete, references and the audit trail', async () => {
      const store = await fresh();
      await store.insertResearch('organisations', [{ id: 'o1', name: 'Alkmaar', kind: 'municipality' }, { id: 'o2', name: 'NVWA', kind: 'partner' }], null, 'import');
      // The second record clashes with an existing name (case-insensitive): neither is stored.
      await expect(
        store.insertResearch('organisations', [{ id: 'o3', name: 'Hoorn', kind: 'municipality' }, { id: 'o4', name: 'alkmaar', kind: 'municipality' }], null, 'import'),
      ).rejects.toThrow();
      expect((await store.listResearch('organisations')).map((o) => o.name)).toEqual(['Alkmaar', 'NVWA']);
      await store.insertResearch('interviews', [{ id: 'i1', date: '2026-01-02', organisationId: 'o1', staff: 2, track: 3, topic: '' }], null, 'create');
      const updated = await store.updateResearch('interviews', { id: 'i1', date: '2026-01-03', organisationId: 'o1', staff: 5, track: 3, topic: 'x' }, null);
      expect(updated).toMatchObject({ staff: 5, date: '2026-01-03', topic: 'x' });
      expect(await store.updateResearch('interviews', { id: 'nope', date: '2026-01-03', organisationId: 'o1', staff: 5, track: 3, topic: '' }, null)).toBeNull();
      expect(await store.deleteResearch('organisations', 'o1', null)).toBe('referenced');
      expect(await store.deleteResearch('interviews', 'i1', null)).toBe('deleted');
      expect(await store.deleteResearch('organisations', 'o1', null)).toBe('deleted');
      expect(await store.deleteResearch('organisations', 'o1', null)).toBe('missing');
      const trail = await store.listAudit({ limit: 10, recordId: 'i1' });
      expect(trail.map((e) => e.action)).toEqual(['delete', 'update', 'create']);
      expect(trail[1]!.before).toMatchObject({ staff: 2 });
      expect(trail[1]!.after).toMatchObject({ staff: 5 });
    });

    test('versions: kept per deck, newest first, with their state and statistics', async () => {
      const store = await fresh();
      await store.createDeck({ id: 'd1', title: 'T', createdBy: null, slideCount: 1 }, bytes(0));
      await store.createVersion({ id: 'v1', deckId: 'd1', label: 'first', kind: 'manual', createdAt: '2026-01-01T00:00:00.000Z', createdBy: null, state: bytes(1, 2), stats: { 'interviews.total': 3 } });
      await store.createVersion({ id: 'v2', deckId: 'd1', label: 'as presented', kind: 'session', createdAt: '2026-02-01T00:00:00.000Z', createdBy: null, state: bytes(3), stats: {} });
      expect((await store.listVersions('d1')).map((v) => [v.id, v.kind])).toEqual([['v2', 'session'], ['v1', 'manual']]);
      const v1 = await store.getVersion('d1', 'v1');
      expect([...v1!.state]).toEqual([1, 2]);
      expect(v1!.stats).toEqual({ 'interviews.total': 3 });
      expect(await store.getVersion('other', 'v1')).toBeNull();
    });

    test('statistic snapshots: the last value of each key, replaced on save', async () => {
      const store = await fresh();
      expect(await store.loadStatSnapshots()).toEqual([]);
      await store.saveStatSnapshots([
        { key: 'interviews.total', value: 3, updatedAt: '2026-01-01T00:00:00.000Z' },
        { key: 'interviews.byMonth', value: [{ label: '2026-01', value: 3 }], updatedAt: '2026-01-01T00:00:00.000Z' },
      ]);
      await store.saveStatSnapshots([{ key: 'interviews.total', value: 4, updatedAt: '2026-01-02T00:00:00.000Z' }]);
      await store.saveStatSnapshots([]);
      expect(await store.loadStatSnapshots()).toEqual([
        { key: 'interviews.byMonth', value: [{ label: '2026-01', value: 3 }], updatedAt: '2026-01-01T00:00:00.000Z' },
        { key: 'interviews.total', value: 4, updatedAt: '2026-01-02T00:00:00.000Z' },
      ]);
    });
  });
}
