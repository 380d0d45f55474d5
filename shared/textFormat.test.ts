import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { DECK_THEMES } from './deckThemes.ts';
import { fontSize, HIGHLIGHTS, highlight, highlightHex, lineSpacing, mixHex, stepFontSize, TEXT_COLOUR_SHADES, TEXT_COLOURS, textAlign, textColour, textColourHex } from './textFormat.ts';

const themesDir = path.resolve(import.meta.dirname, '../client/src/editor/themes');

function luminance(hex: string): number {
  const [r, g, b] = [0, 2, 4].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('text formatting colours on every theme', () => {
  for (const [name, theme] of Object.entries(DECK_THEMES)) {
    // High contrast promises AAA (7:1) for its text; every other theme AA (4.5:1).
    const floor = name === 'contrast' ? 7 : 4.5;
    test(`${name}: every text colour reads on the background (${floor}:1)`, () => {
      for (const key of TEXT_COLOURS) expect(contrast(textColourHex(name, key), theme.bg), `${name} ${key}`).toBeGreaterThanOrEqual(floor);
    });
    test(`${name}: body text and headings read on every highlight (${floor}:1)`, () => {
      for (const key of HIGHLIGHTS) {
        const fill = highlightHex(name, key);
        expect(contrast(theme.fg, fill), `${name} text on ${key}`).toBeGreaterThanOrEqual(floor);
        expect(contrast(theme.heading, fill), `${name} heading on ${key}`).toBeGreaterThanOrEqual(floor);
      }
    });
    test(`${name}.css sets exactly the darker text shades the export uses`, () => {
      const css = fs.readFileSync(path.join(themesDir, `${name}.css`), 'utf8');
      const shades = Object.fromEntries([...css.matchAll(/--text-colour-([a-z0-9]+):\s*#([0-9a-f]{6})\b/gi)].map((m) => [m[1]!, m[2]!.toUpperCase()]));
      expect(shades).toEqual(TEXT_COLOUR_SHADES[name] ?? {});
    });
  }

  test('a highlight is the CSS color-mix of the colour over the background', () => {
    expect(mixHex('FFFFFF', '000000', 0.3)).toBe('4D4D4D');
    expect(highlightHex('tussenstand', 'accent')).toBe(mixHex('1F5FA8', 'FFFFFF', 0.3));
  });
});

describe('values from the shared document pass the allow-lists or are dropped', () => {
  test('colours and highlights: palette keys only', () => {
    expect(textColour('accent')).toBe('accent');
    for (const hostile of ['red', '#ff0000', 'accent; background:url(x)', 'var(--x)', '', null, 3, { toString: () => 'accent' }]) {
      expect(textColour(hostile)).toBeNull();
      expect(highlight(hostile)).toBeNull();
    }
    expect(highlight('danger')).toBeNull();
  });

  test('font size: the steps only, 100 is no mark', () => {
    expect(fontSize(150)).toBe(150);
    expect(fontSize('200')).toBe(200);
    for (const hostile of [100, 151, 1e9, -75, '150px', '1.5em', '75 ', Number.NaN, null, '0150']) expect(fontSize(hostile)).toBeNull();
  });

  test('stepping the size: along the list, clamped at both ends', () => {
    expect(stepFontSize(null, 1)).toBe(125);
    expect(stepFontSize(125, -1)).toBe(100);
    expect(stepFontSize(200, 1)).toBe(200);
    expect(stepFontSize(75, -1)).toBe(75);
    expect(stepFontSize('garbage', -1)).toBe(90);
  });

  test('alignment and line spacing: the listed values only', () => {
    expect(textAlign('center')).toBe('center');
    expect(textAlign('start')).toBeNull();
    expect(lineSpacing('1.5')).toBe('1.5');
    expect(lineSpacing(1.5)).toBe('1.5');
    expect(lineSpacing(2)).toBe('2');
    for (const hostile of ['3', '1.50', 'normal', '1;color:red', null]) expect(lineSpacing(hostile)).toBeNull();
  });
});
