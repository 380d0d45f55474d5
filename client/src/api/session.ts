/** Sign in, sign out and the current user. */
import type { LoginRequest, SessionResponse, UserInfo } from '../../../shared/api.ts';
import { http, type RequestOptions } from './http.ts';

export const signIn = (credentials: LoginRequest): Promise<UserInfo> => http.post<UserInfo>('/api/session', credentials);

export const signOut = (): Promise<void> => http.delete<void>('/api/session');

/** Who is signed in on this browser: `null` is an answer, not an error, so a signed-out page logs nothing. */
export const fetchSession = (options?: RequestOptions): Promise<UserInfo | null> =>
  http.get<SessionResponse>('/api/session', options).then((reply) => reply.user);
