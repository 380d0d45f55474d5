/**
 * Slide masters, one per theme and layout: the background, the accent shapes the CSS draws
 * (title slide band, heading underline) and the title/subtitle placeholders. The placeholders
 * matter beyond looks: PowerPoint's outline view, its accessibility checker and screen
 * readers find a slide's title only in a `type="title"` placeholder.
 */
import type PptxGenJS from 'pptxgenjs';
import type { SlideLayout } from '../../../shared/deckModel.ts';
import type { DeckThemeTokens } from '../../../shared/deckThemes.ts';
import { CENTRED, MARGIN, SLIDE_H, SLIDE_W, subtitleFrame, titleFrame } from './geometry.ts';

/** Which placeholders a slide fills: a master carries only those, because pptxgenjs copies every
 * placeholder of the master onto the slide, and an empty one is an unnamed, empty shape to a
 * screen reader (and "Click to add text" in PowerPoint's editor). */
export interface MasterUse {
  title: boolean;
  subtitle: boolean;
}

/**
 * The deck's footer line and logo (shared/deckChrome.ts) as the masters draw them on every
 * slide: the words already in the deck's language, the logo as a data URL with its frame.
 */
export interface MasterChrome {
  text: string;
  marking: string;
  date: string;
  numbers: boolean;
  logo: { data: string; w: number; h: number } | null;
}

const FOOTER_Y = SLIDE_H - 0.42;
const FOOTER_H = 0.28;

/** The footer line's and logo's shapes, in the colours of a normal or a section slide. */
function chromeObjects(chrome: MasterChrome, theme: DeckThemeTokens, section: boolean): { objects: NonNullable<PptxGenJS.SlideMasterProps['objects']>; slideNumber?: PptxGenJS.SlideNumberProps } {
  const colour = section ? theme.sectionFg : theme.muted;
  const common = { y: FOOTER_Y, h: FOOTER_H, fontFace: theme.bodyFont, fontSize: 10, color: colour, valign: 'middle' as const, margin: 0 };
  const objects: NonNullable<PptxGenJS.SlideMasterProps['objects']> = [];
  if (chrome.text) objects.push({ text: { text: chrome.text, options: { ...common, x: MARGIN, w: SLIDE_W * 0.36 } } });
  if (chrome.marking) {
    objects.push({
      text: {
        text: chrome.marking.toLocaleUpperCase(),
        options: { ...common, x: (SLIDE_W - 3.4) / 2, w: 3.4, align: 'center', bold: true, color: theme.marking, fill: { color: theme.bg }, line: { color: theme.marking, width: 0.75 }, charSpacing: 1 },
      },
    });
  }
  const numberW = chrome.numbers ? 0.5 : 0;
  if (chrome.date) objects.push({ text: { text: chrome.date, options: { ...common, x: SLIDE_W - MARGIN - numberW - 2.4, w: 2.3, align: 'right' } } });
  if (chrome.logo) objects.push({ image: { x: SLIDE_W - 0.43 - chrome.logo.w, y: 0.35, w: chrome.logo.w, h: chrome.logo.h, data: chrome.logo.data } });
  const slideNumber = chrome.numbers ? { x: SLIDE_W - MARGIN - numberW, y: FOOTER_Y, w: numberW, h: FOOTER_H, fontFace: theme.bodyFont, fontSize: 10, color: colour, align: 'right' as const } : undefined;
  return { objects, ...(slideNumber ? { slideNumber } : {}) };
}

/** Returns the master's name for a layout and the placeholders used, defining it the first time it is asked for. */
export function slideMasters(pptx: PptxGenJS, themeName: string, theme: DeckThemeTokens, chrome: MasterChrome): (layout: SlideLayout, use: MasterUse) => string {
  const made = new Set<string>();
  return (layout, use) => {
    const name = `${themeName}-${layout}${use.title ? '' : '-untitled'}${use.subtitle ? '-subtitle' : ''}`;
    if (made.has(name)) return name;
    made.add(name);
    const section = layout === 'section';
    const centred = CENTRED.includes(layout);
    const objects: NonNullable<PptxGenJS.SlideMasterProps['objects']> = [];
    if (layout === 'title') {
      // The theme's band on the title slide, where and as large as its CSS draws it.
      const band = theme.titleBand;
      if (band.edge === 'left') {
        objects.push({ rect: { x: 0, y: 0, w: SLIDE_W * band.size, h: SLIDE_H, fill: { color: theme.accent } } });
        if (band.second) objects.push({ rect: { x: SLIDE_W * band.size, y: 0, w: SLIDE_W * band.second, h: SLIDE_H, fill: { color: theme.accent2 } } });
      } else if (band.edge === 'ribbon') {
        objects.push({ rect: { x: (SLIDE_W * (1 - band.size)) / 2, y: 0, w: SLIDE_W * band.size, h: SLIDE_H * 0.2, fill: { color: theme.accent2 } } });
      } else {
        const y = band.edge === 'top' ? 0 : SLIDE_H * (1 - band.size);
        objects.push({ rect: { x: 0, y, w: SLIDE_W, h: SLIDE_H * band.size, fill: { color: theme.accent } } });
      }
    } else if (!centred) {
      // The short accent rule under a content slide's heading.
      objects.push({ rect: { x: MARGIN, y: 1.32, w: 0.9, h: 0.06, fill: { color: theme.accent } } });
    }
    const fg = section ? theme.sectionFg : theme.heading;
    if (use.title) objects.push({
      placeholder: {
        options: {
          name: 'title', type: 'title', ...titleFrame(layout),
          fontFace: theme.headingFont, fontSize: layout === 'title' || section ? 40 : 30, bold: true, color: fg, align: centred ? 'center' : 'left', valign: centred ? 'bottom' : 'middle',
        },
        text: '',
      },
    });
    // A level-2 heading right after the title, or the title slide's subtitle line, goes here (a body placeholder PowerPoint lists under the title).
    if (use.subtitle) objects.push({
      placeholder: {
        options: {
          name: 'subtitle', type: 'body', ...subtitleFrame(layout),
          fontFace: theme.headingFont, fontSize: centred ? 24 : 20, bold: false, color: section ? theme.sectionFg : theme.muted, align: centred ? 'center' : 'left', valign: 'top',
        },
        text: '',
      },
    });
    const footer = chromeObjects(chrome, theme, section);
    objects.push(...footer.objects);
    pptx.defineSlideMaster({ title: name, background: { color: section ? theme.sectionBg : theme.bg }, objects, ...(footer.slideNumber ? { slideNumber: footer.slideNumber } : {}) });
    return name;
  };
}
