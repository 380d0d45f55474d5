/**
 * Deck exports (PDF, self-contained HTML, handouts): the options, paths and job replies both
 * sides use. No zod here: this module is in the browser's deck list, print and presenter
 * chunks, and zod's eval probe trips the app's CSP there (the request schemas are in
 * exports.ts, for the server).
 */
export const EXPORT_FORMATS = ['pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Slides per handout page (A4 portrait): 2 stacked, 3 with room for notes beside them, 6 in a 2×3 grid. */
export const HANDOUT_PER_PAGE = [2, 3, 6] as const;
export type HandoutPerPage = (typeof HANDOUT_PER_PAGE)[number];

export interface HandoutOptions {
  perPage: HandoutPerPage;
  /** Ruled lines for the reader's own notes next to (3 per page) or under (2, 6) each slide. */
  lines: boolean;
}

/**
 * Why an export could not be made, for the UI to say in its own language (`message` says it
 * in English for logs and scripts): a chart with neither a live nor a stored value, or a
 * slide that did not finish drawing in time (`what`: 'chart <key>', 'image', 'code', 'fit',
 * 'not drawn').
 */
export type ExportProblem = { code: 'no-value'; slide: number; stat: string } | { code: 'not-ready'; slide: number; what: string };

export interface ExportJobInfo {
  id: string;
  state: 'running' | 'done' | 'failed';
  /** 0..1: slides rendered so far. */
  progress: number;
  message?: string;
  problem?: ExportProblem;
  /** Where the finished file is downloaded from. */
  download?: string;
}

/** The handout's query parameters (`handout=3&lines=1`), as printPath writes them and the print page reads them. */
export const handoutParams = (handout: HandoutOptions | undefined): Record<string, string> =>
  handout ? { handout: String(handout.perPage), ...(handout.lines ? { lines: '1' } : {}) } : {};

/**
 * The handout asked for by `handout` / `lines` query values, or undefined for none. An
 * unknown count is not a handout (the print page then draws the normal PDF pages; the API
 * validates before it gets here).
 */
export function handoutFromParams(handout: string | null | undefined, lines: string | null | undefined): HandoutOptions | undefined {
  const perPage = HANDOUT_PER_PAGE.find((n) => String(n) === handout);
  return perPage ? { perPage, lines: lines === '1' || lines === 'true' } : undefined;
}

/** Path of the page the exporter renders in headless Chromium; `version` prints a stored version. */
export const printPath = (deckId: string, options: { notes: boolean; format: ExportFormat; handout?: HandoutOptions; version?: string }): string =>
  `/decks/${deckId}/print?${new URLSearchParams({
    ...(options.notes ? { notes: '1' } : {}),
    ...(options.format === 'html' ? { format: 'html' } : {}),
    ...(options.format === 'pdf' ? handoutParams(options.handout) : {}),
    ...(options.version ? { version: options.version } : {}),
  })}`;

/**
 * The PDF page a slide (0-based) is on: one page per slide; with speaker notes each slide's
 * page is followed by its notes page; a handout holds `perPage` slides on each page.
 */
export function pdfPageOfSlide(index: number, options: { notes: boolean; handout?: HandoutOptions }): number {
  if (options.handout) return Math.floor(index / options.handout.perPage);
  return options.notes ? 2 * index : index;
}

/** The print page's `data-print-problem` (JSON), read back by the exporter; anything else is null. */
export function parseExportProblem(text: string | undefined): ExportProblem | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Record<string, unknown>;
    if (typeof value.slide !== 'number' || !Number.isInteger(value.slide)) return null;
    if (value.code === 'no-value' && typeof value.stat === 'string') return { code: 'no-value', slide: value.slide, stat: value.stat.slice(0, 200) };
    if (value.code === 'not-ready' && typeof value.what === 'string') return { code: 'not-ready', slide: value.slide, what: value.what.slice(0, 200) };
  } catch {
    // Not JSON: no problem to name.
  }
  return null;
}
