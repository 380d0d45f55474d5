import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loggedIn, type ApiClient } from '../helpers/apiClient.ts';
import { newDeck } from '../helpers/decks.ts';
import { awarenessFrame, rawSocket } from '../helpers/rawSocket.ts';
import { startTestServer, type TestServer } from '../helpers/testServer.ts';
import { connectClient, eventually, sleep } from '../helpers/yClient.ts';

describe('awareness', () => {
  let s: TestServer;
  let admin: ApiClient;
  let analyst: ApiClient;
  beforeAll(async () => {
    s = await startTestServer();
    admin = await loggedIn(s.url);
    const created = await admin.post('/api/users', { username: 'pieter', displayName: 'Pieter de Vries', password: 'pieter-password-1', role: 'analyst' });
    expect(created.status).toBe(201);
    analyst = await loggedIn(s.url, 'pieter', 'pieter-password-1');
  });
  afterAll(async () => s.close());

  test('[AW1] the server stamps the signed-in user over a claimed name', async () => {
    const deckId = await newDeck(admin);
    const a = connectClient(s.wsUrl, deckId, { cookie: analyst.cookie });
    const b = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'The Prosecutor', color: '#aa3300' });
    await eventually(() => {
      const seen = b.provider.awareness.getStates().get(a.doc.clientID) as { user?: { name: string; id: string; color: string } } | undefined;
      expect(seen?.user?.name).toBe('Pieter de Vries');
      expect(seen?.user?.color).toBe('#aa3300');
    });
    a.destroy();
    b.destroy();
  });

  test('[AW2] a connection cannot change or remove another connection’s client id', async () => {
    const deckId = await newDeck(admin);
    const victim = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    const watcher = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    await Promise.all([victim.synced, watcher.synced]);
    victim.provider.awareness.setLocalStateField('cursor', { slide: 3 });
    await eventually(() => expect(watcher.provider.awareness.getStates().get(victim.doc.clientID)).toBeDefined());
    const attacker = rawSocket(s.wsUrl, deckId, { cookie: analyst.cookie });
    await attacker.opened;
    // Claim the victim's id with a higher clock, then try to remove it (state null).
    attacker.ws.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: 9999, state: { cursor: { slide: 0 }, user: { name: 'x' } } }]));
    attacker.ws.send(awarenessFrame([{ clientId: victim.doc.clientID, clock: 10000, state: null }]));
    // The attacker may still introduce its own id.
    attacker.ws.send(awarenessFrame([{ clientId: 777001, clock: 1, state: { cursor: { slide: 5 } } }]));
    await eventually(() => expect(watcher.provider.awareness.getStates().get(777001)).toBeDefined());
    const victimState = watcher.provider.awareness.getStates().get(victim.doc.clientID) as { cursor: { slide: number } } | undefined;
    expect(victimState?.cursor.slide).toBe(3);
    expect((watcher.provider.awareness.getStates().get(777001) as { user: { name: string } }).user.name).toBe('Pieter de Vries');
    attacker.ws.close();
    victim.destroy();
    watcher.destroy();
  });

  test('[AW3] closing a connection removes its states for everyone', async () => {
    const deckId = await newDeck(admin);
    const leaver = rawSocket(s.wsUrl, deckId, { cookie: analyst.cookie });
    const stayer = connectClient(s.wsUrl, deckId, { cookie: admin.cookie });
    await Promise.all([leaver.opened, stayer.synced]);
    leaver.ws.send(awarenessFrame([{ clientId: 888001, clock: 1, state: { cursor: null } }]));
    await eventually(() => expect(stayer.provider.awareness.getStates().has(888001)).toBe(true));
    // Closed without sending a null state first, as a crashed tab would.
    leaver.ws.terminate();
    await eventually(() => expect(stayer.provider.awareness.getStates().has(888001)).toBe(false));
    await sleep(10);
    stayer.destroy();
  });
});
