/**
 * Who is signed in. Asks the server once on start (GET /api/session), and drops to signed-out
 * whenever any API call reports that the session is over.
 *
 * When the server cannot be reached at start, the user last signed in on this device is
 * assumed (`offline: true`), so that decks kept on this device can still be opened and
 * edited; the sync server checks the session again as soon as it is back.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserInfo } from '../../../shared/api.ts';
import { isApiRequestError, onUnauthorized } from '../api/http.ts';
import { fetchSession, signIn as apiSignIn, signOut as apiSignOut } from '../api/session.ts';
import { clearOfflineCopies, forgetUser, rememberedUser, rememberUser } from '../deck/offlineCopies.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'initial' | 'signed-out' | 'session-ended' }
  | { status: 'signed-in'; user: UserInfo; offline?: boolean };

export interface AuthContextValue {
  state: AuthState;
  signIn(username: string, password: string): Promise<UserInfo>;
  signOut(): Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    fetchSession({ signal: controller.signal }).then(
      (user) => {
        if (!user) {
          // Signed out on the server: a user remembered for offline use is no longer signed in.
          forgetUser();
          setState({ status: 'signed-out', reason: 'initial' });
          return;
        }
        rememberUser(user);
        setState({ status: 'signed-in', user });
      },
      (err: unknown) => {
        if (controller.signal.aborted) return;
        const remembered = isApiRequestError(err) && err.status === 0 ? rememberedUser() : null;
        if (remembered) setState({ status: 'signed-in', user: remembered, offline: true });
        // A network failure without a remembered user leaves the user at the sign-in form.
        else if (isApiRequestError(err) || !(err instanceof DOMException)) setState({ status: 'signed-out', reason: 'initial' });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthorized(() => {
        forgetUser();
        setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', reason: 'session-ended' } : current));
      }),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const user = await apiSignIn({ username, password });
    rememberUser(user);
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    forgetUser();
    try {
      await apiSignOut();
      // Only once the server has confirmed: while it is unreachable, a local copy may hold
      // edits that have not been sent yet.
      await clearOfflineCopies();
    } finally {
      setState({ status: 'signed-out', reason: 'signed-out' });
    }
  }, []);

  const value = useMemo(() => ({ state, signIn, signOut }), [state, signIn, signOut]);
  return <AuthContext value={value}>{children}</AuthContext>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
