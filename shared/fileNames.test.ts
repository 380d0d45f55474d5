import { describe, expect, test } from 'vitest';
import { asciiFileName, contentDisposition, exportFileName, exportSuffix, fileBaseName, MAX_NAME_BYTES, MAX_NAME_CHARS, versionSuffix } from './fileNames.ts';

const EXAMPLE = 'Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs';
const utf8 = (s: string) => new TextEncoder().encode(s).length;

describe('file names', () => {
  test('the example title keeps its em dash, with single spaces', () => {
    expect(exportFileName(EXAMPLE, 'pdf')).toBe(`${EXAMPLE}.pdf`);
    expect(exportFileName('Tussenstand Spoor 3  —   fenomeen', 'md')).toBe('Tussenstand Spoor 3 — fenomeen.md');
  });

  test('only characters illegal in file names go', () => {
    expect(fileBaseName('Q1/Q2: "cijfers" <concept>|v2?*')).toBe('Q1 Q2 cijfers concept v2');
    expect(fileBaseName('a\\b')).toBe('a b');
    expect(fileBaseName('中間報告 🚀 café')).toBe('中間報告 🚀 café');
    expect(fileBaseName('👩‍👩‍👧 gezin · 50% — “citaat” & co.')).toBe('👩‍👩‍👧 gezin · 50% — “citaat” & co');
    expect(fileBaseName('tabs\tand\nnewlines\u0007\u0085')).toBe('tabs and newlines');
  });

  test('no leading or trailing dots or spaces', () => {
    expect(fileBaseName('Verslag...  ')).toBe('Verslag');
    expect(fileBaseName('  ..verborgen')).toBe('verborgen');
  });

  test('Windows device names are not the whole name, with or without an extension', () => {
    expect(fileBaseName('CON')).toBe('CON (deck)');
    expect(fileBaseName('nul')).toBe('nul (deck)');
    expect(fileBaseName('com1.tar')).toBe('com1.tar (deck)');
    expect(fileBaseName('Console')).toBe('Console');
    expect(fileBaseName('LPT10')).toBe('LPT10');
  });

  test('never empty', () => {
    expect(fileBaseName('///')).toBe('deck');
    expect(fileBaseName('')).toBe('deck');
    expect(fileBaseName(' . ')).toBe('deck');
  });

  test('long titles are cut between characters, never inside an emoji', () => {
    const name = fileBaseName('🚀'.repeat(500));
    // 4 bytes each: the byte bound cuts first.
    expect(name).toBe('🚀'.repeat(MAX_NAME_BYTES / 4));
    const family = fileBaseName('👩‍👩‍👧'.repeat(100));
    expect(family.length % '👩‍👩‍👧'.length).toBe(0);
    expect(utf8(family)).toBeLessThanOrEqual(MAX_NAME_BYTES);
    const latin = fileBaseName('a'.repeat(500));
    expect(latin).toBe('a'.repeat(MAX_NAME_CHARS));
    const japanese = fileBaseName('報'.repeat(500));
    expect(japanese).toBe('報'.repeat(Math.floor(MAX_NAME_BYTES / 3)));
    // A cut that ends on a space or dot is trimmed again.
    expect(fileBaseName(`${'a'.repeat(MAX_NAME_CHARS - 1)} b`)).toBe('a'.repeat(MAX_NAME_CHARS - 1));
    // The whole name with suffix and extension stays within 255 bytes.
    expect(utf8(exportFileName('🚀'.repeat(500), 'pdf', exportSuffix({ kind: 'handout', handout: { perPage: 6, lines: true } }, 'nl')))).toBeLessThan(255);
  });

  test('suffixes in the deck language', () => {
    expect(exportFileName(EXAMPLE, 'pdf', exportSuffix({ kind: 'notes' }, 'nl'))).toBe(`${EXAMPLE} (notities).pdf`);
    expect(exportFileName(EXAMPLE, 'pdf', exportSuffix({ kind: 'notes' }, 'en'))).toBe(`${EXAMPLE} (notes).pdf`);
    expect(exportSuffix({ kind: 'handout', handout: { perPage: 3, lines: true } }, 'nl')).toBe(' (hand-out, 3 per pagina)');
    expect(exportSuffix({ kind: 'handout', handout: { perPage: 6, lines: false } }, 'en')).toBe(' (handout, 6 per page)');
    expect(exportSuffix({ kind: 'deck' }, 'en')).toBe('');
  });
});

describe('a version’s name in its files', () => {
  const at = '2026-12-02T09:30:00.000Z';
  test('a session’s says when it was presented; a saved one its name; others their date', () => {
    expect(versionSuffix({ kind: 'session', label: 'as presented 2026-12-02', createdAt: at }, 'nl')).toBe(' (zoals gepresenteerd op 2 december 2026)');
    expect(versionSuffix({ kind: 'session', label: '', createdAt: at }, 'en')).toBe(' (as presented on 2 December 2026)');
    expect(versionSuffix({ kind: 'manual', label: 'Eerste versie: "concept"', createdAt: at }, 'nl')).toBe(' (Eerste versie concept)');
    expect(versionSuffix({ kind: 'manual', label: '  ', createdAt: at }, 'nl')).toBe(' (versie van 2 december 2026)');
    expect(versionSuffix({ kind: 'auto', label: 'automatic', createdAt: at }, 'en')).toBe(' (version of 2 December 2026)');
  });
  test('a long name is cut, and the whole file name stays within 255 bytes', () => {
    const suffix = versionSuffix({ kind: 'manual', label: '🚀'.repeat(300), createdAt: at }, 'nl');
    expect(suffix).toBe(` (${'🚀'.repeat(20)})`);
    expect(utf8(exportFileName('報'.repeat(500), 'pdf', suffix + exportSuffix({ kind: 'handout', handout: { perPage: 6, lines: true } }, 'nl')))).toBeLessThanOrEqual(255);
  });
});

describe('Content-Disposition', () => {
  test('an ASCII fallback and the UTF-8 name, both quoted or encoded properly', () => {
    const name = `${EXAMPLE} (notities).pdf`;
    const header = contentDisposition(name);
    expect(header).toBe(
      `attachment; filename="Tussenstand Spoor 3 - fenomeenonderzoek synthetische drugs (notities).pdf"; filename*=UTF-8''Tussenstand%20Spoor%203%20%E2%80%94%20fenomeenonderzoek%20synthetische%20drugs%20%28notities%29.pdf`,
    );
    const star = /filename\*=UTF-8''([^;]+)/.exec(header)![1]!;
    expect(decodeURIComponent(star)).toBe(name);
    // RFC 8187 attr-char only after UTF-8'': no quote, parenthesis or space left unencoded.
    expect(star).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
  });

  test('the fallback is plain ASCII and never empty', () => {
    expect(asciiFileName('Café Noël — ½ “test”.pdf')).toBe("Cafe Noel - 1⁄2 'test'.pdf".replace('⁄', '_'));
    expect(asciiFileName('中間報告.pdf')).toBe('deck.pdf');
    expect(asciiFileName('中間報告 🚀 café.pptx')).toBe('_ cafe.pptx');
    for (const name of ['中間報告 🚀 café.pptx', `${EXAMPLE}.md`, 'a"b\\c.pdf']) expect(asciiFileName(name)).toMatch(/^[\x20-\x21\x23-\x5b\x5d-\x7e]+$/);
  });
});
