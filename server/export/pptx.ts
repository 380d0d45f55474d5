/**
 * PowerPoint export with editable content: text as text boxes (headings, paragraphs, bullet
 * and numbered lists with bold/italic/underline and links), charts as native PowerPoint
 * charts with the current figures, tables as tables, images embedded, speaker notes as notes.
 * Not pictures of slides.
 */
import PptxGenJS from 'pptxgenjs';
import * as Y from 'yjs';
import { listSlides, readMeta, type SlideLayout } from '../../shared/deckModel.ts';
import { safeLink } from '../../shared/deckFile/fromMarkdown.ts';
import { isText, plainText, readFragment, type ElementNode, type TreeNode } from '../../shared/deckFile/tree.ts';
import { statDefinition, type SeriesPoint } from '../../shared/statsCatalogue.ts';

export interface PptxSources {
  /** Current value of a statistic (frozen charts carry their own). */
  statValue: (key: string) => unknown;
  image: (id: string) => Promise<Uint8Array | null>;
  title: string;
}

type Run = PptxGenJS.TextProps;

const SLIDE_W = 13.333;
const MARGIN = 0.6;
const FONT = 'Calibri';
/** Code: monospace (Consolas ships with Office; PowerPoint substitutes a monospace font elsewhere). */
const CODE_FONT = 'Consolas';
const CODE_MAX_PT = 16;
const CODE_MIN_PT = 7;
/** What an image from another website is called on its placeholder (the export does not fetch it). */
const REMOTE_IMAGE: Record<'nl' | 'en', { title: string; noAlt: string }> = {
  nl: { title: 'Afbeelding van een andere website', noAlt: 'Geen beschrijving' },
  en: { title: 'Image from another website', noAlt: 'No description' },
};
const THEME_COLORS: Record<string, { background: string; text: string; accent: string }> = {
  tussenstand: { background: 'FFFFFF', text: '1F2937', accent: '1D4E89' },
  noord: { background: 'F7F4EC', text: '23313F', accent: '2F6F5E' },
  contrast: { background: '0B1320', text: 'F5F7FA', accent: 'FFD166' },
};

function runs(nodes: TreeNode[], base: PptxGenJS.TextPropsOptions = {}): Run[] {
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

/**
 * A code block's font size: as large as fits `box` (inches) without wrapping its longest line
 * or running past the bottom, between CODE_MIN_PT and CODE_MAX_PT. A monospace character
 * is about 0.6 em wide; a line about 1.2 em high.
 */
export function codeFontSize(code: string, box: { w: number; h: number }): number {
  const lines = code.split('\n');
  const longest = Math.max(1, ...lines.map((line) => line.replace(/\t/g, '    ').length));
  const byWidth = (box.w * 72 * 0.95) / (longest * 0.6);
  const byHeight = (box.h * 72 * 0.95) / (lines.length * 1.2);
  return Math.max(CODE_MIN_PT, Math.min(CODE_MAX_PT, Math.floor(Math.min(byWidth, byHeight))));
}

/** One run per line of code, in the monospace font, sized to fit. */
function codeRuns(block: ElementNode, box: { w: number; h: number }): Run[] {
  const code = plainText(block.content);
  const fontSize = codeFontSize(code, box);
  return code.split('\n').map((line) => ({ text: line.replace(/\t/g, '    '), options: { fontFace: CODE_FONT, fontSize, breakLine: true } }));
}

/** Paragraph-level runs for a block: the last run of each paragraph breaks the line. */
function blockRuns(block: ElementNode, depth = 0, box: { w: number; h: number } = { w: SLIDE_W - 2 * MARGIN, h: 5 }): Run[] {
  const finish = (items: Run[], options: PptxGenJS.TextPropsOptions): Run[] => {
    if (items.length === 0) items.push({ text: '', options: {} });
    items[0]!.options = { ...items[0]!.options, ...options };
    items[items.length - 1]!.options = { ...items[items.length - 1]!.options, breakLine: true };
    return items;
  };
  switch (block.type) {
    case 'paragraph':
      return finish(runs(block.content), { paraSpaceAfter: 6 });
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
    case 'codeBlock':
      return finish(codeRuns(block, box), { paraSpaceAfter: 6 });
    default:
      return finish(runs(block.content), {});
  }
}

function seriesOf(value: unknown): SeriesPoint[] | null {
  return Array.isArray(value) ? (value as SeriesPoint[]).filter((p) => p && typeof p.label === 'string' && typeof p.value === 'number') : null;
}

function chartValue(node: ElementNode, sources: PptxSources): unknown {
  if (typeof node.attrs.frozenValue === 'string') {
    try {
      return JSON.parse(node.attrs.frozenValue) as unknown;
    } catch {
      return null;
    }
  }
  return typeof node.attrs.statKey === 'string' ? sources.statValue(node.attrs.statKey) : null;
}

/** Places the blocks of one column from `y` down; returns nothing (positions are fixed per kind). */
async function placeBlocks(pptx: PptxGenJS, slide: PptxGenJS.Slide, blocks: ElementNode[], box: { x: number; y: number; w: number; h: number }, colors: { text: string; accent: string }, language: 'nl' | 'en', sources: PptxSources): Promise<void> {
  const textBlocks = blocks.filter((b) => !['chart', 'image', 'table'].includes(b.type));
  const visuals = blocks.filter((b) => ['chart', 'image', 'table'].includes(b.type));
  const visualH = visuals.length > 0 ? (box.h * (textBlocks.length > 0 ? 0.62 : 1)) / visuals.length : 0;
  let y = box.y;
  for (const visual of visuals) {
    if (visual.type === 'chart') {
      const key = String(visual.attrs.statKey ?? '');
      const definition = statDefinition(key);
      const value = chartValue(visual, sources);
      const label = definition?.label[language] ?? key;
      const series = seriesOf(value);
      if (series && visual.attrs.view !== 'number') {
        const type = visual.attrs.view === 'line' ? pptx.ChartType.line : visual.attrs.view === 'pie' ? pptx.ChartType.pie : pptx.ChartType.bar;
        slide.addChart(type, [{ name: label, labels: series.map((p) => p.label), values: series.map((p) => p.value) }], {
          x: box.x, y, w: box.w, h: visualH - 0.1, showTitle: true, title: label, titleFontSize: 14, showLegend: type === pptx.ChartType.pie, chartColors: [colors.accent], catAxisLabelColor: colors.text, valAxisLabelColor: colors.text,
        });
      } else {
        const number = typeof value === 'number' ? value : series ? series.reduce((s, p) => s + p.value, 0) : '—';
        slide.addText([{ text: String(number), options: { fontSize: 72, bold: true, color: colors.accent, breakLine: true } }, { text: label, options: { fontSize: 18, color: colors.text } }], { x: box.x, y, w: box.w, h: visualH - 0.1, align: 'center', valign: 'middle', fontFace: FONT });
      }
    } else if (visual.type === 'image') {
      const src = String(visual.attrs.src ?? '');
      const id = /^\/api\/images\/([A-Za-z0-9_-]+)/.exec(src)?.[1];
      const data = id ? await sources.image(id) : null;
      if (data) {
        const type = data[0] === 0x89 ? 'png' : data[0] === 0xff ? 'jpeg' : data[0] === 0x47 ? 'gif' : 'webp';
        slide.addImage({ data: `image/${type};base64,${Buffer.from(data).toString('base64')}`, x: box.x, y, w: box.w, h: visualH - 0.1, sizing: { type: 'contain', w: box.w, h: visualH - 0.1 }, altText: String(visual.attrs.alt ?? '') });
      } else if (!id && /^https?:\/\//i.test(src.trim())) {
        // An image from another website is not fetched: a bordered box says what and where it is.
        const words = REMOTE_IMAGE[language];
        const alt = typeof visual.attrs.alt === 'string' ? visual.attrs.alt : '';
        const href = safeLink(src);
        slide.addText(
          [
            { text: words.title, options: { bold: true, breakLine: true } },
            { text: alt || words.noAlt, options: { italic: !alt, breakLine: true } },
            { text: src.trim(), options: { fontFace: CODE_FONT, fontSize: 12, ...(href ? { hyperlink: { url: href } } : {}) } },
          ],
          { x: box.x, y, w: box.w, h: visualH - 0.1, fontFace: FONT, fontSize: 16, color: colors.text, align: 'center', valign: 'middle', line: { color: '8A94A3', width: 1, dashType: 'dash' }, fit: 'shrink' },
        );
      }
    } else {
      const rows = visual.content.filter((r): r is ElementNode => !isText(r)).map((row) =>
        row.content.filter((c): c is ElementNode => !isText(c)).map((cell) => ({ text: runs(cell.content.flatMap((p) => (isText(p) ? [p] : p.content))), options: { bold: cell.type === 'tableHeader' } })),
      );
      if (rows.length > 0) slide.addTable(rows, { x: box.x, y, w: box.w, fontSize: 14, fontFace: FONT, color: colors.text, border: { type: 'solid', pt: 0.5, color: '999999' } });
    }
    y += visualH;
  }
  if (textBlocks.length > 0) {
    const textBox = { w: box.w, h: box.y + box.h - y };
    slide.addText(textBlocks.flatMap((b) => blockRuns(b, 0, textBox)), { x: box.x, y, w: box.w, h: box.y + box.h - y, fontFace: FONT, fontSize: 20, color: colors.text, valign: 'top' });
  }
}

export async function deckToPptx(state: Uint8Array, sources: PptxSources): Promise<Buffer> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    const meta = readMeta(doc);
    const colors = THEME_COLORS[meta.theme] ?? THEME_COLORS.tussenstand!;
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = sources.title;
    for (const view of listSlides(doc)) {
      const slide = pptx.addSlide();
      slide.background = { color: colors.background };
      const blocks = readFragment(view.content);
      const layout: SlideLayout = view.layout;
      const first = blocks[0];
      const hasTitle = first?.type === 'heading';
      const title = hasTitle ? plainText(first.content) : '';
      const body = hasTitle ? blocks.slice(1) : blocks;
      const centred = layout === 'title' || layout === 'section' || layout === 'big-number' || layout === 'quote';
      if (title) {
        slide.addText(runs(first!.content), {
          x: MARGIN, y: centred ? 2.2 : 0.4, w: SLIDE_W - 2 * MARGIN, h: centred ? 1.4 : 1.0, fontFace: FONT, fontSize: layout === 'title' || layout === 'section' ? 40 : 30, bold: true, color: colors.accent, align: centred ? 'center' : 'left', valign: 'middle',
        });
      }
      const top = title ? (centred ? 3.7 : 1.5) : 0.6;
      const area = { x: MARGIN, y: top, w: SLIDE_W - 2 * MARGIN, h: 7.5 - top - 0.5 };
      const split = body.findIndex((b) => b.type === 'horizontalRule');
      if (layout === 'two-columns' && split >= 0) {
        const half = (area.w - 0.4) / 2;
        await placeBlocks(pptx, slide, body.slice(0, split), { ...area, w: half }, colors, meta.language, sources);
        await placeBlocks(pptx, slide, body.slice(split + 1), { ...area, x: area.x + half + 0.4, w: half }, colors, meta.language, sources);
      } else {
        await placeBlocks(pptx, slide, body.filter((b) => b.type !== 'horizontalRule'), area, colors, meta.language, sources);
      }
      const notes = plainText(readFragment(view.notes).flatMap((b) => [b, { type: 'text', text: '\n', marks: [] } as TreeNode])).trim();
      if (notes) slide.addNotes(notes);
    }
    return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  } finally {
    doc.destroy();
  }
}
