/** Live sessions and exports (PDF / HTML) of a deck. */
import type { PresentationState } from '../../../shared/deckModel.ts';
import type { ExportFormat, ExportJobInfo } from '../../../shared/exportOptions.ts';
import { http, type RequestOptions } from './http.ts';

const deckPath = (id: string): string => `/api/decks/${encodeURIComponent(id)}`;

export const startPresentation = (deckId: string): Promise<PresentationState> => http.post<PresentationState>(`${deckPath(deckId)}/presentation/start`);

/** Ends the session; with `keepUntil` the audience may still read the slides shown until then. */
export const stopPresentation = (deckId: string, keepUntil?: string): Promise<PresentationState> =>
  http.post<PresentationState>(`${deckPath(deckId)}/presentation/stop`, keepUntil ? { keepUntil } : undefined);

export const startExport = (deckId: string, format: ExportFormat, notes: boolean): Promise<ExportJobInfo> =>
  http.post<ExportJobInfo>(`${deckPath(deckId)}/exports`, notes ? { format, notes: true } : { format });

export const getExport = (id: string, options?: RequestOptions): Promise<ExportJobInfo> => http.get<ExportJobInfo>(`/api/exports/${encodeURIComponent(id)}`, options);
