/**
 * Writes a deck as Markdown in Tussenstand's own deck format (docs/deck-format.md). The
 * output is canonical: importing it and exporting again gives the same bytes.
 */
import { Document as YamlDocument, isScalar } from 'yaml';
import type * as Y from 'yjs';
import { listSlides, readMeta } from '../deckModel.ts';
import { safeImage, safeLink } from './fromMarkdown.ts';
import { isText, readFragment, type ElementNode, type Mark, type TextNode, type TreeNode } from './tree.ts';

export const FORMAT_ID = 'tussenstand/1';
export const SLIDE_SEPARATOR = '\n\n---\n\n';

/** Characters that would mean something to a Markdown reader wherever they stand. */
function escapeInline(value: string): string {
  return value.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`);
}

/** Characters that mean something only at the start of a line. */
function escapeLineStart(line: string): string {
  return line.replace(/^(\s*)([#>+=-]|\d+[.)])/, (_m, space: string, mark: string) => `${space}${mark.replace(/^(\d+)([.)])$/, '$1\\$2').replace(/^([#>+=-])$/, '\\$1')}`);
}

const DELIMITERS: Record<Exclude<Mark['type'], 'link'>, [string, string]> = {
  bold: ['**', '**'],
  italic: ['*', '*'],
  underline: ['<u>', '</u>'],
  strike: ['~~', '~~'],
  code: ['`', '`'],
};

function sameMark(a: Mark, b: Mark): boolean {
  return a.type === b.type && a.href === b.href;
}

function open(mark: Mark): string {
  return mark.type === 'link' ? '[' : DELIMITERS[mark.type][0];
}

function close(mark: Mark): string {
  return mark.type === 'link' ? `](${mark.href?.replace(/[()\s]/g, (c) => encodeURIComponent(c))})` : DELIMITERS[mark.type][1];
}

/** Inline content: marks opened and closed like a stack, whitespace kept outside delimiters. */
function inline(nodes: TreeNode[]): string {
  let out = '';
  const active: Mark[] = [];
  const closeDownTo = (keep: number): void => {
    while (active.length > keep) out += close(active.pop()!);
  };
  for (const node of nodes) {
    if (!isText(node)) {
      closeDownTo(0);
      if (node.type === 'hardBreak') out += '\\\n';
      else if (node.type === 'image') out += image(node);
      else out += inline(node.content);
      continue;
    }
    const t = node as TextNode;
    // The shared document can hold any href (a forged client wrote it): a link the import would refuse keeps only its text.
    const marks = t.marks.filter((m) => m.type !== 'link' || (m.href !== undefined && safeLink(m.href) !== null));
    // Keep the longest prefix of open marks that this run also has.
    let keep = 0;
    while (keep < active.length && marks.some((m) => sameMark(m, active[keep]!))) keep++;
    const leading = /^\s*/.exec(t.text)![0];
    const trailing = t.text.length > leading.length ? /\s*$/.exec(t.text)![0] : '';
    const core = t.text.slice(leading.length, t.text.length - trailing.length);
    closeDownTo(keep);
    out += leading.replace(/\s/g, ' ');
    if (core === '') continue;
    for (const mark of marks) {
      if (active.some((m) => sameMark(m, mark))) continue;
      out += open(mark);
      active.push(mark);
    }
    out += marks.some((m) => m.type === 'code') ? core.replace(/`/g, "'") : escapeInline(core);
    if (trailing) {
      closeDownTo(0);
      out += trailing.replace(/\s/g, ' ');
    }
  }
  closeDownTo(0);
  return out;
}

function image(node: ElementNode): string {
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  const src = typeof node.attrs.src === 'string' ? node.attrs.src : '';
  if (safeImage(src) === null) return escapeInline(alt);
  return `![${escapeInline(alt)}](${src.replace(/[()\s]/g, (c) => encodeURIComponent(c))})`;
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
  return ['```chart', ...lines, '```'].join('\n');
}

function table(node: ElementNode): string {
  const rows = node.content.filter((r): r is ElementNode => !isText(r)).map((row) =>
    row.content.filter((c): c is ElementNode => !isText(c)).map((cell) => inline(cell.content.flatMap((p) => (isText(p) ? [p] : p.content))).replace(/\n/g, ' ')),
  );
  if (rows.length === 0) return '';
  const width = Math.max(...rows.map((r) => r.length));
  const line = (cells: string[]): string => `| ${Array.from({ length: width }, (_, i) => cells[i] ?? '').join(' | ')} |`;
  return [line(rows[0]!), `| ${Array.from({ length: width }, () => '---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

function block(node: ElementNode): string {
  switch (node.type) {
    case 'heading':
      return `${'#'.repeat(Math.min(3, Math.max(1, Number(node.attrs.level) || 1)))} ${inline(node.content)}`;
    case 'paragraph':
      return escapeLineStart(inline(node.content));
    case 'blockquote':
      return indent(blocks(node.content), '> ').replace(/^$/gm, '>');
    case 'bulletList':
    case 'orderedList':
      return node.content
        .filter((item): item is ElementNode => !isText(item))
        .map((item, i) => {
          const marker = node.type === 'bulletList' ? '- ' : `${i + 1}. `;
          return indent(blocks(item.content), ' '.repeat(marker.length), marker);
        })
        .join('\n');
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

/** Blocks are separated by a blank line; list items' paragraphs stay tight. */
function blocks(nodes: TreeNode[]): string {
  return nodes
    .filter((n): n is ElementNode => !isText(n))
    .map(block)
    .join('\n\n');
}

export function contentToMarkdown(nodes: TreeNode[]): string {
  return blocks(nodes);
}

export function deckToMarkdown(doc: Y.Doc): string {
  const meta = readMeta(doc);
  const frontMatter = new YamlDocument({ format: FORMAT_ID, title: meta.title, theme: meta.theme, period: meta.period, language: meta.language });
  // A viewer that knows no front matter reads it as Markdown: markup in the title or period
  // goes out as "\u003c…\u003e" in a double-quoted string, which YAML reads back as < and >.
  for (const key of ['title', 'period']) {
    const node = frontMatter.get(key, true);
    if (isScalar(node) && /[<>]/.test(String(node.value))) node.type = 'QUOTE_DOUBLE';
  }
  const front = frontMatter
    .toString({ lineWidth: 0 })
    .trimEnd()
    .replace(/[<>]/g, (c) => (c === '<' ? '\\u003c' : '\\u003e'));
  const slides = listSlides(doc).map((slide) => {
    const parts = [`<!-- slide: layout=${slide.layout} -->`];
    const content = contentToMarkdown(readFragment(slide.content));
    if (content) parts.push(content);
    const notes = contentToMarkdown(readFragment(slide.notes));
    if (notes) parts.push(`Note:\n${notes}`);
    return parts.join('\n\n');
  });
  return `---\n${front}\n---\n\n${slides.join(SLIDE_SEPARATOR)}\n`;
}
