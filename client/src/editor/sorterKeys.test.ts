import { describe, expect, test } from 'vitest';
import { sorterCommand, type KeyLike } from './sorterKeys.ts';

const key = (k: string, mods: Partial<KeyLike> = {}): KeyLike => ({ key: k, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, ...mods });

describe('sorterCommand', () => {
  test.each<[KeyLike, string | null]>([
    [key('ArrowUp'), 'previous'],
    [key('ArrowDown'), 'next'],
    [key('Home'), 'first'],
    [key('End'), 'last'],
    [key('Delete'), 'delete'],
    [key('Backspace'), 'delete'],
    [key('Enter'), 'edit'],
    [key('d', { ctrlKey: true }), 'duplicate'],
    [key('D', { metaKey: true }), 'duplicate'],
    [key('z', { ctrlKey: true }), 'undo'],
    [key('Z', { ctrlKey: true, shiftKey: true }), 'redo'],
    [key('z', { metaKey: true, shiftKey: true }), 'redo'],
    [key('y', { ctrlKey: true }), 'redo'],
    [key('ArrowUp', { ctrlKey: true }), 'moveUp'],
    [key('ArrowDown', { metaKey: true }), 'moveDown'],
    [key('a'), null],
    [key(' '), null],
    [key('ArrowUp', { altKey: true }), null],
    [key('Delete', { shiftKey: true }), null],
    [key('s', { ctrlKey: true }), null],
  ])('%o → %s', (event, expected) => {
    expect(sorterCommand(event)).toBe(expected);
  });
});
