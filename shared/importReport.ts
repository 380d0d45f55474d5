/**
 * What an import did with a file: the report the API returns and the import dialog shows
 * (POST /api/decks/import, `npm run deck -- import`). Nothing a user wrote is dropped
 * silently: whatever the deck model cannot keep as written is a notice here.
 */
import type { DeckDialect } from './deckFilesApi.ts';

/** How the file's bytes were decoded (anything else is refused, docs/deck-format.md). */
export type ImportEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be';

/**
 * Every kind of notice. The UI has a sentence for each in Dutch and English
 * (client/src/i18n/<lang>/importDeck.ts, `notices.<code>`); a test checks that.
 * `converted`: kept, in another form. `dropped`: not kept, and why.
 */
export const IMPORT_NOTICE_CODES = {
  /* ---- content (fromMarkdown.ts) ---- */
  'html-block': 'dropped', // a raw HTML block (<div>…</div>, <script>, <style>): removed whole
  'html-tag': 'converted', // an inline HTML tag removed, its text kept
  'heading-level': 'converted', // #### … ###### become level 3
  'nesting-flattened': 'converted', // lists/quotes deeper than MAX_IMPORT_NESTING: lifted to the deepest level kept
  'unsafe-link': 'converted', // a link whose scheme is not http(s)/mailto: its text kept, no link
  'unsafe-image': 'dropped', // an image whose address is neither http(s) nor ours
  'image-in-heading': 'converted', // an image inside a heading or table cell: kept as its alt text
  'math': 'converted', // $…$ / $$…$$ kept as text
  'footnote': 'converted', // footnotes kept as text
  'text-format': 'converted', // a size, colour, highlight, alignment or line spacing we do not offer (detail: as written): the text kept without it
  'remote-image-fetched': 'converted', // a remote image stored in our image store
  'remote-image-placeholder': 'converted', // a remote image kept as a visible placeholder with its address
  'remote-image-failed': 'converted', // fetching was asked for and failed: kept as a placeholder; detail says why
  /* ---- slides and dialects (parseDeck.ts, dialects/) ---- */
  'vertical-slide': 'converted', // reveal.js vertical slide: a slide of its own
  'layout-mapped': 'converted', // a dialect's layout with no exact equivalent, mapped to ours (detail: from → to)
  'layout-unknown': 'converted', // a layout we do not know: title-content
  'slot-columns': 'converted', // Slidev ::left::/::right:: slots → two columns
  'slot-dropped': 'converted', // another Slidev slot (::top::, ::bottom::…): its content kept in the flow
  'hidden-slide': 'dropped', // Slidev hide/disabled: not shown by Slidev, not imported (detail: its title)
  'src-import': 'dropped', // Slidev `src:` includes another file we were not given (detail: the path)
  'directive': 'converted', // a Marp/Slidev directive applied (detail: name)
  'directive-ignored': 'dropped', // a directive we have no equivalent for (detail: name)
  'header-footer': 'converted', // Marp header/footer text kept as a line on the slide
  'comment-kept': 'converted', // an HTML comment that is not a note: its text kept in the notes
  'front-matter-key': 'dropped', // a front matter key we have no equivalent for (detail: key)
  'fragment': 'converted', // reveal.js fragments / Slidev v-click: shown at once
  'title-shortened': 'converted', // the title cut at MAX_TITLE_LENGTH
  'slides-empty': 'dropped', // empty slides (nothing but a separator) skipped; count says how many
} as const satisfies Record<string, 'converted' | 'dropped'>;

export type ImportNoticeCode = keyof typeof IMPORT_NOTICE_CODES;

export interface ImportNotice {
  code: ImportNoticeCode;
  /** 1-based number of the slide in the imported deck (or in the file, for a slide not imported). */
  slide?: number;
  /** What it was about, as written (a tag, a directive name, a path, a URL), at most 200 characters. */
  detail?: string;
  /** Notices with the same code, slide and detail are counted, not repeated. */
  count: number;
}

/** A remote image the file points at (http or https). */
export interface RemoteImageRef {
  url: string;
  /** 1-based slide number in the imported deck. */
  slide: number;
  alt: string;
}

/** What to do with remote images: store a copy (fetched once by the server) or keep a visible placeholder. */
export const REMOTE_IMAGE_CHOICES = ['fetch', 'placeholder'] as const;
export type RemoteImageChoice = (typeof REMOTE_IMAGE_CHOICES)[number];

export interface ImportReport {
  dialect: DeckDialect;
  encoding: ImportEncoding;
  title: string;
  slides: number;
  /** Slides that carry speaker notes. */
  slidesWithNotes: number;
  notices: ImportNotice[];
  remoteImages: RemoteImageRef[];
}

/** A small collector the parsers fill; merges repeats into counts. */
export class ImportNotices {
  private readonly byKey = new Map<string, ImportNotice>();
  add(code: ImportNoticeCode, where: { slide?: number; detail?: string } = {}): void {
    const detail = where.detail === undefined ? undefined : where.detail.length > 200 ? `${where.detail.slice(0, 199)}…` : where.detail;
    const key = `${code}\u0000${where.slide ?? ''}\u0000${detail ?? ''}`;
    const known = this.byKey.get(key);
    if (known) known.count++;
    else this.byKey.set(key, { code, ...(where.slide === undefined ? {} : { slide: where.slide }), ...(detail === undefined ? {} : { detail }), count: 1 });
  }
  list(): ImportNotice[] {
    return [...this.byKey.values()];
  }
}
