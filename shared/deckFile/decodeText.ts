/**
 * The bytes of an imported deck file as text (docs/deck-format.md, "Importing"). A deck is
 * UTF-8, with or without a byte order mark, or UTF-16 with one (what Windows editors write
 * as "Unicode"). Anything else is refused with a sentence that says what to do: guessing a
 * legacy encoding would import "Ã«" for "ë" without anyone noticing, and random bytes must not
 * become a slide of replacement characters.
 */
import type { ImportEncoding } from '../importReport.ts';
import { NotADeckError } from './parseDeck.ts';

const NOT_UTF8 = 'the file is not UTF-8 text (Latin-1 or another encoding?): save it as UTF-8 and import it again';
const NOT_TEXT = 'this is not a text file (it holds NUL bytes)';

function decode(bytes: Uint8Array, label: 'utf-8' | 'utf-16le' | 'utf-16be', from: number, refusal: string): string {
  try {
    // ignoreBOM: the mark is skipped by `from`; one more inside the text stays as written.
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(from));
  } catch {
    throw new NotADeckError(refusal);
  }
}

export function decodeDeckFile(bytes: Uint8Array): { text: string; encoding: ImportEncoding } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return checked(decode(bytes, 'utf-16le', 2, 'the file says it is UTF-16 but is not: save it as UTF-8'), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return checked(decode(bytes, 'utf-16be', 2, 'the file says it is UTF-16 but is not: save it as UTF-8'), 'utf-16be');
  // NUL never occurs in a text file in UTF-8: a zip, an image or a UTF-16 file without its mark.
  if (bytes.includes(0)) throw new NotADeckError(NOT_TEXT);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return checked(decode(bytes, 'utf-8', 3, NOT_UTF8), 'utf-8-bom');
  return checked(decode(bytes, 'utf-8', 0, NOT_UTF8), 'utf-8');
}

/** Decoded UTF-16 can still be binary (NUL code units), and control characters are not prose. */
function checked(text: string, encoding: ImportEncoding): { text: string; encoding: ImportEncoding } {
  if (text.includes('\u0000')) throw new NotADeckError(NOT_TEXT);
  // Valid UTF-8 by accident (a few random bytes can be) is still not text if it is mostly
  // control characters other than tab, line feed, carriage return and form feed.
  let control = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || (c >= 0x80 && c < 0xa0)) control++;
  }
  if (control > 0 && control * 20 > text.length) throw new NotADeckError('this is not a text file (it holds control characters)');
  return { text, encoding };
}
