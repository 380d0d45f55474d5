/**
 * Decks as files: templates, Markdown import, exports (direct downloads and the PDF/HTML
 * job API) and version history. Errors are ApiRequestErrors, as from http.ts.
 */
import type { DeckSummary } from '../../../shared/api.ts';
import type { CreateVersionRequest, ImportedDeck, ImportPreview, RestoreVersionResponse, TemplateInfo, TemplateListResponse, VersionInfo, VersionListResponse } from '../../../shared/deckFilesApi.ts';
import type { ExportFormat, ExportJobInfo, HandoutOptions } from '../../../shared/exportOptions.ts';
import type { ImportReport, RemoteImageChoice } from '../../../shared/importReport.ts';
import { ApiRequestError, apiUpload, http, type RequestOptions } from './http.ts';

const deckPath = (id: string): string => `/api/decks/${encodeURIComponent(id)}`;
const versionPath = (deckId: string, versionId: string): string => `${deckPath(deckId)}/versions/${encodeURIComponent(versionId)}`;

/* ---- Templates ---- */

export type { TemplateInfo };

export async function listTemplates(options?: RequestOptions): Promise<TemplateInfo[]> {
  const { templates } = await http.get<TemplateListResponse>('/api/templates', options);
  return templates;
}

export const createDeckFromTemplate = (title: string, template: string, period: string): Promise<DeckSummary> =>
  http.post<DeckSummary>('/api/decks', { title, template, period });

/* ---- Import ---- */

/** The server refuses deck files larger than this with 413 (defined in shared/limits.ts). */
export { MAX_DECK_FILE_BYTES as MAX_IMPORT_BYTES } from '../../../shared/limits.ts';

/** The server refuses a file that would make more slides than this with 413. */
export { MAX_IMPORT_SLIDES, MAX_REMOTE_IMAGES } from '../../../shared/limits.ts';

export type { DeckDialect, ImportedDeck } from '../../../shared/deckFilesApi.ts';
export type { ImportNotice, ImportNoticeCode, ImportReport, RemoteImageChoice, RemoteImageRef } from '../../../shared/importReport.ts';

/**
 * What importing the file would do, without storing anything (`dryRun=true`). The file's
 * bytes go as they are: the server decides the encoding and the dialect, so the report
 * describes exactly what `importDeck` with the same file makes.
 */
export async function previewImport(file: Blob, options?: RequestOptions): Promise<ImportReport> {
  const { report } = await apiUpload<ImportPreview>('/api/decks/import?dryRun=true', file, 'text/markdown', options);
  return report;
}

export interface ImportDeckOptions extends RequestOptions {
  /** What to do with images on other sites; the server's default is `placeholder`. */
  remoteImages?: RemoteImageChoice;
}

/** Uploads a Markdown file as a new deck; the reply carries the report of what the import did. */
export function importDeck(file: Blob, { remoteImages, ...options }: ImportDeckOptions = {}): Promise<ImportedDeck> {
  const query = remoteImages ? `?${new URLSearchParams({ remoteImages }).toString()}` : '';
  return apiUpload<ImportedDeck>(`/api/decks/import${query}`, file, 'text/markdown', options);
}

/* ---- Exports ---- */

export type DirectExport = 'md' | 'pptx';

export const directExportUrl = (deckId: string, kind: DirectExport, version?: string): string =>
  version ? `${versionPath(deckId, version)}/export.${kind}` : `${deckPath(deckId)}/export.${kind}`;

/**
 * Starts a PDF/HTML render; `handout` asks for A4 handout sheets (PDF only, without notes);
 * `version` renders a stored version instead of the deck as it is now.
 */
export const startExportJob = (deckId: string, format: ExportFormat, notes: boolean, handout?: HandoutOptions, version?: string): Promise<ExportJobInfo> =>
  http.post<ExportJobInfo>(`${deckPath(deckId)}/exports`, { format, ...(handout ? { handout } : notes ? { notes: true } : {}), ...(version ? { version } : {}) });

export const getExportJob = (id: string, options?: RequestOptions): Promise<ExportJobInfo> => http.get<ExportJobInfo>(`/api/exports/${encodeURIComponent(id)}`, options);

/** The job's file, when the server did not name a download address. */
export const exportJobFileUrl = (id: string): string => `/api/exports/${encodeURIComponent(id)}/file`;

/* ---- Versions ---- */

export type { VersionInfo, VersionKind, VersionSummary } from '../../../shared/deckFilesApi.ts';

export async function listVersions(deckId: string, options?: RequestOptions): Promise<VersionInfo[]> {
  const { versions } = await http.get<VersionListResponse>(`${deckPath(deckId)}/versions`, options);
  return versions;
}

export const createVersion = (deckId: string, label: string): Promise<VersionInfo> => http.post<VersionInfo>(`${deckPath(deckId)}/versions`, { label } satisfies CreateVersionRequest);

export const restoreVersion = (deckId: string, versionId: string): Promise<RestoreVersionResponse> =>
  http.post<RestoreVersionResponse>(`${versionPath(deckId, versionId)}/restore`);


/** The version's document as a Yjs update, with its charts frozen at the figures of that moment. */
export async function getVersionState(deckId: string, versionId: string, options: RequestOptions = {}): Promise<Uint8Array> {
  const response = await fetchOrNetworkError(`${versionPath(deckId, versionId)}/state`, {
    credentials: 'same-origin',
    headers: { accept: 'application/octet-stream' },
    signal: options.signal,
  });
  if (!response.ok) throw await errorFrom(response);
  return new Uint8Array(await response.arrayBuffer());
}

/* ---- Downloads ---- */

/** The file name from a Content-Disposition header (`filename*=UTF-8''…` or `filename="…"`). */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition);
  if (star?.[1]) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      // A malformed name: fall through to the plain one.
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(disposition);
  return plain?.[1]?.trim() || fallback;
}

/**
 * Fetches a file and saves it under the server's name. Unlike a plain link, a refusal
 * (404, 503…) becomes an ApiRequestError the page can show instead of a saved error page.
 */
export async function downloadFile(url: string, fallbackName: string, options: RequestOptions = {}): Promise<string> {
  const response = await fetchOrNetworkError(url, { credentials: 'same-origin', signal: options.signal });
  if (!response.ok) throw await errorFrom(response);
  const blob = await response.blob();
  const name = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  const href = URL.createObjectURL(blob);
  try {
    saveLink(href, name);
  } finally {
    // The click has handed the blob to the browser's download; free it a little later.
    window.setTimeout(() => URL.revokeObjectURL(href), 10_000);
  }
  return name;
}

/** Starts a same-origin download without leaving the page. */
export function saveLink(href: string, name = ''): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  a.rel = 'noopener';
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
}

async function fetchOrNetworkError(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiRequestError(0, { error: 'network', message: err instanceof Error ? err.message : 'network error' });
  }
}

async function errorFrom(response: Response): Promise<ApiRequestError> {
  let body: { error?: unknown; message?: unknown } = {};
  try {
    body = (await response.json()) as typeof body;
  } catch {
    // Not JSON: use the status line.
  }
  return new ApiRequestError(response.status, {
    error: typeof body.error === 'string' ? body.error : `http-${response.status}`,
    message: typeof body.message === 'string' ? body.message : response.statusText || `HTTP ${response.status}`,
  });
}
