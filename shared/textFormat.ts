/**
 * Text formatting a slide may carry (issue #17): a relative font size, a text colour and a
 * highlight from the theme's palette, a paragraph's alignment and line spacing. Each is an
 * allow-list: the document stores a key ('accent', '150', 'center'), never a CSS value, and
 * every reader (the editor's schema, the read-only renderer, the deck file, the PowerPoint
 * export) passes what it reads through the functions here, so a value a hostile client wrote
 * into the shared document never reaches CSS or a file.
 *
 * Colours are theme palette keys, drawn through the theme's CSS variables (slides.css
 * `.text-color--<key>`), so a theme change recolours the text. Each key has, per theme, a
 * shade that keeps WCAG AA (4.5:1) on the slide's background (textFormat.test.ts checks it):
 * where the theme's own colour is too light for text (the house theme's and Noord's amber
 * accent-2) the theme CSS sets `--slide-text-<key>` to a darker shade, listed in
 * TEXT_COLOUR_SHADES.
 */
import { deckTheme, type DeckThemeTokens } from './deckThemes.ts';

/** Font size steps, in per cent of the size the theme gives the element (100 is no mark). */
export const FONT_SIZE_STEPS = [75, 90, 100, 125, 150, 200] as const;
export type FontSizeStep = (typeof FONT_SIZE_STEPS)[number];

/** Text colour keys: the theme's accents, its muted grey and its warning red (the marking colour). */
export const TEXT_COLOURS = ['accent', 'accent2', 'muted', 'danger'] as const;
export type TextColour = (typeof TEXT_COLOURS)[number];

/** Highlight keys: a tint (HIGHLIGHT_SHARE of the colour over the slide background) behind the text. */
export const HIGHLIGHTS = ['accent', 'accent2', 'muted'] as const;
export type Highlight = (typeof HIGHLIGHTS)[number];
export const HIGHLIGHT_SHARE = 0.3;

export const TEXT_ALIGNS = ['left', 'center', 'right', 'justify'] as const;
export type TextAlign = (typeof TEXT_ALIGNS)[number];

/**
 * Line spacing steps, as multiples of single spacing (PowerPoint's 100 %). The slide CSS
 * draws single spacing as 1.2 times the font size (LINE_SINGLE_EM); without a step a
 * paragraph keeps the theme's own line height.
 */
export const LINE_SPACINGS = ['1', '1.15', '1.5', '2'] as const;
export type LineSpacing = (typeof LINE_SPACINGS)[number];
export const LINE_SINGLE_EM = 1.2;

const member =
  <T extends string>(list: readonly T[]) =>
  (value: unknown): T | null =>
    typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : null;

export const textColour = member(TEXT_COLOURS);
export const highlight = member(HIGHLIGHTS);
export const textAlign = member(TEXT_ALIGNS);
export const lineSpacing = (value: unknown): LineSpacing | null => member(LINE_SPACINGS)(typeof value === 'number' ? String(value) : value);

/** A size step other than 100, from a number or a numeric string; anything else is null. */
export function fontSize(value: unknown): Exclude<FontSizeStep, 100> | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\d{2,3}$/.test(value) ? Number(value) : Number.NaN;
  return n !== 100 && (FONT_SIZE_STEPS as readonly number[]).includes(n) ? (n as Exclude<FontSizeStep, 100>) : null;
}

/** The next step up or down from `current` (null: 100 %), clamped to the list. */
export function stepFontSize(current: unknown, direction: 1 | -1): FontSizeStep {
  const at = FONT_SIZE_STEPS.indexOf(fontSize(current) ?? 100);
  return FONT_SIZE_STEPS[Math.min(FONT_SIZE_STEPS.length - 1, Math.max(0, at + direction))]!;
}

/** Shades a theme sets for text where its palette colour is too light on its background (theme CSS `--slide-text-<key>`). */
export const TEXT_COLOUR_SHADES: Record<string, Partial<Record<TextColour, string>>> = {
  tussenstand: { accent2: '996C28' },
  noord: { accent2: '9B5F2F' },
};

const TOKEN: Record<TextColour, keyof DeckThemeTokens> = { accent: 'accent', accent2: 'accent2', muted: 'muted', danger: 'marking' };

/** The colour (six hex digits) a text colour key is drawn in on a theme's slides. */
export function textColourHex(themeName: string, key: TextColour): string {
  return TEXT_COLOUR_SHADES[themeName]?.[key] ?? (deckTheme(themeName)[TOKEN[key]] as string);
}

/** `share` of colour `a` over `b`, per sRGB channel (what CSS `color-mix(in srgb, …)` computes). */
export function mixHex(a: string, b: string, share: number): string {
  return [0, 2, 4]
    .map((i) => Math.round(Number.parseInt(a.slice(i, i + 2), 16) * share + Number.parseInt(b.slice(i, i + 2), 16) * (1 - share)))
    .map((c) => c.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();
}

/** The fill (six hex digits) of a highlight key on a theme's slides (`background`: another one, a section slide's). */
export function highlightHex(themeName: string, key: Highlight, background?: string): string {
  const theme = deckTheme(themeName);
  return mixHex(theme[TOKEN[key]] as string, background ?? theme.bg, HIGHLIGHT_SHARE);
}
