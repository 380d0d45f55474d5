/**
 * The slide's rich text as pptxgenjs runs: marks to run options, links checked again, lists
 * with bullets and levels, code in a monospace font sized so its longest line fits its box.
 */
import type PptxGenJS from 'pptxgenjs';
import { safeLink } from '../../../shared/deckFile/fromMarkdown.ts';
import { isText, plainText, type ElementNode, type TreeNode } from '../../../shared/deckFile/tree.ts';

export type Run = PptxGenJS.TextProps;

/** Code: monospace (Consolas ships with Office; PowerPoint and LibreOffice substitute a monospace font elsewhere). */
export const CODE_FONT = 'Consolas';
export const CODE_MAX_PT = 16;
export const CODE_MIN_PT = 7;
/** A monospace glyph is about 0.6 em wide; a line of code about 1.2 em high. */
const MONO_ADVANCE = 0.6;
const CODE_LINE = 1.2;
/** pptxgenjs' default text box insets, 0.1 in each side, which the font size must leave room for. */
export const INSET = 0.1;

export function runs(nodes: TreeNode[], base: PptxGenJS.TextPropsOptions = {}): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      const options: PptxGenJS.TextPropsOptions = { ...base };
      for (const mark of node.marks) {
        if (mark.type === 'bold') options.bold = true;
        if (mark.type === 'italic') options.italic = true;
        if (mark.type === 'underline') options.underline = { style: 'sng' };
        if (mark.type === 'strike') options.strike = 'sngStrike';
        // A link from the shared document is checked again: javascript: and the like keep their text only.
        const href = mark.type === 'link' && mark.href ? safeLink(mark.href) : null;
        if (href) options.hyperlink = { url: href };
      }
      out.push({ text: node.text, options });
    } else if (node.type === 'hardBreak') out.push({ text: '', options: { ...base, breakLine: true } });
    else out.push(...runs(node.content, base));
  }
  return out;
}

const codeLines = (code: string) => code.split('\n').map((line) => line.replace(/\t/g, '    '));

/**
 * A code block's font size: as large as fits `box` (inches, outer size) without wrapping its
 * longest line or running past the bottom, between CODE_MIN_PT and CODE_MAX_PT.
 * `fits` is false when even CODE_MIN_PT is too big: the caller then lets the box shrink.
 */
export function codeFontSize(code: string, box: { w: number; h: number }): { pt: number; fits: boolean } {
  const lines = codeLines(code);
  const longest = Math.max(1, ...lines.map((line) => line.length));
  const byWidth = ((box.w - 2 * INSET) * 72 * 0.95) / (longest * MONO_ADVANCE);
  const byHeight = ((box.h - 2 * INSET) * 72 * 0.95) / (lines.length * CODE_LINE);
  const best = Math.floor(Math.min(byWidth, byHeight));
  return { pt: Math.max(CODE_MIN_PT, Math.min(CODE_MAX_PT, best)), fits: best >= CODE_MIN_PT };
}

/** Inches a code block wants at `pt`. */
export function codeHeight(code: string, pt: number): number {
  return (codeLines(code).length * pt * CODE_LINE) / 72 + 2 * INSET;
}

/** One run per line of code, in the monospace font at `pt`. */
export function codeRuns(block: ElementNode, pt: number): Run[] {
  return codeLines(plainText(block.content)).map((line) => ({ text: line, options: { fontFace: CODE_FONT, fontSize: pt, breakLine: true } }));
}

/** Paragraph-level runs for a text block: the last run of each paragraph breaks the line. */
export function blockRuns(block: ElementNode, depth = 0): Run[] {
  const finish = (items: Run[], options: PptxGenJS.TextPropsOptions): Run[] => {
    if (items.length === 0) items.push({ text: '', options: {} });
    items[0]!.options = { ...items[0]!.options, ...options };
    items[items.length - 1]!.options = { ...items[items.length - 1]!.options, breakLine: true };
    return items;
  };
  switch (block.type) {
    case 'paragraph':
      return finish(runs(block.content), { paraSpaceAfter: 6 });
    case 'heading': {
      const level = Number(block.attrs.level ?? 2);
      return finish(runs(block.content, { bold: true, fontSize: level <= 2 ? 24 : 20 }), { paraSpaceAfter: 4 });
    }
    case 'blockquote':
      return block.content.filter((n): n is ElementNode => !isText(n)).flatMap((b) => finish(runs(b.content, { italic: true }), { indentLevel: depth + 1 }));
    case 'bulletList':
    case 'orderedList':
      return block.content
        .filter((n): n is ElementNode => !isText(n))
        .flatMap((item) =>
          item.content
            .filter((n): n is ElementNode => !isText(n))
            .flatMap((child, i) =>
              child.type === 'bulletList' || child.type === 'orderedList'
                ? blockRuns(child, depth + 1)
                : finish(runs(child.content), i === 0 ? { bullet: block.type === 'orderedList' ? { type: 'number' } : true, indentLevel: depth } : { indentLevel: depth + 1 }),
            ),
        );
    default:
      return finish(runs(block.content), {});
  }
}
