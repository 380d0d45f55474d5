import { describe, expect, test } from 'vitest';
import { colorForUser, contrastWithWhite, initials, PRESENCE_COLORS } from './userColor.ts';

describe('presence colours', () => {
  test('a user always gets the same colour, in the format the server accepts', () => {
    expect(colorForUser('user-abc')).toBe(colorForUser('user-abc'));
    for (const id of ['a', 'b', 'user-1', 'user-2', 'x'.repeat(64)]) expect(colorForUser(id)).toMatch(/^#[0-9a-f]{6}$/);
  });

  test('different users spread over the palette', () => {
    const used = new Set(Array.from({ length: 40 }, (_, i) => colorForUser(`user-${i}`)));
    expect(used.size).toBeGreaterThanOrEqual(7);
  });

  test('white text on every colour meets WCAG AA (4.5:1)', () => {
    for (const color of PRESENCE_COLORS) expect(contrastWithWhite(color), color).toBeGreaterThanOrEqual(4.5);
  });
});

describe('initials', () => {
  test.each([
    ['Sanne de Vries', 'SV'],
    ['Beheerder', 'B'],
    ['jan van der berg', 'JB'],
    ['  Özlem   Yılmaz ', 'ÖY'],
    ['', '?'],
  ])('%s → %s', (name, expected) => {
    expect(initials(name)).toBe(expected);
  });
});
