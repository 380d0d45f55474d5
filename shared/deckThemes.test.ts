import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { CHART_PALETTE, DECK_THEMES, type DeckThemeTokens } from './deckThemes.ts';

/** Which CSS custom property each colour token mirrors. */
const CSS_VARIABLE: Partial<Record<keyof DeckThemeTokens, string>> = {
  bg: 'slide-bg', fg: 'slide-fg', heading: 'slide-heading', muted: 'slide-muted', accent: 'slide-accent', accent2: 'slide-accent-2',
  sectionBg: 'slide-section-bg', sectionFg: 'slide-section-fg', rule: 'slide-rule', tableHead: 'slide-table-head', link: 'slide-link',
};

const themesDir = path.resolve(import.meta.dirname, '../client/src/editor/themes');
const cssOf = (name: string) => fs.readFileSync(path.join(themesDir, `${name}.css`), 'utf8');
/** Every `--slide-*: #rrggbb` declaration in a theme file, upper-cased without '#'. */
function slideColours(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--(slide-[a-z0-9-]+):\s*#([0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toUpperCase()]));
}
const firstFamily = (css: string, variable: string) => /^\s*'?([^',;]+)/.exec(new RegExp(`--${variable}:([^;]+);`).exec(css)?.[1] ?? '')?.[1]?.trim();

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

  test('the palette is the app chart palette (client/src/charts/format.ts)', () => {
    const format = fs.readFileSync(path.resolve(import.meta.dirname, '../client/src/charts/format.ts'), 'utf8');
    const block = /CHART_COLOURS[^=]*=\s*\[([^\]]+)\]/.exec(format)?.[1] ?? '';
    const colours = [...block.matchAll(/#([0-9a-f]{6})/gi)].map((m) => m[1]!.toUpperCase());
    expect(colours).toEqual([...CHART_PALETTE]);
    for (const tokens of Object.values(DECK_THEMES)) expect(new Set(tokens.palette).size).toBe(tokens.palette.length);
  });
});
