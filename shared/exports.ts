/** The export job API's request schema (zod, server side); options and replies are in exportOptions.ts. */
import { z } from 'zod';
import { EXPORT_FORMATS, type HandoutOptions as HandoutChoice } from './exportOptions.ts';

export const HandoutOptions = z.object({
  perPage: z.union([z.literal(2), z.literal(3), z.literal(6)]),
  lines: z.boolean().optional().default(false),
}) satisfies z.ZodType<HandoutChoice, unknown>;

/**
 * A handout is a PDF: `handout` with `format: 'html'` or together with speaker notes is
 * refused (400, field `handout`) rather than quietly ignored.
 */
export const CreateExportRequest = z
  .object({
    format: z.enum(EXPORT_FORMATS),
    notes: z.boolean().optional().default(false),
    handout: HandoutOptions.optional(),
    /** A stored version's id: that version as it was (charts at its figures), "as presented on" its date when a session made it. */
    version: z.string().min(1).max(64).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.handout && value.format !== 'pdf') ctx.addIssue({ code: 'custom', path: ['handout'], message: 'a handout is a PDF: use format "pdf"' });
    if (value.handout && value.notes) ctx.addIssue({ code: 'custom', path: ['handout'], message: 'a handout has no speaker notes pages: leave notes out' });
  });
export type CreateExportRequest = z.infer<typeof CreateExportRequest>;
