import { describe, expect, test } from 'vitest';
import { handoutFromParams, parseExportProblem, pdfPageOfSlide, printPath } from './exportOptions.ts';

describe('export options', () => {
  test('a handout travels as query parameters and back', () => {
    expect(printPath('d1', { notes: false, format: 'pdf', handout: { perPage: 3, lines: true } })).toBe('/decks/d1/print?handout=3&lines=1');
    expect(printPath('d1', { notes: true, format: 'html', handout: { perPage: 3, lines: true } })).toBe('/decks/d1/print?notes=1&format=html');
    expect(handoutFromParams('3', '1')).toEqual({ perPage: 3, lines: true });
    expect(handoutFromParams('4', '1')).toBeUndefined();
    expect(pdfPageOfSlide(7, { notes: false, handout: { perPage: 6, lines: false } })).toBe(1);
    expect(pdfPageOfSlide(3, { notes: true })).toBe(6);
  });

  test('the print page’s problem is read back only when it is one the UI can say', () => {
    expect(parseExportProblem('{"code":"no-value","slide":2,"stat":"organisations.total"}')).toEqual({ code: 'no-value', slide: 2, stat: 'organisations.total' });
    expect(parseExportProblem('{"code":"not-ready","slide":4,"what":"image"}')).toEqual({ code: 'not-ready', slide: 4, what: 'image' });
    for (const text of [undefined, '', 'slide 2', '{"code":"no-value","slide":"2","stat":"x"}', '{"code":"other","slide":1}', '[]', 'null']) expect(parseExportProblem(text)).toBeNull();
    expect(parseExportProblem(JSON.stringify({ code: 'no-value', slide: 1, stat: 'x'.repeat(5000) }))).toMatchObject({ stat: 'x'.repeat(200) });
  });
});
