/**
 * Each deck theme's colours and fonts as plain tokens, for everything that draws a slide
 * outside the browser (the PowerPoint export). The browser draws from the CSS in
 * client/src/editor/themes/*.css; shared/deckThemes.test.ts reads those files and fails when a
 * `--slide-*` colour there differs from the token here, so the two cannot drift apart.
 * Colours are six hex digits, upper case, without '#' (the form OOXML writes).
 */
export interface DeckThemeTokens {
  /** --slide-bg */
  bg: string;
  /** --slide-fg: body text */
  fg: string;
  /** --slide-heading */
  heading: string;
  /** --slide-muted: captions, sources, labels under a big number */
  muted: string;
  /** --slide-accent: bands, underlines, big numbers */
  accent: string;
  /** --slide-accent-2 */
  accent2: string;
  /** --slide-section-bg / --slide-section-fg: the dark (or, in contrast, yellow) section slide */
  sectionBg: string;
  sectionFg: string;
  /** --slide-rule: table borders and rules */
  rule: string;
  /** --slide-table-head: fill of a table's header row */
  tableHead: string;
  /** --slide-link */
  link: string;
  /** --slide-marking: the classification marking in the footer */
  marking: string;
  /** First family of --slide-font-body / --slide-font-heading (Office substitutes a missing one). */
  bodyFont: string;
  headingFont: string;
  /** Chart series colours, in order. */
  palette: readonly string[];
  /**
   * The title slide's band, as the theme CSS draws it: along an edge (`size` its share of the
   * width for 'left', of the height otherwise; 'left' may carry a second stripe in accent2),
   * or a ribbon hanging from the top centre (`size` of the width, a fifth of the height).
   */
  titleBand: { edge: 'left' | 'top' | 'bottom' | 'ribbon'; size: number; second?: number };
}

/**
 * The app's chart colours (client/src/charts/format.ts CHART_COLOURS): each keeps 3:1 contrast
 * against light and dark slides, so every theme uses the same palette.
 */
export const CHART_PALETTE = ['1F80C0', 'D2570A', '00896A', 'C64C8C', '7C6FE0', '978000', 'D04A55'] as const;

export type DeckThemeName = 'tussenstand' | 'rijk' | 'noord' | 'grafiet' | 'nacht' | 'contrast';

export const DECK_THEMES: Record<DeckThemeName, DeckThemeTokens> = {
  tussenstand: {
    bg: 'FFFFFF', fg: '1A2233', heading: '10325A', muted: '4F5B6D', accent: '1F5FA8', accent2: 'E8A33D',
    sectionBg: '10325A', sectionFg: 'FFFFFF', rule: 'C9D2DE', tableHead: 'E8EFF8', link: '1F5FA8', marking: 'B42318',
    bodyFont: 'Inter', headingFont: 'Inter', palette: CHART_PALETTE, titleBand: { edge: 'left', size: 0.016, second: 0.006 },
  },
  rijk: {
    bg: 'FFFFFF', fg: '1A1A1A', heading: '154273', muted: '535353', accent: '01689B', accent2: '154273',
    sectionBg: '154273', sectionFg: 'FFFFFF', rule: 'CCCCCC', tableHead: 'DCE8F1', link: '01689B', marking: 'B42318',
    bodyFont: 'Inter', headingFont: 'Inter', palette: CHART_PALETTE, titleBand: { edge: 'ribbon', size: 0.034 },
  },
  grafiet: {
    bg: 'FFFFFF', fg: '1F1F1F', heading: '111111', muted: '575757', accent: 'C2410C', accent2: '1F1F1F',
    sectionBg: '1F1F1F', sectionFg: 'FFFFFF', rule: 'D4D4D4', tableHead: 'F1F1F1', link: 'B43C0B', marking: 'B42318',
    bodyFont: 'Inter', headingFont: 'Inter', palette: CHART_PALETTE, titleBand: { edge: 'top', size: 0.012 },
  },
  nacht: {
    bg: '0E1A2B', fg: 'E8EEF5', heading: 'FFFFFF', muted: 'B9C5D3', accent: '5CC8FF', accent2: 'F2A65A',
    sectionBg: '5CC8FF', sectionFg: '0E1A2B', rule: '34465E', tableHead: '1B2B42', link: '8FD8FF', marking: 'FF9A8A',
    bodyFont: 'Inter', headingFont: 'Source Serif 4', palette: CHART_PALETTE, titleBand: { edge: 'bottom', size: 0.012 },
  },
  noord: {
    bg: 'F7F3EC', fg: '23303B', heading: '0B4F4F', muted: '53606B', accent: '0F6E6E', accent2: 'C2773B',
    sectionBg: '0F4E52', sectionFg: 'F7F3EC', rule: 'D8CFC0', tableHead: 'EBE3D5', link: '0B5F5F', marking: 'A8321C',
    bodyFont: 'Inter', headingFont: 'Source Serif 4', palette: CHART_PALETTE, titleBand: { edge: 'bottom', size: 0.07 },
  },
  contrast: {
    bg: '0B0F14', fg: 'FFFFFF', heading: 'FFFFFF', muted: 'D6DDE6', accent: 'FFD23F', accent2: '7CC4FF',
    sectionBg: 'FFD23F', sectionFg: '0B0F14', rule: '5B6573', tableHead: '1F2833', link: '7CC4FF', marking: 'FF9A8A',
    bodyFont: 'Atkinson Hyperlegible', headingFont: 'Atkinson Hyperlegible', palette: CHART_PALETTE, titleBand: { edge: 'bottom', size: 0.022 },
  },
};

/** A deck's theme tokens; an unknown name (an older or hand-edited deck) falls back to the house theme. */
export function deckTheme(name: string): DeckThemeTokens {
  return (DECK_THEMES as Record<string, DeckThemeTokens | undefined>)[name] ?? DECK_THEMES.tussenstand;
}
