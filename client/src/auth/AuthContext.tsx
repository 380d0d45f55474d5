/**
 * Who is signed in. Asks the server once on start (GET /api/me), and drops to signed-out
 * whenever any API call reports that the session is over.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserInfo } from '../../../shared/api.ts';
import { isApiRequestError, onUnauthorized } from '../api/http.ts';
import { fetchMe, signIn as apiSignIn, signOut as apiSignOut } from '../api/session.ts';

export type AuthState =
  | { status: 'loading' }
  | { status: 'signed-out'; reason: 'initial' | 'signed-out' | 'session-ended' }
  | { status: 'signed-in'; user: UserInfo };

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
    fetchMe({ signal: controller.signal }).then(
      (user) => setState({ status: 'signed-in', user }),
      (err: unknown) => {
        if (controller.signal.aborted) return;
        // 401 means not signed in; a network failure also leaves the user at the sign-in form.
        if (isApiRequestError(err) || !(err instanceof DOMException)) setState({ status: 'signed-out', reason: 'initial' });
      },
    );
    return () => controller.abort();
  }, []);

  useEffect(
    () =>
      onUnauthorized(() =>
        setState((current) => (current.status === 'signed-in' ? { status: 'signed-out', reason: 'session-ended' } : current)),
      ),
    [],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    const user = await apiSignIn({ username, password });
    setState({ status: 'signed-in', user });
    return user;
  }, []);

  const signOut = useCallback(async () => {
    try {
      await apiSignOut();
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
