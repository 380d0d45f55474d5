/**
 * Reads Markdown content into the slide tree. Raw HTML never passes: apart from `<u>` and
 * `<br>`, tags are dropped (their text stays), links keep only http, https and mailto, and
 * images only http(s) and this server's own image paths.
 */
import MarkdownIt from 'markdown-it';
import { el, isText, text, type ElementNode, type Mark, type TreeNode } from './tree.ts';

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
type Token = ReturnType<typeof md.parse>[number];

const SAFE_LINK = /^(https?:|mailto:)/i;
const SAFE_IMAGE = /^(https?:\/\/|\/api\/images\/[A-Za-z0-9_-]+(\?[^"'<>\s]*)?$)/i;

export function safeLink(href: string): string | null {
  const trimmed = href.trim();
  return SAFE_LINK.test(trimmed) ? trimmed : null;
}

export function safeImage(src: string): string | null {
  const trimmed = src.trim();
  return SAFE_IMAGE.test(trimmed) ? trimmed : null;
}

function inlineNodes(tokens: Token[]): TreeNode[] {
  const out: TreeNode[] = [];
  const marks: Mark[] = [];
  const push = (mark: Mark): void => void marks.push(mark);
  const pop = (type: Mark['type']): void => {
    const at = marks.map((m) => m.type).lastIndexOf(type);
    if (at >= 0) marks.splice(at, 1);
  };
  const addText = (value: string): void => {
    if (value === '') return;
    const last = out.at(-1);
    const current = marks.map((m) => ({ ...m }));
    if (last && isText(last) && JSON.stringify(last.marks) === JSON.stringify(current)) last.text += value;
    else out.push(text(value, current));
  };
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
        addText(token.content);
        break;
      case 'softbreak':
        addText(' ');
        break;
      case 'hardbreak':
        out.push(el('hardBreak'));
        break;
      case 'code_inline':
        push({ type: 'code' });
        addText(token.content);
        pop('code');
        break;
      case 'strong_open':
        push({ type: 'bold' });
        break;
      case 'strong_close':
        pop('bold');
        break;
      case 'em_open':
        push({ type: 'italic' });
        break;
      case 'em_close':
        pop('italic');
        break;
      case 's_open':
        push({ type: 'strike' });
        break;
      case 's_close':
        pop('strike');
        break;
      case 'link_open': {
        const href = safeLink(String(token.attrGet('href') ?? ''));
        // An unsafe link keeps its text and loses its target.
        push(href ? { type: 'link', href } : { type: 'link' });
        break;
      }
      case 'link_close':
        pop('link');
        break;
      case 'image': {
        const src = safeImage(String(token.attrGet('src') ?? ''));
        if (src) out.push(el('image', [], { src, alt: token.content }));
        break;
      }
      case 'html_inline': {
        const tag = token.content.toLowerCase().replace(/\s+/g, '');
        if (tag === '<u>') push({ type: 'underline' });
        else if (tag === '</u>') pop('underline');
        else if (/^<br\/?>$/.test(tag)) out.push(el('hardBreak'));
        break;
      }
      default:
        break;
    }
  }
  // A link whose target was unsafe was pushed without href: drop that mark from the text.
  for (const node of out) if (isText(node)) node.marks = node.marks.filter((m) => m.type !== 'link' || m.href);
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
      result.frozenValue = JSON.parse(attrs.frozenValue) as string;
    } catch {
      // an unreadable frozen value leaves the chart live
    }
  }
  if (attrs.frozenAt && typeof result.frozenValue === 'string') result.frozenAt = attrs.frozenAt;
  return el('chart', [], result);
}

/** Block tokens from `start` until the matching close (or the end) as tree nodes. */
function blockNodes(tokens: Token[], start: number, end: number): ElementNode[] {
  const out: ElementNode[] = [];
  let i = start;
  const findClose = (from: number): number => {
    let depth = 0;
    for (let j = from; j < end; j++) {
      depth += tokens[j]!.nesting;
      if (depth === 0) return j;
    }
    return end - 1;
  };
  while (i < end) {
    const token = tokens[i]!;
    switch (token.type) {
      case 'heading_open': {
        const inline = tokens[i + 1]?.children ?? [];
        out.push(el('heading', inlineNodes(inline).filter((n) => n.type !== 'image'), { level: Math.min(3, Number(token.tag.slice(1))) }));
        i = findClose(i) + 1;
        break;
      }
      case 'paragraph_open': {
        out.push(...paragraphs(inlineNodes(tokens[i + 1]?.children ?? [])));
        i = findClose(i) + 1;
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const close = findClose(i);
        const items: ElementNode[] = [];
        let j = i + 1;
        while (j < close) {
          const itemClose = findClose(j);
          const inner = blockNodes(tokens, j + 1, itemClose);
          items.push(el('listItem', inner.length > 0 ? inner : [el('paragraph')]));
          j = itemClose + 1;
        }
        out.push(el(token.type === 'bullet_list_open' ? 'bulletList' : 'orderedList', items, token.type === 'ordered_list_open' ? { start: Number(token.attrGet('start') ?? 1) } : {}));
        i = close + 1;
        break;
      }
      case 'blockquote_open': {
        const close = findClose(i);
        out.push(el('blockquote', blockNodes(tokens, i + 1, close)));
        i = close + 1;
        break;
      }
      case 'hr':
        out.push(el('horizontalRule'));
        i++;
        break;
      case 'fence':
      case 'code_block': {
        const info = token.info.trim().split(/\s+/)[0] ?? '';
        const body = token.content.replace(/\n$/, '');
        const chart = info === 'chart' ? parseChart(body) : null;
        out.push(chart ?? el('codeBlock', body ? [text(body)] : [], info ? { language: info } : {}));
        i++;
        break;
      }
      case 'table_open': {
        const close = findClose(i);
        const rows: ElementNode[] = [];
        let row: ElementNode[] | null = null;
        for (let j = i + 1; j < close; j++) {
          const t = tokens[j]!;
          if (t.type === 'tr_open') row = [];
          else if (t.type === 'tr_close' && row) {
            rows.push(el('tableRow', row));
            row = null;
          } else if ((t.type === 'th_open' || t.type === 'td_open') && row) {
            const cellInline = inlineNodes(tokens[j + 1]?.children ?? []).filter((n) => n.type !== 'image');
            row.push(el(t.type === 'th_open' ? 'tableHeader' : 'tableCell', [el('paragraph', cellInline)], { colspan: 1, rowspan: 1 }));
          }
        }
        if (rows.length > 0) out.push(el('table', rows));
        i = close + 1;
        break;
      }
      default:
        // html_block and anything unknown: dropped (raw markup never reaches a slide).
        i = token.nesting === 1 ? findClose(i) + 1 : i + 1;
        break;
    }
  }
  return out;
}

export function markdownToContent(markdown: string): ElementNode[] {
  const tokens = md.parse(markdown, {});
  return blockNodes(tokens, 0, tokens.length);
}
