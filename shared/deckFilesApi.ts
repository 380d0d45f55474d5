/**
 * The HTTP API of decks as files: templates, Markdown import and version history
 * (server/http/deckFileRoutes.ts and versionRoutes.ts, client/src/api/deckFiles.ts).
 * Export jobs are in exports.ts.
 */
import { z } from 'zod';
import type { UserRef } from './api.ts';
import type { DeckMeta, SlideLayout } from './deckModel.ts';
import type { ImportReport } from './importReport.ts';
import { MAX_VERSION_LABEL_LENGTH } from './limits.ts';

/* ---- Templates ---- */

/** A deck file in decks/templates/, offered when a deck is made. */
export interface TemplateInfo {
  /** The file name without `.md`; what POST /api/decks takes as `template`. */
  id: string;
  title: string;
  description: string;
}

/** GET /api/templates */
export interface TemplateListResponse {
  templates: TemplateInfo[];
}

/* ---- Import ---- */

/** The Markdown dialects an import recognises (docs/deck-format.md). */
export type DeckDialect = 'tussenstand' | 'reveal' | 'reveal-md' | 'hedgedoc' | 'slidev' | 'marp';

/**
 * POST /api/decks/import, body: the file's bytes (text/markdown). Query:
 *  - `dryRun=true`: nothing is stored; 200 with `{ report }` (what an import would do);
 *  - `remoteImages=fetch|placeholder` (default placeholder): see RemoteImageChoice.
 * 201: the new deck and the report of what the import did.
 */
export interface ImportedDeck {
  id: string;
  title: string;
  slideCount: number;
  dialect: DeckDialect;
  report: ImportReport;
}

/** POST /api/decks/import?dryRun=true (200). */
export interface ImportPreview {
  report: ImportReport;
}

/* ---- Versions ---- */

export type VersionKind = 'manual' | 'session' | 'auto' | 'restore';

/** POST /api/decks/:id/versions: a version made by hand. */
export const CreateVersionRequest = z.object({ label: z.string().trim().min(1, 'required').max(MAX_VERSION_LABEL_LENGTH) });
export type CreateVersionRequest = z.infer<typeof CreateVersionRequest>;

/** One version in the history (POST /api/decks/:id/versions answers with one). */
export interface VersionInfo {
  id: string;
  label: string;
  kind: VersionKind;
  createdAt: string;
  createdBy: UserRef;
}

/** GET /api/decks/:id/versions */
export interface VersionListResponse {
  versions: VersionInfo[];
}

/** GET /api/decks/:id/versions/:version: enough for the history list's preview. */
export interface VersionSummary extends VersionInfo {
  meta: DeckMeta;
  /** `text` is the slide's plain text, cut at VERSION_PREVIEW_CHARS. */
  slides: { id: string; layout: SlideLayout; text: string }[];
}

/** How much of a slide's text a version summary carries. */
export const VERSION_PREVIEW_CHARS = 500;

/** POST /api/decks/:id/versions/:version/restore: what was restored, and the version saved first. */
export interface RestoreVersionResponse {
  restored: string;
  backup: VersionInfo;
}
