/** The React hook that reads one live statistic from the page's shared statistics client. */
import { useCallback, useSyncExternalStore } from 'react';
import { initialState, type StatState } from './StatsClient.ts';
import { getStatsClient } from './statsRegistry.ts';

const NO_KEY_STATE: StatState = initialState('idle', null);

/**
 * The live value of one statistic. Pass `null` as key to subscribe to nothing (a frozen
 * chart). Re-renders when the value, the key's error or the connection status changes.
 */
export function useStat(key: string | null, options: { token?: string | null } = {}): StatState {
  const token = options.token ?? null;
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!key) return () => {};
      const client = getStatsClient(token);
      const stopListening = client.listen(key, onChange);
      const release = client.retain(key);
      // retain() may have created the entry: let React read it.
      onChange();
      return () => {
        release();
        stopListening();
      };
    },
    [key, token],
  );
  const getSnapshot = useCallback(() => (key ? getStatsClient(token).get(key) : NO_KEY_STATE), [key, token]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
