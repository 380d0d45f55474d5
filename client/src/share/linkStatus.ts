/**
 * What the share dialog shows about a link, and the date-time conversions its inputs need.
 * The server decides what a link may do (server/auth/access.ts); this only mirrors it for
 * display, so a link whose expiry passes while the dialog is open turns grey without a reload.
 */
import type { LinkInfo } from '../../../shared/api.ts';

export type LinkStatus = 'active' | 'expired' | 'revoked';

export function linkStatus(link: LinkInfo, now: number): LinkStatus {
  if (link.revokedAt) return 'revoked';
  if (link.expiresAt && Date.parse(link.expiresAt) <= now) return 'expired';
  return 'active';
}

export const hasLiveLink = (links: readonly LinkInfo[], now: number): boolean => links.some((l) => linkStatus(l, now) === 'active');

const pad = (n: number): string => String(n).padStart(2, '0');

/** A time as `<input type="datetime-local">` wants it: local, to the minute. */
export function toLocalInput(time: Date): string {
  return `${time.getFullYear()}-${pad(time.getMonth() + 1)}-${pad(time.getDate())}T${pad(time.getHours())}:${pad(time.getMinutes())}`;
}

/** The value of a datetime-local input as an instant, or null when it is empty or not a time. */
export function fromLocalInput(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return null;
  const time = new Date(value);
  return Number.isNaN(time.getTime()) ? null : time;
}

/** Tomorrow at 18:00 local time: a sensible "until" for slides kept available after a talk. */
export function tomorrowEvening(now: Date = new Date()): Date {
  const time = new Date(now);
  time.setDate(time.getDate() + 1);
  time.setHours(18, 0, 0, 0);
  return time;
}
