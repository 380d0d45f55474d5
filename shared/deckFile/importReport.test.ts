/** The import report: counts, remote images with their slide numbers, and the notices collected while parsing. */
import { describe, expect, test } from 'vitest';
import { buildImportReport } from './importReport.ts';
import { parseDeck } from './parseDeck.ts';

describe('buildImportReport', () => {
  test('counts slides and slides with notes, lists remote images by slide, carries the notices', () => {
    const parsed = parseDeck(
      [
        '# Eén',
        '',
        '![kaart](https://example.org/kaart.png)',
        '',
        'Note: met notitie',
        '',
        '---',
        '',
        '## Twee',
        '',
        '- ![lokaal](/api/images/abc123)',
        '- ![ver weg](http://example.org/b.jpg)',
        '',
        '----',
        '',
        '## Drie <span>tag</span>',
      ].join('\n'),
    );
    const report = buildImportReport(parsed, 'utf-16le');
    expect(report).toMatchObject({ dialect: 'reveal', encoding: 'utf-16le', title: 'Eén', slides: 3, slidesWithNotes: 1 });
    expect(report.remoteImages).toEqual([
      { url: 'https://example.org/kaart.png', slide: 1, alt: 'kaart' },
      { url: 'http://example.org/b.jpg', slide: 2, alt: 'ver weg' },
    ]);
    expect(report.notices).toContainEqual({ code: 'vertical-slide', slide: 3, count: 1 });
    // Content notices from fromMarkdown name the slide too.
    expect(report.notices).toContainEqual(expect.objectContaining({ code: 'html-tag', slide: 3 }));
  });

  test('empty slides are counted in one notice; a long title is shortened with a notice', () => {
    const parsed = parseDeck(`---\ntitle: ${'x'.repeat(250)}\n---\n\n# A\n\n---\n\n---\n\n---\n\n# B\n`);
    expect(parsed.slides).toHaveLength(2);
    expect(parsed.meta.title).toHaveLength(200);
    expect(parsed.notices).toContainEqual({ code: 'slides-empty', count: 2 });
    expect(parsed.notices).toContainEqual(expect.objectContaining({ code: 'title-shortened' }));
  });
});
