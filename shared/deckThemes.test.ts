import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHART_PALETTE, DECK_THEMES, type DeckThemeTokens } from './deckThemes.ts';

/** Which CSS custom property each colour token mirrors. */
const CSS_VARIABLE: Partial<Record<keyof DeckThemeTokens, string>> = {
  bg: 'slide-bg', fg: 'slide-fg', heading: 'slide-heading', muted: 'slide-muted', accent: 'slide-accent', accent2: 'slide-accent-2',
  sectionBg: 'slide-section-bg', sectionFg: 'slide-section-fg', rule: 'slide-rule', tableHead: 'slide-table-head', link: 'slide-link', marking: 'slide-marking',
};

const themesDir = path.resolve(import.meta.dirname, '../client/src/editor/themes');
const cssOf = (name: string) => fs.readFileSync(path.join(themesDir, `${name}.css`), 'utf8');
/** Every `--slide-*: #rrggbb` declaration in a theme file, upper-cased without '#'. */
function slideColours(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--(slide-[a-z0-9-]+):\s*#([0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toUpperCase()]));
}
const firstFamily = (css: string, variable: string) => /^\s*'?([^',;]+)/.exec(new RegExp(`--${variable}:([^;]+);`).exec(css)?.[1] ?? '')?.[1]?.trim();

/** WCAG 2 relative luminance of a six-digit hex colour. */
function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio, 1 to 21. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('deck theme tokens', () => {
  test('one theme per CSS theme file, and nothing else', () => {
    const files = fs.readdirSync(themesDir).filter((f) => f.endsWith('.css')).map((f) => f.replace(/\.css$/, '')).sort();
    expect(Object.keys(DECK_THEMES).sort()).toEqual(files);
  });

  for (const [name, tokens] of Object.entries(DECK_THEMES)) {
    test(`${name}: every --slide-* colour in ${name}.css equals its token`, () => {
      const css = cssOf(name);
      const colours = slideColours(css);
      for (const [token, variable] of Object.entries(CSS_VARIABLE)) {
        expect(colours.get(variable), `${name}.css --${variable}`).toBe(tokens[token as keyof DeckThemeTokens]);
      }
      // A --slide-* colour the tokens do not mirror must be one the export deliberately leaves out.
      const mirrored = new Set(Object.values(CSS_VARIABLE));
      expect([...colours.keys()].filter((v) => !mirrored.has(v) && v !== 'slide-placeholder')).toEqual([]);
      expect(tokens.bodyFont).toBe(firstFamily(css, 'slide-font-body'));
      expect(tokens.headingFont).toBe(firstFamily(css, 'slide-font-heading'));
    });
  }

  test('every theme reads: text AA (4.5:1) on its background and section slide, large accents 3:1, chart colours 3:1', () => {
    for (const [name, t] of Object.entries(DECK_THEMES)) {
      for (const [what, colour] of [['fg', t.fg], ['heading', t.heading], ['muted', t.muted], ['link', t.link], ['marking', t.marking]] as const) {
        expect(contrast(colour, t.bg), `${name}: ${what} on bg`).toBeGreaterThanOrEqual(4.5);
      }
      expect(contrast(t.sectionFg, t.sectionBg), `${name}: section text`).toBeGreaterThanOrEqual(4.5);
      // The accent draws big numbers and bands: large text and graphics.
      expect(contrast(t.accent, t.bg), `${name}: accent on bg`).toBeGreaterThanOrEqual(3);
      for (const colour of t.palette) expect(contrast(colour, t.bg), `${name}: chart colour ${colour}`).toBeGreaterThanOrEqual(3);
    }
  });

  test('high contrast passes WCAG AAA: 7:1 for text, 4.5:1 for the large accent, on slides and section slides', () => {
    const t = DECK_THEMES.contrast;
    for (const [what, colour] of [['fg', t.fg], ['heading', t.heading], ['muted', t.muted], ['link', t.link], ['marking', t.marking]] as const) {
      expect(contrast(colour, t.bg), `contrast: ${what}`).toBeGreaterThanOrEqual(7);
    }
    expect(contrast(t.sectionFg, t.sectionBg)).toBeGreaterThanOrEqual(7);
    expect(contrast(t.accent, t.bg)).toBeGreaterThanOrEqual(4.5);
    // The editor's placeholder prompt is text too.
    const placeholder = /--slide-placeholder:\s*#([0-9a-f]{6})/i.exec(cssOf('contrast'))![1]!;
    expect(contrast(placeholder.toUpperCase(), t.bg)).toBeGreaterThanOrEqual(7);
  });

  test('the contrast formula is WCAG 2’s', () => {
    expect(contrast('FFFFFF', '000000')).toBeCloseTo(21, 5);
    expect(contrast('777777', 'FFFFFF')).toBeCloseTo(4.48, 2);
  });

  test('the palette is the app chart palette (client/src/charts/format.ts)', () => {
    const format = fs.readFileSync(path.resolve(import.meta.dirname, '../client/src/charts/format.ts'), 'utf8');
    const block = /CHART_COLOURS[^=]*=\s*\[([^\]]+)\]/.exec(format)?.[1] ?? '';
    const colours = [...block.matchAll(/#([0-9a-f]{6})/gi)].map((m) => m[1]!.toUpperCase());
    expect(colours).toEqual([...CHART_PALETTE]);
    for (const tokens of Object.values(DECK_THEMES)) expect(new Set(tokens.palette).size).toBe(tokens.palette.length);
  });
});
