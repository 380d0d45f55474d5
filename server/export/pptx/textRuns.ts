/**
 * The slide's rich text as pptxgenjs runs: marks to run options, links checked again, lists
 * with bullets and levels, code in a monospace font sized so its longest line fits its box.
 * Text formatting (issue #17): a size step scales the size the run would have (`sz`), a
 * colour or highlight key becomes the theme's colour for it (`solidFill`, `highlight`, as
 * shared/textFormat.ts picks it, so it reads on the slide), a paragraph's alignment and line
 * spacing become `algn` and `lnSpc`. Only allow-listed values are read (tree.ts).
 */
import type PptxGenJS from 'pptxgenjs';
import { safeLink } from '../../../shared/deckFile/fromMarkdown.ts';
import { deckTheme } from '../../../shared/deckThemes.ts';
import { fontSize, highlight, highlightHex, lineSpacing, textAlign, textColour, textColourHex, type TextAlign } from '../../../shared/textFormat.ts';
import { isText, plainText, type ElementNode, type Mark, type TreeNode } from '../../../shared/deckFile/tree.ts';

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

/** What text formatting needs to know of where the text stands. */
export interface RunStyle {
  /** The deck's theme name (shared/deckThemes.ts). */
  theme: string;
  /** The size (pt) a run without a size of its own has here. */
  pt: number;
  /** On a section slide coloured text keeps the section's text colour, and a highlight tints the section background (slides.css). */
  section?: boolean;
}

const ALIGN: Record<TextAlign, PptxGenJS.HAlign> = { left: 'left', center: 'center', right: 'right', justify: 'justify' };

/** A paragraph's or heading's alignment and line spacing as pptxgenjs paragraph options (`algn`, `lnSpc`). */
export function paragraphFormat(block: ElementNode): PptxGenJS.TextPropsOptions {
  const align = textAlign(block.attrs.textAlign);
  const spacing = lineSpacing(block.attrs.lineSpacing);
  return { ...(align ? { align: ALIGN[align] } : {}), ...(spacing ? { lineSpacingMultiple: Number(spacing) } : {}) };
}

function formatRun(options: PptxGenJS.TextPropsOptions, mark: Mark, style: RunStyle | undefined): void {
  if (!style) return;
  if (mark.type === 'fontSize') {
    const step = fontSize(mark.value);
    if (step) options.fontSize = Math.round(((options.fontSize ?? style.pt) * step) / 50) / 2;
  } else if (mark.type === 'textColor') {
    const key = textColour(mark.value);
    if (key && !style.section) options.color = textColourHex(style.theme, key);
  } else if (mark.type === 'highlight') {
    const key = highlight(mark.value);
    if (key) options.highlight = highlightHex(style.theme, key, style.section ? deckTheme(style.theme).sectionBg : undefined);
  }
}

export function runs(nodes: TreeNode[], base: PptxGenJS.TextPropsOptions = {}, style?: RunStyle): Run[] {
  const out: Run[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      const options: PptxGenJS.TextPropsOptions = { ...base };
      // Sizes first: a size step scales the run's own size (a heading's) or the box's.
      for (const mark of node.marks) formatRun(options, mark, style);
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
    else out.push(...runs(node.content, base, style));
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
export function blockRuns(block: ElementNode, depth = 0, style?: RunStyle): Run[] {
  // `format` (alignment, line spacing) goes on every run of the paragraph: pptxgenjs reads a
  // run's paragraph options and starts a new paragraph where the alignment changes.
  const finish = (items: Run[], options: PptxGenJS.TextPropsOptions, format: PptxGenJS.TextPropsOptions = {}): Run[] => {
    if (items.length === 0) items.push({ text: '', options: {} });
    for (const item of items) item.options = { ...item.options, ...format };
    items[0]!.options = { ...items[0]!.options, ...options };
    items[items.length - 1]!.options = { ...items[items.length - 1]!.options, breakLine: true };
    return items;
  };
  switch (block.type) {
    case 'paragraph':
      return finish(runs(block.content, {}, style), { paraSpaceAfter: 6 }, paragraphFormat(block));
    case 'heading': {
      const level = Number(block.attrs.level ?? 2);
      return finish(runs(block.content, { bold: true, fontSize: level <= 2 ? 24 : 20 }, style), { paraSpaceAfter: 4 }, paragraphFormat(block));
    }
    case 'blockquote':
      return block.content.filter((n): n is ElementNode => !isText(n)).flatMap((b) => finish(runs(b.content, { italic: true }, style), { indentLevel: depth + 1 }, paragraphFormat(b)));
    case 'bulletList':
    case 'orderedList':
      return block.content
        .filter((n): n is ElementNode => !isText(n))
        .flatMap((item) =>
          item.content
            .filter((n): n is ElementNode => !isText(n))
            .flatMap((child, i) =>
              child.type === 'bulletList' || child.type === 'orderedList'
                ? blockRuns(child, depth + 1, style)
                : finish(runs(child.content, {}, style), i === 0 ? { bullet: block.type === 'orderedList' ? { type: 'number' } : true, indentLevel: depth } : { indentLevel: depth + 1 }, paragraphFormat(child)),
            ),
        );
    default:
      return finish(runs(block.content, {}, style), {});
  }
}
