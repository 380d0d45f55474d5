/**
 * Writes a deck as Markdown in Tussenstand's own deck format (docs/deck-format.md). The
 * output is canonical: importing it and exporting again gives the same bytes.
 */
import { readChrome } from '../deckChrome.ts';
import { Document as YamlDocument, isScalar } from 'yaml';
import type * as Y from 'yjs';
import { frozenReason } from '../chartBlock.ts';
import { imageAttrText, mediaAlign, mediaWidth } from '../mediaSize.ts';
import { chartOptionAttrs, readChartOptions } from '../chartOptions.ts';
import { listSlides, readMeta } from '../deckModel.ts';
import { BLOCK_ATTRIBUTES, markdownToContent, safeImage, safeLink } from './fromMarkdown.ts';
import { lineSpacing, textAlign } from '../textFormat.ts';
import { isText, isValueMark, readFragment, type ElementNode, type Mark, type TextNode, type TreeNode } from './tree.ts';
import { isStepList } from '../stepReveal.ts';

export const FORMAT_ID = 'tussenstand/1';
export const SLIDE_SEPARATOR = '\n\n---\n\n';
/** Written right before a list whose items are shown one at a time when presenting. */
export const STEP_LIST_LINE = '<!-- list: step -->';

/**
 * Where a hard break stands in inline output until the block decides how to write it:
 * `\` + newline in a paragraph, `<br>` in a heading or table cell (both one line).
 */
const BREAK = '\u0000';

/**
 * Characters that would mean something to a Markdown reader wherever they stand; `&` only
 * where it would start a character reference; line ends as references (a newline in a text
 * node would read back as a space).
 */
function escapeInline(value: string): string {
  return value
    .replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`)
    .replace(/&(?=#?[A-Za-z0-9]+;)/g, '\\&')
    .replace(/[\n\r]/g, (c) => (c === '\n' ? '&#10;' : '&#13;'))
    .replaceAll(BREAK, '');
}

/**
 * Characters that mean something only at the start of a line, and `Note:`, which starts the
 * speaker notes in our format: written `Note\:` it stays text.
 */
function escapeLineStart(line: string): string {
  if (/^Notes?:/i.test(line)) return line.replace(':', '\\:');
  return line.replace(/^([#>+=-]|\d+[.)])/, (mark: string) => mark.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+=-])$/, '\\$1'));
}

/**
 * Spaces and tabs at the start or end of a line are not text to a Markdown reader: written
 * as character references (`&#32;`, `&#9;`), which it reads back as the same characters.
 */
const ref = (run: string): string => run.replace(/[ \t]/g, (c) => (c === ' ' ? '&#32;' : '&#9;'));

function encodeEdges(line: string): string {
  const lead = /^[ \t]*/.exec(line)![0];
  if (lead.length === line.length) return ref(line);
  const trail = /[ \t]*$/.exec(line)![0];
  return ref(lead) + line.slice(lead.length, line.length - trail.length) + ref(trail);
}

const DELIMITERS: Record<Exclude<Mark['type'], 'link' | 'code' | 'fontSize' | 'textColor' | 'highlight'>, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  underline: ['<u>', '</u>'],
  strike: ['~~', '~~'],
};

function sameMark(a: Mark, b: Mark): boolean {
  return a.type === b.type && a.href === b.href && a.value === b.value;
}

/** Text formatting (issue #17) as a span with one data attribute (docs/deck-format.md); the value is allow-listed (tree.ts). */
const SPAN_ATTRIBUTE = { fontSize: 'data-size', textColor: 'data-color', highlight: 'data-highlight' } as const;

function open(mark: Mark): string {
  if (isValueMark(mark.type)) return `<span ${SPAN_ATTRIBUTE[mark.type]}="${mark.value}">`;
  return mark.type === 'link' ? '[' : DELIMITERS[mark.type as keyof typeof DELIMITERS][0];
}

function close(mark: Mark): string {
  if (isValueMark(mark.type)) return '</span>';
  return mark.type === 'link' ? `](${mark.href?.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : DELIMITERS[mark.type as keyof typeof DELIMITERS][1];
}

/**
 * A code span that reads back as `code`: a backtick run longer than any inside it, and a
 * space of padding where the content starts or ends with a backtick or is space-wrapped
 * (CommonMark strips one space from each side then). In a table, `|` is escaped (the table
 * splits cells before it reads code).
 */
function codeSpan(code: string, inTable: boolean): string {
  const body = code.replace(/[\r\n]/g, ' ').replaceAll(BREAK, '');
  const fence = '`'.repeat(Math.max(1, ...Array.from(body.matchAll(/`+/g), (m) => m[0].length + 1)));
  const pad = body.startsWith('`') || body.endsWith('`') || (body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') ? ' ' : '';
  return `${fence}${pad}${inTable ? body.replace(/\|/g, '\\|') : body}${pad}${fence}`;
}

/** Inline content: marks opened and closed like a stack, whitespace kept outside delimiters. */
function inline(nodes: TreeNode[], inTable = false): string {
  let out = '';
  const active: Mark[] = [];
  const closeDownTo = (keep: number): void => {
    while (active.length > keep) out += close(active.pop()!);
  };
  for (const node of nodes) {
    if (!isText(node)) {
      closeDownTo(0);
      if (node.type === 'hardBreak') out += BREAK;
      else if (node.type === 'image') out += image(node);
      else out += inline(node.content, inTable);
      continue;
    }
    const t = node as TextNode;
    const code = t.marks.some((m) => m.type === 'code');
    // The shared document can hold any href (a forged client wrote it): a link the import would refuse keeps only its text.
    const marks = t.marks.filter((m) => m.type !== 'code' && (m.type !== 'link' || (m.href !== undefined && safeLink(m.href) !== null)));
    // Keep the longest prefix of open marks that this run also has.
    let keep = 0;
    while (keep < active.length && marks.some((m) => sameMark(m, active[keep]!))) keep++;
    const openMissing = (): void => {
      for (const mark of marks) {
        if (active.some((m) => sameMark(m, mark))) continue;
        out += open(mark);
        active.push(mark);
      }
    };
    closeDownTo(keep);
    if (code) {
      if (t.text === '') continue;
      openMissing();
      out += codeSpan(t.text, inTable);
      continue;
    }
    const leading = /^\s*/.exec(t.text)![0];
    const trailing = t.text.length > leading.length ? /\s*$/.exec(t.text)![0] : '';
    const core = t.text.slice(leading.length, t.text.length - trailing.length);
    out += escapeInline(leading);
    if (core === '') continue;
    openMissing();
    out += escapeInline(core);
    if (trailing) {
      closeDownTo(0);
      out += escapeInline(trailing);
    }
  }
  closeDownTo(0);
  return out;
}

/** The same inline content without marks: what an export falls back to when marks would not read back. */
function unmarked(nodes: TreeNode[]): TreeNode[] {
  const out: TreeNode[] = [];
  const flat = (list: TreeNode[]): void => {
    for (const node of list) {
      if (isText(node)) {
        const last = out.at(-1);
        if (last && isText(last)) last.text += node.text;
        else out.push({ type: 'text', text: node.text, marks: [] });
      } else if (node.type === 'hardBreak') out.push(node);
      else if (node.type === 'image') flat([{ type: 'text', text: typeof node.attrs.alt === 'string' ? node.attrs.alt : '', marks: [] }]);
      else flat(node.content);
    }
  };
  flat(nodes);
  return out;
}

/** A hard break at the end of a paragraph or heading is not read back: not written. */
function withoutTrailingBreaks(nodes: TreeNode[]): TreeNode[] {
  let end = nodes.length;
  while (end > 0 && nodes[end - 1]!.type === 'hardBreak') end--;
  return nodes.slice(0, end);
}

function paragraphText(nodes: TreeNode[]): string {
  return inline(nodes)
    .split(BREAK)
    .map((line) => escapeLineStart(encodeEdges(line)))
    .join('\\\n');
}

function headingText(node: ElementNode, nodes: TreeNode[]): string {
  const level = Math.min(3, Math.max(1, Number(node.attrs.level) || 1));
  // A `#` at the end would read as a closing sequence.
  const body = inline(nodes).split(BREAK).map(encodeEdges).join('<br>').replace(/#$/, '\\#');
  return `${'#'.repeat(level)} ${body}`;
}

/**
 * Inline Markdown checked by reading it back: when marks cannot be written so that they read
 * back as they are (`**` next to punctuation, say), the text is written without them — the
 * characters always survive, and a second export is the same as the first.
 */
function checked(node: ElementNode, write: (nodes: TreeNode[]) => string): string {
  const nodes = withoutTrailingBreaks(node.content);
  if (!nodes.some((n) => !isText(n) || n.text.trim() !== '')) return '';
  const rich = write(nodes);
  const back = markdownToContent(rich);
  if (back.length === 1 && back[0]!.type === node.type && write(withoutTrailingBreaks(back[0]!.content)) === rich) return rich;
  return write(unmarked(nodes));
}

function image(node: ElementNode): string {
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  const src = typeof node.attrs.src === 'string' ? node.attrs.src : '';
  if (safeImage(src) === null) return escapeInline(alt);
  // Size, alignment, fit and "decorative" follow as an attribute list (shared/mediaSize.ts).
  return `![${escapeInline(alt)}](${src.replace(/[()\s]/g, (c) => encodeURIComponent(c))})${imageAttrText(node.attrs)}`;
}

function indent(text: string, prefix: string, first = prefix): string {
  return text
    .split('\n')
    .map((line, i) => (line === '' ? '' : (i === 0 ? first : prefix) + line))
    .join('\n');
}

/** One line: a line break or backticks in a chart attribute would end the fence early. */
const attr = (value: unknown): string => String(value).replace(/[\r\n`]/g, '');

function chartBlock(node: ElementNode): string {
  const lines = [`stat: ${attr(node.attrs.statKey ?? '')}`, `view: ${attr(node.attrs.view ?? 'bar')}`];
  if (typeof node.attrs.frozenValue === 'string') lines.push(`frozenValue: ${JSON.stringify(node.attrs.frozenValue)}`);
  if (typeof node.attrs.frozenAt === 'string') lines.push(`frozenAt: ${attr(node.attrs.frozenAt)}`);
  // "As presented" is what a frozen chart without a reason means, so only a hand-frozen one says so.
  if (typeof node.attrs.frozenValue === 'string' && frozenReason(node.attrs.frozenReason) === 'hand') lines.push('frozenReason: hand');
  if (mediaWidth(node.attrs.width) !== null) lines.push(`width: ${mediaWidth(node.attrs.width)}%`);
  if (mediaAlign(node.attrs.align) !== null && node.attrs.align !== 'left') lines.push(`align: ${mediaAlign(node.attrs.align)}`);
  // Title, colours, axis titles and period: only those set, validated (one line each, no control characters).
  for (const [name, value] of Object.entries(chartOptionAttrs(readChartOptions(node.attrs)))) lines.push(`${name}: ${attr(value).trim()}`);
  return ['```chart', ...lines, '```'].join('\n');
}

function table(node: ElementNode): string {
  const rows = node.content.filter((r): r is ElementNode => !isText(r)).map((row) =>
    row.content
      .filter((c): c is ElementNode => !isText(c))
      .map((cell) =>
        inline(cell.content.flatMap((p) => (isText(p) ? [p] : p.content)), true)
          .split(BREAK)
          .map(encodeEdges)
          .join('<br>'),
      ),
  );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

/**
 * A paragraph's or heading's alignment and line spacing, written after its last line as
 * ` {align=center spacing=1.5}` (docs/deck-format.md); text that would read as such a
 * suffix has its brace escaped.
 */
function withBlockAttributes(node: ElementNode, written: string): string {
  if (written === '') return '';
  const safe = BLOCK_ATTRIBUTES.test(written) ? written.replace(/\{(?=[^{]*$)/, '\\{') : written;
  const align = textAlign(node.attrs.textAlign);
  const spacing = lineSpacing(node.attrs.lineSpacing);
  const attributes = [align ? `align=${align}` : '', spacing ? `spacing=${spacing}` : ''].filter(Boolean).join(' ');
  return attributes ? `${safe} {${attributes}}` : safe;
}

function block(node: ElementNode, alternate = false): string {
  switch (node.type) {
    case 'heading':
      return withBlockAttributes(node, checked(node, (nodes) => headingText(node, nodes)));
    case 'paragraph':
      return withBlockAttributes(node, checked(node, paragraphText));
    case 'blockquote': {
      const body = blocks(node.content);
      return body === '' ? '' : indent(body, '> ').replace(/^$/gm, '>');
    }
    case 'bulletList':
    case 'orderedList': {
      const start = node.type === 'orderedList' && Number.isInteger(Number(node.attrs.start)) && Number(node.attrs.start) >= 0 ? Math.min(Number(node.attrs.start), 99_999_999) : 1;
      // A list right after a list of the same kind would read as one list: it takes the other marker.
      const bullet = alternate ? '* ' : '- ';
      const delimiter = alternate ? ')' : '.';
      // A list shown step by step when presenting: the line before it says so.
      const step = isStepList(node.type, node.attrs) ? `${STEP_LIST_LINE}\n` : '';
      return step + node.content
        .filter((item): item is ElementNode => !isText(item))
        .map((item, i) => {
          const marker = node.type === 'bulletList' ? bullet : `${start + i}${delimiter} `;
          const body = blocks(item.content);
          return body === '' ? marker.trimEnd() : indent(body, ' '.repeat(marker.length), marker);
        })
        .join('\n');
    }
    case 'horizontalRule':
      return '***';
    case 'codeBlock': {
      const language = typeof node.attrs.language === 'string' && node.attrs.language !== 'chart' ? node.attrs.language : '';
      const code = node.content.map((n) => (isText(n) ? n.text : '')).join('');
      // A fence longer than any backtick run in the code: the code cannot close it and let raw HTML out.
      const fence = '`'.repeat(Math.max(3, ...Array.from(code.matchAll(/`+/g), (m) => m[0].length + 1)));
      return [fence + language.replace(/[\r\n`]/g, ''), code, fence].join('\n');
    }
    case 'chart':
      return chartBlock(node);
    case 'image':
      return image(node);
    case 'table':
      return table(node);
    default:
      return blocks(node.content) || inline(node.content);
  }
}

/** Blocks are separated by a blank line; list items' paragraphs stay tight; a block with nothing to write is left out. */
function blocks(nodes: TreeNode[]): string {
  const out: string[] = [];
  let previous: { type: string; alternate: boolean } | null = null;
  for (const node of nodes) {
    if (isText(node)) continue;
    const alternate: boolean = previous !== null && previous.type === node.type && (node.type === 'bulletList' || node.type === 'orderedList') && !previous.alternate;
    const written = block(node, alternate);
    if (written === '') continue;
    out.push(written);
    previous = { type: node.type, alternate };
  }
  return out.join('\n\n');
}

export function contentToMarkdown(nodes: TreeNode[]): string {
  return blocks(nodes);
}

export function deckToMarkdown(doc: Y.Doc): string {
  const meta = readMeta(doc);
  const chrome = readChrome(doc);
  const frontMatter = new YamlDocument({
    format: FORMAT_ID,
    title: meta.title,
    theme: meta.theme,
    period: meta.period,
    language: meta.language,
    // Only what is set: a deck without footer or logo writes the file it always did.
    ...(chrome.footerText ? { footer: chrome.footerText } : {}),
    ...(chrome.classification !== 'none' ? { classification: chrome.classification } : {}),
    ...(chrome.footerDate ? { footerDate: true } : {}),
    ...(chrome.slideNumbers ? { slideNumbers: true } : {}),
    ...(chrome.logo ? { logo: chrome.logo } : {}),
  });
  // A viewer that knows no front matter reads it as Markdown: markup in the title or period
  // goes out as "\u003c…\u003e" in a double-quoted string, which YAML reads back as < and >.
  for (const key of ['title', 'period', 'footer']) {
    const node = frontMatter.get(key, true);
    if (isScalar(node) && /[<>]/.test(String(node.value))) node.type = 'QUOTE_DOUBLE';
  }
  const front = frontMatter
    .toString({ lineWidth: 0 })
    .trimEnd()
    .replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
  const slides = listSlides(doc).map((slide) => {
    const parts = [`<!-- slide: layout=${slide.layout}${slide.hidden ? ' hidden' : ''}${slide.transition ? ` transition=${slide.transition}` : ''} -->`];
    const content = contentToMarkdown(readFragment(slide.content));
    if (content) parts.push(content);
    const notes = contentToMarkdown(readFragment(slide.notes));
    if (notes) parts.push(`Note:\n${notes}`);
    return parts.join('\n\n');
  });
  return `---\n${front}\n---\n\n${slides.join(SLIDE_SEPARATOR)}\n`;
}
