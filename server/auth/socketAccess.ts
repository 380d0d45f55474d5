/**
 * Who opened a websocket: the one check both endpoints (/sync and /stats) make before they
 * look at what was asked for. A link token always means an attendee, even when the browser
 * also sends an editor's session cookie.
 */
import type { IncomingMessage } from 'node:http';
import type { CloseCodeName } from '../../shared/closeCodes.ts';
import { LINK_TOKEN_PARAM } from '../../shared/syncMessages.ts';
import type { LinkRecord, Store } from '../storage/Store.ts';
import { isSameOrigin, resolveLink, resolveSession, SESSION_COOKIE, type SessionAccess } from './access.ts';

export type SocketAccess =
  | { ok: true; kind: 'link'; token: string; link: LinkRecord }
  | { ok: true; kind: 'session'; session: SessionAccess }
  | { ok: false; code: CloseCodeName; detail?: string };

export async function identifySocket(
  req: IncomingMessage,
  store: Store,
  parseCookie: (header: string) => Record<string, string | undefined>,
): Promise<SocketAccess> {
  const origin = req.headers.origin;
  // Browsers send cookies with cross-site websocket upgrades; only our own pages may connect.
  if (origin && !isSameOrigin(origin, req.headers.host)) return { ok: false, code: 'FORBIDDEN', detail: 'cross-origin' };
  const token = new URL(req.url ?? '/', 'http://localhost').searchParams.get(LINK_TOKEN_PARAM);
  if (token !== null) {
    const access = await resolveLink(store, token);
    if (access.state === 'unknown') return { ok: false, code: 'FORBIDDEN', detail: 'unknown link' };
    if (access.state === 'revoked') return { ok: false, code: 'LINK_REVOKED' };
    if (access.state === 'expired') return { ok: false, code: 'LINK_EXPIRED' };
    return { ok: true, kind: 'link', token, link: access.link };
  }
  const cookies = req.headers.cookie ? parseCookie(req.headers.cookie) : {};
  const session = await resolveSession(store, cookies[SESSION_COOKIE]);
  if (!session) return { ok: false, code: 'NO_CREDENTIALS' };
  return { ok: true, kind: 'session', session };
}
