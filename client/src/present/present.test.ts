import { describe, expect, test } from 'vitest';
import type { SlideNode } from '../editor/slideTree.ts';
import { isPointer, sumAudience } from './awareness.ts';
import { formatElapsed } from './format.ts';
import { segments, withImageToken } from './slideParts.ts';

const text = (t: string): SlideNode => ({ kind: 'text', text: t, marks: {} });
const el = (name: string, attrs: Record<string, unknown> = {}, children: SlideNode[] = []): SlideNode => ({ kind: 'element', name, attrs, children });

describe('segments', () => {
  test('top-level charts stand alone; the nodes around them stay together in order', () => {
    const h = el('heading', { level: 2 }, [text('Interviews')]);
    const chart = el('chart', { statKey: 'interviews.byMonth', view: 'line' });
    const p1 = el('paragraph', {}, [text('a')]);
    const p2 = el('paragraph', {}, [text('b')]);
    expect(segments([h, chart, p1, p2])).toEqual([
      { kind: 'nodes', nodes: [h] },
      { kind: 'chart', attrs: { statKey: 'interviews.byMonth', view: 'line' } },
      { kind: 'nodes', nodes: [p1, p2] },
    ]);
    expect(segments([])).toEqual([]);
  });
});

describe('withImageToken', () => {
  test('uploaded images, also nested, get the link token; other sources are left alone', () => {
    const nodes = [el('image', { src: '/api/images/abcdEFGH1234_-xy', alt: 'kaart' }), el('blockquote', {}, [el('image', { src: ' /api/images/ZZZZzzzz9999 ' })]), el('image', { src: 'https://example.org/a.png' }), el('image', { src: '/api/images/abcdEFGH1234?token=other' })];
    const out = withImageToken(nodes, 'tok-en_1');
    expect(out[0]).toMatchObject({ attrs: { src: '/api/images/abcdEFGH1234_-xy?token=tok-en_1', alt: 'kaart' } });
    expect(out[1]).toMatchObject({ children: [{ attrs: { src: '/api/images/ZZZZzzzz9999?token=tok-en_1' } }] });
    expect(out[2]).toMatchObject({ attrs: { src: 'https://example.org/a.png' } });
    expect(out[3]).toMatchObject({ attrs: { src: '/api/images/abcdEFGH1234?token=other' } });
    // The input is not changed.
    expect(nodes[0]).toMatchObject({ attrs: { src: '/api/images/abcdEFGH1234_-xy' } });
  });
});

describe('sumAudience', () => {
  test('adds up the audience of every server instance, per label, and ignores other states', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { audience: { OM: 3, Team: 1 } }],
      [2, { audience: { OM: 2, '': 1 } }],
      [3, { user: { id: 'u', name: 'Analist' }, presenting: true }],
      [4, { audience: { bad: 'x', negative: -4 } }],
    ]);
    expect(sumAudience(states)).toEqual({ OM: 5, Team: 1, '': 1 });
  });

  test('null when no server published an audience', () => {
    expect(sumAudience(new Map([[1, { user: { name: 'x' } }]]))).toBeNull();
  });
});

describe('isPointer', () => {
  test('fractions of the slide only', () => {
    expect(isPointer({ x: 0, y: 1 })).toBe(true);
    expect(isPointer({ x: 0.5, y: 0.25 })).toBe(true);
    expect(isPointer({ x: 1.2, y: 0.5 })).toBe(false);
    expect(isPointer({ x: '0.5', y: 0.5 })).toBe(false);
    expect(isPointer(null)).toBe(false);
  });
});

describe('formatElapsed', () => {
  test('minutes and seconds, hours when needed', () => {
    expect(formatElapsed(0)).toBe('00:00');
    expect(formatElapsed(65_400)).toBe('01:05');
    expect(formatElapsed(3_725_000)).toBe('1:02:05');
    expect(formatElapsed(-5)).toBe('00:00');
  });
});
