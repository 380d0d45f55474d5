/**
 * Places a column's blocks on a slide in reading order, top to bottom: consecutive text blocks
 * share one text box, code, tables, images and charts get their own, in the order they appear.
 * Shape order in the slide XML is the order a screen reader and PowerPoint's tab order follow,
 * so a table never comes before its heading. Heights are estimates (no text measuring here):
 * text by wrapped lines, code by its line count at the size that fits, visuals share what is
 * left; when the estimates exceed the column, every box is scaled down and text boxes shrink
 * on overflow (normAutofit), so nothing runs off the slide and no text is dropped.
 */
import type PptxGenJS from 'pptxgenjs';
import type { SlideLayout } from '../../../shared/deckModel.ts';
import type { DeckThemeTokens } from '../../../shared/deckThemes.ts';
import { safeLink } from '../../../shared/deckFile/fromMarkdown.ts';
import { isText, plainText, type ElementNode } from '../../../shared/deckFile/tree.ts';
import { placeChart, type Language } from './charts.ts';
import { CENTRED, type Frame } from './geometry.ts';
import { chartFrame, imageFrame, imagePixelSize } from './imageSize.ts';
import { imageFit } from '../../../shared/mediaSize.ts';
import { SLIDE_H, SLIDE_W } from './geometry.ts';
import { blockRuns, CODE_FONT, codeFontSize, codeHeight, codeRuns, runs, type RunStyle } from './textRuns.ts';

export interface SlideContext {
  pptx: PptxGenJS;
  slide: PptxGenJS.Slide;
  theme: DeckThemeTokens;
  /** The theme's name, for the text colours it picks (shared/textFormat.ts); unknown: the house theme. */
  themeName?: string;
  layout: SlideLayout;
  language: Language;
  /** Body text colour on this slide; headings inside the body take `headingColour`. */
  textColour: string;
  headingColour: string;
  statValue: (key: string) => unknown;
  image: (id: string) => Promise<Uint8Array | null>;
}

/** What an image from another website is called on its placeholder (the export does not fetch it). */
const REMOTE_IMAGE: Record<Language, { title: string; noAlt: string }> = {
  nl: { title: 'Afbeelding van een andere website', noAlt: 'Geen beschrijving' },
  en: { title: 'Image from another website', noAlt: 'No description' },
};
export const BODY_PT = 20;
const QUOTE_PT = 28;
const GAP = 0.15;
const VISUALS = new Set(['chart', 'image', 'table']);
/** Blocks that never become shapes (the two-column split is handled by the caller). */
const SKIPPED = new Set(['horizontalRule']);

export type Group = { kind: 'text'; blocks: ElementNode[] } | { kind: 'code'; block: ElementNode } | { kind: 'visual'; block: ElementNode };

export const isVisual = (block: ElementNode) => VISUALS.has(block.type) && !isBackdrop(block);

/** An image cropped to fill the slide ("Bijsnijden tot dia"): placed behind everything by placeBackdrops, not in a column. */
export const isBackdrop = (block: ElementNode) => block.type === 'image' && imageFit(block.attrs.fit) === 'cover';

/** The slide's full-bleed images, first in the slide (behind the title and body), cropped to 16:9 around their centre. */
export async function placeBackdrops(ctx: SlideContext, blocks: ElementNode[]): Promise<void> {
  for (const block of blocks.filter(isBackdrop)) {
    const id = /^\/api\/images\/([A-Za-z0-9_-]+)/.exec(String(block.attrs.src ?? ''))?.[1];
    const data = id ? await ctx.image(id) : null;
    const size = data ? imagePixelSize(data) : null;
    if (!data || !size || size.w <= 0 || size.h <= 0) {
      await placeImage(ctx, block, { x: 0, y: 0, w: SLIDE_W, h: SLIDE_H });
      continue;
    }
    // pptxgenjs crops by `sizing`: w/h are the picture's own proportions, sizing the slide.
    ctx.slide.addImage({ data: imageData(data), x: 0, y: 0, w: SLIDE_W, h: (SLIDE_W * size.h) / size.w, sizing: { type: 'cover', w: SLIDE_W, h: SLIDE_H }, altText: typeof block.attrs.alt === 'string' ? block.attrs.alt : '' });
  }
}

function imageData(data: Uint8Array): string {
  const type = data[0] === 0x89 ? 'png' : data[0] === 0xff ? 'jpeg' : data[0] === 0x47 ? 'gif' : 'webp';
  return `image/${type};base64,${Buffer.from(data).toString('base64')}`;
}

/** The blocks in slide order; consecutive text blocks together (one text box), code and visuals each alone. */
export function groups(blocks: ElementNode[]): Group[] {
  const out: Group[] = [];
  for (const block of blocks) {
    if (SKIPPED.has(block.type) || isBackdrop(block)) continue;
    if (isVisual(block)) out.push({ kind: 'visual', block });
    else if (block.type === 'codeBlock') out.push({ kind: 'code', block });
    else {
      const last = out[out.length - 1];
      if (last?.kind === 'text') last.blocks.push(block);
      else out.push({ kind: 'text', blocks: [block] });
    }
  }
  return out;
}

/** About how tall (inches) a text group is at `pt` in a box `w` wide: wrapped lines × line height. */
function textHeight(blocks: ElementNode[], w: number, pt: number): number {
  // 0.52 em: an average proportional glyph, a little generous so the estimate errs tall.
  const perLine = Math.max(8, ((w - 0.2) * 72) / (pt * 0.52));
  let lines = 0;
  const count = (node: ElementNode) => {
    if (node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'listItem' || node.type === 'blockquote') {
      for (const child of node.content) if (!isText(child)) count(child);
      return;
    }
    const scale = node.type === 'heading' ? 1.2 : 1;
    lines += (Math.max(1, Math.ceil((plainText(node.content).length * scale) / perLine)) + 0.3) * scale;
  };
  for (const block of blocks) count(block);
  return (lines * pt * 1.2) / 72 + 0.2;
}

function wantedHeight(group: Group, w: number, pt: number): number {
  if (group.kind === 'text') return textHeight(group.blocks, w, pt);
  if (group.kind === 'code') return codeHeight(plainText(group.block.content), codeFontSize(plainText(group.block.content), { w, h: 100 }).pt);
  const block = group.block;
  if (block.type === 'table') return 0.45 * Math.max(1, block.content.length) + 0.1;
  if (block.type === 'image') return 3.2;
  if (block.attrs.view === 'table') return 0.45 * 8;
  return block.attrs.view === 'number' ? 2.2 : 3.6;
}

/** Charts and images can grow into spare room; text, code and tables keep their size. */
const grows = (group: Group) => group.kind === 'visual' && group.block.type !== 'table' && !(group.block.type === 'chart' && ['number', 'table'].includes(String(group.block.attrs.view)));

async function placeImage(ctx: SlideContext, node: ElementNode, box: Frame): Promise<void> {
  const src = String(node.attrs.src ?? '');
  const id = /^\/api\/images\/([A-Za-z0-9_-]+)/.exec(src)?.[1];
  const data = id ? await ctx.image(id) : null;
  const alt = typeof node.attrs.alt === 'string' ? node.attrs.alt : '';
  if (data) {
    // Its stored width (or natural size, never enlarged) in its own proportions, aligned as the slide CSS does.
    ctx.slide.addImage({ data: imageData(data), ...imageFrame(imagePixelSize(data), box, node.attrs), altText: alt });
    return;
  }
  // An image from another website (not fetched) or one no longer stored: a dashed box says what and where it is.
  const words = REMOTE_IMAGE[ctx.language];
  const href = safeLink(src);
  ctx.slide.addText(
    [
      { text: words.title, options: { bold: true, breakLine: true } },
      { text: alt || words.noAlt, options: { italic: !alt, breakLine: true } },
      { text: src.trim(), options: { fontFace: CODE_FONT, fontSize: 12, ...(href ? { hyperlink: { url: href } } : {}) } },
    ],
    { ...box, fontFace: ctx.theme.bodyFont, fontSize: 16, color: ctx.textColour, align: 'center', valign: 'middle', line: { color: '8A94A3', width: 1, dashType: 'dash' }, fit: 'shrink' },
  );
}

function placeTable(ctx: SlideContext, node: ElementNode, box: Frame): void {
  const rows = node.content.filter((r): r is ElementNode => !isText(r)).map((row) =>
    row.content.filter((c): c is ElementNode => !isText(c)).map((cell) => {
      const head = cell.type === 'tableHeader';
      return { text: runs(cell.content.flatMap((p) => (isText(p) ? [p] : p.content)), {}, runStyle(ctx, 14)), options: { bold: head, ...(head ? { fill: { color: ctx.theme.tableHead }, color: ctx.layout === 'section' ? ctx.theme.sectionBg : ctx.theme.heading } : {}) } };
    }),
  );
  if (rows.length === 0) return;
  // Row height from the box: autoPage would add slides, which would change the deck's slide count.
  const rowH = Math.min(0.6, Math.max(0.3, box.h / rows.length));
  ctx.slide.addTable(rows, {
    x: box.x, y: box.y, w: box.w, rowH, fontSize: rowH < 0.4 ? 12 : 14, fontFace: ctx.theme.bodyFont, color: ctx.textColour,
    border: { type: 'solid', pt: 0.75, color: ctx.theme.rule }, valign: 'middle', autoPage: false,
  });
}

function placeCode(ctx: SlideContext, node: ElementNode, box: Frame): void {
  const code = plainText(node.content);
  const { pt, fits } = codeFontSize(code, box);
  // Too many or too long lines for even the smallest size: keep every line and let the box shrink them.
  ctx.slide.addText(codeRuns(node, pt), {
    ...box, fontFace: CODE_FONT, color: ctx.textColour, valign: 'top', align: 'left', wrap: !fits, fill: { color: ctx.theme.tableHead }, ...(fits ? {} : { fit: 'shrink' as const }),
  });
}

/** Text formatting's view of the slide: the theme, the size a plain run has, a section slide or not. */
export const runStyle = (ctx: SlideContext, pt: number): RunStyle => ({ theme: ctx.themeName ?? 'tussenstand', pt, section: ctx.layout === 'section' });

export async function placeColumn(ctx: SlideContext, blocks: ElementNode[], column: Frame): Promise<void> {
  const parts = groups(blocks);
  if (parts.length === 0) return;
  const pt = ctx.layout === 'quote' ? QUOTE_PT : BODY_PT;
  const wanted = parts.map((part) => wantedHeight(part, column.w, pt));
  const available = column.h - GAP * (parts.length - 1);
  const total = wanted.reduce((a, b) => a + b, 0);
  const growing = parts.reduce((sum, part, i) => sum + (grows(part) ? wanted[i]! : 0), 0);
  // Room to spare goes to charts and images; too little room is taken from everything alike.
  const spare = available - total;
  const heights = wanted.map((h, i) => (spare >= 0 ? (grows(parts[i]!) && growing > 0 ? h + (spare * h) / growing : h) : (h * available) / total));
  const squeezed = spare < 0;
  const centred = CENTRED.includes(ctx.layout);
  let y = column.y + (centred && spare > 0 && growing === 0 ? spare / 2 : 0);
  for (const [i, part] of parts.entries()) {
    const box = { x: column.x, y, w: column.w, h: heights[i]! };
    if (part.kind === 'visual') {
      if (part.block.type === 'chart') placeChart(ctx, part.block, chartFrame(box, part.block.attrs));
      else if (part.block.type === 'image') await placeImage(ctx, part.block, box);
      else placeTable(ctx, part.block, box);
    } else if (part.kind === 'code') placeCode(ctx, part.block, box);
    else {
      const text = part.blocks.flatMap((b) => {
        const r = blockRuns(b, 0, runStyle(ctx, pt));
        return b.type === 'heading' ? r.map((run) => ({ ...run, options: { ...run.options, color: ctx.headingColour, fontFace: ctx.theme.headingFont } })) : r;
      });
      ctx.slide.addText(text, {
        ...box, fontFace: ctx.theme.bodyFont, fontSize: pt, color: ctx.textColour, valign: 'top', align: centred ? 'center' : 'left', italic: ctx.layout === 'quote', ...(squeezed ? { fit: 'shrink' as const } : {}),
      });
    }
    y += box.h + GAP;
  }
}
