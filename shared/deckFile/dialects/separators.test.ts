/** reveal.js-style separator patterns: read as line rules, run only when they cannot backtrack badly. */
import { describe, expect, test } from 'vitest';
import { compileSeparator, slidify } from './separators.ts';

const cut = (text: string, h: string, v?: string): string[] =>
  slidify(text.split('\n'), compileSeparator(h)!, v ? compileSeparator(v) : null).map((p) => `${p.after ?? 'start'}:${p.text.trim()}`);

describe('separators', () => {
  test('reveal.js / HedgeDoc default: `---` with an empty line before and after', () => {
    const h = '^\\r?\\n---\\r?\\n$';
    expect(cut('a\n\n---\n\nb', h)).toEqual(['start:a', 'horizontal:b']);
    expect(cut('a\n---\nb', h)).toEqual(['start:a\n---\nb']);
    expect(cut('a\n\n---\nb', h)).toEqual(['start:a\n\n---\nb']);
  });

  test('reveal-md default: a `---` line, no empty lines needed; a match does not reuse a newline', () => {
    const h = '\\r?\\n---\\r?\\n';
    expect(cut('a\n---\nb', h)).toEqual(['start:a', 'horizontal:b']);
    expect(cut('a\n---\n---\nb', h)).toEqual(['start:a', 'horizontal:---\nb']);
    expect(cut('a\n----\nb', h, '\\r?\\n----\\r?\\n')).toEqual(['start:a', 'vertical:b']);
  });

  test('YAML double quotes give real line feeds: the same pattern', () => {
    expect(cut('a\n\n---\n\nb', '^\r?\n---\r?\n$')).toEqual(['start:a', 'horizontal:b']);
  });

  test('a literal separator matches where it stands, also inside a line', () => {
    expect(cut('a\n<!--s-->\nb', '<!--s-->')).toEqual(['start:a', 'horizontal:b']);
    expect(cut('a <!--s--> b', '<!--s-->')).toEqual(['start:a', 'horizontal:b']);
  });

  test('a line regex is compiled and tested per line', () => {
    expect(cut('a\n  ***  \nb', '^\\s*\\*\\*\\*\\s*$')).toEqual(['start:a', 'horizontal:b']);
  });

  test('patterns that could backtrack exponentially, back references, newlines in the middle, empty matches are refused', () => {
    for (const p of ['^(a+)+$', '(a|a)*b', '(\\w+\\s?)*$', '^(.*)\\1$', 'a\\nb', '^$', 'x*', 'a*b*c*d*']) expect(compileSeparator(p), p).toBeNull();
  });

  test('a refused pattern never runs: a megabyte of text is cut in well under a second', () => {
    const text = `${'a'.repeat(99)}\n`.repeat(10_000);
    const started = performance.now();
    cut(text, '^\\s*a+\\s*b$');
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
