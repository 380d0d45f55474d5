/**
 * reveal.js-style separators: regular expressions (the markdown plugin's `data-separator`,
 * `data-separator-vertical`, `data-separator-notes`; reveal-md's `separator`,
 * `verticalSeparator`, `notesSeparator`) that reveal.js runs with the `m` flag over the whole
 * file. A pattern here comes from the file itself, so it is never run over the whole file:
 *  - its leading `^` / newlines and trailing newlines / `$` are read as what they say about
 *    the separator's line (which neighbouring lines must be empty; whether the match spans
 *    the line), and only the rest (the "core") is matched, one line at a time;
 *  - a core without regex syntax (`<!--s-->`, `---`) is matched as literal text;
 *  - any other core is compiled only when short (MAX_PATTERN), without a quantified group or
 *    back reference (the shapes that backtrack exponentially) and with at most two unbounded
 *    quantifiers, and tested only on lines up to MAX_TESTED_LINE characters.
 * What cannot be read this way is refused (the caller falls back to the default, with a notice).
 */

const MAX_PATTERN = 200;
const MAX_TESTED_LINE = 100;

export interface LinePattern {
  /** Newlines the pattern needs before the matched line's text (`\n---`: 1), and after it. */
  lead: number;
  trail: number;
  /** `^` before the leading newlines: the first of them must end an empty line. */
  anchoredStart: boolean;
  /** `$` after the trailing newlines: the line after them must be empty. */
  anchoredEnd: boolean;
  /** Where the core matches in a line (`start`..`end`), or null. */
  find: (line: string, from: number) => { start: number; end: number } | null;
  /** The core matches a whole line only (no text of the line stays outside it). */
  wholeLine: boolean;
}

const NEWLINE = /^(?:\\r\?\\n|\\r\\n|\\n|\\r)/;
const NEWLINE_END = /(?:\\r\?\\n|\\r\\n|\\n|\\r)$/;
const REGEX_SYNTAX = /[\\^$.|?*+()[\]{}]/;

/** A core is safe to compile when it cannot backtrack past a small polynomial. */
function safeCore(core: string): boolean {
  if (core.length > MAX_PATTERN) return false;
  if (/\\[1-9]|\\k</.test(core)) return false;
  if (/\)\s*[*+?{]/.test(core)) return false;
  const unbounded = core.replace(/\\./g, '').match(/[*+]|\{\d+,\}/g) ?? [];
  return unbounded.length <= 2;
}

/**
 * `source` as reveal.js gets it: from YAML, `\n` may be a real line feed (double quotes) or
 * the two characters `\n` (single quotes, plain); both mean the same to RegExp.
 */
export function compileSeparator(source: string, flags = ''): LinePattern | null {
  let rest = source.replace(/\r/g, '\\r').replace(/\n/g, '\\n');
  let anchoredStart = false;
  let anchoredEnd = false;
  while (rest.startsWith('^')) {
    anchoredStart = true;
    rest = rest.slice(1);
  }
  let lead = 0;
  for (let m = NEWLINE.exec(rest); m; m = NEWLINE.exec(rest)) {
    lead++;
    rest = rest.slice(m[0].length);
  }
  if (rest.endsWith('$') && !rest.endsWith('\\$')) {
    anchoredEnd = true;
    rest = rest.slice(0, -1);
  }
  let trail = 0;
  for (let m = NEWLINE_END.exec(rest); m; m = NEWLINE_END.exec(rest)) {
    trail++;
    rest = rest.slice(0, -m[0].length);
  }
  const core = rest;
  if (core === '' || /\\[rn]/.test(core)) return null;
  const startsLine = anchoredStart || lead > 0;
  const endsLine = anchoredEnd || trail > 0;
  const ignoreCase = flags.includes('i');
  let find: LinePattern['find'];
  if (!REGEX_SYNTAX.test(core)) {
    const needle = ignoreCase ? core.toLowerCase() : core;
    find = (line, from) => {
      const hay = ignoreCase ? line.toLowerCase() : line;
      if (startsLine && endsLine) return from === 0 && hay === needle ? { start: 0, end: line.length } : null;
      if (startsLine) return from === 0 && hay.startsWith(needle) ? { start: 0, end: needle.length } : null;
      if (endsLine) return hay.endsWith(needle) && line.length - needle.length >= from ? { start: line.length - needle.length, end: line.length } : null;
      const at = hay.indexOf(needle, from);
      return at < 0 ? null : { start: at, end: at + needle.length };
    };
  } else {
    if (!safeCore(core)) return null;
    let regex: RegExp;
    try {
      regex = new RegExp(`${startsLine ? '^' : ''}(?:${core})${endsLine ? '$' : ''}`, ignoreCase ? 'gi' : 'g');
      if (regex.test('')) return null; // a pattern that matches nothing would split everywhere
    } catch {
      return null;
    }
    find = (line, from) => {
      if (startsLine && from > 0) return null;
      // A line-start pattern is tried on the line's start only; others on short lines only.
      const tested = startsLine && !endsLine ? line.slice(0, MAX_TESTED_LINE) : line;
      if (tested.length > MAX_TESTED_LINE) return null;
      regex.lastIndex = from;
      const m = regex.exec(tested);
      return m && m[0].length > 0 ? { start: m.index, end: m.index + m[0].length } : null;
    };
  }
  return { lead, trail, anchoredStart, anchoredEnd, find, wholeLine: startsLine && endsLine };
}

export interface Piece {
  text: string;
  /** What separated it from the piece before: null for the first. */
  after: 'horizontal' | 'vertical' | null;
}

/**
 * The text cut the way reveal.js's `slidify` cuts it: at each match of the horizontal or
 * (tried second) vertical separator, left to right, a match not reusing a newline an
 * earlier match took.
 */
export function slidify(lines: readonly string[], horizontal: LinePattern, vertical: LinePattern | null): Piece[] {
  const pieces: Piece[] = [];
  let current: string[] = [];
  let after: Piece['after'] = null;
  /** Index of the last line whose ending newline a match consumed. */
  let consumed = -1;
  const empty = (i: number): boolean => lines[i] === '';
  const fits = (p: LinePattern, i: number): boolean => {
    if (i - p.lead < 0 || i - p.lead <= consumed) return false;
    for (let k = p.anchoredStart ? i - p.lead : i - p.lead + 1; k < i; k++) if (!empty(k)) return false;
    if (i + p.trail > lines.length - 1) return false;
    for (let k = i + 1; k < i + p.trail; k++) if (!empty(k)) return false;
    if (p.anchoredEnd && p.trail > 0 && !empty(i + p.trail)) return false;
    return true;
  };
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    let from = 0;
    let matched = false;
    for (;;) {
      let hit: { start: number; end: number; kind: 'horizontal' | 'vertical'; p: LinePattern } | null = null;
      for (const [p, kind] of [[horizontal, 'horizontal'], [vertical, 'vertical']] as const) {
        if (!p) continue;
        const found = p.find(line, from);
        if (!found) continue;
        if (p.lead > 0 && found.start !== 0) continue;
        if (p.trail > 0 && found.end !== line.length) continue;
        if (p.anchoredEnd && p.trail === 0 && found.end !== line.length) continue;
        if (!fits(p, i)) continue;
        hit = { ...found, kind, p };
        break;
      }
      if (!hit) break;
      matched = true;
      current.push(line.slice(0, hit.start));
      pieces.push({ text: current.join('\n'), after });
      current = [];
      after = hit.kind;
      consumed = Math.max(consumed, i + hit.p.trail - 1);
      line = line.slice(hit.end);
      from = 0;
      if (hit.p.lead > 0 || hit.p.trail > 0 || line === '') break;
    }
    if (matched && line === '') continue;
    current.push(line);
  }
  pieces.push({ text: current.join('\n'), after });
  return pieces;
}

/** A notes separator (`^note:`, flags m g i in reveal.js): which lines it matches, and where. */
export function compileNotesSeparator(source: string): LinePattern | null {
  return compileSeparator(source, 'i');
}
