/**
 * What presenting puts in, and reads from, the sync connection's awareness:
 *
 * - The presenter publishes `presenting: true` and `pointer: { x, y } | null` (fractions of
 *   the slide area); the server relays these states, and only these, to attendees.
 * - Each server instance publishes one state `{ audience: { "<label>": <count> } }`: the
 *   attendees connected to it per link label. The presenter adds them up.
 */
import { useCallback, useEffect, useRef, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { isPointer, type Pointer } from '../../../shared/pointer.ts';

type AwarenessStates = Map<number, Record<string, unknown>>;

const statesOf = (provider: WebsocketProvider): AwarenessStates => provider.awareness.getStates() as AwarenessStates;

function useAwarenessValue<T>(provider: WebsocketProvider | null, read: (states: AwarenessStates) => T, same: (a: T, b: T) => boolean, initial: T): T {
  const cache = useRef(initial);
  const readRef = useRef(read);
  readRef.current = read;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!provider) return () => {};
      provider.awareness.on('change', onChange);
      return () => provider.awareness.off('change', onChange);
    },
    [provider],
  );
  const getSnapshot = () => {
    const next = provider ? readRef.current(statesOf(provider)) : initial;
    if (!same(cache.current, next)) cache.current = next;
    return cache.current;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

export { isPointer, type Pointer };

const samePointer = (a: Pointer | null, b: Pointer | null): boolean => a === b || (a !== null && b !== null && a.x === b.x && a.y === b.y);

/** The laser pointer of whoever presents (the first presenting state that shows one). */
export function usePresenterPointer(provider: WebsocketProvider | null): Pointer | null {
  return useAwarenessValue(
    provider,
    (states) => {
      for (const [clientId, state] of states) {
        if (provider && clientId === provider.awareness.clientID) continue;
        if (state.presenting === true && isPointer(state.pointer)) return { x: state.pointer.x, y: state.pointer.y };
      }
      return null;
    },
    samePointer,
    null,
  );
}

export type AudienceCounts = Record<string, number>;

export function sumAudience(states: AwarenessStates): AudienceCounts | null {
  let found = false;
  const sum: AudienceCounts = {};
  for (const state of states.values()) {
    const audience = state.audience;
    if (typeof audience !== 'object' || audience === null || Array.isArray(audience)) continue;
    found = true;
    for (const [label, count] of Object.entries(audience as Record<string, unknown>)) {
      if (typeof count === 'number' && Number.isFinite(count) && count > 0) sum[label] = (sum[label] ?? 0) + count;
    }
  }
  return found ? sum : null;
}

const sameCounts = (a: AudienceCounts | null, b: AudienceCounts | null): boolean => {
  if (a === b) return true;
  if (a === null || b === null) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
};

const NO_AUDIENCE: AudienceCounts = {};

/** Attendees per link label, from the servers' awareness states (none: nobody watching). */
export function useAudience(provider: WebsocketProvider | null): AudienceCounts {
  return useAwarenessValue(provider, sumAudience, sameCounts, null) ?? NO_AUDIENCE;
}

const POINTER_INTERVAL_MS = 50;

/**
 * Publishes `presenting` and a pointer, at most 20 times a second (the last position is
 * always sent). Returns the function to call with each new pointer.
 */
export function usePublishPointer(provider: WebsocketProvider | null, presenting: boolean): (pointer: Pointer | null) => void {
  const last = useRef(0);
  const pending = useRef<{ pointer: Pointer | null } | null>(null);
  const timer = useRef(0);

  useEffect(() => {
    if (!provider) return;
    provider.awareness.setLocalStateField('presenting', presenting);
    if (!presenting) provider.awareness.setLocalStateField('pointer', null);
  }, [provider, presenting]);

  useEffect(
    () => () => {
      window.clearTimeout(timer.current);
    },
    [],
  );

  return useCallback(
    (pointer: Pointer | null) => {
      if (!provider) return;
      const flush = () => {
        timer.current = 0;
        const next = pending.current;
        pending.current = null;
        if (!next) return;
        last.current = Date.now();
        provider.awareness.setLocalStateField('pointer', next.pointer);
      };
      pending.current = { pointer };
      const wait = POINTER_INTERVAL_MS - (Date.now() - last.current);
      if (wait <= 0 && !timer.current) flush();
      else if (!timer.current) timer.current = window.setTimeout(flush, Math.max(0, wait));
    },
    [provider],
  );
}
