/** Audience links: the attendee page's view of one, and the editors' list, create and revoke. */
import type { AudienceResponse, CreateLinkRequest, LinkInfo, LinkListResponse, LinkView } from '../../../shared/api.ts';
import { http, type RequestOptions } from './http.ts';

const linksPath = (deckId: string): string => `/api/decks/${encodeURIComponent(deckId)}/links`;

export const getLinkView = (token: string, options?: RequestOptions): Promise<LinkView> =>
  http.get<LinkView>(`/api/links/${encodeURIComponent(token)}`, options);

export const listLinks = async (deckId: string, options?: RequestOptions): Promise<LinkInfo[]> => (await http.get<LinkListResponse>(linksPath(deckId), options)).links;

export const createLink = (deckId: string, request: CreateLinkRequest): Promise<LinkInfo> => http.post<LinkInfo>(linksPath(deckId), request);

export const revokeLink = (deckId: string, token: string): Promise<LinkInfo> => http.delete<LinkInfo>(`${linksPath(deckId)}/${encodeURIComponent(token)}`);

/** Attendees per link label, as counted by the server instance that answers. */
export const getAudience = async (deckId: string, options?: RequestOptions): Promise<Record<string, number>> =>
  (await http.get<AudienceResponse>(`/api/decks/${encodeURIComponent(deckId)}/audience`, options)).audience;
