/** Deck exports (PDF, self-contained HTML): the job API both sides use. */
import { z } from 'zod';

export const EXPORT_FORMATS = ['pdf', 'html'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CreateExportRequest = z.object({ format: z.enum(EXPORT_FORMATS), notes: z.boolean().optional().default(false) });
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

/** Path of the page the exporter renders in headless Chromium. */
export const printPath = (deckId: string, options: { notes: boolean; format: ExportFormat }): string =>
  `/decks/${deckId}/print?${new URLSearchParams({ ...(options.notes ? { notes: '1' } : {}), ...(options.format === 'html' ? { format: 'html' } : {}) })}`;
