/**
 * Reads a Markdown deck file — Tussenstand's own format, or a dialect people already have —
 * into slides, and reports what it could not keep as written (shared/importReport.ts).
 * Each dialect follows its own tool's rule, in its own module (dialects/), and says which:
 *  - own.ts: our format (docs/deck-format.md);
 *  - reveal.ts: reveal.js markdown files, HedgeDoc slide mode, reveal-md;
 *  - slidev.ts: Slidev; marp.ts: Marp;
 *  - detectDialect.ts: which one a file is.
 * The dialects produce Markdown per slide; the content reader (fromMarkdown.ts) makes the
 * slide tree of it and reports, per slide, what it dropped or converted.
 */
import { cleanChrome, NO_CHROME, type DeckChrome } from '../deckChrome.ts';
import { DECK_LANGUAGES, DECK_THEMES, type DeckMeta, type SlideLayout, type SlideTransition } from '../deckModel.ts';
import type { DeckDialect } from '../deckFilesApi.ts';
import { ImportNotices, type ImportNotice } from '../importReport.ts';
import { MAX_TITLE_LENGTH } from '../limits.ts';
import { readFrontMatter, type DialectResult } from './dialects/common.ts';
import { detectDialect } from './dialects/detectDialect.ts';
import { readMarp } from './dialects/marp.ts';
import { readOwn } from './dialects/own.ts';
import { readReveal } from './dialects/reveal.ts';
import { readSlidev } from './dialects/slidev.ts';
import { markdownToContent } from './fromMarkdown.ts';
import { plainText, type ElementNode } from './tree.ts';

export type Dialect = DeckDialect;

export interface ParsedSlide {
  layout: SlideLayout;
  hidden?: boolean;
  transition?: SlideTransition;
  content: ElementNode[];
  notes: ElementNode[];
}

export interface ParsedDeck {
  dialect: DeckDialect;
  meta: DeckMeta;
  /** Footer, marking, date, numbers and logo (front matter `footer`, `classification`, `footerDate`, `slideNumbers`, `logo`; own format only). */
  chrome: DeckChrome;
  slides: ParsedSlide[];
  /** What the import did not keep as written, in the order found (shared/importReport.ts). */
  notices: ImportNotice[];
}

export class NotADeckError extends Error {}

const FALLBACK_TITLE = 'Geïmporteerde presentatie';

function guessLayout(content: ElementNode[], index: number): SlideLayout {
  const first = content[0];
  if (index === 0 && first?.type === 'heading' && Number(first.attrs.level) === 1) return 'title';
  if (content.length === 1 && first?.type === 'heading') return 'section';
  return 'title-content';
}

function chromeFrom(data: Record<string, unknown>): DeckChrome {
  return cleanChrome({ footerText: data.footer, classification: data.classification, footerDate: data.footerDate, slideNumbers: data.slideNumbers, logo: data.logo });
}

function metaFrom(data: Record<string, unknown>, slides: ParsedSlide[], notices: ImportNotices): DeckMeta {
  const firstHeading = slides.flatMap((s) => s.content).find((n) => n.type === 'heading');
  // A title is text: markup in it is dropped, as everywhere else in an imported file.
  const stripped = typeof data.title === 'string' ? data.title.replace(/<[^>]*>/g, '').trim() : '';
  let title = stripped || (firstHeading ? plainText(firstHeading.content).trim() : '') || FALLBACK_TITLE;
  if (title.length > MAX_TITLE_LENGTH) {
    notices.add('title-shortened', { detail: title });
    title = title.slice(0, MAX_TITLE_LENGTH);
  }
  const theme = (DECK_THEMES as readonly unknown[]).includes(data.theme) ? (data.theme as DeckMeta['theme']) : 'tussenstand';
  const lang = data.language ?? data.lang;
  const language = (DECK_LANGUAGES as readonly unknown[]).includes(lang) ? (lang as DeckMeta['language']) : 'nl';
  return { title, theme, period: typeof data.period === 'string' ? data.period : '', language };
}

function read(dialect: DeckDialect, markdown: string, data: Record<string, unknown>, body: string, notices: ImportNotices): DialectResult {
  switch (dialect) {
    case 'tussenstand':
      return readOwn(body, data);
    case 'slidev':
      return readSlidev(markdown, notices);
    case 'marp':
      return readMarp(body, data, notices);
    default:
      return readReveal(dialect, body, data, notices);
  }
}

export function parseDeck(markdown: string): ParsedDeck {
  if (markdown.includes('\u0000')) throw new NotADeckError('this is not a text file');
  const text = markdown.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new NotADeckError('the file is empty');
  const { data, body } = readFrontMatter(text);
  const dialect = detectDialect(data, body);
  const notices = new ImportNotices();
  const result = read(dialect, text, data, body, notices);

  const slides: ParsedSlide[] = [];
  let empty = 0;
  for (const slideDraft of result.drafts) {
    const number = slides.length + 1;
    const context = { notices, slide: number };
    const content = markdownToContent(slideDraft.content, context);
    const notes = slideDraft.notes.length > 0 ? markdownToContent(slideDraft.notes.join('\n\n'), context) : [];
    if (content.length === 0 && notes.length === 0 && !slideDraft.keepEmpty) {
      empty++;
      for (const n of slideDraft.notices) notices.add(n.code, n.detail === undefined ? {} : { detail: n.detail });
      continue;
    }
    for (const n of slideDraft.notices) notices.add(n.code, { slide: number, ...(n.detail === undefined ? {} : { detail: n.detail }) });
    slides.push({ layout: slideDraft.layout ?? guessLayout(content, slides.length), content, notes, ...(slideDraft.hidden ? { hidden: true } : {}), ...(slideDraft.transition ? { transition: slideDraft.transition } : {}) });
  }
  if (slides.length === 0) throw new NotADeckError('the file holds no slide content');
  for (let i = 0; i < empty; i++) notices.add('slides-empty');
  // Other tools' `footer` is their own directive (Marp's is kept as text on its slides).
  const chrome = dialect === 'tussenstand' ? chromeFrom(result.data) : NO_CHROME;
  return { dialect, meta: metaFrom(result.data, slides, notices), chrome, slides, notices: notices.list() };
}
