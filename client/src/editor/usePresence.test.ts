import { describe, expect, test } from 'vitest';
import { readPeers, uniqueUsers } from './usePresence.ts';

describe('presence', () => {
  const states = new Map<number, Record<string, unknown>>([
    [3, { user: { id: 'u-b', name: 'Bram', color: '#1e7a46' }, slideId: 's2' }],
    [1, { user: { id: 'u-a', name: 'Anna', color: '#1f5fa8' }, slideId: 's1', cursor: null }],
    [7, { user: { id: 'u-a', name: 'Anna', color: '#1f5fa8' }, slideId: 's3' }],
    [9, {}],
    [4, { user: { id: 'u-c', name: 'Cas', color: 'red' } }],
  ]);

  test('reads users, skips states without a user, puts yourself first and cleans colours', () => {
    const peers = readPeers(states, 7);
    expect(peers.map((p) => [p.clientId, p.name, p.slideId, p.self])).toEqual([
      [7, 'Anna', 's3', true],
      [1, 'Anna', 's1', false],
      [3, 'Bram', 's2', false],
      [4, 'Cas', null, false],
    ]);
    expect(peers.find((p) => p.clientId === 4)!.color).toBe('#4f5b6d');
  });

  test('one entry per user, preferring your own tab', () => {
    expect(uniqueUsers(readPeers(states, 7)).map((p) => [p.userId, p.clientId])).toEqual([
      ['u-a', 7],
      ['u-b', 3],
      ['u-c', 4],
    ]);
  });
});
