/** Audience links, as the attendee page sees them. */
import type { LinkView } from '../../../shared/api.ts';
import { http, type RequestOptions } from './http.ts';

export const getLinkView = (token: string, options?: RequestOptions): Promise<LinkView> =>
  http.get<LinkView>(`/api/links/${encodeURIComponent(token)}`, options);
