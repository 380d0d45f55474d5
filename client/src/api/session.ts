/** Sign in, sign out and the current user. */
import type { LoginRequest, UserInfo } from '../../../shared/api.ts';
import { http, type RequestOptions } from './http.ts';

export const signIn = (credentials: LoginRequest): Promise<UserInfo> => http.post<UserInfo>('/api/session', credentials);

export const signOut = (): Promise<void> => http.delete<void>('/api/session');

export const fetchMe = (options?: RequestOptions): Promise<UserInfo> => http.get<UserInfo>('/api/me', options);
