/** Deck exports (PDF, self-contained HTML): the job API both sides use. */
import { z } from 'zod';

export const EXPORT_FORMATS = ['pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Slides per handout page (A4 portrait): 2 stacked, 3 with room for notes beside them, 6 in a 2×3 grid. */
export const HANDOUT_PER_PAGE = [2, 3, 6] as const;
export type HandoutPerPage = (typeof HANDOUT_PER_PAGE)[number];

export const HandoutOptions = z.object({
  perPage: z.union([z.literal(2), z.literal(3), z.literal(6)]),
  /** Ruled lines for the reader's own notes next to (3 per page) or under (2, 6) each slide. */
  lines: z.boolean().optional().default(false),
});
export type HandoutOptions = z.infer<typeof HandoutOptions>;

/**
 * A handout is a PDF: `handout` with `format: 'html'` or together with speaker notes is
 * refused (400, field `handout`) rather than quietly ignored.
 */
export const CreateExportRequest = z
  .object({ format: z.enum(EXPORT_FORMATS), notes: z.boolean().optional().default(false), handout: HandoutOptions.optional() })
  .superRefine((value, ctx) => {
    if (value.handout && value.format !== 'pdf') ctx.addIssue({ code: 'custom', path: ['handout'], message: 'a handout is a PDF: use format "pdf"' });
    if (value.handout && value.notes) ctx.addIssue({ code: 'custom', path: ['handout'], message: 'a handout has no speaker notes pages: leave notes out' });
  });
export type CreateExportRequest = z.infer<typeof CreateExportRequest>;

export interface ExportJobInfo {
  id: string;
  state: 'running' | 'done' | 'failed';
  /** 0..1: slides rendered so far. */
  progress: number;
  message?: string;
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

/** Path of the page the exporter renders in headless Chromium. */
export const printPath = (deckId: string, options: { notes: boolean; format: ExportFormat; handout?: HandoutOptions }): string =>
  `/decks/${deckId}/print?${new URLSearchParams({
    ...(options.notes ? { notes: '1' } : {}),
    ...(options.format === 'html' ? { format: 'html' } : {}),
    ...(options.format === 'pdf' ? handoutParams(options.handout) : {}),
  })}`;

/**
 * The PDF page a slide (0-based) is on: one page per slide; with speaker notes each slide's
 * page is followed by its notes page; a handout holds `perPage` slides on each page.
 */
export function pdfPageOfSlide(index: number, options: { notes: boolean; handout?: HandoutOptions }): number {
  if (options.handout) return Math.floor(index / options.handout.perPage);
  return options.notes ? 2 * index : index;
}
