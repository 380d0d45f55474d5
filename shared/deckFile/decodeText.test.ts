/** A deck file's bytes: UTF-8 (BOM or not) and UTF-16 with a BOM are read; anything else is refused and says why. */
import { describe, expect, test } from 'vitest';
import { decodeDeckFile } from './decodeText.ts';
import { NotADeckError, parseDeck } from './parseDeck.ts';

const TEXT = '# Tussenstand ë 中文 😀\n\nNote:\nWelkom.\n';

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  out.set(littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]);
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    out[2 + 2 * i] = littleEndian ? unit & 0xff : unit >> 8;
    out[3 + 2 * i] = littleEndian ? unit >> 8 : unit & 0xff;
  }
  return out;
}

const refusal = (bytes: Uint8Array): string => {
  try {
    decodeDeckFile(bytes);
  } catch (err) {
    expect(err).toBeInstanceOf(NotADeckError);
    return (err as Error).message;
  }
  throw new Error('not refused');
};

describe('decodeDeckFile', () => {
  test('UTF-8 without a BOM', () => {
    expect(decodeDeckFile(new TextEncoder().encode(TEXT))).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  test('UTF-8 with a BOM: the BOM is not part of the text', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)]);
    expect(decodeDeckFile(bytes)).toEqual({ text: TEXT, encoding: 'utf-8-bom' });
    expect(parseDeck(decodeDeckFile(bytes).text).meta.title).toBe('Tussenstand ë 中文 😀');
  });

  test('UTF-16 LE and BE with a BOM', () => {
    expect(decodeDeckFile(utf16(TEXT, true))).toEqual({ text: TEXT, encoding: 'utf-16le' });
    expect(decodeDeckFile(utf16(TEXT, false))).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  test('Latin-1 is refused with a message that says to save as UTF-8', () => {
    const latin1 = new Uint8Array([...new TextEncoder().encode('# Tussenstand '), 0xeb, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]);
    const message = refusal(latin1);
    expect(message).toContain('not UTF-8');
    expect(message).toContain('Latin-1');
    expect(message).toContain('save it as UTF-8');
  });

  test('random bytes are refused, never a slide of replacement characters', () => {
    let seed = 42;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff;
    for (let run = 0; run < 20; run++) {
      const bytes = Uint8Array.from({ length: 512 }, () => random() || 1);
      expect(bytes.includes(0)).toBe(false);
      expect(refusal(bytes)).toMatch(/not UTF-8|not a text file/);
    }
    // Valid UTF-8 made of control characters is no text either.
    expect(refusal(new Uint8Array(Array.from({ length: 64 }, (_, i) => 1 + (i % 8))))).toContain('not a text file');
  });

  test('NUL bytes: not a text file', () => {
    expect(refusal(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x62]))).toContain('not a text file');
    // UTF-16 without its BOM has NUL bytes too.
    expect(refusal(utf16(TEXT, true).subarray(2))).toContain('not a text file');
  });
});
