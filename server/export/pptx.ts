/**
 * PowerPoint export with editable content: titles in title placeholders, text as text boxes
 * (headings, paragraphs, bullet and numbered lists with bold/italic/underline and links),
 * charts as native PowerPoint charts with the current (or frozen) figures, tables as tables,
 * images embedded, speaker notes as notes — on masters drawn in the deck's theme
 * (shared/deckThemes.ts). Not pictures of slides.
 *
 * The pieces: pptx/masters.ts (backgrounds, accent shapes, placeholders), pptx/layoutBlocks.ts
 * (blocks in reading order with estimated heights), pptx/charts.ts, pptx/textRuns.ts.
 */
import PptxGenJS from 'pptxgenjs';
import * as Y from 'yjs';
import { listSlides, readMeta, type DeckLanguage, type SlideLayout } from '../../shared/deckModel.ts';
import { deckTheme } from '../../shared/deckThemes.ts';
import { plainText, readFragment, type ElementNode, type TreeNode } from '../../shared/deckFile/tree.ts';
import { CENTRED, MARGIN, SLIDE_H, SLIDE_W, subtitleFrame, titleFrame } from './pptx/geometry.ts';
import { isVisual, placeBackdrops, placeColumn, runStyle, type SlideContext } from './pptx/layoutBlocks.ts';
import { slideMasters, type MasterChrome } from './pptx/masters.ts';
import { containFrame, imagePixelSize } from './pptx/imageSize.ts';
import { CLASSIFICATION_LABELS, hasFooter, readChrome, type DeckChrome } from '../../shared/deckChrome.ts';
import { presentedDate } from '../../shared/statLabels.ts';
import { paragraphFormat, runs } from './pptx/textRuns.ts';

export interface PptxSources {
  /** Current value of a statistic (frozen charts carry their own). */
  statValue: (key: string) => unknown;
  image: (id: string) => Promise<Uint8Array | null>;
  title: string;
}

const BOTTOM_MARGIN = 0.45;

/**
 * The slide's title and subtitle, taken off the front of its blocks: a leading heading is the
 * title; a level-2+ heading right after a level-1 title, or the first paragraph of a title or
 * section slide, is the subtitle. Both go into placeholders so PowerPoint knows them as such.
 */
function splitTitles(blocks: ElementNode[], layout: SlideLayout): { title?: ElementNode; subtitle?: ElementNode; body: ElementNode[] } {
  const [first, second] = blocks;
  if (first?.type !== 'heading') return { body: blocks };
  const firstLevel = Number(first.attrs.level ?? 1);
  const subtitle =
    second && ((second.type === 'heading' && Number(second.attrs.level ?? 2) > firstLevel) || ((layout === 'title' || layout === 'section') && second.type === 'paragraph')) ? second : undefined;
  return { title: first, ...(subtitle ? { subtitle } : {}), body: blocks.slice(subtitle ? 2 : 1) };
}

/** The footer's words in the deck's language, and the logo read from the store, for the masters. */
async function masterChrome(chrome: DeckChrome, language: DeckLanguage, sources: PptxSources): Promise<MasterChrome> {
  let logo: MasterChrome['logo'] = null;
  const id = /^\/api\/images\/([A-Za-z0-9_-]+)$/.exec(chrome.logo)?.[1];
  const data = id ? await sources.image(id) : null;
  if (data) {
    const type = data[0] === 0x89 ? 'png' : data[0] === 0xff ? 'jpeg' : data[0] === 0x47 ? 'gif' : 'webp';
    // At most 1.4" wide and 0.6" high, in its own proportions (as the CSS's max-width/height do).
    const frame = containFrame(imagePixelSize(data), { x: 0, y: 0, w: 1.4, h: 0.6 });
    logo = { data: `image/${type};base64,${Buffer.from(data).toString('base64')}`, w: frame.w, h: frame.h };
  }
  return {
    text: chrome.footerText,
    marking: CLASSIFICATION_LABELS[chrome.classification][language],
    date: chrome.footerDate ? presentedDate(new Date(), language) : '',
    numbers: chrome.slideNumbers,
    logo,
  };
}

export async function deckToPptx(state: Uint8Array, sources: PptxSources): Promise<Buffer> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  try {
    const meta = readMeta(doc);
    const theme = deckTheme(meta.theme);
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    pptx.title = sources.title;
    pptx.theme = { headFontFace: theme.headingFont, bodyFontFace: theme.bodyFont };
    const chrome = readChrome(doc);
    const master = slideMasters(pptx, meta.theme, theme, await masterChrome(chrome, meta.language, sources));
    // The footer line takes the slide's last half inch.
    const bottom = hasFooter(chrome) ? BOTTOM_MARGIN + 0.3 : BOTTOM_MARGIN;
    for (const view of listSlides(doc)) {
      const layout: SlideLayout = view.layout;
      const { title, subtitle, body } = splitTitles(readFragment(view.content), layout);
      const slide = pptx.addSlide({ masterName: master(layout, { title: Boolean(title), subtitle: Boolean(subtitle) }) });
      // A hidden slide stays in the file, hidden as PowerPoint hides one (skipped in a slide show).
      if (view.hidden) slide.hidden = true;
      const section = layout === 'section';
      const ctx: SlideContext = {
        pptx, slide, theme, themeName: meta.theme, layout, language: meta.language,
        textColour: section ? theme.sectionFg : theme.fg,
        headingColour: section ? theme.sectionFg : theme.heading,
        statValue: sources.statValue, image: sources.image,
      };
      await placeBackdrops(ctx, body);
      // Sizes as the masters set them (masters.ts); a title's own alignment and spacing on its paragraph.
      const titlePt = layout === 'title' || section ? 40 : 30;
      const subtitlePt = CENTRED.includes(layout) ? 24 : 20;
      if (title) slide.addText(runs(title.content, paragraphFormat(title), runStyle(ctx, titlePt)), { placeholder: 'title' });
      if (subtitle) slide.addText(runs(subtitle.content, paragraphFormat(subtitle), runStyle(ctx, subtitlePt)), { placeholder: 'subtitle' });
      const below = subtitle ? subtitleFrame(layout) : title ? titleFrame(layout) : null;
      const top = below ? below.y + below.h + (CENTRED.includes(layout) ? 0.1 : 0.15) : 0.6;
      const area = { x: MARGIN, y: top, w: SLIDE_W - 2 * MARGIN, h: SLIDE_H - top - bottom };
      const split = body.findIndex((b) => b.type === 'horizontalRule');
      if (layout === 'two-columns' && split >= 0) {
        const half = (area.w - 0.4) / 2;
        await placeColumn(ctx, body.slice(0, split), { ...area, w: half });
        await placeColumn(ctx, body.slice(split + 1), { ...area, x: area.x + half + 0.4, w: half });
      } else if (layout === 'chart-text' && body.some(isVisual) && body.some((b) => !isVisual(b))) {
        // Chart beside its text, as on the slide; the visual comes first in reading order, as it is read first on screen.
        const left = area.w * 0.56;
        await placeColumn(ctx, body.filter(isVisual), { ...area, w: left });
        await placeColumn(ctx, body.filter((b) => !isVisual(b)), { ...area, x: area.x + left + 0.4, w: area.w - left - 0.4 });
      } else {
        await placeColumn(ctx, body, area);
      }
      const notes = plainText(readFragment(view.notes).flatMap((b) => [b, { type: 'text', text: '\n', marks: [] } as TreeNode])).trim();
      if (notes) slide.addNotes(notes);
    }
    return (await pptx.write({ outputType: 'nodebuffer' })) as Buffer;
  } finally {
    doc.destroy();
  }
}
