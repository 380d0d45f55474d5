/**
 * Marp, by Marpit's rules (marp-team/marpit src/markdown/*) and marp-core's additions:
 *  - slides are split at every horizontal ruler at the top level, as CommonMark reads one
 *    (`---`, `***`, `___`, `- - -`…; a `---` right under a line of text underlines a
 *    heading and is no ruler); the front matter is Jekyll style at the top;
 *  - `headingDivider: N` (or a list of levels) starts a slide before each heading of a level
 *    up to N (or in the list), unless nothing visible comes before it;
 *  - an HTML comment whose YAML is a mapping with a known directive key is a directive
 *    (`<!-- paginate: true -->`, `<!-- _class: lead -->`, several keys in one comment);
 *    global ones apply to the whole deck (the last one wins), local ones to their slide and
 *    the ones after, `_`-prefixed (spot) ones to their slide only. Front matter keys are
 *    both. marp-core's `<!-- fit -->` and lint/prettier magic comments are no notes either;
 *  - every other comment is a presenter note of its slide.
 * Here `class: lead` makes a title slide, `header`/`footer` text stays on the slides it
 * applies to as a last line; other directives have no equivalent and are reported.
 */
import MarkdownIt from 'markdown-it';
import { parse as yamlParse } from 'yaml';
import type { ImportNotices } from '../../importReport.ts';
import { draft, splitLines, takeComments, type DialectResult, type FoundComment, type SlideDraft } from './common.ts';

/** Marpit's global and local directives (directives.js) and marp-core's / marp-cli's own. */
export const MARP_GLOBALS = new Set(['headingDivider', 'style', 'theme', 'lang', 'size', 'math', 'marp', 'title', 'description', 'author', 'image', 'keywords', 'url', 'transition']);
export const MARP_LOCALS = new Set(['backgroundColor', 'backgroundImage', 'backgroundPosition', 'backgroundRepeat', 'backgroundSize', 'class', 'color', 'footer', 'header', 'paginate']);
const MAGIC_COMMENTS = [/^prettier-ignore(-(start|end))?$/, /^markdownlint-((disable|enable).*|capture|restore)$/, /^lint (disable|enable|ignore).*$/];

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });

/** A comment's directives, as Marpit reads them (js-yaml FAILSAFE: every value a string). */
export function marpDirectives(body: string): Record<string, unknown> | null {
  let data: unknown;
  try {
    data = yamlParse(body, { schema: 'failsafe' }) as unknown;
  } catch {
    return null;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return null;
  const keys = Object.keys(data);
  return keys.some((k) => MARP_GLOBALS.has(k) || MARP_LOCALS.has(k) || (k.startsWith('_') && MARP_LOCALS.has(k.slice(1)))) ? (data as Record<string, unknown>) : null;
}

/** headingDivider's value as Marpit normalises it: the heading levels that divide, or none. */
const toInt = (v: unknown): number => (typeof v === 'number' ? v : Number.parseInt(String(v), 10));

function headingLevels(value: unknown): number[] | null {
  if (Array.isArray(value)) return [1, 2, 3, 4, 5, 6].filter((h) => value.map(toInt).includes(h));
  const n = toInt(value);
  return Number.isInteger(n) && n >= 1 && n <= 6 ? Array.from({ length: n }, (_, i) => i + 1) : null;
}

const isCommentOnly = (html: string): boolean => /^\s*(?:<!--[\s\S]*?-->\s*)+$/.test(html);

/** Local directives into `into`, spot (`_`) ones into `spot`. */
function apply(into: Record<string, unknown>, spot: Record<string, unknown>, data: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(data)) {
    if (MARP_LOCALS.has(k)) into[k] = v;
    else if (k.startsWith('_') && MARP_LOCALS.has(k.slice(1))) spot[k.slice(1)] = v;
  }
}

interface Located extends FoundComment {
  directives: Record<string, unknown> | null;
}

export function readMarp(body: string, front: Record<string, unknown>, notices: ImportNotices): DialectResult {
  const lines = splitLines(body);
  const tokens = md.parse(lines.join('\n'), {});
  const code: boolean[] = Array.from({ length: lines.length }, () => false);
  const rulers: number[] = [];
  const headings: { line: number; level: number; visibleBefore: boolean }[] = [];
  let visible = false;
  for (const t of tokens) {
    if ((t.type === 'fence' || t.type === 'code_block') && t.map) for (let i = t.map[0]; i < t.map[1]; i++) code[i] = true;
    if (t.level !== 0 || !t.map) continue;
    if (t.type === 'hr') rulers.push(t.map[0]);
    if (t.type === 'heading_open') headings.push({ line: t.map[0], level: Number(t.tag.slice(1)), visibleBefore: visible });
    if (t.nesting !== -1 && !(t.type === 'html_block' && isCommentOnly(t.content))) visible = true;
  }
  const taken = takeComments(lines, code);
  const textLines = splitLines(taken.text);
  const comments: Located[] = taken.comments.map((c) => ({ ...c, directives: marpDirectives(c.body) }));

  // Global directives: the front matter, then every directive comment; the last one wins.
  const globals: Record<string, unknown> = {};
  for (const source of [front, ...comments.map((c) => c.directives ?? {})]) for (const [k, v] of Object.entries(source)) if (MARP_GLOBALS.has(k)) globals[k] = v;
  const levels = 'headingDivider' in globals ? headingLevels(globals.headingDivider) : null;
  if (levels) notices.add('directive', { detail: `headingDivider: ${levels.join(', ')}` });

  const breaks = new Map<number, 'ruler' | 'heading'>();
  for (const r of rulers) breaks.set(r, 'ruler');
  if (levels) for (const h of headings) if (levels.includes(h.level) && h.visibleBefore && !breaks.has(h.line)) breaks.set(h.line, 'heading');
  const starts = [...breaks.keys()].sort((a, b) => a - b);

  const ranges: { from: number; to: number }[] = [];
  let from = 0;
  for (const at of starts) {
    ranges.push({ from, to: at });
    from = breaks.get(at) === 'ruler' ? at + 1 : at;
  }
  ranges.push({ from, to: lines.length });

  for (const [k, v] of Object.entries(front)) {
    if (k === 'headingDivider' || k === 'marp' || k === 'title' || k === 'lang' || k === 'header' || k === 'footer' || k === 'class' || k.startsWith('_')) continue;
    if (MARP_GLOBALS.has(k) || MARP_LOCALS.has(k)) notices.add('directive-ignored', { detail: `${k}: ${String(v)}` });
  }

  // Local directives carry on to the following slides; spot (`_`) ones stay on theirs.
  let local: Record<string, unknown> = {};
  const frontSpot: Record<string, unknown> = {};
  apply(local, frontSpot, front);

  // Comments are in line order, as are the ranges: one pointer walks both.
  let next = 0;
  const drafts: SlideDraft[] = ranges.map((range, index) => {
    const slide = draft(textLines.slice(range.from, range.to).join('\n'));
    const spot: Record<string, unknown> = index === 0 ? { ...frontSpot } : {};
    const mine: Located[] = [];
    while (next < comments.length && comments[next]!.line < range.to) mine.push(comments[next++]!);
    for (const c of mine) {
      if (c.directives) {
        apply(local, spot, c.directives);
        for (const k of Object.keys(c.directives)) {
          const name = k.replace(/^_/, '');
          if (!['class', 'header', 'footer', 'headingDivider', 'marp', 'title', 'lang'].includes(name) && (MARP_LOCALS.has(name) || MARP_GLOBALS.has(name))) {
            slide.notices.push({ code: 'directive-ignored', detail: `${k}: ${String(c.directives[k])}` });
          }
        }
      } else if (c.body === 'fit') slide.notices.push({ code: 'directive', detail: 'fit' });
      else if (c.body !== '' && !MAGIC_COMMENTS.some((m) => m.test(c.body))) slide.notes.push(c.body);
    }
    local = { ...local };
    const effective = { ...local, ...spot };
    const classes = typeof effective.class === 'string' ? effective.class.split(/\s+/) : [];
    if (classes.includes('lead')) {
      slide.layout = 'title';
      slide.notices.push({ code: 'directive', detail: 'class: lead' });
    }
    const extra = [effective.header, effective.footer].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    if (extra.length > 0) {
      slide.content = `${slide.content}\n\n${extra.join('\n\n')}`;
      slide.notices.push({ code: 'header-footer' });
    }
    if (/!\[bg\b/.test(slide.content)) slide.notices.push({ code: 'directive-ignored', detail: '![bg]' });
    return slide;
  });
  return { drafts, data: { ...front, ...globals } };
}
