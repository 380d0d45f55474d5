/** The dialect rules one at a time (the fixture decks in test/fixtures/decks check them together). */
import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { parseDeck } from '../parseDeck.ts';
import { plainText } from '../tree.ts';

const slides = (markdown: string) => {
  const parsed = parseDeck(markdown);
  return { parsed, text: parsed.slides.map((s) => plainText(s.content)), notes: parsed.slides.map((s) => plainText(s.notes)) };
};

describe('Slidev', () => {
  const head = '---\ntheme: seriph\n---\n\n';

  test('a ``` block is skipped: `---` inside it does not split, a comment in it stays code', () => {
    const { text, notes } = slides(`${head}# A\n\n\`\`\`yaml\n---\nkey: v\n---\n<!-- code -->\n\`\`\`\n\n<!-- note A -->\n`);
    expect(text).toEqual(['A---\nkey: v\n---\n<!-- code -->']);
    expect(notes).toEqual(['note A']);
  });

  test('`----` separates but never starts front matter; a comment followed by text is no note', () => {
    const { text, notes, parsed } = slides(`${head}# A\n\n----\nlayout: center\n\n<!-- eerst -->\n\nTekst na het commentaar.\n`);
    expect(text).toEqual(['A', 'layout: centerTekst na het commentaar.']);
    expect(notes).toEqual(['', 'eerst']);
    expect(parsed.notices).toContainEqual(expect.objectContaining({ code: 'comment-kept', slide: 2 }));
  });

  test('::default:: and ::right:: make columns in the written order; disabled slides are skipped', () => {
    const { parsed } = slides(`${head}# A\n\n---\nlayout: two-cols\n---\n\n::right::\n\nRechts\n\n::default::\n\nLinks\n\n---\ndisabled: true\n---\n\n# Weg\n`);
    expect(parsed.slides).toHaveLength(2);
    expect(parsed.slides[1]!.content.map((n) => n.type)).toEqual(['paragraph', 'horizontalRule', 'paragraph']);
    expect(parsed.slides[1]!.content.map((n) => plainText(n.content))).toEqual(['Links', '', 'Rechts']);
    expect(parsed.notices).toContainEqual({ code: 'hidden-slide', slide: 3, detail: 'Weg', count: 1 });
  });
});

describe('Marp', () => {
  test('every top-level ruler splits; one in a list or a setext underline does not', () => {
    const { text } = slides('---\nmarp: true\n---\n\n# A\n\n***\n\n# B\n\n- - -\n\n# C\n\n- item\n\n  ---\n\nKop\n---\n\n___\n\n# D\n');
    expect(text).toEqual(['A', 'B', 'CitemKop', 'D']);
  });

  test('headingDivider as a list; spot and local directives; a multi-key directive comment is no note', () => {
    const { parsed, text, notes } = slides(
      '---\nmarp: true\nheadingDivider: [1, 3]\nfooter: Voet\n---\n\n# A\n\n## blijft\n\n### C\n\n<!--\n_footer: Alleen hier\nclass: lead\n-->\n\n<!-- notitie C -->\n\n# D\n',
    );
    expect(text).toEqual(['AblijftVoet', 'CAlleen hier', 'DVoet']);
    expect(notes).toEqual(['', 'notitie C', '']);
    expect(parsed.slides.map((s) => s.layout)).toEqual(['title', 'title', 'title']);
  });

  test('directives without marp: true make it Marp (and comments its notes)', () => {
    const { parsed, notes } = slides('<!-- paginate: true -->\n\n# A\n\n<!-- Zeg hallo. -->\n\n---\n\n# B\n');
    expect(parsed.dialect).toBe('marp');
    expect(notes).toEqual(['Zeg hallo.', '']);
  });
});

describe('reveal.js', () => {
  test('the separator applies to the raw text, code included, as in reveal.js', () => {
    expect(slides('# A\n\n```\nx\n\n---\n\ny\n```\n').text).toHaveLength(2);
  });

  test('our layout line in a file that lost its front matter still sets the layout', () => {
    const { parsed } = slides('<!-- slide: layout=quote -->\n\n> Citaat\n\n---\n\n# B\n');
    expect(parsed.slides[0]!.layout).toBe('quote');
    expect(parsed.notices).toEqual([]);
  });
});

describe('line ends', () => {
  test.each(['slidev/briefing.md', 'marp/factsheet.md', 'reveal/kwartaal.md', 'hedgedoc/overleg.md', 'reveal-md/custom-separators.md', 'tussenstand/kanttekeningen.md'])('%s reads the same with CRLF', (name) => {
    const file = new URL(`../../../test/fixtures/decks/${name}`, import.meta.url);
    const lf = fs.readFileSync(file, 'utf8');
    const crlf = parseDeck(lf.replace(/\n/g, '\r\n'));
    const plain = parseDeck(lf);
    expect(crlf.slides.map((s) => [s.layout, plainText(s.content), plainText(s.notes)])).toEqual(plain.slides.map((s) => [s.layout, plainText(s.content), plainText(s.notes)]));
  });
});

describe('reveal.js fragments and transitions', () => {
  test('list items marked as fragments make their list a step list; a fragment elsewhere is reported', () => {
    const { parsed } = slides(
      [
        '## Stappen',
        '',
        '- een <!-- .element: class="fragment" -->',
        '- twee <!-- .element: class="fragment" -->',
        '  - twee a <!-- .element: class="fragment fade-up" -->',
        '',
        '1. gewoon',
        '',
        'Losse tekst <!-- .element: class="fragment" -->',
      ].join('\n'),
    );
    const content = parsed.slides[0]!.content;
    expect(content.map((n) => [n.type, n.attrs.reveal ?? null])).toEqual([
      ['heading', null],
      ['bulletList', 'step'],
      ['orderedList', null],
      ['paragraph', null],
    ]);
    const nested = content[1]!.content[1] as { content: { type: string; attrs: Record<string, unknown> }[] };
    expect(nested.content[1]).toMatchObject({ type: 'bulletList', attrs: { reveal: 'step' } });
    expect(plainText(content)).toContain('twee a');
    expect(parsed.notices).toEqual([expect.objectContaining({ code: 'fragment', slide: 1 })]);
  });

  test('a slide\'s data-transition is its transition when it is one of ours; another is reported', () => {
    const { parsed } = slides('<!-- .slide: data-transition="fade" -->\n\n# Een\n\n---\n\n<!-- .slide: data-transition="convex" -->\n\n## Twee\n');
    expect(parsed.slides.map((s) => s.transition)).toEqual(['fade', undefined]);
    expect(parsed.notices).toEqual([expect.objectContaining({ code: 'directive-ignored', slide: 2, detail: '.slide: data-transition="convex"' })]);
  });
});
