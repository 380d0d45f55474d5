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
import { formatFigure, seriesPointLabel, statTitle } from '../../shared/statLabels.ts';
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
/** Code: monospace (Consolas ships with Office; PowerPoint substitutes a monospace font elsewhere). */
const CODE_FONT = 'Consolas';
const CODE_MAX_PT = 16;
const CODE_MIN_PT = 7;
/** What an image from another website is called on its placeholder (the export does not fetch it). */
const REMOTE_IMAGE: Record<'nl' | 'en', { title: string; noAlt: string }> = {
  nl: { title: 'Afbeelding van een andere website', noAlt: 'Geen beschrijving' },
  en: { title: 'Image from another website', noAlt: 'No description' },
};
/**
 * Each deck theme as the slides draw it (client/src/editor/themes/*.css, which
 * test/exports/pptx.test.ts compares with these): background, text, headings, accent, the
 * dark section slide, fonts, and the chart palette (client/src/charts/format.ts).
 */
interface PptxTheme {
  background: string;
  text: string;
  heading: string;
  muted: string;
  accent: string;
  accent2: string;
  sectionBackground: string;
  sectionText: string;
  bodyFont: string;
  headingFont: string;
}
export const PPTX_THEMES: Record<string, PptxTheme> = {
  tussenstand: { background: 'FFFFFF', text: '1A2233', heading: '10325A', muted: '4F5B6D', accent: '1F5FA8', accent2: 'E8A33D', sectionBackground: '10325A', sectionText: 'FFFFFF', bodyFont: 'Inter', headingFont: 'Inter' },
  noord: { background: 'F7F3EC', text: '23303B', heading: '0B4F4F', muted: '53606B', accent: '0F6E6E', accent2: 'C2773B', sectionBackground: '0F4E52', sectionText: 'F7F3EC', bodyFont: 'Inter', headingFont: 'Source Serif 4' },
  contrast: { background: '0B0F14', text: 'FFFFFF', heading: 'FFFFFF', muted: 'D6DDE6', accent: 'FFD23F', accent2: '7CC4FF', sectionBackground: 'FFD23F', sectionText: '0B0F14', bodyFont: 'Atkinson Hyperlegible', headingFont: 'Atkinson Hyperlegible' },
};
/** The charts' series colours, as on screen (each keeps 3:1 against light and dark slides). */
export const CHART_PALETTE = ['1F80C0', 'D2570A', '00896A', 'C64C8C', '7C6FE0', '978000', 'D04A55'] as const;

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

const SLIDE_H = 7.5;
const VISUALS = new Set(['chart', 'image', 'table']);
const BODY_PT = 20;
const CENTRED: readonly SlideLayout[] = ['title', 'section', 'big-number', 'quote'];

type Group = { kind: 'text'; blocks: ElementNode[] } | { kind: 'visual'; block: ElementNode };

/** The blocks in slide order, consecutive text blocks together: one text box each, so the reading order is the slide's. */
function groups(blocks: ElementNode[]): Group[] {
  const out: Group[] = [];
  for (const block of blocks) {
    if (VISUALS.has(block.type)) out.push({ kind: 'visual', block });
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
  const perLine = Math.max(8, (w * 72) / (pt * 0.52));
  let lines = 0;
  const count = (node: ElementNode) => {
    if (node.type === 'bulletList' || node.type === 'orderedList' || node.type === 'listItem' || node.type === 'blockquote') {
      for (const child of node.content) if (!isText(child)) count(child);
      return;
    }
    if (node.type === 'codeBlock') {
      lines += plainText(node.content).split('\n').length * 0.8;
      return;
    }
    const text = plainText(node.content);
    lines += Math.max(1, Math.ceil(text.length / perLine)) + 0.3;
  };
  for (const block of blocks) count(block);
  return (lines * pt * 1.25) / 72 + 0.15;
}

function visualHeight(block: ElementNode): number {
  if (block.type === 'table') return 0.45 * Math.max(1, block.content.length) + 0.1;
  return block.type === 'chart' && block.attrs.view === 'number' ? 2.2 : 3.6;
}

/** What a screen reader says for a chart: its title and every value, in the deck's language. */
function chartAltText(title: string, labels: string[], values: number[], language: 'nl' | 'en'): string {
  if (labels.length === 0) return title;
  return `${title}: ${labels.map((label, i) => `${label} ${formatFigure(values[i] ?? 0, language)}`).join(', ')}`;
}

interface Frame {
  x: number;
  y: number;
  w: number;
  h: number;
}

async function placeVisual(pptx: PptxGenJS, slide: PptxGenJS.Slide, visual: ElementNode, box: Frame, theme: PptxTheme, language: 'nl' | 'en', sources: PptxSources, textColour: string): Promise<void> {
  if (visual.type === 'chart') {
    const key = String(visual.attrs.statKey ?? '');
    const definition = statDefinition(key);
    const value = chartValue(visual, sources);
    const title = statTitle(key, language);
    const series = seriesOf(value);
    if (series && visual.attrs.view !== 'number') {
      const labels = series.map((p) => seriesPointLabel(definition?.seriesLabels, p.label, language));
      const values = series.map((p) => p.value);
      const pie = visual.attrs.view === 'pie';
      const type = visual.attrs.view === 'line' ? pptx.ChartType.line : pie ? pptx.ChartType.doughnut : pptx.ChartType.bar;
      slide.addChart(type, [{ name: title, labels, values }], {
        ...box,
        altText: chartAltText(title, labels, values, language),
        showTitle: true,
        title,
        titleFontSize: 14,
        titleColor: textColour,
        titleFontFace: theme.headingFont,
        // A slice per category: each its own colour, with a legend naming them.
        chartColors: pie ? [...CHART_PALETTE] : [CHART_PALETTE[0]],
        showLegend: pie,
        legendPos: 'r',
        legendColor: textColour,
        legendFontFace: theme.bodyFont,
        showValue: true,
        dataLabelColor: pie ? 'FFFFFF' : textColour,
        dataLabelFontSize: 11,
        catAxisLabelColor: textColour,
        valAxisLabelColor: textColour,
        catAxisLabelFontFace: theme.bodyFont,
        valAxisLabelFontFace: theme.bodyFont,
        valAxisTitle: definition?.unit[language] ?? '',
        showValAxisTitle: !pie && Boolean(definition),
        valAxisTitleColor: textColour,
        holeSize: 55,
      });
    } else {
      const number = typeof value === 'number' ? value : series ? series.reduce((sum, p) => sum + p.value, 0) : null;
      const text = number === null ? '—' : formatFigure(number, language);
      slide.addText(
        [
          { text, options: { fontSize: 72, bold: true, color: theme.accent, breakLine: true } },
          { text: title, options: { fontSize: 18, color: textColour } },
        ],
        { ...box, align: 'center', valign: 'middle', fontFace: theme.headingFont, fit: 'shrink' },
      );
    }
  } else if (visual.type === 'image') {
    const src = String(visual.attrs.src ?? '');
    const id = /^\/api\/images\/([A-Za-z0-9_-]+)/.exec(src)?.[1];
    const data = id ? await sources.image(id) : null;
    const alt = typeof visual.attrs.alt === 'string' ? visual.attrs.alt : '';
    if (data) {
      const type = data[0] === 0x89 ? 'png' : data[0] === 0xff ? 'jpeg' : data[0] === 0x47 ? 'gif' : 'webp';
      slide.addImage({ data: `image/${type};base64,${Buffer.from(data).toString('base64')}`, ...box, sizing: { type: 'contain', w: box.w, h: box.h }, altText: alt });
    } else {
      // An image from another website (not fetched) or one no longer stored: a bordered box says what and where it is.
      const words = REMOTE_IMAGE[language];
      const href = safeLink(src);
      slide.addText(
        [
          { text: words.title, options: { bold: true, breakLine: true } },
          { text: alt || words.noAlt, options: { italic: !alt, breakLine: true } },
          { text: src.trim(), options: { fontFace: CODE_FONT, fontSize: 12, ...(href ? { hyperlink: { url: href } } : {}) } },
        ],
        { ...box, fontFace: theme.bodyFont, fontSize: 16, color: textColour, align: 'center', valign: 'middle', line: { color: '8A94A3', width: 1, dashType: 'dash' }, fit: 'shrink' },
      );
    }
  } else {
    const rows = visual.content.filter((r): r is ElementNode => !isText(r)).map((row) =>
      row.content.filter((c): c is ElementNode => !isText(c)).map((cell) => ({ text: runs(cell.content.flatMap((p) => (isText(p) ? [p] : p.content))), options: { bold: cell.type === 'tableHeader' } })),
    );
    if (rows.length > 0) slide.addTable(rows, { x: box.x, y: box.y, w: box.w, fontSize: 14, fontFace: theme.bodyFont, color: textColour, border: { type: 'solid', pt: 0.5, color: '999999' }, autoPage: false });
  }
}

/**
 * Places one column's blocks top to bottom in slide order: text boxes sized by their
 * estimated height, charts and images sharing what is left; when the whole does not fit,
 * everything is scaled to the column and text boxes shrink on overflow (PowerPoint's
 * normAutofit), so nothing runs off the slide.
 */
async function placeColumn(pptx: PptxGenJS, slide: PptxGenJS.Slide, blocks: ElementNode[], column: Frame, theme: PptxTheme, layout: SlideLayout, language: 'nl' | 'en', sources: PptxSources, textColour: string): Promise<void> {
  const parts = groups(blocks);
  if (parts.length === 0) return;
  const gap = 0.15;
  const wanted = parts.map((part) => (part.kind === 'text' ? textHeight(part.blocks, column.w, BODY_PT) : visualHeight(part.block)));
  const available = column.h - gap * (parts.length - 1);
  const total = wanted.reduce((a, b) => a + b, 0);
  const visualsWanted = parts.reduce((sum, part, i) => sum + (part.kind === 'visual' && part.block.type !== 'table' ? wanted[i]! : 0), 0);
  // Room to spare goes to charts and images; too little room is taken from everything alike.
  const spare = available - total;
  const heights = wanted.map((h, i) => {
    const part = parts[i]!;
    if (spare >= 0) return part.kind === 'visual' && part.block.type !== 'table' && visualsWanted > 0 ? h + (spare * h) / visualsWanted : h;
    return (h * available) / total;
  });
  const squeezed = spare < 0;
  const centred = CENTRED.includes(layout);
  let y = column.y + (centred && spare > 0 && visualsWanted === 0 ? spare / 2 : 0);
  for (const [i, part] of parts.entries()) {
    const h = heights[i]!;
    const box = { x: column.x, y, w: column.w, h };
    if (part.kind === 'visual') await placeVisual(pptx, slide, part.block, box, theme, language, sources, textColour);
    else {
      slide.addText(part.blocks.flatMap((b) => blockRuns(b, 0, { w: column.w, h })), {
        ...box, fontFace: theme.bodyFont, fontSize: layout === 'quote' ? 28 : BODY_PT, color: textColour, valign: 'top', align: centred ? 'center' : 'left', italic: layout === 'quote', ...(squeezed ? { fit: 'shrink' as const } : {}),
      });
    }
    y += h + gap;
  }
}

/** A slide master per theme and layout: background, accent shapes and the title placeholder PowerPoint's outline reads. */
function defineMasters(pptx: PptxGenJS, themeName: string, theme: PptxTheme): (layout: SlideLayout) => string {
  const made = new Set<string>();
  return (layout) => {
    const name = `${themeName}-${layout}`;
    if (made.has(name)) return name;
    made.add(name);
    const section = layout === 'section';
    const centred = CENTRED.includes(layout);
    const objects: NonNullable<PptxGenJS.SlideMasterProps['objects']> = [];
    if (layout === 'title') {
      // The house band of the title slide: left for Tussenstand, along the bottom for the others (as the CSS draws it).
      if (themeName === 'tussenstand') {
        objects.push({ rect: { x: 0, y: 0, w: SLIDE_W * 0.016, h: SLIDE_H, fill: { color: theme.accent } } });
        objects.push({ rect: { x: SLIDE_W * 0.016, y: 0, w: SLIDE_W * 0.006, h: SLIDE_H, fill: { color: theme.accent2 } } });
      } else {
        const band = themeName === 'noord' ? 0.07 : 0.022;
        objects.push({ rect: { x: 0, y: SLIDE_H * (1 - band), w: SLIDE_W, h: SLIDE_H * band, fill: { color: theme.accent } } });
      }
    } else if (!centred) {
      // The short accent rule under a content slide's heading.
      objects.push({ rect: { x: MARGIN, y: 1.32, w: 0.9, h: 0.06, fill: { color: theme.accent } } });
    }
    objects.push({
      placeholder: {
        options: {
          name: 'title', type: 'title', x: MARGIN, y: centred ? 2.0 : 0.4, w: SLIDE_W - 2 * MARGIN, h: centred ? 1.5 : 0.9,
          fontFace: theme.headingFont, fontSize: layout === 'title' || section ? 40 : 30, bold: true, color: section ? theme.sectionText : theme.heading, align: centred ? 'center' : 'left', valign: centred ? 'bottom' : 'middle',
        },
        text: '',
      },
    });
    pptx.defineSlideMaster({ title: name, background: { color: section ? theme.sectionBackground : theme.background }, objects });
    return name;
  };
}

export async function deckToPptx(state: Uint8Array, sources: PptxSources): Promise<Buffer> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    const meta = readMeta(doc);
    const theme = PPTX_THEMES[meta.theme] ?? PPTX_THEMES.tussenstand!;
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = sources.title;
    pptx.theme = { headFontFace: theme.headingFont, bodyFontFace: theme.bodyFont };
    const master = defineMasters(pptx, meta.theme, theme);
    for (const view of listSlides(doc)) {
      const layout: SlideLayout = view.layout;
      const slide = pptx.addSlide({ masterName: master(layout) });
      const blocks = readFragment(view.content);
      const first = blocks[0];
      const hasTitle = first?.type === 'heading';
      const body = hasTitle ? blocks.slice(1) : blocks;
      const centred = CENTRED.includes(layout);
      const textColour = layout === 'section' ? theme.sectionText : theme.text;
      if (hasTitle) slide.addText(runs(first.content), { placeholder: 'title' });
      const top = hasTitle ? (centred ? 3.6 : 1.55) : 0.6;
      const area = { x: MARGIN, y: top, w: SLIDE_W - 2 * MARGIN, h: SLIDE_H - top - 0.45 };
      const split = body.findIndex((b) => b.type === 'horizontalRule');
      if (layout === 'two-columns' && split >= 0) {
        const half = (area.w - 0.4) / 2;
        await placeColumn(pptx, slide, body.slice(0, split), { ...area, w: half }, theme, layout, meta.language, sources, textColour);
        await placeColumn(pptx, slide, body.slice(split + 1), { ...area, x: area.x + half + 0.4, w: half }, theme, layout, meta.language, sources, textColour);
      } else if (layout === 'chart-text' && body.some((b) => VISUALS.has(b.type)) && body.some((b) => !VISUALS.has(b.type))) {
        // Chart beside its text, as on the slide: the visual first in reading order, then the text.
        const left = area.w * 0.56;
        await placeColumn(pptx, slide, body.filter((b) => VISUALS.has(b.type)), { ...area, w: left }, theme, layout, meta.language, sources, textColour);
        await placeColumn(pptx, slide, body.filter((b) => !VISUALS.has(b.type) && b.type !== 'horizontalRule'), { ...area, x: area.x + left + 0.4, w: area.w - left - 0.4 }, theme, layout, meta.language, sources, textColour);
      } else {
        await placeColumn(pptx, slide, body.filter((b) => b.type !== 'horizontalRule'), area, theme, layout, meta.language, sources, textColour);
      }
      const notes = plainText(readFragment(view.notes).flatMap((b) => [b, { type: 'text', text: '\n', marks: [] } as TreeNode])).trim();
      if (notes) slide.addNotes(notes);
    }
    return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  } finally {
    doc.destroy();
  }
}
