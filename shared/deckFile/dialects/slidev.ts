/**
 * Slidev, by @slidev/parser's `parse` (packages/parser/src/core.ts) and its layouts:
 *  - a line starting with `---` (outside a ``` code block and an HTML comment) ends a slide;
 *  - when such a line is `---` (not `----`) and the very next line is not blank, the lines up
 *    to the next `---` line are the next slide's front matter. Slidev takes them as front
 *    matter even when they are not YAML (`---` / `# Heading` / `---` loses the heading);
 *    here they are front matter only when they parse as a YAML mapping, and stay the
 *    slide's content otherwise. The file's first front matter (the headmatter) is also the
 *    first slide's, and a first slide without a layout is a `cover`;
 *  - the slide's last HTML comment is its notes when nothing but white space follows it;
 *    other comments are not shown by Slidev: their text is kept in the notes (notice);
 *  - `hide: true` / `disabled: true`: not shown by Slidev, not imported (notice); `src:`
 *    includes another file, which an import is not given (notice);
 *  - slots: a line `::name::` (Slidev's slot sugar) starts the slot `name`; the content
 *    before the first marker is the `default` slot. `::left::`/`::right::` become the two
 *    columns (default and left, a column break, right); other slots stay in the flow;
 *  - `<v-click>`, `<v-clicks>`, `<v-after>` reveal content step by step: shown at once here.
 */
import type { SlideLayout } from '../../deckModel.ts';
import type { ImportNotices } from '../../importReport.ts';
import { draft, fencedLines, splitLines, takeComments, yamlMapping, type DialectResult, type SlideDraft } from './common.ts';

/** Slidev's built-in layouts (packages/client/layouts) and ours; `exact` when nothing is lost. */
const LAYOUTS: Record<string, { to: SlideLayout; exact: boolean }> = {
  cover: { to: 'title', exact: true },
  intro: { to: 'title', exact: false },
  default: { to: 'title-content', exact: true },
  center: { to: 'section', exact: false },
  section: { to: 'section', exact: true },
  statement: { to: 'section', exact: false },
  end: { to: 'section', exact: false },
  quote: { to: 'quote', exact: true },
  fact: { to: 'big-number', exact: true },
  'two-cols': { to: 'two-columns', exact: true },
  'two-cols-header': { to: 'two-columns', exact: false },
  full: { to: 'title-content', exact: false },
  none: { to: 'title-content', exact: false },
  image: { to: 'title-content', exact: false },
  'image-left': { to: 'title-content', exact: false },
  'image-right': { to: 'title-content', exact: false },
  iframe: { to: 'title-content', exact: false },
  'iframe-left': { to: 'title-content', exact: false },
  'iframe-right': { to: 'title-content', exact: false },
};

/** Front matter keys read here or with nothing to keep; any other is reported as dropped. */
const HANDLED_KEYS = new Set(['layout', 'title', 'name', 'hide', 'disabled', 'src', 'level', 'hideInToc', 'theme', 'info', 'lang', 'language', 'period', 'slidev']);
/** Headmatter keys configuring the Slidev app, not a slide. */
const DECK_KEYS = new Set(['highlighter', 'lineNumbers', 'drawings', 'colorSchema', 'routerMode', 'aspectRatio', 'canvasWidth', 'fonts', 'favicon', 'download', 'exportFilename', 'export', 'addons', 'mdc', 'monaco', 'selectable', 'record', 'contextMenu', 'wakeLock', 'themeConfig', 'titleTemplate', 'author', 'keywords', 'presenter', 'browserExporter', 'htmlAttrs', 'seoMeta', 'remoteAssets', 'plantUmlServer', 'defaults', 'twoslash', 'transition', 'css', 'duration', 'timer']);

const SLOT_MARKER = /^::\s*([\w.\-:]+)\s*::\s*$/;
const CLICK_TAG = /<\/?v-(?:clicks?|after|switch|click-gap)\b[^>]*>/g;

interface RawSlide {
  lines: string[];
  frontMatter: Record<string, unknown> | null;
}

/** Slidev's HTML comment state across a line (advanceHtmlCommentState). */
function advanceComment(line: string, inComment: boolean): boolean {
  let cursor = 0;
  while (cursor < line.length) {
    if (inComment) {
      const end = line.indexOf('-->', cursor);
      if (end < 0) return true;
      inComment = false;
      cursor = end + 3;
    } else {
      const start = line.indexOf('<!--', cursor);
      if (start < 0) return false;
      const end = line.indexOf('-->', start + 4);
      if (end < 0) return true;
      cursor = end + 3;
    }
  }
  return inComment;
}

/** The file cut into slides by Slidev's loop; front matter read where Slidev finds it. */
export function splitSlidev(text: string): RawSlide[] {
  const lines = text.split(/\r?\n/);
  const slides: RawSlide[] = [];
  let start = 0;
  let frontMatter: Record<string, unknown> | null = null;
  let inComment = false;
  const slice = (end: number): void => {
    if (start < end || frontMatter) slides.push({ lines: lines.slice(start, end), frontMatter });
    frontMatter = null;
    start = end + 1;
  };
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const line = raw.trimEnd();
    if (inComment) {
      inComment = advanceComment(raw, true);
      continue;
    }
    if (line.startsWith('---')) {
      slice(i);
      const next = lines[i + 1];
      if (line[3] !== '-' && next !== undefined && next.trim() !== '') {
        // Up to the next line starting with `---` (Slidev looks for a line `---` only; a `---x`
        // line inside front matter is not YAML anyway): every line is read as YAML at most once.
        let close = i + 1;
        while (close < lines.length && !lines[close]!.trimEnd().startsWith('---')) close++;
        const data = close < lines.length && lines[close]!.trimEnd() === '---' ? yamlMapping(lines.slice(i + 1, close).join('\n')) : null;
        if (data) {
          frontMatter = data;
          start = close + 1;
          i = close;
        }
      }
    } else if (line.trimStart().startsWith('```')) {
      const level = /^\s*`+/.exec(line)![0];
      let j = i + 1;
      while (j < lines.length && !lines[j]!.startsWith(level)) j++;
      if (j !== lines.length) i = j;
    } else inComment = advanceComment(raw, false);
  }
  if (start <= lines.length - 1 || frontMatter) slice(lines.length);
  return slides;
}

function firstHeading(lines: readonly string[]): string {
  const code = fencedLines(lines);
  for (let i = 0; i < lines.length; i++) {
    const m = !code[i] && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(lines[i]!);
    if (m) return m[1]!;
  }
  return '';
}

/** Slot markers → columns; `<v-click>` tags out. Code is left as written. */
function readBody(lines: string[], slide: SlideDraft): string {
  const code = fencedLines(lines);
  const slots: { name: string; lines: string[] }[] = [{ name: 'default', lines: [] }];
  let clicks = false;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i]!;
    const marker = code[i] ? null : SLOT_MARKER.exec(line);
    if (marker) {
      slots.push({ name: marker[1]!, lines: [] });
      continue;
    }
    if (!code[i] && CLICK_TAG.test(line)) {
      CLICK_TAG.lastIndex = 0;
      line = line.replace(CLICK_TAG, '');
      clicks = true;
    }
    CLICK_TAG.lastIndex = 0;
    slots.at(-1)!.lines.push(line);
  }
  if (clicks) slide.notices.push({ code: 'fragment', detail: 'v-click' });
  if (slots.length === 1) return slots[0]!.lines.join('\n');
  const text = (names: string[]): string[] => slots.filter((s) => names.includes(s.name)).map((s) => s.lines.join('\n'));
  const others = slots.filter((s) => !['default', 'left', 'right'].includes(s.name));
  for (const other of others) slide.notices.push({ code: 'slot-dropped', detail: other.name });
  const hasColumns = slots.some((s) => s.name === 'left' || s.name === 'right');
  if (!hasColumns) return [...text(['default']), ...others.map((s) => s.lines.join('\n'))].join('\n\n');
  slide.notices.push({ code: 'slot-columns' });
  slide.layout = 'two-columns';
  return [...text(['default', 'left']), '***', ...text(['right']), ...others.map((s) => s.lines.join('\n'))].join('\n\n');
}

export function readSlidev(text: string, notices: ImportNotices): DialectResult {
  const raws = splitSlidev(text);
  const head = raws[0]?.frontMatter ?? {};
  const drafts: SlideDraft[] = [];
  raws.forEach((raw, index) => {
    const fm = raw.frontMatter ?? {};
    const title = typeof fm.title === 'string' ? fm.title : firstHeading(raw.lines);
    if (fm.hide === true || fm.disabled === true || fm.hide === 'true' || fm.disabled === 'true') {
      notices.add('hidden-slide', { slide: index + 1, detail: title || `#${index + 1}` });
      return;
    }
    if (typeof fm.src === 'string') {
      notices.add('src-import', { slide: index + 1, detail: fm.src });
      return;
    }
    const { text: body, comments } = takeComments(raw.lines);
    const slide = draft('');
    const last = comments.at(-1);
    const note = last?.atEnd ? last : undefined;
    if (note && note.body !== '') slide.notes.push(note.body);
    for (const c of comments) {
      if (c === note || c.body === '') continue;
      slide.notes.push(c.body);
      slide.notices.push({ code: 'comment-kept', detail: c.body });
    }
    slide.content = readBody(splitLines(body), slide);
    const named = typeof fm.layout === 'string' ? fm.layout : index === 0 ? 'cover' : undefined;
    const mapped = named === undefined ? undefined : LAYOUTS[named];
    if (named !== undefined && !mapped) slide.notices.push({ code: 'layout-unknown', detail: named });
    if (named !== undefined && mapped && !mapped.exact) slide.notices.push({ code: 'layout-mapped', detail: `${named} → ${slide.layout ?? mapped.to}` });
    // Slots that made columns decide the layout; otherwise the named one does.
    if (slide.layout === undefined && mapped) slide.layout = mapped.to;
    for (const key of Object.keys(fm)) {
      if (HANDLED_KEYS.has(key) || (index === 0 && DECK_KEYS.has(key))) continue;
      slide.notices.push({ code: 'front-matter-key', detail: key });
    }
    drafts.push(slide);
  });
  return { drafts, data: head };
}
