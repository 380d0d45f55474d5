/**
 * The attendee's first slide, drawn by the server into the page itself ([AU13] in
 * docs/sync-spec.md), so a phone on a slow network shows the slide before the app's
 * JavaScript has arrived. The client build emits a module for the server that draws it with
 * the app's own slide renderer (client/src/present/firstSlideRender.tsx); the server loads
 * that module from the built client, as it serves the built client's files, and hands it the
 * deck's audience document — never the deck's own.
 */
import type * as Y from 'yjs';
import type { DeckLanguage } from './deckModel.ts';

/** The element the drawn slide sits in; the app removes it once it draws the slide itself. */
export const FIRST_SLIDE_ID = 'first-slide';

/** Where the build puts the server's renderer, relative to the built client (not served: a dot directory). */
export const FIRST_SLIDE_MODULE = '.ssr/firstSlideRender.js';

export interface FirstSlideRequest {
  /** The link token: uploaded images and the logo are fetched with it, as the app fetches them. */
  token: string;
  /** The page's words (the title bar's "Live"): the language the app would pick for this browser. */
  uiLanguage: DeckLanguage;
}

/**
 * Draws the slide the audience document says is live, as the attendee page's markup (HTML
 * text, every value escaped by React), or null when there is none to draw (no session
 * running, the slide not in the document).
 */
export type RenderFirstSlide = (audience: Y.Doc, request: FirstSlideRequest) => string | null;
