import { describe, expect, test } from 'vitest';
import { alignedX, altMissing, imageAttrText, imageFit, mediaAlign, mediaWidth, readImageAttrText, stepMediaWidth } from './mediaSize.ts';

describe('media size', () => {
  test('a width is an integer share of the column, clamped to 10–100; anything else is none', () => {
    expect(mediaWidth(40)).toBe(40);
    expect(mediaWidth('40%')).toBe(40);
    expect(mediaWidth(' 33.4 ')).toBe(33);
    expect(mediaWidth(250)).toBe(100);
    expect(mediaWidth(2)).toBe(10);
    for (const bad of [0, -5, Number.NaN, Number.POSITIVE_INFINITY, '40px', '40%;color:red', 'calc(40%)', null, undefined, {}, true]) expect(mediaWidth(bad)).toBeNull();
  });

  test('alignment and fit take only their own words', () => {
    expect(mediaAlign('center')).toBe('center');
    expect(mediaAlign('middle')).toBeNull();
    expect(imageFit('cover')).toBe('cover');
    expect(imageFit('contain')).toBeNull();
    expect(imageFit('fill')).toBeNull();
  });

  test('a size step goes to the next multiple of ten, within the bounds', () => {
    expect(stepMediaWidth(43, 1)).toBe(50);
    expect(stepMediaWidth(43, -1)).toBe(40);
    expect(stepMediaWidth(40, 1)).toBe(50);
    expect(stepMediaWidth(40, -1)).toBe(30);
    expect(stepMediaWidth(100, 1)).toBe(100);
    expect(stepMediaWidth(10, -1)).toBe(10);
    expect(stepMediaWidth(12, -1)).toBe(10);
  });

  test('a description is missing unless written or the image is decorative', () => {
    expect(altMissing({ alt: '' })).toBe(true);
    expect(altMissing({ alt: '  ' })).toBe(true);
    expect(altMissing({ alt: null })).toBe(true);
    expect(altMissing({ alt: '', decorative: true })).toBe(false);
    expect(altMissing({ alt: 'Kaart' })).toBe(false);
  });

  test('aligned in a column', () => {
    expect(alignedX({ x: 1, w: 10 }, 4, null)).toBe(1);
    expect(alignedX({ x: 1, w: 10 }, 4, 'center')).toBe(4);
    expect(alignedX({ x: 1, w: 10 }, 4, 'right')).toBe(7);
  });

  test('the attribute list reads back what it writes', () => {
    const written = imageAttrText({ width: 40, align: 'center', fit: 'cover', decorative: true });
    expect(written).toBe('{width=40% align=center fit=cover .decorative}');
    expect(readImageAttrText(`${written} rest`)).toEqual({ attrs: { width: 40, align: 'center', fit: 'cover', decorative: true }, length: written.length });
    expect(imageAttrText({ align: 'left' })).toBe('');
    expect(readImageAttrText('{width=40% style=x}')).toBeNull();
    expect(readImageAttrText('{}')).toBeNull();
  });
});
