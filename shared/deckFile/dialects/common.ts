/**
 * What the dialect readers share: the slide draft they produce, front matter, code fences
 * and HTML comments found the way CommonMark finds them.
 */
import { parse as yamlParse } from 'yaml';
import type { SlideLayout, SlideTransition } from '../../deckModel.ts';
import type { ImportNoticeCode, ImportNotices } from '../../importReport.ts';

/** One slide as a dialect reader found it: Markdown still, turned into nodes by parseDeck. */
export interface SlideDraft {
  /** The slide's Markdown, comments and dialect syntax already taken out. */
  content: string;
  /** Markdown parts of the speaker notes, in order (joined by a blank line). */
  notes: string[];
  /** Set when the dialect names a layout; otherwise parseDeck guesses from the content. */
  layout?: SlideLayout;
  /** Our own format's `hidden` on the layout line. */
  hidden?: boolean;
  /** How the slide comes on screen (our `transition=` on the layout line, reveal.js `data-transition`). */
  transition?: SlideTransition;
  /** Kept even when it has no content (our own format's empty slide with its layout line). */
  keepEmpty?: boolean;
  /** Notices about this slide; parseDeck adds the slide's number when it is imported. */
  notices: { code: ImportNoticeCode; detail?: string }[];
}

export interface DialectResult {
  drafts: SlideDraft[];
  /** Front matter (or headmatter) of the whole deck: title, lang… */
  data: Record<string, unknown>;
}

export type DialectReader = (text: string, notices: ImportNotices) => DialectResult;

export const draft = (content: string, notes: string[] = []): SlideDraft => ({ content, notes, notices: [] });

/** YAML as a plain mapping, or null when it is not one (a scalar, a list, a comment, an error). */
export function yamlMapping(source: string): Record<string, unknown> | null {
  try {
    const data = yamlParse(source, { maxAliasCount: 100 }) as unknown;
    return data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Front matter at the very top: `---`, YAML, `---` (Jekyll style, what markdown-it-front-matter,
 * reveal-md, HedgeDoc and we read). A block that is not a YAML mapping is not front matter.
 */
export function readFrontMatter(text: string): { data: Record<string, unknown>; body: string; found: boolean } {
  const match = /^---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/.exec(text);
  if (!match) return { data: {}, body: text, found: false };
  const data = yamlMapping(match[1]!);
  if (!data) return { data: {}, body: text, found: false };
  return { data, body: text.slice(match[0].length), found: true };
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * For each line, whether it is part of a fenced code block (its fences included), by
 * CommonMark's rule: an opening run of 3+ backticks or tildes indented at most 3 spaces
 * (a backtick fence's info string holds no backtick), closed by a run of the same character
 * at least as long with nothing after it. An unclosed fence runs to the end.
 */
export function fencedLines(lines: readonly string[]): boolean[] {
  const inCode: boolean[] = Array.from({ length: lines.length }, () => false);
  let fence: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (fence === null) {
      const open = FENCE_OPEN.exec(line);
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        fence = open[1]!;
        inCode[i] = true;
      }
      continue;
    }
    inCode[i] = true;
    const close = /^ {0,3}(`{3,}|~{3,})[ \t]*$/.exec(line);
    if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) fence = null;
  }
  return inCode;
}

export interface FoundComment {
  /** The text between `<!--` and `-->`, trimmed. */
  body: string;
  /** 0-based line where it starts. */
  line: number;
  /** Whether nothing but white space follows it in the text it was taken from. */
  atEnd: boolean;
}

/**
 * Takes the HTML comments out of Markdown lines, leaving code (`code[i]` true) untouched.
 * `<!--` opens a comment anywhere outside code, `-->` closes it (an unclosed one runs to the
 * end). One pass over the characters.
 */
export function takeComments(lines: readonly string[], code: readonly boolean[] = fencedLines(lines)): { text: string; comments: FoundComment[] } {
  const out: string[] = [];
  const comments: (FoundComment & { at: number })[] = [];
  let open: { parts: string[]; line: number } | null = null;
  let length = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (code[i] && open === null) {
      out.push(line);
      length += line.length + 1;
      continue;
    }
    let kept = '';
    let pos = 0;
    /** The line's code spans (found once, when needed) and the first one not yet passed. */
    let spans: [number, number][] | undefined;
    let span = 0;
    while (pos <= line.length) {
      if (open) {
        const end = line.indexOf('-->', pos);
        if (end < 0) {
          open.parts.push(line.slice(pos));
          break;
        }
        open.parts.push(line.slice(pos, end));
        comments.push({ body: open.parts.join('\n').trim(), line: open.line, atEnd: false, at: length + kept.length });
        open = null;
        pos = end + 3;
        continue;
      }
      let start = line.indexOf('<!--', pos);
      // `\<!--` is text to a Markdown reader (an escaped `<`), and `` `<!--` `` is code: no comment.
      spans ??= start >= 0 && line.includes('`') ? codeSpans(line) : [];
      for (;;) {
        if (start < 0) break;
        while (span < spans.length && spans[span]![1] <= start) span++;
        const inCode = span < spans.length && spans[span]![0] < start;
        if (!inCode && !(start > 0 && escaped(line, start))) break;
        start = line.indexOf('<!--', start + 1);
      }
      if (start < 0) {
        kept += line.slice(pos);
        break;
      }
      kept += line.slice(pos, start);
      open = { parts: [], line: i };
      pos = start + 4;
    }
    out.push(kept);
    length += kept.length + 1;
  }
  if (open) comments.push({ body: open.parts.join('\n').trim(), line: open.line, atEnd: false, at: length });
  const text = out.join('\n');
  // A comment is at the end when only white space (and no later comment) follows it.
  for (let c = comments.length - 1; c >= 0; c--) {
    const comment = comments[c]!;
    comment.atEnd = c === comments.length - 1 && text.slice(comment.at).trim() === '';
  }
  return { text, comments: comments.map(({ at: _at, ...rest }) => rest) };
}

/**
 * The inline code spans of one line as [start, end) ranges: a run of n backticks (not
 * escaped) up to the next run of exactly n. One pass over the runs, whatever their number.
 */
function codeSpans(line: string): [number, number][] {
  const runs: { at: number; length: number }[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] !== '`') continue;
    let j = i;
    while (line[j] === '`') j++;
    runs.push({ at: i, length: j - i });
    i = j - 1;
  }
  // For each run, the index of the next run of the same length.
  const nextSame: number[] = Array.from({ length: runs.length }, () => -1);
  const lastByLength = new Map<number, number>();
  for (let r = runs.length - 1; r >= 0; r--) {
    nextSame[r] = lastByLength.get(runs[r]!.length) ?? -1;
    lastByLength.set(runs[r]!.length, r);
  }
  const spans: [number, number][] = [];
  for (let r = 0; r < runs.length; r++) {
    const run = runs[r]!;
    if (escaped(line, run.at)) continue;
    const close = nextSame[r]!;
    if (close < 0) continue;
    spans.push([run.at, runs[close]!.at + run.length]);
    r = close;
  }
  return spans;
}

/** Whether the character at `at` follows an odd run of backslashes. */
function escaped(line: string, at: number): boolean {
  let n = 0;
  while (at - n - 1 >= 0 && line[at - n - 1] === '\\') n++;
  return n % 2 === 1;
}

/**
 * Our own `<!-- list: step -->` lines taken out of the way of takeComments (which would move
 * them to the notes) and put back after it: the content reader reads them before a list.
 * A NUL cannot be in an imported file (parseDeck refuses it), so the stand-in is unambiguous.
 */
const STEP_LINE = /^(\s*)<!--\s*list:\s*step\s*-->\s*$/;
const STEP_STAND_IN = '\u0000list-step\u0000';

export function hideStepLines(lines: readonly string[], code: readonly boolean[]): string[] {
  return lines.map((line, i) => (!code[i] && STEP_LINE.test(line) ? line.replace(STEP_LINE, `$1${STEP_STAND_IN}`) : line));
}

export const restoreStepLines = (text: string): string => text.replaceAll(STEP_STAND_IN, '<!-- list: step -->');

/** Lines of a text, whatever its line ends. */
export const splitLines = (text: string): string[] => text.split(/\r\n|\r|\n/);

/** A line-based text cut into the slides a list of separator line indexes makes. */
export function cutAt(lines: readonly string[], separators: readonly number[]): string[] {
  const chunks: string[] = [];
  let from = 0;
  for (const at of separators) {
    chunks.push(lines.slice(from, at).join('\n'));
    from = at + 1;
  }
  chunks.push(lines.slice(from).join('\n'));
  return chunks;
}
