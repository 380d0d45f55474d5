/**
 * Who is in the deck, from the provider's awareness. The server stamps each editor's user
 * id and name on their awareness state (sync-spec [AW1]), so names shown here are the
 * signed-in users', whatever a client claimed. One user in two tabs is one person.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';

export interface Peer {
  clientId: number;
  userId: string;
  name: string;
  color: string;
  /** The slide this client is editing, if any. */
  slideId: string | null;
  self: boolean;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

export function readPeers(states: Map<number, Record<string, unknown>>, selfId: number): Peer[] {
  const peers: Peer[] = [];
  for (const [clientId, state] of states) {
    const user = state.user as Record<string, unknown> | undefined;
    if (!user || typeof user.name !== 'string') continue;
    peers.push({
      clientId,
      userId: typeof user.id === 'string' ? user.id : `client-${clientId}`,
      name: user.name,
      color: typeof user.color === 'string' && COLOR.test(user.color) ? user.color : '#4f5b6d',
      slideId: typeof state.slideId === 'string' ? state.slideId : null,
      self: clientId === selfId,
    });
  }
  return peers.sort((a, b) => Number(b.self) - Number(a.self) || a.name.localeCompare(b.name) || a.clientId - b.clientId);
}

/** One entry per person: yourself first, then others by name. */
export function uniqueUsers(peers: Peer[]): Peer[] {
  const seen = new Map<string, Peer>();
  for (const peer of peers) {
    const existing = seen.get(peer.userId);
    if (!existing || (peer.self && !existing.self)) seen.set(peer.userId, peer);
  }
  return [...seen.values()];
}

const samePeers = (a: Peer[], b: Peer[]): boolean =>
  a.length === b.length &&
  a.every((p, i) => {
    const q = b[i]!;
    return p.clientId === q.clientId && p.userId === q.userId && p.name === q.name && p.color === q.color && p.slideId === q.slideId && p.self === q.self;
  });

export function usePeers(provider: WebsocketProvider): Peer[] {
  const cache = useRef<Peer[]>([]);
  const subscribe = useCallback(
    (onChange: () => void) => {
      provider.awareness.on('change', onChange);
      return () => provider.awareness.off('change', onChange);
    },
    [provider],
  );
  const getSnapshot = (): Peer[] => {
    const next = readPeers(provider.awareness.getStates() as Map<number, Record<string, unknown>>, provider.awareness.clientID);
    if (!samePeers(cache.current, next)) cache.current = next;
    return cache.current;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** Publishes who this is and which slide they are on. The server keeps `color` and replaces id and name. */
export function usePublishPresence(provider: WebsocketProvider, user: { id: string; name: string; color: string }, slideId: string | null): void {
  useEffect(() => {
    provider.awareness.setLocalStateField('user', user);
    // Only the fields, not the object: a new object each render must not re-publish.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [provider, user.id, user.name, user.color]);
  useEffect(() => {
    provider.awareness.setLocalStateField('slideId', slideId);
  }, [provider, slideId]);
}
