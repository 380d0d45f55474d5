/** How replies show users: a whole account (UserInfo) or a name next to a record (UserRef). */
import type { UserInfo, UserRef } from '../../shared/api.ts';
import type { Store, UserRecord } from '../storage/Store.ts';

export type NameOf = (id: string | null) => UserRef;

/** Maps user ids to display names for one response (a handful of users, read once). */
export async function userNames(store: Store): Promise<NameOf> {
  const users = new Map((await store.listUsers()).map((u) => [u.id, u.displayName]));
  return (id) => (id && users.has(id) ? { id, name: users.get(id)! } : null);
}

export const toUserInfo = (u: UserRecord): UserInfo => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  disabled: u.disabled,
  createdAt: u.createdAt,
});
