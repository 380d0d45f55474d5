/**
 * The export is canonical: export → import → export gives the same bytes after one round,
 * for any content an editor can hold, and the import keeps every character of it.
 * (The fixture decks and templates are checked the same way in test/decks/dialects.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { MAX_FOOTER_LENGTH, readChrome, writeChrome } from '../deckChrome.ts';
import { addSlide, getSlide, listSlides, setSlideHidden, setSlideTransition, writeMeta } from '../deckModel.ts';
import { buildDeck } from './buildDeck.ts';
import { parseDeck } from './parseDeck.ts';
import { deckToMarkdown } from './toMarkdown.ts';
import { el, plainText, readFragment, text, writeFragment, type ElementNode, type TreeNode } from './tree.ts';

interface TreeSlide {
  content: ElementNode[];
  notes?: ElementNode[];
}

function docOf(slides: TreeSlide[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    writeMeta(doc, { title: 'Ronde', theme: 'tussenstand', period: '', language: 'nl' });
    for (const s of slides) {
      const id = addSlide(doc, { layout: 'title-content' });
      const view = getSlide(doc, id)!;
      writeFragment(view.content, s.content);
      writeFragment(view.notes, s.notes ?? []);
    }
  });
  return doc;
}

function reimport(markdown: string): Y.Doc {
  const doc = new Y.Doc();
  buildDeck(doc, parseDeck(markdown));
  return doc;
}

/** Text per slide, each block on a line (what a reader of the slide sees). */
const lines = (nodes: ElementNode[]): string => nodes.map((n) => flatText(n)).join('\n');

function texts(doc: Y.Doc): { content: string; notes: string }[] {
  return listSlides(doc).map((s) => ({ content: lines(readFragment(s.content)), notes: lines(readFragment(s.notes)) }));
}

function flatText(node: TreeNode): string {
  if (node.type === 'text') return (node as { text: string }).text;
  if (node.type === 'hardBreak') return '\n';
  const element = node as ElementNode;
  if (element.type === 'image') return String(element.attrs.alt ?? '');
  const inner = element.content.map(flatText);
  return ['paragraph', 'heading', 'codeBlock', 'tableHeader', 'tableCell'].includes(element.type) ? inner.join('') : inner.join('\n');
}

function expectStable(slides: TreeSlide[]): string {
  const first = deckToMarkdown(docOf(slides));
  const again = reimport(first);
  expect(deckToMarkdown(again)).toBe(first);
  expect(texts(again)).toEqual(texts(docOf(slides)));
  return first;
}

const ADVERSARIAL = [
  'Note: dit is gewone tekst',
  'Notes: ook tekst',
  'note: kleine letters',
  '# geen kop',
  '#hashtag en # midden',
  '1. geen lijst',
  '2) ook geen lijst',
  '---',
  '***',
  '___',
  '- - -',
  '===',
  '<!-- geen commentaar -->',
  '<!-- slide: layout=quote -->',
  'back\\slash en \\ eind\\',
  '  twee spaties vooraan',
  'twee spaties achteraan  ',
  'dubbele  spatie  midden',
  '\ttab vooraan en\tmidden\t',
  'een | pijp',
  '`tick` en ``dubbel``',
  '&amp; &#32; &copy; & los',
  '[geen](link) ![geen](beeld)',
  '*geen nadruk* _ook niet_ ~~nee~~',
  '> geen citaat',
  '+ plus',
  '    vier spaties',
  '```fence',
  '~~~ tilde',
  'http://x.nl <http://y.nl>',
  '[^1] voetnoot',
  'prijs $5 en $6, $x$',
  'ë ij 中文 😀',
  '<u>geen</u> onderstreping',
  ':::',
  '::right::',
  '!',
];

const frozenChart = (value: string, reason?: string): ElementNode =>
  el('chart', [], { statKey: 'interviews.total', view: 'number', frozenValue: value, frozenAt: '2026-12-02T10:00:00.000Z', ...(reason ? { frozenReason: reason } : {}) });

describe('export → import → export is a fixed point, and the text survives', () => {
  test.each(ADVERSARIAL)('paragraph %j', (s) => {
    expectStable([{ content: [el('paragraph', [text(s)])] }]);
  });

  test.each(ADVERSARIAL)('heading %j', (s) => {
    expectStable([{ content: [el('heading', [text(s)], { level: 2 })] }]);
  });

  test.each(ADVERSARIAL)('list item, table cell and notes %j', (s) => {
    expectStable([
      {
        content: [
          el('bulletList', [el('listItem', [el('paragraph', [text(s), el('hardBreak'), text(s)])])]),
          el('table', [el('tableRow', [el('tableHeader', [el('paragraph', [text(s)])]), el('tableHeader', [el('paragraph', [text('b')])])]), el('tableRow', [el('tableCell', [el('paragraph', [text(s), el('hardBreak'), text(s)])]), el('tableCell', [el('paragraph', [text('x')])])])]),
        ],
        notes: [el('paragraph', [text(s)]), el('paragraph', [text('Note:')])],
      },
    ]);
  });

  test('a hard break in a heading is written as <br> and reads back', () => {
    const md = expectStable([{ content: [el('heading', [text('Eerste regel'), el('hardBreak'), text('tweede regel')], { level: 1 })] }]);
    expect(md).toContain('# Eerste regel<br>tweede regel');
  });

  test('hard breaks in paragraphs with spaces around them', () => {
    expectStable([{ content: [el('paragraph', [text('a  '), el('hardBreak'), text('  b'), el('hardBreak'), el('hardBreak'), text('c')])] }]);
  });

  test.each(['a`b', '`start', 'end`', '``', ' omringd ', '|pijp|', '   ', 'Note:', '<!-- geen commentaar -->', '<!--'])('inline code %j', (code) => {
    const nodes = [text('voor '), text(code, [{ type: 'code' }]), text(' na')];
    expectStable([{ content: [el('paragraph', nodes), el('table', [el('tableRow', [el('tableHeader', [el('paragraph', nodes)])])])] }]);
  });

  test('marks that cannot be written next to punctuation fall back to plain text, characters kept', () => {
    expectStable([{ content: [el('paragraph', [text('a'), text('.b.', [{ type: 'bold' }]), text('c'), text('_x_', [{ type: 'italic' }]), text('d')])] }]);
  });

  test('nested and adjacent marks', () => {
    expectStable([
      {
        content: [
          el('paragraph', [text('vet ', [{ type: 'bold' }]), text('en schuin', [{ type: 'bold' }, { type: 'italic' }]), text(' klaar', [{ type: 'bold' }]), text(' ', []), text('link', [{ type: 'link', href: 'https://example.org/a(b)' }])]),
          el('paragraph', [text('doorgehaald', [{ type: 'strike' }]), text('onder', [{ type: 'underline' }]), text('code', [{ type: 'code' }, { type: 'bold' }])]),
        ],
      },
    ]);
  });

  test('code blocks keep Note:, separators and comments as code', () => {
    const code = 'Note: geen notitie\n\n---\n\n<!-- slide: layout=quote -->\n```\n~~~\n';
    const md = expectStable([{ content: [el('codeBlock', [text(code)], { language: 'md' })], notes: [el('codeBlock', [text(code)])] }]);
    expect(parseDeck(md).slides).toHaveLength(1);
  });

  test('adjacent lists stay two lists; an ordered list keeps its start; empty items and quotes', () => {
    expectStable([
      {
        content: [
          el('bulletList', [el('listItem', [el('paragraph', [text('een')])])]),
          el('bulletList', [el('listItem', [el('paragraph', [text('twee')])])]),
          el('bulletList', [el('listItem', [el('paragraph', [text('drie')])])]),
          el('orderedList', [el('listItem', [el('paragraph', [text('zeven')])]), el('listItem', [el('paragraph')])], { start: 7 }),
          el('orderedList', [el('listItem', [el('paragraph', [text('een')])])], { start: 1 }),
          el('blockquote', [el('paragraph', [text('citaat')]), el('bulletList', [el('listItem', [el('paragraph', [text('in citaat')])])])]),
        ],
      },
    ]);
  });

  test('empty and whitespace-only blocks are not written (the import would not read them back)', () => {
    const md = deckToMarkdown(docOf([{ content: [el('paragraph'), el('paragraph', [text('   ')]), el('paragraph', [text('tekst')]), el('blockquote')] }]));
    expect(deckToMarkdown(reimport(md))).toBe(md);
    expect(md).not.toMatch(/\n\n\n/);
  });

  test('a text node holding a line end keeps it', () => {
    const first = expectStable([{ content: [el('paragraph', [text('regel een\nregel twee')])] }]);
    expect(first).toContain('&#10;');
  });

  test('a chart frozen by hand stays frozen by hand; one frozen by a session stays "as presented"', () => {
    const markdown = expectStable([{ content: [frozenChart('"12"', 'hand'), frozenChart('"13"', 'presented'), frozenChart('"14"')] }]);
    expect(markdown.match(/frozenReason: hand/g)).toHaveLength(1);
    const reasons = readFragment(listSlides(reimport(markdown))[0]!.content).map((n) => n.attrs.frozenReason);
    expect(reasons).toEqual(['hand', 'presented', 'presented']);
  });

  test('an empty slide keeps its place', () => {
    const md = deckToMarkdown(docOf([{ content: [el('paragraph', [text('een')])] }, { content: [] }, { content: [el('paragraph', [text('drie')])] }]));
    expect(listSlides(reimport(md))).toHaveLength(3);
    expect(deckToMarkdown(reimport(md))).toBe(md);
  });

  test('plain text of the adversarial strings, all on one slide, is kept character for character', () => {
    const content = ADVERSARIAL.map((s) => el('paragraph', [text(s)]));
    const back = parseDeck(deckToMarkdown(docOf([{ content }]))).slides[0]!.content;
    expect(back.map((n) => plainText(n.content))).toEqual(ADVERSARIAL);
  });
});

describe('random content (seeded) is a fixed point too', () => {
  let seed = 20_270_301;
  const rnd = (n: number): number => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
    return seed % n;
  };
  const POOL = ['a', 'b', ' ', '  ', '\t', '*', '_', '`', '\\', '#', '-', '1.', '>', '<', '!', '[', ']', '(', ')', '|', '~', '&', '#32;', 'Note:', '---', '<!--', '-->', '.', 'ë', '中', '😀', ':', '=', '+', '$', '\n'];
  const MARKS = [{ type: 'bold' }, { type: 'italic' }, { type: 'strike' }, { type: 'underline' }, { type: 'code' }, { type: 'link', href: 'https://example.org/a' }] as const;
  const str = (): string => Array.from({ length: 1 + rnd(6) }, () => POOL[rnd(POOL.length)]).join('');
  const inlineNodes = (): TreeNode[] => Array.from({ length: 1 + rnd(4) }, () => (rnd(8) === 0 ? el('hardBreak') : text(str(), MARKS.filter(() => rnd(5) === 0).map((m) => ({ ...m })))));
  const cell = (type: string): ElementNode => el(type, [el('paragraph', inlineNodes())]);
  const randomBlock = (depth = 0): ElementNode => {
    const k = rnd(depth > 1 ? 3 : 6);
    if (k < 2) return el('paragraph', inlineNodes());
    if (k === 2) return el('heading', inlineNodes(), { level: 1 + rnd(3) });
    if (k === 3) return el(rnd(2) ? 'bulletList' : 'orderedList', Array.from({ length: 1 + rnd(3) }, () => el('listItem', [randomBlock(depth + 1)])), { start: 1 + rnd(3) });
    if (k === 4) return el('blockquote', [randomBlock(depth + 1)]);
    return el('table', [el('tableRow', [cell('tableHeader'), cell('tableHeader')]), el('tableRow', [cell('tableCell'), cell('tableCell')])]);
  };

  test('200 random decks', () => {
    for (let run = 0; run < 200; run++) {
      const slides = Array.from({ length: 2 }, () => ({ content: Array.from({ length: 1 + rnd(4) }, () => randomBlock()), notes: [randomBlock()] }));
      const first = deckToMarkdown(docOf(slides));
      const again = reimport(first);
      expect(deckToMarkdown(again), first).toBe(first);
    }
  });

  test('200 random decks with text formatting (issue #17), and text that looks like it', () => {
    const FORMAT_POOL = [...POOL, '{align=center}', ' {spacing=2}', '{', '}', 'align=left', '\\{', '<span data-color="accent">', '</span>'];
    const FORMAT_MARKS = [...MARKS, { type: 'fontSize', value: 150 }, { type: 'fontSize', value: 75 }, { type: 'textColor', value: 'accent' }, { type: 'textColor', value: 'danger' }, { type: 'highlight', value: 'muted' }] as const;
    const formatted = (): TreeNode[] =>
      Array.from({ length: 1 + rnd(4) }, () =>
        rnd(8) === 0
          ? el('hardBreak')
          : text(
              Array.from({ length: 1 + rnd(6) }, () => FORMAT_POOL[rnd(FORMAT_POOL.length)]).join(''),
              FORMAT_MARKS.filter(() => rnd(4) === 0)
                .filter((m, i, all) => all.findIndex((o) => o.type === m.type) === i)
                .map((m) => ({ ...m })),
            ),
      );
    const block = (): ElementNode => {
      const attrs = { ...(rnd(2) ? { textAlign: ['left', 'center', 'right', 'justify'][rnd(4)] } : {}), ...(rnd(2) ? { lineSpacing: ['1', '1.15', '1.5', '2'][rnd(4)] } : {}) };
      const k = rnd(3);
      if (k === 0) return el('heading', formatted(), { level: 1 + rnd(3), ...attrs });
      if (k === 1) return el('bulletList', [el('listItem', [el('paragraph', formatted(), attrs)])]);
      return el('paragraph', formatted(), attrs);
    };
    for (let run = 0; run < 200; run++) {
      const slides = [{ content: Array.from({ length: 1 + rnd(4) }, block) }];
      const first = deckToMarkdown(docOf(slides));
      const again = reimport(first);
      expect(deckToMarkdown(again), first).toBe(first);
    }
  });
});

describe('footer and logo', () => {
  test('footer, marking, date, numbers and logo round-trip; a deck without them writes none of the keys', () => {
    const plain = docOf([{ content: [el('paragraph', [text('Een')])] }]);
    const plainFile = deckToMarkdown(plain);
    expect(plainFile).not.toMatch(/^(footer|classification|footerDate|slideNumbers|logo):/m);
    const doc = docOf([{ content: [el('paragraph', [text('Een')])] }]);
    writeChrome(doc, { footerText: 'Tussenstand <b>spoor</b> 3: "cijfers"', classification: 'dep-vertrouwelijk', footerDate: true, slideNumbers: true, logo: '/api/images/abc_DEF-123' });
    const file = deckToMarkdown(doc);
    expect(file).toMatch(/^classification: dep-vertrouwelijk$/m);
    const back = reimport(file);
    expect(readChrome(back)).toEqual(readChrome(doc));
    expect(deckToMarkdown(back)).toBe(file);
  });

  test('what a file cannot mean is not kept: unknown markings, other addresses, overlong text', () => {
    const file = ['---', 'format: tussenstand/1', 'title: T', 'footer: ' + 'x'.repeat(500), 'classification: geheim', 'logo: https://evil.example/tracker.png', 'slideNumbers: "yes"', '---', '', 'Tekst', ''].join('\n');
    const chrome = readChrome(reimport(file));
    expect(chrome).toEqual({ footerText: 'x'.repeat(MAX_FOOTER_LENGTH), classification: 'none', footerDate: false, slideNumbers: false, logo: '' });
  });
});

const chartFile = (value: string): string =>
  ['---', 'format: tussenstand/1', 'title: T', '---', '', '```chart', 'stat: interviews.byMonth', 'view: bar', `frozenValue: ${value}`, 'frozenAt: 2026-11-01T10:00:00.000Z', '```', ''].join('\n');
const attrsOf = (doc: Y.Doc): Record<string, unknown> => (readFragment(listSlides(doc)[0]!.content)[0] as ElementNode).attrs;

describe('frozen chart values written by hand', () => {
  test('the JSON itself or the JSON string of it: both keep the chart frozen at that value, and export the same', () => {
    const series = [{ label: '2026-07', value: 3 }];
    const plain = reimport(chartFile(JSON.stringify(series)));
    const encoded = reimport(chartFile(JSON.stringify(JSON.stringify(series))));
    expect(attrsOf(plain)).toMatchObject({ frozenValue: JSON.stringify(series), frozenAt: '2026-11-01T10:00:00.000Z' });
    expect(deckToMarkdown(plain)).toBe(deckToMarkdown(encoded));
  });
});

describe('hidden slides', () => {
  test('a hidden slide stays hidden through the file; the others stay shown', () => {
    const doc = docOf([{ content: [el('paragraph', [text('Een')])] }, { content: [el('paragraph', [text('Twee')])] }]);
    setSlideHidden(doc, listSlides(doc)[1]!.id, true);
    const file = deckToMarkdown(doc);
    expect(file).toContain('<!-- slide: layout=title-content hidden -->');
    const back = reimport(file);
    expect(listSlides(back).map((s) => s.hidden)).toEqual([false, true]);
    expect(deckToMarkdown(back)).toBe(file);
  });

  test('an image keeps its width, alignment, fit and "decorative"; a chart its width and alignment', () => {
    const markdown = expectStable([
      {
        content: [
          image({ width: 40, align: 'center' }),
          image({ alt: '', decorative: true, fit: 'cover' }),
          image({ align: 'right' }),
          image({}),
          el('chart', [], { statKey: 'interviews.total', view: 'bar', width: 60, align: 'right' }),
        ],
      },
    ]);
    expect(markdown).toContain('![Kaart](/api/images/abc123){width=40% align=center}');
    expect(markdown).toContain('![](/api/images/abc123){fit=cover .decorative}');
    expect(markdown).toContain('![Kaart](/api/images/abc123){align=right}\n');
    expect(markdown).toContain('![Kaart](/api/images/abc123)\n');
    expect(markdown).toContain('width: 60%\nalign: right');
    const back = readFragment(listSlides(reimport(markdown))[0]!.content);
    expect(back.map((n) => [n.attrs.width ?? null, n.attrs.align ?? null])).toEqual([[40, 'center'], [null, null], [null, 'right'], [null, null], [60, 'right']]);
    expect(back[1]!.attrs).toMatchObject({ alt: '', decorative: true, fit: 'cover' });
  });

  test('an attribute list is read with care: out-of-range widths are clamped, unknown lists stay text', () => {
    expect(firstSlide('![a](/api/images/x){width=400%}')[0]!.attrs.width).toBe(100);
    expect(firstSlide('![a](/api/images/x){width=3}')[0]!.attrs.width).toBe(10);
    const unknown = firstSlide('![a](/api/images/x){onclick=alert(1)}');
    expect(unknown[0]!.attrs.width).toBeUndefined();
    expect(plainText(unknown[1]!.content)).toBe('{onclick=alert(1)}');
  });
});

describe('text formatting (issue #17)', () => {
  const formatted: ElementNode[] = [
    el('heading', [text('Midden')], { level: 2, textAlign: 'center' }),
    el('paragraph', [text('Klein ', []), text('groot', [{ type: 'fontSize', value: 150 }]), text(' en '), text('accent', [{ type: 'bold' }, { type: 'textColor', value: 'accent' }, { type: 'highlight', value: 'accent2' }])], { textAlign: 'right', lineSpacing: '1.5' }),
    el('bulletList', [el('listItem', [el('paragraph', [text('punt', [{ type: 'textColor', value: 'danger' }])], { lineSpacing: '2' })])]),
    el('paragraph', [text('tekst die eindigt op {align=center}')]),
    el('paragraph', [text('slash\\'), text('x', [{ type: 'fontSize', value: 75 }])], { textAlign: 'justify' }),
  ];

  test('sizes, colours, highlights, alignment and line spacing are written as documented and read back the same', () => {
    const written = expectStable([{ content: formatted }]);
    expect(written).toContain('## Midden {align=center}');
    expect(written).toContain('Klein <span data-size="150">groot</span> en **<span data-color="accent"><span data-highlight="accent2">accent</span></span>** {align=right spacing=1.5}');
    expect(written).toContain('- <span data-color="danger">punt</span> {spacing=2}');
    // Text that looks like the suffix stays text.
    expect(written).toContain('tekst die eindigt op \\{align=center}');
    const back = readFragment(listSlides(reimport(written))[0]!.content);
    expect(back).toEqual(readFragment(listSlides(docOf([{ content: formatted }]))[0]!.content));
  });

  test('a hand-written file: one span may carry several values; what is not on the allow-lists is reported and left out, the text kept', () => {
    const parsed = parseDeck(
      ['<span data-size="200" data-color="accent2">Groot</span> <span data-color="red" style="x">rood</span> <span data-color="#f00">hex</span> <span data-size="1000">enorm</span> {align=middle spacing=1.5}', '', '# Kop {align=left}'].join('\n'),
    );
    const doc = new Y.Doc();
    buildDeck(doc, parsed);
    const [paragraph, heading] = readFragment(listSlides(doc)[0]!.content);
    expect(paragraph!.attrs).toEqual({ lineSpacing: '1.5' });
    expect(paragraph!.content).toEqual([
      text('Groot', [{ type: 'fontSize', value: 200 }, { type: 'textColor', value: 'accent2' }]),
      text(' rood hex enorm'),
    ]);
    expect(heading).toEqual(el('heading', [text('Kop')], { level: 1, textAlign: 'left' }));
    const notices = parsed.notices.map((n) => `${n.code} ${n.detail ?? ''}`);
    expect(notices).toEqual(expect.arrayContaining(['html-tag <span>', 'text-format data-color="#f00"', 'text-format data-size="1000"', 'text-format align=middle']));
  });

  test('a value a forged client wrote into the document is not written to the file', () => {
    const doc = new Y.Doc();
    const id = addSlide(doc, { layout: 'title-content' });
    const fragment = getSlide(doc, id)!.content;
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.setAttribute('textAlign', 'center"><script>');
    paragraph.setAttribute('lineSpacing', '9');
    const run = new Y.XmlText();
    paragraph.insert(0, [run]);
    fragment.insert(0, [paragraph]);
    run.insert(0, 'tekst', { textColor: { color: '"><img src=x onerror=alert(1)>' }, fontSize: { size: 'calc(1e9px)' } });
    const written = deckToMarkdown(doc);
    expect(written).toContain('\n\ntekst\n');
    expect(written).not.toMatch(/span|script|img|align|spacing/);
  });
});
/** An uploaded image with a description and the given size attributes. */
const image = (attrs: Record<string, unknown>) => el('image', [], { src: '/api/images/abc123', alt: 'Kaart', ...attrs });

/** The blocks of the first slide of a file in the own format holding `md`. */
const firstSlide = (md: string) => readFragment(listSlides(reimport(`---\nformat: tussenstand/1\n---\n\n${md}\n`))[0]!.content);
const item = (value: string): ElementNode => el('listItem', [el('paragraph', [text(value)])]);

describe('step lists and transitions', () => {
  test('a list shown step by step keeps its mark through the file, nested ones too; a plain list stays plain', () => {
    const nested = el('listItem', [el('paragraph', [text('Twee')]), el('bulletList', [item('Twee a'), item('Twee b')], { reveal: 'step' })]);
    const doc = docOf([
      {
        content: [
          el('heading', [text('Stappen')], { level: 2 }),
          el('bulletList', [item('Een'), nested], { reveal: 'step' }),
          el('orderedList', [item('Eerst'), item('Dan')], { start: 1, reveal: 'step' }),
          el('bulletList', [item('Gewoon')]),
        ],
      },
    ]);
    const file = deckToMarkdown(doc);
    expect(file).toContain('<!-- list: step -->\n- Een\n- Twee\n\n  <!-- list: step -->\n  - Twee a');
    expect(file).toContain('<!-- list: step -->\n1. Eerst');
    const back = reimport(file);
    const content = readFragment(listSlides(back)[0]!.content);
    expect(content.map((n) => [n.type, n.attrs.reveal ?? null])).toEqual([
      ['heading', null],
      ['bulletList', 'step'],
      ['orderedList', 'step'],
      ['bulletList', null],
    ]);
    const inner = (content[1]!.content[1] as ElementNode).content[1] as ElementNode;
    expect(inner.attrs.reveal).toBe('step');
    expect(deckToMarkdown(back)).toBe(file);
    // Not a comment kept in the notes, and no notice.
    expect(plainText(readFragment(listSlides(back)[0]!.notes))).toBe('');
    expect(parseDeck(file).notices).toEqual([]);
  });

  test('a slide\'s transition is on its layout line and reads back; none set writes none', () => {
    const doc = docOf([{ content: [el('paragraph', [text('Een')])] }, { content: [el('paragraph', [text('Twee')])] }, { content: [el('paragraph', [text('Drie')])] }]);
    const [, two, three] = listSlides(doc);
    setSlideTransition(doc, two!.id, 'fade');
    setSlideTransition(doc, three!.id, 'zoom');
    setSlideHidden(doc, three!.id, true);
    const file = deckToMarkdown(doc);
    expect(file).toContain('<!-- slide: layout=title-content -->\n\nEen');
    expect(file).toContain('<!-- slide: layout=title-content transition=fade -->');
    expect(file).toContain('<!-- slide: layout=title-content hidden transition=zoom -->');
    const back = reimport(file);
    expect(listSlides(back).map((s) => s.transition)).toEqual([null, 'fade', 'zoom']);
    expect(listSlides(back).map((s) => s.hidden)).toEqual([false, false, true]);
    expect(deckToMarkdown(back)).toBe(file);
  });

  test('an unknown transition is reported, not kept', () => {
    const parsed = parseDeck('---\nformat: tussenstand/1\ntitle: T\n---\n\n<!-- slide: layout=title-content transition=convex -->\n\nEen\n');
    expect(parsed.slides[0]!.transition).toBeUndefined();
    expect(parsed.notices).toContainEqual(expect.objectContaining({ code: 'directive-ignored', detail: 'transition=convex' }));
  });
});

describe('chart options', () => {
  const optionsChart = el('chart', [], {
    statKey: 'interviews.byMonthAndTrack',
    view: 'stackedBar',
    title: 'Interviews in het voorjaar',
    hideTitle: false,
    palette: 'orange',
    xTitle: 'Maand',
    yTitle: 'Aantal',
    from: '2026-02',
    to: '2026-05',
  });

  test('title, palette, axis titles and period go through the file and back, written only when set', () => {
    const markdown = expectStable([{ content: [optionsChart, el('chart', [], { statKey: 'interviews.total', view: 'number', hideTitle: true })] }]);
    expect(markdown).toContain(['```chart', 'stat: interviews.byMonthAndTrack', 'view: stackedBar', 'title: Interviews in het voorjaar', 'palette: orange', 'xTitle: Maand', 'yTitle: Aantal', 'from: 2026-02', 'to: 2026-05', '```'].join('\n'));
    expect(markdown).toContain(['```chart', 'stat: interviews.total', 'view: number', 'hideTitle: true', '```'].join('\n'));
    const [first, second] = readFragment(listSlides(reimport(markdown))[0]!.content) as ElementNode[];
    expect(first!.attrs).toMatchObject({ title: 'Interviews in het voorjaar', palette: 'orange', xTitle: 'Maand', yTitle: 'Aantal', from: '2026-02', to: '2026-05' });
    expect(second!.attrs).toMatchObject({ hideTitle: true });
  });

  test('hostile or invalid options are left at their defaults; a period given backwards is turned round', () => {
    const file = ['---', 'format: tussenstand/1', 'title: T', '---', '', '```chart', 'stat: interviews.byMonth', 'view: bar', 'palette: url(javascript:alert(1))', 'from: 2026-13', 'to: 2026-01', `title: ${'x'.repeat(500)}`, 'xTitle: <img src=x onerror=alert(1)>', '```', ''].join('\n');
    const attrs = attrsOf(reimport(file));
    expect(attrs.palette).toBeUndefined();
    expect(attrs.from).toBeUndefined();
    expect(attrs.to).toBe('2026-01');
    expect(String(attrs.title)).toHaveLength(120);
    // Text stays text: the renderers draw it as such (never as markup).
    expect(attrs.xTitle).toBe('<img src=x onerror=alert(1)>');
    const backwards = attrsOf(reimport(file.replace('from: 2026-13', 'from: 2026-09')));
    expect([backwards.from, backwards.to]).toEqual(['2026-01', '2026-09']);
  });
});
