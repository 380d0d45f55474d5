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
 * attributes, which a slide here has none of, with two exceptions: a slide's
 * `data-transition` (one of ours: none, fade, slide, zoom) is its transition, and a list
 * item marked `class="fragment"` makes its list a step list (shown item by item). Other
 * comments are kept in the notes.
 */
import { isSlideTransition, SLIDE_LAYOUTS, type SlideLayout } from '../../deckModel.ts';
import { STEP_LIST_LINE } from '../toMarkdown.ts';
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
const TRANSITION_ATTRIBUTE = /^\s*data-transition\s*=\s*["']?([\w-]+)["']?\s*$/;
const LIST_ITEM = /^(\s*)(?:[-*+]|\d{1,9}[.)])(?:\s|$)/;
const indentOf = (line: string): number => /^\s*/.exec(line)![0].length;

/**
 * The line where the list holding the item on `line` starts: back over its earlier items and
 * their continuation lines (indented deeper, or blank between items).
 */
function listStart(lines: readonly string[], line: number): number {
  const indent = indentOf(lines[line]!);
  let start = line;
  for (let j = line - 1; j >= 0; j--) {
    const text = lines[j]!;
    if (text.trim() === '') continue;
    const item = LIST_ITEM.exec(text);
    if (item && item[1]!.length === indent) start = j;
    else if (indentOf(text) <= indent) break;
  }
  return start;
}

/** A step-list line before each list that has an item marked as a reveal.js fragment. */
function markStepLists(text: string, fragmentLines: ReadonlySet<number>): string {
  if (fragmentLines.size === 0) return text;
  const lines = splitLines(text);
  const starts = new Set([...fragmentLines].map((line) => listStart(lines, line)));
  for (const start of [...starts].sort((a, b) => b - a)) lines.splice(start, 0, `${' '.repeat(indentOf(lines[start]!))}${STEP_LIST_LINE}`);
  return lines.join('\n');
}

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
  if (notes.text.trim() !== '') slide.notes.push(notes.text.trim());
  /** Lines of list items marked as fragments: their lists become step lists. */
  const fragmentItems = new Set<number>();
  const contentLineList = splitLines(content.text);
  const inContent = content.comments.length;
  for (const [n, comment] of [...content.comments, ...notes.comments].entries()) {
    const attributes = SLIDE_ATTRIBUTES.exec(comment.body);
    const element = ELEMENT_ATTRIBUTES.exec(comment.body);
    const ours = OUR_LAYOUT.exec(comment.body);
    const transition = attributes ? TRANSITION_ATTRIBUTE.exec(attributes[1]!) : null;
    const fragment = element !== null && /\bfragment\b/.test(element[1]!);
    const onItem = fragment && n < inContent && LIST_ITEM.test(contentLineList[comment.line] ?? '');
    // Our own layout line, in a file of ours whose front matter was lost: still the layout.
    if (ours && (SLIDE_LAYOUTS as readonly string[]).includes(ours[1]!)) slide.layout = ours[1] as SlideLayout;
    else if (transition && isSlideTransition(transition[1])) slide.transition = transition[1];
    else if (attributes) slide.notices.push({ code: 'directive-ignored', detail: `.slide: ${attributes[1]!.trim()}` });
    else if (onItem) fragmentItems.add(comment.line);
    else if (element) slide.notices.push(fragment ? { code: 'fragment' } : { code: 'directive-ignored', detail: `.element: ${element[1]!.trim()}` });
    else if (comment.body !== '') {
      slide.notes.push(comment.body);
      slide.notices.push({ code: 'comment-kept', detail: comment.body });
    }
  }
  slide.content = markStepLists(content.text, fragmentItems);
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
