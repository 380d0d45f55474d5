/**
 * HTTP API request schemas (zod) and response shapes, shared by server and client.
 * The server validates every body with these; the client uses the types.
 */
import { z } from 'zod';
import { MAX_KEEP_AVAILABLE_DAYS, MAX_LINK_LABEL_LENGTH, MAX_TITLE_LENGTH } from './limits.ts';

import { ROLES, type Role } from './roles.ts';

export { ROLES, type Role };

const username = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[a-z0-9._-]+$/, 'lowercase letters, digits, dot, dash or underscore');
const password = z.string().min(10, 'at least 10 characters').max(200);
const title = z.string().trim().min(1, 'required').max(MAX_TITLE_LENGTH);
const displayName = z.string().trim().min(1).max(80);

export const LoginRequest = z.object({ username: z.string().trim().min(1).max(40), password: z.string().min(1).max(200) });
export const CreateUserRequest = z.object({ username, password, role: z.enum(ROLES).default('analyst'), displayName: displayName.optional() });
export const UpdateUserRequest = z
  .object({ displayName: displayName.optional(), role: z.enum(ROLES).optional(), disabled: z.boolean().optional(), password: password.optional() })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export const CreateDeckRequest = z.object({
  title,
  /** A template id from GET /api/templates; `period` is filled into it (e.g. "januari 2027"). */
  template: z.string().max(64).optional(),
  period: z.string().trim().max(80).optional(),
});
export const UpdateDeckRequest = z.object({ title });
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

export interface UserInfo {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: string;
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
