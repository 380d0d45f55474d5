/**
 * The page's shared statistics clients: one per credential (the session cookie, or one
 * audience link token), so every chart on a page shares one `/stats` socket.
 */
import { STATS_PATH } from '../../../shared/statsMessages.ts';
import { LINK_TOKEN_PARAM } from '../../../shared/syncMessages.ts';
import { StatsClient } from './StatsClient.ts';

/** The `/stats` address on this page's origin, with the link token for attendees. */
export function statsUrl(token?: string | null, location: Pick<Location, 'protocol' | 'host'> = window.location): string {
  const base = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${STATS_PATH}`;
  return token ? `${base}?${LINK_TOKEN_PARAM}=${encodeURIComponent(token)}` : base;
}

const clients = new Map<string, StatsClient>();

/** The page's shared client for a credential (no token: the session cookie). */
export function getStatsClient(token?: string | null): StatsClient {
  const id = token ?? '';
  let client = clients.get(id);
  if (!client) {
    const created = new StatsClient(statsUrl(token));
    window.addEventListener('online', () => created.retryNow());
    client = created;
    clients.set(id, client);
  }
  return client;
}
