/**
 * reveal.js markdown files, HedgeDoc slide mode and reveal-md, each by its tool's rule
 * (all three cut the file with reveal.js's `slidify`, see separators.ts):
 *  - reveal.js markdown plugin: `data-separator` `^\r?\n---\r?\n$` (a `---` line with an
 *    empty line before and after; a `---` right under text is a setext heading, not a
 *    break), vertical `^\r?\n----\r?\n$` (the value reveal.js's documentation gives),
 *    notes `^notes?:`, case-insensitive, at a line start;
 *  - HedgeDoc: the same separators, notes `^note:` (case-insensitive);
 *  - reveal-md: its defaults `\r?\n---\r?\n` and `\r?\n----\r?\n` (a line `---`, no empty
 *    lines needed) unless the front matter sets `separator`, `verticalSeparator`,
 *    `notesSeparator` (regular expressions); notes `^notes?:` as reveal.js.
 * In all three a slide's notes exist only when the notes separator occurs exactly once in
 * it (reveal.js splits on it and keeps notes only for two parts). The separators apply to
 * the raw text, code blocks included, as reveal.js applies them. Each vertical slide
 * becomes a slide of its own. `<!-- .slide: … -->` and `<!-- .element: … -->` set HTML
 * attributes, which a slide here has none of; other comments are kept in the notes.
 */
import { SLIDE_LAYOUTS, type SlideLayout } from '../../deckModel.ts';
import type { DeckDialect } from '../../deckFilesApi.ts';
import type { ImportNotices } from '../../importReport.ts';
import { draft, splitLines, takeComments, type DialectResult, type SlideDraft } from './common.ts';
import { compileNotesSeparator, compileSeparator, slidify, type LinePattern } from './separators.ts';

type RevealDialect = Extract<DeckDialect, 'reveal' | 'hedgedoc' | 'reveal-md'>;

const DEFAULTS: Record<RevealDialect, { separator: string; vertical: string; notes: string }> = {
  reveal: { separator: '^\\r?\\n---\\r?\\n$', vertical: '^\\r?\\n----\\r?\\n$', notes: '^notes?:' },
  hedgedoc: { separator: '^\\r?\\n---\\r?\\n$', vertical: '^\\r?\\n----\\r?\\n$', notes: '^note:' },
  'reveal-md': { separator: '\\r?\\n---\\r?\\n', vertical: '\\r?\\n----\\r?\\n', notes: '^notes?:' },
};

function pattern(data: Record<string, unknown>, key: string, fallback: string, notices: ImportNotices, notes = false): LinePattern {
  const given = data[key];
  const compile = notes ? compileNotesSeparator : compileSeparator;
  if (typeof given === 'string' && given !== '') {
    const compiled = compile(given);
    if (compiled) return compiled;
    // Not runnable safely (separators.ts): reveal-md's default instead.
    notices.add('directive-ignored', { detail: `${key}: ${given}` });
  }
  return compile(fallback)!;
}

/** Where the notes separator matches in a slide's lines: at most two hits are looked for. */
function notesSplit(lines: string[], notes: LinePattern): { content: string[]; notes: string[] } | 'several' | null {
  let hit: { line: number; start: number; end: number } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const found = notes.find(lines[i]!, 0);
    if (!found) continue;
    if (hit) return 'several';
    hit = { line: i, ...found };
    // The same line can hold a second match only for an unanchored pattern.
    if (!notes.anchoredStart && notes.find(lines[i]!, found.end)) return 'several';
  }
  if (!hit) return null;
  const line = lines[hit.line]!;
  return { content: [...lines.slice(0, hit.line), line.slice(0, hit.start)], notes: [line.slice(hit.end), ...lines.slice(hit.line + 1)] };
}

const OUR_LAYOUT = /^slide:\s*layout=([\w-]+)$/;
const SLIDE_ATTRIBUTES = /^\.slide:\s*([\s\S]*)$/;
const ELEMENT_ATTRIBUTES = /^\.element:?\s*([\s\S]*)$/;

function readSlide(text: string, notesPattern: LinePattern): SlideDraft {
  const lines = splitLines(text);
  const split = notesSplit(lines, notesPattern);
  const slide = draft('');
  let contentLines = lines;
  let noteLines: string[] = [];
  // Several markers: reveal.js keeps no notes for the slide, the lines stay slide text.
  if (split === 'several') slide.notices.push({ code: 'directive-ignored', detail: 'Note: (more than once on the slide)' });
  else if (split) ({ content: contentLines, notes: noteLines } = split);
  // Comments are found outside code; reveal.js reads `.slide`/`.element` ones from the rendered HTML.
  const content = takeComments(contentLines);
  const notes = takeComments(noteLines);
  slide.content = content.text;
  if (notes.text.trim() !== '') slide.notes.push(notes.text.trim());
  for (const comment of [...content.comments, ...notes.comments]) {
    const attributes = SLIDE_ATTRIBUTES.exec(comment.body);
    const element = ELEMENT_ATTRIBUTES.exec(comment.body);
    const ours = OUR_LAYOUT.exec(comment.body);
    // Our own layout line, in a file of ours whose front matter was lost: still the layout.
    if (ours && (SLIDE_LAYOUTS as readonly string[]).includes(ours[1]!)) slide.layout = ours[1] as SlideLayout;
    else if (attributes) slide.notices.push({ code: 'directive-ignored', detail: `.slide: ${attributes[1]!.trim()}` });
    else if (element) slide.notices.push(/\bfragment\b/.test(element[1]!) ? { code: 'fragment' } : { code: 'directive-ignored', detail: `.element: ${element[1]!.trim()}` });
    else if (comment.body !== '') {
      slide.notes.push(comment.body);
      slide.notices.push({ code: 'comment-kept', detail: comment.body });
    }
  }
  return slide;
}

export function readReveal(dialect: RevealDialect, body: string, data: Record<string, unknown>, notices: ImportNotices): DialectResult {
  const defaults = DEFAULTS[dialect];
  const own = dialect === 'reveal-md';
  const horizontal = own ? pattern(data, 'separator', defaults.separator, notices) : compileSeparator(defaults.separator)!;
  const vertical = own ? pattern(data, 'verticalSeparator', defaults.vertical, notices) : compileSeparator(defaults.vertical)!;
  const notesPattern = own ? pattern(data, 'notesSeparator', defaults.notes, notices, true) : compileNotesSeparator(defaults.notes)!;
  const drafts = slidify(splitLines(body), horizontal, vertical).map((piece) => {
    const slide = readSlide(piece.text, notesPattern);
    if (piece.after === 'vertical') slide.notices.push({ code: 'vertical-slide' });
    return slide;
  });
  return { drafts, data };
}
