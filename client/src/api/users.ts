/** Account management (administrators only). */
import type { CreateUserRequest, UpdateUserRequest, UserInfo, UserListResponse } from '../../../shared/api.ts';
import { http, type RequestOptions } from './http.ts';

export async function listUsers(options?: RequestOptions): Promise<UserInfo[]> {
  const { users } = await http.get<UserListResponse>('/api/users', options);
  return users;
}

export const createUser = (request: CreateUserRequest): Promise<UserInfo> => http.post<UserInfo>('/api/users', request);

export const updateUser = (id: string, change: UpdateUserRequest): Promise<UserInfo> => http.patch<UserInfo>(`/api/users/${encodeURIComponent(id)}`, change);
