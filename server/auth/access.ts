/**
 * Who is asking: a session cookie (an editor) or an audience link token (a viewer).
 * Used by the HTTP API and both websocket endpoints, so every door checks the same way.
 */
import { MAX_TOKEN_LENGTH } from '../../shared/limits.ts';
import type { Store, LinkRecord, UserRecord } from '../storage/Store.ts';
import { sha256 } from './tokens.ts';

export const SESSION_COOKIE = 'tussenstand_session';

export interface SessionAccess {
  user: UserRecord;
  tokenHash: string;
  expiresAt: string;
}

export type LinkAccess =
  | { state: 'ok'; link: LinkRecord }
  | { state: 'revoked' | 'expired'; link: LinkRecord }
  | { state: 'unknown' };

export async function resolveSession(store: Store, token: string | undefined): Promise<SessionAccess | null> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return null;
  const tokenHash = sha256(token);
  const session = await store.getSession(tokenHash);
  if (!session) return null;
  if (Date.parse(session.expiresAt) <= Date.now()) {
    await store.deleteSession(tokenHash);
    return null;
  }
  const user = await store.getUser(session.userId);
  if (!user || user.disabled) return null;
  return { user, tokenHash, expiresAt: session.expiresAt };
}

export async function resolveLink(store: Store, token: string | null | undefined): Promise<LinkAccess> {
  if (!token || token.length > MAX_TOKEN_LENGTH) return { state: 'unknown' };
  const link = await store.getLink(token);
  if (!link) return { state: 'unknown' };
  if (link.revokedAt) return { state: 'revoked', link };
  if (link.expiresAt && Date.parse(link.expiresAt) <= Date.now()) return { state: 'expired', link };
  return { state: 'ok', link };
}

/** True when an Origin header names the host the request was sent to. */
export function isSameOrigin(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
