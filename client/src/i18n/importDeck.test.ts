/**
 * The import report speaks both languages: every notice code the importer may send
 * (IMPORT_NOTICE_CODES, which grows with the importer) has a sentence in English and Dutch,
 * with every placeholder filled; the summary line reads as intended; and the server's
 * refusals (413, 400 not-a-deck, 415) become the right sentence.
 */
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { IMPORT_NOTICE_CODES, type ImportReport } from '../../../shared/importReport.ts';
import { ApiRequestError } from '../api/http.ts';
import { importErrorMessage } from '../components/ImportDeckDialog.tsx';
import { noticeSentence, reportSummary } from '../components/ImportReport.tsx';
import { en, NAMESPACES } from './en.ts';
import { DEFAULT_NS } from './index.ts';
import { nl } from './nl.ts';

const CODES = Object.keys(IMPORT_NOTICE_CODES);

async function translator(lng: 'en' | 'nl'): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng, initAsync: false, interpolation: { escapeValue: false } });
  return instance.t;
}

describe('import notices', () => {
  it.each(Object.entries({ en, nl }))('every notice code has a sentence in %s', (_language, strings) => {
    const notices: Record<string, unknown> = strings.importDeck.notices;
    const missing = CODES.filter((code) => typeof notices[code] !== 'string' || (notices[code] as string).trim() === '');
    expect(missing).toEqual([]);
    // No sentence for a code the importer no longer sends.
    expect(Object.keys(notices).filter((code) => !CODES.includes(code))).toEqual([]);
  });

  it.each(['en', 'nl'] as const)('the sentences in %s have their placeholders filled and differ from each other', async (language) => {
    const t = await translator(language);
    const sentences = CODES.map((code) => noticeSentence(t, code));
    for (const [index, sentence] of sentences.entries()) {
      expect(sentence, CODES[index]).not.toMatch(/\{\{|\}\}|importDeck:/);
    }
    expect(new Set(sentences).size).toBe(CODES.length);
  });

  it('a code without a sentence yet falls back to a general one that names it', async () => {
    const t = await translator('nl');
    expect(noticeSentence(t, 'some-new-code')).toBe('Er is iets veranderd (some-new-code).');
  });
});

describe('import report summary', () => {
  const report: ImportReport = { dialect: 'slidev', encoding: 'utf-8', title: 'Tussenstand', slides: 12, slidesWithNotes: 9, notices: [], remoteImages: [] };

  it('says slides, notes, dialect and encoding in both languages', async () => {
    expect(reportSummary(await translator('en'), report)).toBe('12 slides, 9 with speaker notes, read as Slidev (UTF-8).');
    expect(reportSummary(await translator('nl'), report)).toBe('12 dia’s, 9 met sprekersnotities, gelezen als Slidev (UTF-8).');
    expect(reportSummary(await translator('en'), { ...report, slides: 1, slidesWithNotes: 0, dialect: 'reveal', encoding: 'utf-16le' })).toBe(
      '1 slide, 0 with speaker notes, read as reveal.js (UTF-16, little-endian).',
    );
  });
});

const refusal = (status: number, error: string, message: string) => new ApiRequestError(status, { error, message });

describe('import refusals', () => {
  it('tells the 413s apart: size, slide count, conversion time', async () => {
    const t = await translator('nl');
    expect(importErrorMessage(t, refusal(413, 'too-large', 'the file is 2,000,000 bytes; at most 1,048,576 bytes (MAX_DECK_FILE_BYTES) can be imported'))).toBe(nl.importDeck.tooLarge);
    expect(importErrorMessage(t, refusal(413, 'too-large', 'Request body is too large'))).toBe(nl.importDeck.tooLarge);
    expect(importErrorMessage(t, refusal(413, 'too-many-slides', 'the file makes 1,200 slides; at most 1,000 (MAX_IMPORT_SLIDES) can be imported'))).toBe(
      'Het bestand zou meer dan 1000 dia’s opleveren; meer kan één import niet maken. Verdeel het over meerdere bestanden.',
    );
    expect(importErrorMessage(t, refusal(413, 'too-large', 'cannot import: the file took longer than 30 s to convert'))).toBe(nl.importDeck.tooSlow);
  });

  it('says why a file is not a deck, in the user’s language', async () => {
    const t = await translator('en');
    const notADeck = (message: string) => importErrorMessage(t, refusal(400, 'not-a-deck', message));
    expect(notADeck('cannot import: the file is empty')).toBe('This file cannot be imported: the file is empty.');
    expect(notADeck('cannot import: this is not a text file')).toBe('This file cannot be imported: this is not a text file.');
    expect(notADeck('cannot import: this is not a text file in UTF-8 or UTF-16')).toBe(`This file cannot be imported: ${en.importDeck.reasons.notUtf8}`);
    expect(notADeck('cannot import: the file holds no slide content')).toBe('This file cannot be imported: none of its slides has any content.');
    // A reason this client has no words for yet is shown as the server put it.
    expect(notADeck('cannot import: something new')).toBe('This file cannot be imported: something new');
    expect(importErrorMessage(t, refusal(415, 'unsupported-media-type', 'send the deck file as text/markdown'))).toBe(en.importDeck.wrongType);
  });
});
