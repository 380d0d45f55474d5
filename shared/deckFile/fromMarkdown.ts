/**
 * Reads Markdown content into the slide tree. Raw HTML never passes: apart from `<u>` and
 * `<br>`, tags are dropped (their text stays), links keep only http, https and mailto, and
 * images only http(s) and this server's own image paths. Whatever is not kept as written is
 * reported through `context.notices` (shared/importReport.ts, the "content" codes).
 *
 * Linear in the size of the input, and without recursion: an import runs on files of up to
 * MAX_DECK_FILE_BYTES written by anyone, and `*`×n `y` `*`×n or `>`×100 000 must cost what
 * markdown-it's own parse costs, not its square, and must not overflow the stack.
 *  - every open token's matching close is found once (`matchingCloses`), not rescanned per level;
 *  - the active marks are a counter per mark type (at most six distinct), not a stack copied
 *    for every text run; adjacent runs merge when their mark keys (a short string) are equal;
 *  - lists and quotes are walked with an explicit stack; beyond MAX_IMPORT_NESTING their
 *    content is lifted into the deepest level kept (notice `nesting-flattened`).
 */
import MarkdownIt from 'markdown-it';
import { frozenReason } from '../chartBlock.ts';
import { chartOptionAttrs, readChartOptions } from '../chartOptions.ts';
import type { ImportNoticeCode, ImportNotices } from '../importReport.ts';
import { MAX_IMPORT_NESTING } from '../limits.ts';
import { mediaAlign, mediaWidth, readImageAttrText } from '../mediaSize.ts';
import { lineSpacing, textAlign } from '../textFormat.ts';
import { el, isText, text, VALUE_MARKS, type ElementNode, type Mark, type MarkName, type TreeNode, type ValueMarkName } from './tree.ts';
import { STEP_REVEAL, STEP_REVEAL_ATTR } from '../stepReveal.ts';

/**
 * markdown-it's maxNesting bounds its own recursion, and where a document reaches it the
 * rest of the document is cut off. Its inline parser needs the default (100): nested
 * brackets cost quadratic time in that bound (1 MiB of `[`: 1 s at 100, 53 s at 1100). Its
 * block parser does not, and nesting by indentation costs d² bytes, so 1 MiB reaches at most
 * ~1000 levels: the block phase runs with BLOCK_MAX_NESTING and nothing written below the
 * hundredth level is lost (our own conversion then lifts it to MAX_IMPORT_NESTING). The two
 * core rules set the bound for the phase that follows them; parse is synchronous, so the
 * shared instance is never seen in between. A line with more container markers than
 * MAX_LINE_MARKERS is shortened first (see `capLineMarkers`).
 */
const INLINE_MAX_NESTING = 100;
const BLOCK_MAX_NESTING = 2500;
const md = new MarkdownIt({ html: true, linkify: false, typographer: false, maxNesting: INLINE_MAX_NESTING });
md.core.ruler.before('block', 'block_nesting', (state) => {
  state.md.options.maxNesting = BLOCK_MAX_NESTING;
});
md.core.ruler.before('inline', 'inline_nesting', (state) => {
  state.md.options.maxNesting = INLINE_MAX_NESTING;
});
type Token = ReturnType<typeof md.parse>[number];

/** Quote and list markers kept at the start of one line: twice the nesting kept, well under markdown-it's 100 levels (a list counts two). */
const MAX_LINE_MARKERS = 2 * MAX_IMPORT_NESTING;

const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^(https?:\/\/|\/api\/images\/[A-Za-z0-9_-]+(\?[^"'<>\s]*)?$)/i;
/** `$x$` or `$$…$$` (a price like "$5 and $6" does not match: the closing `$` follows a space). */
const MATH = /\$\$|\$[^\s$](?:[^$\n]*[^\s$])?\$(?!\d)/;
const FOOTNOTE = /\[\^[^\]\s]+\]/;
/** Our format's line before a list shown step by step (toMarkdown.ts STEP_LIST_LINE). */
export const STEP_LIST_COMMENT = /^<!--\s*list:\s*step\s*-->$/;

/**
 * Text formatting (issue #17, docs/deck-format.md). Inline: a span with one or more of
 * `data-size`, `data-color`, `data-highlight`, nothing else, values from the allow-lists.
 * A paragraph's or heading's alignment and line spacing: ` {align=center spacing=1.5}` at
 * the end of its last line, not after a backslash (`\{` is text).
 */
const FORMAT_SPAN = /^<span((?:\s+data-(?:size|color|highlight)\s*=\s*"[^"<>]*")+)\s*>$/i;
const SPAN_MARK: Record<string, ValueMarkName> = { 'data-size': 'fontSize', 'data-color': 'textColor', 'data-highlight': 'highlight' };
export const BLOCK_ATTRIBUTES = /( ?)(?<!\\)\{((?:align|spacing)=[^\s{}]*(?: (?:align|spacing)=[^\s{}]*)*)\}[ \t]*$/;

export interface ContentContext {
  /** Where notices about what was not kept as written go (none: not reported). */
  notices?: ImportNotices;
  /** 1-based slide number the notices name. */
  slide?: number;
}

export function safeLink(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

export function safeImage(src: string): string | null {
  const trimmed = src.trim();
  return SAFE_IMAGE.test(trimmed) ? trimmed : null;
}

type Report = (code: ImportNoticeCode, detail?: string) => void;

function reporter(context: ContentContext | undefined): Report {
  const notices = context?.notices;
  if (!notices) return () => {};
  const slide = context.slide;
  return (code, detail) => notices.add(code, { ...(slide === undefined ? {} : { slide }), ...(detail === undefined ? {} : { detail }) });
}

/**
 * The marks open at a point of the text: a counter per type (`**a **b** c**` is bold once),
 * the distinct ones in the order they were opened (the order the text nodes list them).
 */
class OpenMarks {
  private readonly counts = new Map<MarkName, number>();
  private readonly active: Mark[] = [];
  /** Identifies the active set; equal keys mean equal marks. */
  key = '';

  open(mark: Mark): void {
    const n = this.counts.get(mark.type) ?? 0;
    this.counts.set(mark.type, n + 1);
    if (n > 0) return;
    this.active.push(mark);
    this.rekey();
  }

  close(type: MarkName): void {
    const n = this.counts.get(type) ?? 0;
    if (n === 0) return;
    this.counts.set(type, n - 1);
    if (n > 1) return;
    this.active.splice(
      this.active.findIndex((m) => m.type === type),
      1,
    );
    this.rekey();
  }

  /** A copy for a new text node (at most six marks). */
  marks(): Mark[] {
    return this.active.map((m) => ({ ...m }));
  }

  private rekey(): void {
    this.key = this.active.map((m) => (m.href === undefined ? (m.value === undefined ? m.type : `${m.type}=${m.value}`) : `${m.type}:${m.href}`)).join('\u0000');
  }
}

/** A tag's name for a notice: `<span class="x">` and `</span>` are both `<span>`. */
function tagName(html: string): string {
  const match = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(html);
  return match ? `<${match[1]!.toLowerCase()}>` : html.trim().slice(0, 40);
}

/**
 * Inline tokens as text and inline nodes. `imagesAsText`: where an image node cannot stand
 * (a heading, a table cell), its alt text is kept in its place.
 */
function inlineNodes(tokens: Token[], report: Report, imagesAsText = false): TreeNode[] {
  const out: TreeNode[] = [];
  const marks = new OpenMarks();
  /** The mark key of out's last node when that is a text node. */
  let lastKey = '';
  /** Whether each open link carries a link mark (an unsafe one keeps only its text). */
  const links: boolean[] = [];
  /** For each open `<span>`: the formatting marks it opened, or null for a span that is not formatting (reported). */
  const spans: (ValueMarkName[] | null)[] = [];
  const openSpan = (html: string): void => {
    const match = FORMAT_SPAN.exec(html.trim());
    if (!match) {
      report('html-tag', tagName(html));
      spans.push(null);
      return;
    }
    const opened: ValueMarkName[] = [];
    for (const [, name, raw] of match[1]!.matchAll(/(data-[a-z]+)\s*=\s*"([^"]*)"/gi)) {
      const type = SPAN_MARK[name!.toLowerCase()]!;
      const value = VALUE_MARKS[type].check(raw);
      if (value === null || opened.includes(type)) report('text-format', `${name}="${raw}"`);
      else {
        marks.open({ type, value });
        opened.push(type);
      }
    }
    spans.push(opened);
  };
  const closeSpan = (html: string): void => {
    const opened = spans.pop();
    if (!opened) report('html-tag', tagName(html));
    else for (const type of opened) marks.close(type);
  };
  const addText = (value: string): void => {
    if (value === '') return;
    const last = out.at(-1);
    if (last && isText(last) && lastKey === marks.key) last.text += value;
    else {
      out.push(text(value, marks.marks()));
      lastKey = marks.key;
    }
  };
  /** The image just read: an attribute list right after it (`{width=40%}`) is its size, not text. */
  let lastImage: ElementNode | null = null;
  for (const token of tokens) {
    const image = lastImage;
    lastImage = null;
    switch (token.type) {
      case 'text': {
        const sized = image ? readImageAttrText(token.content) : null;
        if (image && sized) Object.assign(image.attrs, sized.attrs);
        const content = sized ? token.content.slice(sized.length) : token.content;
        if (MATH.test(content)) report('math');
        if (FOOTNOTE.test(content)) report('footnote');
        addText(content);
        break;
      }
      case 'softbreak':
        addText(' ');
        break;
      case 'hardbreak':
        out.push(el('hardBreak'));
        break;
      case 'code_inline':
        marks.open({ type: 'code' });
        addText(token.content);
        marks.close('code');
        break;
      case 'strong_open':
        marks.open({ type: 'bold' });
        break;
      case 'strong_close':
        marks.close('bold');
        break;
      case 'em_open':
        marks.open({ type: 'italic' });
        break;
      case 'em_close':
        marks.close('italic');
        break;
      case 's_open':
        marks.open({ type: 'strike' });
        break;
      case 's_close':
        marks.close('strike');
        break;
      case 'link_open': {
        const raw = String(token.attrGet('href') ?? '');
        const href = safeLink(raw);
        // An unsafe link keeps its text and loses its target.
        if (href) marks.open({ type: 'link', href });
        else report('unsafe-link', raw);
        links.push(href !== null);
        break;
      }
      case 'link_close':
        if (links.pop()) marks.close('link');
        break;
      case 'image': {
        const raw = String(token.attrGet('src') ?? '');
        if (imagesAsText) {
          report('image-in-heading', token.content || raw);
          addText(token.content);
          break;
        }
        const src = safeImage(raw);
        if (src) {
          lastImage = el('image', [], { src, alt: token.content });
          out.push(lastImage);
        } else report('unsafe-image', raw);
        break;
      }
      case 'html_inline': {
        const tag = token.content.toLowerCase().replace(/\s+/g, '');
        if (tag === '<u>') marks.open({ type: 'underline' });
        else if (tag === '</u>') marks.close('underline');
        else if (/^<br\/?>$/.test(tag)) out.push(el('hardBreak'));
        else if (tag.startsWith('<span')) openSpan(token.content);
        else if (tag === '</span>') closeSpan(token.content);
        else report('html-tag', tagName(token.content));
        break;
      }
      default:
        break;
    }
  }
  return out;
}

/** A paragraph is split around block images (Tiptap's image node is a block). */
function paragraphs(inline: TreeNode[]): ElementNode[] {
  const out: ElementNode[] = [];
  let current: TreeNode[] = [];
  const flush = (): void => {
    while (current.length > 0 && current.at(-1)!.type === 'hardBreak') current.pop();
    if (current.some((n) => !isText(n) || n.text.trim() !== '')) out.push(el('paragraph', current));
    current = [];
  };
  for (const node of inline) {
    if (node.type === 'image') {
      flush();
      out.push(node as ElementNode);
    } else current.push(node);
  }
  flush();
  return out;
}

function parseChart(body: string): ElementNode | null {
  const attrs: Record<string, string> = {};
  for (const line of body.split('\n')) {
    const match = /^\s*(\w+)\s*:\s*(.*?)\s*$/.exec(line);
    if (match) attrs[match[1]!] = match[2]!;
  }
  if (!attrs.stat) return null;
  const result: Record<string, unknown> = { statKey: attrs.stat, view: attrs.view ?? 'bar' };
  if (attrs.frozenValue) {
    try {
      const parsed: unknown = JSON.parse(attrs.frozenValue);
      // Written by hand the value is often the JSON itself (`[{"label":…}]`, `15`) rather than the
      // JSON string of it that the export writes: both say the same figure, so both are kept.
      result.frozenValue = typeof parsed === 'string' ? parsed : JSON.stringify(parsed);
    } catch {
      // an unreadable frozen value leaves the chart live
    }
  }
  if (attrs.frozenAt && typeof result.frozenValue === 'string') result.frozenAt = attrs.frozenAt;
  // Only "hand" is written (toMarkdown.ts): a frozen chart without it was presented.
  if (typeof result.frozenValue === 'string') result.frozenReason = frozenReason(attrs.frozenReason);
  // Size and alignment on the slide (shared/mediaSize.ts); unreadable values are left out.
  if (mediaWidth(attrs.width) !== null) result.width = mediaWidth(attrs.width);
  if (mediaAlign(attrs.align) !== null && attrs.align !== 'left') result.align = mediaAlign(attrs.align);
  // The chart's options (shared/chartOptions.ts), each validated; an invalid one is left at its default.
  Object.assign(result, chartOptionAttrs(readChartOptions(attrs)));
  return el('chart', [], result);
}

/** For each token that opens (nesting 1), the index of the token that closes it; one pass. */
function matchingCloses(tokens: Token[]): Int32Array {
  const close = new Int32Array(tokens.length).fill(tokens.length);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const nesting = tokens[i]!.nesting;
    if (nesting === 1) open.push(i);
    else if (nesting === -1) {
      const at = open.pop();
      if (at !== undefined) close[at] = i;
    }
  }
  return close;
}

/**
 * Where the walk is: the node list blocks go into, the index of the token that ends this
 * container, and how many lists and quotes enclose that list. A flattened container adds
 * no node: its frame writes into its parent's list.
 */
interface Frame {
  out: TreeNode[];
  end: number;
  depth: number;
  kind: 'root' | 'list' | 'flat-list' | 'item' | 'quote';
  item?: ElementNode;
}

/**
 * A block's ` {align=… spacing=…}` suffix (BLOCK_ATTRIBUTES), read from its last source line
 * (the inline text no longer says whether the brace was escaped): the attributes, and the
 * inline content without the suffix. Values off the allow-lists are reported, not kept.
 */
function blockAttributes(token: Token, lines: readonly string[], inline: TreeNode[], report: Report): { attrs: Record<string, string>; inline: TreeNode[] } {
  const last = token.map ? lines[token.map[1] - 1] : undefined;
  const match = last === undefined ? null : BLOCK_ATTRIBUTES.exec(last);
  const tail = inline.at(-1);
  const suffix = match ? `${match[1]}{${match[2]}}` : '';
  if (!match || !tail || !isText(tail) || tail.marks.length > 0 || !tail.text.trimEnd().endsWith(suffix)) return { attrs: {}, inline };
  const attrs: Record<string, string> = {};
  for (const pair of match[2]!.split(' ')) {
    const [key, value] = pair.split('=') as [string, string];
    const kept = key === 'align' ? textAlign(value) : lineSpacing(value);
    if (kept === null) report('text-format', pair);
    else attrs[key === 'align' ? 'textAlign' : 'lineSpacing'] = kept;
  }
  const rest = tail.text.trimEnd().slice(0, -suffix.length);
  return { attrs, inline: rest === '' ? inline.slice(0, -1) : [...inline.slice(0, -1), { ...tail, text: rest }] };
}

function blockNodes(tokens: Token[], report: Report, lines: readonly string[]): ElementNode[] {
  const close = matchingCloses(tokens);
  const root: TreeNode[] = [];
  const stack: Frame[] = [{ out: root, end: tokens.length, depth: 0, kind: 'root' }];
  /** A `<!-- list: step -->` line was read: the list right after it is a step list. */
  let stepNext = false;
  let i = 0;
  while (i < tokens.length) {
    const top = stack.at(-1)!;
    if (i === top.end && stack.length > 1) {
      stack.pop();
      if (top.item && top.item.content.length === 0) top.item.content.push(el('paragraph'));
      i++;
      continue;
    }
    const token = tokens[i]!;
    if (token.type !== 'bullet_list_open' && token.type !== 'ordered_list_open' && token.type !== 'html_block') stepNext = false;
    switch (token.type) {
      case 'heading_open': {
        const level = Number(token.tag.slice(1));
        if (level > 3) report('heading-level', token.tag);
        const { attrs, inline } = blockAttributes(token, lines, inlineNodes(tokens[i + 1]?.children ?? [], report, true), report);
        top.out.push(el('heading', inline, { level: Math.min(3, level), ...attrs }));
        i = close[i]! + 1;
        break;
      }
      case 'paragraph_open': {
        const { attrs, inline } = blockAttributes(token, lines, inlineNodes(tokens[i + 1]?.children ?? [], report), report);
        top.out.push(...paragraphs(inline).map((p) => (p.type === 'paragraph' ? { ...p, attrs: { ...p.attrs, ...attrs } } : p)));
        i = close[i]! + 1;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        if (top.depth < MAX_IMPORT_NESTING) {
          const list = el(token.type === 'bullet_list_open' ? 'bulletList' : 'orderedList', [], token.type === 'ordered_list_open' ? { start: Number(token.attrGet('start') ?? 1) } : {});
          if (stepNext) list.attrs[STEP_REVEAL_ATTR] = STEP_REVEAL;
          stepNext = false;
          top.out.push(list);
          stack.push({ out: list.content, end: close[i]!, depth: top.depth + 1, kind: 'list' });
        } else {
          report('nesting-flattened');
          stack.push({ out: top.out, end: close[i]!, depth: top.depth, kind: 'flat-list' });
        }
        i++;
        break;
      }
      case 'list_item_open': {
        if (top.kind === 'list') {
          const item = el('listItem');
          top.out.push(item);
          stack.push({ out: item.content, end: close[i]!, depth: top.depth, kind: 'item', item });
        } else stack.push({ out: top.out, end: close[i]!, depth: top.depth, kind: 'item' });
        i++;
        break;
      }
      case 'blockquote_open': {
        if (top.depth < MAX_IMPORT_NESTING) {
          const quote = el('blockquote');
          top.out.push(quote);
          stack.push({ out: quote.content, end: close[i]!, depth: top.depth + 1, kind: 'quote' });
        } else {
          report('nesting-flattened');
          stack.push({ out: top.out, end: close[i]!, depth: top.depth, kind: 'quote' });
        }
        i++;
        break;
      }
      case 'hr':
        top.out.push(el('horizontalRule'));
        i++;
        break;
      case 'fence':
      case 'code_block': {
        const info = token.info.trim().split(/\s+/)[0] ?? '';
        const body = token.content.replace(/\n$/, '');
        const chart = info === 'chart' ? parseChart(body) : null;
        top.out.push(chart ?? el('codeBlock', body ? [text(body)] : [], info ? { language: info } : {}));
        i++;
        break;
      }
      case 'table_open': {
        const end = close[i]!;
        const rows: ElementNode[] = [];
        let row: ElementNode[] | null = null;
        for (let j = i + 1; j < end; j++) {
          const t = tokens[j]!;
          if (t.type === 'tr_open') row = [];
          else if (t.type === 'tr_close' && row) {
            rows.push(el('tableRow', row));
            row = null;
          } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
            const cellInline = inlineNodes(tokens[j + 1]?.children ?? [], report, true);
            row.push(el(t.type === 'th_open' ? 'tableHeader' : 'tableCell', [el('paragraph', cellInline)], { colspan: 1, rowspan: 1 }));
          }
        }
        if (rows.length > 0) top.out.push(el('table', rows));
        i = end + 1;
        break;
      }
      case 'html_block':
        if (STEP_LIST_COMMENT.test(token.content.trim())) stepNext = true;
        // Raw markup never reaches a slide.
        else report('html-block', tagName(token.content));
        i++;
        break;
      default:
        // Anything unknown (a reference definition, a stray close): dropped.
        i = token.nesting === 1 ? close[i]! + 1 : i + 1;
        break;
    }
  }
  return root as ElementNode[];
}

/**
 * Shortens lines that start with more than MAX_LINE_MARKERS quote or list markers (`>`,
 * `-`/`*`/`+` or `1.` followed by a space): the markers past the limit are removed, the
 * text after them stays. Such a line is nested far deeper than a slide keeps anyway
 * (flattened, and reported); one scan per line, no backtracking regex.
 */
function capLineMarkers(markdown: string, report: Report): string {
  if (!/(?:[>*+-]|\d[.)])[ \t]*(?:[>*+-]|\d[.)])/.test(markdown)) return markdown;
  const lines = markdown.split('\n');
  let changed = false;
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    let pos = 0;
    let count = 0;
    let keepUntil = 0;
    let markersEnd = 0;
    for (;;) {
      let p = pos;
      while (line[p] === ' ' || line[p] === '\t') p++;
      const c = line[p];
      if (c === '>') p++;
      else if ((c === '-' || c === '*' || c === '+') && (line[p + 1] === ' ' || line[p + 1] === '\t')) p++;
      else if (c !== undefined && c >= '0' && c <= '9') {
        let q = p;
        while (q < line.length && q - p < 9 && line[q]! >= '0' && line[q]! <= '9') q++;
        if ((line[q] === '.' || line[q] === ')') && (line[q + 1] === ' ' || line[q + 1] === '\t' || q + 1 === line.length)) p = q + 1;
        else break;
      } else break;
      count++;
      pos = p;
      markersEnd = p;
      if (count === MAX_LINE_MARKERS) keepUntil = p;
    }
    if (count > MAX_LINE_MARKERS) {
      lines[n] = `${line.slice(0, keepUntil)} ${line.slice(markersEnd).trimStart()}`;
      changed = true;
    }
  }
  if (!changed) return markdown;
  report('nesting-flattened');
  return lines.join('\n');
}

export function markdownToContent(markdown: string, context?: ContentContext): ElementNode[] {
  const report = reporter(context);
  const source = capLineMarkers(markdown, report);
  const tokens = md.parse(source, {});
  return blockNodes(tokens, report, source.split(/\r\n?|\n/));
}
