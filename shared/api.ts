/**
 * HTTP API request schemas (zod) and response shapes, shared by server and client.
 * The server validates every body with these; the client uses the types.
 */
import { z } from 'zod';
import {
  MAX_DISPLAY_NAME_LENGTH,
  MAX_KEEP_AVAILABLE_DAYS,
  MAX_LINK_LABEL_LENGTH,
  MAX_PASSWORD_LENGTH,
  MAX_PERIOD_LENGTH,
  MAX_TITLE_LENGTH,
  MAX_USERNAME_LENGTH,
  MIN_PASSWORD_LENGTH,
  MIN_USERNAME_LENGTH,
} from './limits.ts';

import { ROLES, type Role } from './roles.ts';
import type { StatDefinition, StatValue } from './statsCatalogue.ts';

export { ROLES, type Role };

const username = z
  .string()
  .trim()
  .min(MIN_USERNAME_LENGTH)
  .max(MAX_USERNAME_LENGTH)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash or underscore');
const password = z.string().min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`).max(MAX_PASSWORD_LENGTH);
const title = z.string().trim().min(1, 'required').max(MAX_TITLE_LENGTH);
const displayName = z.string().trim().min(1).max(MAX_DISPLAY_NAME_LENGTH);

export const LoginRequest = z.object({ username: z.string().trim().min(1).max(MAX_USERNAME_LENGTH), password: z.string().min(1).max(MAX_PASSWORD_LENGTH) });
export const CreateUserRequest = z.object({ username, password, role: z.enum(ROLES).default('analyst'), displayName: displayName.optional() });
export const UpdateUserRequest = z
  .object({ displayName: displayName.optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: password.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export const CreateDeckRequest = z.object({
  title,
  /** A template id from GET /api/templates; `period` is filled into it (e.g. "januari 2027"). */
  template: z.string().max(64).optional(),
  period: z.string().trim().max(MAX_PERIOD_LENGTH).optional(),
});
export const UpdateDeckRequest = z.object({ title });
/** GET /api/decks?trashed=1: the trash instead of the live decks. */
export const DeckListQuery = z.object({ trashed: z.enum(['0', '1', 'true', 'false']).optional() });
export const CreateLinkRequest = z.object({
  label: z.string().trim().max(MAX_LINK_LABEL_LENGTH).optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional().refine((v) => v === undefined || Date.parse(v) > Date.now(), 'must be in the future'),
});

export const StopPresentationRequest = z
  .object({
    /** Keep the slides shown in this session readable on the audience links until then. */
    keepUntil: z.iso
      .datetime({ offset: true })
      .optional()
      .refine((v) => v === undefined || Date.parse(v) > Date.now(), 'must be in the future')
      .refine((v) => v === undefined || Date.parse(v) <= Date.now() + MAX_KEEP_AVAILABLE_DAYS * 86_400_000, `at most ${MAX_KEEP_AVAILABLE_DAYS} days ahead`),
  })
  .optional();
export type StopPresentationRequest = z.infer<typeof StopPresentationRequest>;

export type LoginRequest = z.infer<typeof LoginRequest>;
export type CreateUserRequest = z.infer<typeof CreateUserRequest>;
export type UpdateUserRequest = z.infer<typeof UpdateUserRequest>;
export type CreateDeckRequest = z.infer<typeof CreateDeckRequest>;
export type UpdateDeckRequest = z.infer<typeof UpdateDeckRequest>;
export type CreateLinkRequest = z.infer<typeof CreateLinkRequest>;

/** A user as a reply names them (null if that account no longer exists). */
export type UserRef = { id: string; name: string } | null;

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
}

/** GET /api/session: who is signed in with this request's cookie, `null` when nobody is. */
export interface SessionResponse {
  user: UserInfo | null;
}

/** GET /api/users */
export interface UserListResponse {
  users: UserInfo[];
}

export interface DeckSummary {
  id: string;
  title: string;
  slideCount: number;
  createdAt: string;
  createdBy: { id: string; name: string } | null;
  updatedAt: string;
  updatedBy: { id: string; name: string } | null;
  trashedAt: string | null;
}

/** GET /api/decks */
export interface DeckListResponse {
  decks: DeckSummary[];
}

export interface LinkInfo {
  token: string;
  /** The attendee page's path on this server: `/v/<token>`. */
  url: string;
  /** The same as an absolute URL, as the request reached the server. */
  href: string;
  label: string;
  createdAt: string;
  /** Who made the link (null if that account no longer exists). */
  createdBy: { id: string; name: string } | null;
  expiresAt: string | null;
  revokedAt: string | null;
}

/** GET /api/decks/:id/links: every link of the deck, revoked and expired ones included. */
export interface LinkListResponse {
  links: LinkInfo[];
}

/** GET /api/decks/:id/audience: attendees connected to this server instance, per link label. */
export interface AudienceResponse {
  audience: Record<string, number>;
}

export interface DeckEvent {
  id: number;
  kind: string;
  at: string;
  user: { id: string; name: string } | null;
  detail: Record<string, unknown>;
}

/** GET /api/decks/:id/history */
export interface DeckHistoryResponse {
  events: DeckEvent[];
}

/** What an audience link opens: enough for the attendee page, nothing an editor-only route shows. */
export interface LinkView {
  deckId: string;
  title: string;
  label: string;
}

/** Every error body: a machine-readable code, a sentence, and for validation the bad fields. */
export interface ApiError {
  error: string;
  message: string;
  fields?: { field: string; message: string }[];
}

/** GET /healthz: 200 when this instance can serve, 503 with a reason when it cannot. */
export interface HealthResponse {
  ok: boolean;
  store: string;
  /** null without Redis. */
  redis: boolean | null;
  openDecks: number;
  connections: number;
  statsConnections: number;
  reason?: string;
}

/** GET /api/stats: the catalogue a chart picks a statistic from. */
export interface StatsCatalogueResponse {
  stats: readonly StatDefinition[];
}

/** GET /api/stats/:key: a statistic's current value. */
export interface StatResponse {
  key: string;
  value: StatValue;
  updatedAt: string;
}
