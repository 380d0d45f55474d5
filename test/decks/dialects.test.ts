/**
 * Each dialect read by its own tool's rule (docs/deck-format.md, "Importing other
 * dialects"), checked on fixture decks written the way each tool's users write them:
 * test/fixtures/decks/<dialect>/<name>.md with what the tool shows in <name>.expected.json.
 * And for every fixture, template and example: import → export → import → export gives
 * the first export again, and the re-import holds every character of the import's text
 * and notes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { ImportNotice, RemoteImageRef } from '../../shared/importReport.ts';
import { listSlides } from '../../shared/deckModel.ts';
import { fragmentText } from '../../shared/slideContent.ts';
import { buildDeck } from '../../shared/deckFile/buildDeck.ts';
import { buildImportReport } from '../../shared/deckFile/importReport.ts';
import { parseDeck, type ParsedSlide } from '../../shared/deckFile/parseDeck.ts';
import { deckToMarkdown } from '../../shared/deckFile/toMarkdown.ts';
import type { ElementNode, TreeNode } from '../../shared/deckFile/tree.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures/decks');
const DIALECTS = ['slidev', 'marp', 'reveal', 'reveal-md', 'hedgedoc', 'tussenstand'];

interface Expected {
  dialect: string;
  title: string;
  exportIsSource?: boolean;
  slides: { layout: string; first: string; notes: string; contains?: string; lacks?: string; last?: string; columns?: boolean }[];
  notices: (Partial<ImportNotice> & { code: string })[];
  remoteImages?: RemoteImageRef[];
}

const read = (file: string): string => fs.readFileSync(file, 'utf8');

/** A block's text as a reader sees it: hard breaks as line ends, list items and rows on lines. */
function blockText(node: TreeNode): string {
  if (node.type === 'text') return (node as { text: string }).text;
  if (node.type === 'hardBreak') return '\n';
  const el = node as ElementNode;
  if (el.type === 'image') return String(el.attrs.alt ?? '');
  const inner = el.content.map(blockText);
  return ['paragraph', 'heading', 'codeBlock', 'tableHeader', 'tableCell'].includes(el.type) ? inner.join('') : inner.join('\n');
}

const slideText = (nodes: ElementNode[]): string => nodes.map(blockText).join('\n');

function exportOf(markdown: string): { doc: Y.Doc; markdown: string } {
  const doc = new Y.Doc();
  buildDeck(doc, parseDeck(markdown));
  return { doc, markdown: deckToMarkdown(doc) };
}

const withExpectations = DIALECTS.flatMap((dialect) =>
  fs
    .readdirSync(path.join(FIXTURES, dialect))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `${dialect}/${f}`),
);

describe('each dialect as its tool reads it', () => {
  test.each(withExpectations)('%s', (name) => {
    const expected = JSON.parse(read(path.join(FIXTURES, name.replace(/\.md$/, '.expected.json')))) as Expected;
    const parsed = parseDeck(read(path.join(FIXTURES, name)));
    expect(parsed.dialect).toBe(expected.dialect);
    expect(parsed.meta.title).toBe(expected.title);
    const slides = parsed.slides.map((s: ParsedSlide) => ({
      layout: s.layout,
      first: s.content[0] ? blockText(s.content[0]) : '',
      notes: slideText(s.notes),
      text: slideText(s.content),
      last: s.content.at(-1) ? blockText(s.content.at(-1)!) : '',
      columns: s.content.some((n) => n.type === 'horizontalRule'),
    }));
    expect(slides.map((s) => ({ layout: s.layout, first: s.first, notes: s.notes }))).toEqual(expected.slides.map((s) => ({ layout: s.layout, first: s.first, notes: s.notes })));
    expected.slides.forEach((want, i) => {
      const got = slides[i]!;
      if (want.contains !== undefined) expect(got.text, `slide ${i + 1}`).toContain(want.contains);
      if (want.lacks !== undefined) expect(got.text, `slide ${i + 1}`).not.toContain(want.lacks);
      if (want.last !== undefined) expect(got.last, `slide ${i + 1}`).toBe(want.last);
      if (want.columns !== undefined) expect(got.columns, `slide ${i + 1}`).toBe(want.columns);
    });
    for (const notice of expected.notices) expect(parsed.notices, JSON.stringify(notice)).toContainEqual(expect.objectContaining(notice));
    if (expected.notices.length === 0) expect(parsed.notices).toEqual([]);
    const report = buildImportReport(parsed, 'utf-8');
    expect(report).toMatchObject({ dialect: expected.dialect, title: expected.title, slides: expected.slides.length, slidesWithNotes: expected.slides.filter((s) => s.notes !== '').length });
    if (expected.remoteImages) expect(report.remoteImages).toEqual(expected.remoteImages);
    if (expected.exportIsSource) expect(exportOf(read(path.join(FIXTURES, name))).markdown).toBe(read(path.join(FIXTURES, name)));
  });
});

const texts = (doc: Y.Doc) => listSlides(doc).map((s) => ({ layout: s.layout, text: fragmentText(s.content), notes: fragmentText(s.notes) }));

function allDecks(): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.md')) files.push(path.relative(ROOT, full));
    }
  };
  for (const dir of ['test/fixtures/decks', 'decks/templates', 'decks/examples']) walk(path.join(ROOT, dir));
  return files.sort();
}

describe('round trip', () => {
  test.each(allDecks())('%s: export → import → export is a fixed point and keeps every character', (file) => {
    const first = exportOf(read(path.join(ROOT, file)));
    const second = exportOf(first.markdown);
    expect(second.markdown).toBe(first.markdown);
    expect(texts(second.doc)).toEqual(texts(first.doc));
    expect(parseDeck(first.markdown).dialect).toBe('tussenstand');
  });
});

describe('files of the largest size an import takes are read in linear time', () => {
  const MiB = 1024 * 1024;
  const fill = (unit: string, prefix = ''): string => prefix + unit.repeat(Math.floor((MiB - prefix.length) / unit.length));
  test.each([
    ['slidev: openers without closers', fill('---x\nk: v\n', '---\ntheme: seriph\n---\n\n')],
    ['slidev: comments and slots', fill('<!-- a -->\n::right::\n<v-click>x</v-click>\n---\n\n', '---\nlayout: cover\n---\n\n')],
    ['marp: headings and comments', fill('## h\n<!-- _class: lead -->\n<!-- note -->\n', '<!-- headingDivider: 2 -->\n\n')],
    ['reveal-md: a custom separator', fill('a <!--s--> b\n', '---\nseparator: <!--s-->\n---\n\n')],
    ['reveal: notes markers', fill('Note: x\n\n---\n\n')],
    ['own: comments and separators', fill('<!-- x -->\n\n---\n\n', '---\nformat: tussenstand/1\n---\n\n')],
    ['own: one line of comment openers in code spans', fill('`<!--` ', '---\nformat: tussenstand/1\n---\n\n')],
  ])('%s', (_name, text) => {
    const started = performance.now();
    try {
      parseDeck(text);
    } catch {
      // refused is fine too; it must be quick either way
    }
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
