/**
 * Tussenstand's own format (docs/deck-format.md), the rules deckToMarkdown writes by:
 *  - slides are separated by a line `---` with a blank line before and after, outside code;
 *  - a slide's first line may be `<!-- slide: layout=<layout> -->`, with ` hidden` before the
 *    `-->` for a slide skipped when presenting, and then ` transition=<none|fade|slide|zoom>`;
 *  - a line `<!-- list: step -->` right before a list: its items are shown one at a time;
 *  - the first line outside code that starts with `Note:` starts the speaker notes (text
 *    after the colon on that line included), which run to the end of the slide. The
 *    exporter writes a paragraph that starts with "Note:" as `Note\:`, so it stays text.
 */
import { isSlideTransition, SLIDE_LAYOUTS, type SlideLayout } from '../../deckModel.ts';
import { cutAt, draft, fencedLines, hideStepLines, restoreStepLines, splitLines, takeComments, type DialectResult, type SlideDraft } from './common.ts';

const LAYOUT_LINE = /^\s*<!--\s*slide:\s*layout=([\w-]+)(\s+hidden)?(?:\s+transition=([\w-]+))?\s*-->\s*$/;
const NOTE_MARKER = /^Notes?:/;
const blank = (line: string | undefined): boolean => line === undefined || line.trim() === '';

/** Slide separators: `---` between blank lines, outside fenced code. */
export function ownSeparators(lines: readonly string[], code: readonly boolean[]): number[] {
  const at: number[] = [];
  for (let i = 1; i < lines.length - 1; i++) {
    if (!code[i] && /^---[ \t]*$/.test(lines[i]!) && blank(lines[i - 1]) && blank(lines[i + 1])) at.push(i);
  }
  return at;
}

export function readOwnSlide(chunk: string): SlideDraft {
  const lines = splitLines(chunk);
  let layout: SlideLayout | undefined;
  const first = lines.findIndex((l) => l.trim() !== '');
  const named = first >= 0 ? LAYOUT_LINE.exec(lines[first]!) : null;
  if (named) {
    if ((SLIDE_LAYOUTS as readonly string[]).includes(named[1]!)) layout = named[1] as SlideLayout;
    lines[first] = '';
  }
  const code = fencedLines(lines);
  const marker = lines.findIndex((l, i) => !code[i] && NOTE_MARKER.test(l));
  const contentLines = hideStepLines(marker < 0 ? lines : lines.slice(0, marker), code);
  const noteCode = marker < 0 ? [] : [false, ...code.slice(marker + 1)];
  const noteLines = hideStepLines(marker < 0 ? [] : [lines[marker]!.replace(NOTE_MARKER, '').trimStart(), ...lines.slice(marker + 1)], noteCode);
  const content = takeComments(contentLines, code.slice(0, contentLines.length));
  const notes = takeComments(noteLines, noteCode);
  const slide = draft(restoreStepLines(content.text), notes.text.trim() ? [restoreStepLines(notes.text)] : []);
  if (layout) slide.layout = layout;
  if (named?.[2]) slide.hidden = true;
  if (named?.[3] && isSlideTransition(named[3])) slide.transition = named[3];
  else if (named?.[3]) slide.notices.push({ code: 'directive-ignored', detail: `transition=${named[3]}` });
  if (named) slide.keepEmpty = true;
  if (named && !layout) slide.notices.push({ code: 'layout-unknown', detail: named[1]! });
  // Comments are not part of the format (apart from the layout line): their text is kept in the notes.
  for (const c of [...content.comments, ...notes.comments]) {
    if (c.body === '') continue;
    slide.notes.push(c.body);
    slide.notices.push({ code: 'comment-kept', detail: c.body });
  }
  return slide;
}

export function readOwn(body: string, data: Record<string, unknown>): DialectResult {
  const lines = splitLines(body);
  const chunks = cutAt(lines, ownSeparators(lines, fencedLines(lines)));
  return { drafts: chunks.map(readOwnSlide), data };
}
