/**
 * Opening a slide must not change it (issue #14). y-prosemirror, which binds the editor to a
 * slide's Y.XmlFragment, deletes from the shared document every element its schema cannot
 * represent and, once someone types in a block, every attribute the schema does not declare.
 * So: every node, mark and attribute that a deck file, a template or an example writes into
 * a slide is in the editor's schema — built from the very extension list the editor uses —
 * and survives y-prosemirror's conversion in both directions unchanged; and the read-only
 * renderer draws every node the schema has.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getSchema } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { prosemirrorToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { listSlides } from '../../../shared/deckModel.ts';
import { buildDeck } from '../../../shared/deckFile/buildDeck.ts';
import { parseDeck } from '../../../shared/deckFile/parseDeck.ts';
import { deckContentExtensions } from './editorExtensions.ts';
import { RENDERED_MARKS, RENDERED_NODES } from './SlideContentView.tsx';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The .md files in `dir` (relative to the repository), in subfolders too when `recursive`. */
function markdown(dir: string, recursive: boolean): string[] {
  if (!fs.existsSync(path.join(ROOT, dir))) return [];
  return (fs.readdirSync(path.join(ROOT, dir), { recursive }) as string[])
    .filter((f) => f.endsWith('.md'))
    .map((f) => path.join(dir, f))
    .sort();
}

/** Every deck file the import can be given in the tests, the templates and the examples (fixtures in subfolders too). */
function deckFiles(): string[] {
  return [...markdown('test/fixtures/decks', true), ...markdown('decks/templates', false), ...markdown('decks/examples', false)];
}

/**
 * A Slidev deck with every node, mark and attribute the import writes today, for as long as
 * no fixture holds them all (a code block with a known and an unknown language, a remote
 * image, a frozen chart, a numbered list that starts at 3, a table, a hard break).
 */
const EVERY_NODE_DECK = [
  '---',
  'theme: default',
  '---',
  '',
  '# Alles wat een dia kan bevatten',
  '',
  'Tekst met **vet**, *cursief*, <u>onderstreept</u>, ~~doorgehaald~~, `code` en een [link](https://example.org).  ',
  'Na een harde regelafbreking.',
  '',
  '---',
  'layout: default',
  '---',
  '',
  '## Code',
  '',
  '```ts',
  'const stand: number = 42; // de tussenstand',
  '```',
  '',
  '```klingon',
  "qaStaH nuq'?",
  '```',
  '',
  '```',
  'zonder taal',
  '```',
  '',
  '<!-- Notities met `code` -->',
  '',
  '---',
  '',
  '3. drie',
  '4. vier',
  '',
  '- een',
  '  - genest',
  '',
  '> Een citaat',
  '',
  '![Een kaart van elders](https://example.org/kaart.png)',
  '',
  '| Kop | Kolom |',
  '| --- | ----- |',
  '| a   | **b** |',
  '',
  '***',
  '',
  '```chart',
  'stat: interviews.total',
  'view: number',
  'frozenValue: "12"',
  'frozenAt: 2026-01-31T12:00:00.000Z',
  '```',
  '',
  '```chart',
  'stat: interviews.total',
  'view: bar',
  'frozenValue: "14"',
  'frozenAt: 2026-02-02T12:00:00.000Z',
  'frozenReason: hand',
  '```',
  '',
].join('\n');

const schema: Schema = getSchema(deckContentExtensions());

/** y-prosemirror names overlapping marks `name--<hash>`. */
const markName = (key: string): string => /^(.*)--[a-zA-Z0-9+/=]{8}$/.exec(key)?.[1] ?? key;

type Dumped = { element: string; attrs: Record<string, unknown>; children: Dumped[] } | { text: { insert: unknown; attributes?: Record<string, unknown> }[] };

/**
 * A fragment as plain data, with the values' types (toString() would print 1 and "1" alike).
 * A mark's null-valued attributes are left out: y-prosemirror writes every attribute a mark
 * declares, null ones included, and compares marks without them (its equalAttrs) too.
 */
function dump(parent: Y.XmlFragment | Y.XmlElement): Dumped[] {
  return parent.toArray().map((child): Dumped => {
    if (child instanceof Y.XmlText) {
      return {
        text: (child.toDelta() as { insert: unknown; attributes?: Record<string, Record<string, unknown> | null> }[]).map((op) => ({
          insert: op.insert,
          ...(op.attributes
            ? { attributes: Object.fromEntries(Object.entries(op.attributes).map(([k, v]) => [k, v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null)) : v])) }
            : {}),
        })),
      };
    }
    if (child instanceof Y.XmlElement) return { element: child.nodeName, attrs: child.getAttributes(), children: dump(child) };
    throw new Error(`unexpected ${child.constructor.name} in a slide`);
  });
}

/** What of `fragment` the schema has no place for: element names, attribute keys, mark names, mark attribute keys. */
function notInSchema(parent: Y.XmlFragment | Y.XmlElement, where = ''): string[] {
  const missing: string[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlElement) {
      const type = schema.nodes[child.nodeName];
      const at = `${where}/${child.nodeName}`;
      if (!type) missing.push(`node ${at}`);
      else for (const key of Object.keys(child.getAttributes())) if (!(key in (type.spec.attrs ?? {}))) missing.push(`attribute ${at}[${key}]`);
      missing.push(...notInSchema(child, at));
    } else if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { attributes?: Record<string, unknown> }[]) {
        for (const [key, value] of Object.entries(op.attributes ?? {})) {
          const mark = schema.marks[markName(key)];
          if (!mark) missing.push(`mark ${where}/${key}`);
          else if (value && typeof value === 'object') for (const attr of Object.keys(value)) if (!(attr in (mark.spec.attrs ?? {}))) missing.push(`mark attribute ${where}/${key}[${attr}]`);
        }
      }
    }
  }
  return missing;
}

describe('the editor schema holds everything a deck file can put into a slide', () => {
  const files = deckFiles();

  test('there are deck files to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
    expect(files).toContain(path.join('decks', 'examples', 'tussenstand-spoor-3.md'));
  });

  test('the inline deck holds every node the import writes', () => {
    const doc = new Y.Doc();
    buildDeck(doc, parseDeck(EVERY_NODE_DECK));
    const xml = listSlides(doc).map((slide) => slide.content.toString() + slide.notes.toString()).join('');
    for (const name of ['codeblock language="ts"', 'codeblock language="klingon"', '<codeblock>', 'image', 'chart', 'frozenvalue', 'orderedlist start="3"', 'tablecell', 'tableheader', 'hardbreak', 'blockquote', 'horizontalrule', 'link', 'underline', 'strike']) {
      expect(xml.toLowerCase()).toContain(name);
    }
  });

  test.each([...files, 'inline: every node'])('%s', (file) => {
    // A file that does not parse fails here: every fixture, template and example is a deck.
    const parsed = parseDeck(file.startsWith('inline:') ? EVERY_NODE_DECK : fs.readFileSync(path.join(ROOT, file), 'utf8'));
    const doc = new Y.Doc();
    buildDeck(doc, parsed);
    const slides = listSlides(doc);
    expect(slides.length).toBe(parsed.slides.length);
    slides.forEach((slide, index) => {
      for (const [part, fragment] of [
        ['content', slide.content],
        ['notes', slide.notes],
      ] as const) {
        const label = `${file} slide ${index + 1} ${part}`;
        const before = dump(fragment);
        const xml = fragment.toString();
        // (a) every element, attribute and mark is declared.
        expect(notInSchema(fragment), label).toEqual([]);
        // (b) opening it in the editor (y-prosemirror's conversion) deletes nothing.
        const pmDoc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
        // An empty fragment (no notes) is what every new slide has; the editor fills it itself.
        if (pmDoc.childCount > 0) expect(() => pmDoc.check(), `${label}: valid content for the schema`).not.toThrow();
        expect(dump(fragment), label).toEqual(before);
        expect(fragment.toString(), label).toBe(xml);
        // (c) writing the editor's document back — as y-prosemirror does once someone types —
        // gives the same elements, attributes (with their types), text and marks.
        const fresh = new Y.Doc().getXmlFragment('slide');
        prosemirrorToYXmlFragment(pmDoc, fresh);
        expect(dump(fresh), label).toEqual(before);
      }
    });
  });
});

describe('the editor schema', () => {
  test('has the nodes and attributes the import writes', () => {
    const attrs = (name: string): string[] => Object.keys(schema.nodes[name]?.spec.attrs ?? {});
    expect(attrs('codeBlock')).toContain('language');
    expect(attrs('heading')).toContain('level');
    expect(attrs('orderedList')).toContain('start');
    expect(attrs('image')).toEqual(expect.arrayContaining(['src', 'alt', 'title']));
    expect(attrs('chart')).toEqual(expect.arrayContaining(['statKey', 'view', 'frozenValue', 'frozenAt', 'frozenReason']));
    for (const cell of ['tableCell', 'tableHeader']) expect(attrs(cell)).toEqual(expect.arrayContaining(['colspan', 'rowspan', 'colwidth']));
    // Size, alignment and fit (shared/mediaSize.ts), and an image's "decorative".
    expect(attrs('image')).toEqual(expect.arrayContaining(['width', 'align', 'fit', 'decorative']));
    expect(attrs('chart')).toEqual(expect.arrayContaining(['width', 'align']));
    expect(Object.keys(schema.marks).sort()).toEqual(['bold', 'code', 'fontSize', 'highlight', 'italic', 'link', 'strike', 'textColor', 'underline']);
    for (const block of ['paragraph', 'heading']) expect(attrs(block)).toEqual(expect.arrayContaining(['textAlign', 'lineSpacing']));
  });

  test('a link stores no target, rel or class of its own', () => {
    const link = schema.marks.link!.create({ href: 'https://example.org' });
    expect(Object.fromEntries(Object.entries(link.attrs).filter(([, v]) => v !== null))).toEqual({ href: 'https://example.org' });
  });

  test('links and inline code end where they end: moving the cursor past them inserts nothing', () => {
    // Tiptap's "exitable" marks insert a space on ArrowRight at the end of a paragraph.
    for (const name of ['link', 'code']) expect(schema.marks[name]!.spec.inclusive, name).toBe(false);
    const code = deckContentExtensions().find((extension) => extension.name === 'code');
    const link = deckContentExtensions().find((extension) => extension.name === 'link');
    for (const extension of [code, link]) expect((extension?.config as { exitable?: unknown } | undefined)?.exitable, extension?.name).toBe(false);
  });

  test('a code block keeps a language the highlighter does not know', () => {
    const fragment = new Y.Doc().getXmlFragment('slide');
    const block = new Y.XmlElement('codeBlock');
    block.setAttribute('language', 'klingon');
    block.insert(0, [new Y.XmlText('qaStaH nuq?')]);
    fragment.insert(0, [block]);
    const pmDoc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(pmDoc.firstChild?.attrs.language).toBe('klingon');
    const fresh = new Y.Doc().getXmlFragment('slide');
    prosemirrorToYXmlFragment(pmDoc, fresh);
    expect(dump(fresh)).toEqual(dump(fragment));
  });

  test('SlideContentView draws every node and mark of the schema', () => {
    const nodes = Object.keys(schema.nodes).filter((name) => name !== 'doc' && name !== 'text');
    expect(nodes.filter((name) => !(RENDERED_NODES as readonly string[]).includes(name))).toEqual([]);
    expect(Object.keys(schema.marks).filter((name) => !(RENDERED_MARKS as readonly string[]).includes(name))).toEqual([]);
  });
});

/** A slide with one paragraph (alignment, line spacing as given) whose second run has `marks`. */
function formattedSlide(align: unknown, spacing: unknown, marks: Record<string, unknown>): Y.XmlFragment {
  const fragment = new Y.Doc().getXmlFragment('slide');
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.setAttribute('textAlign', align as string);
  paragraph.setAttribute('lineSpacing', spacing as string);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  fragment.insert(0, [paragraph]);
  text.insert(0, 'Plain ');
  text.insert(6, 'formatted', marks);
  return fragment;
}

/** Tiptap's toDOM gives the output spec ['tag', attributes, 0]: the attributes are what reaches the page. */
const drawn = (spec: unknown) => (spec as [string, Record<string, unknown>])[1];

describe('text formatting in the schema (issue #17)', () => {
  test('size, colour, highlight, alignment and line spacing survive the editor both ways', () => {
    const fragment = formattedSlide('center', '1.5', { fontSize: { size: 150 }, textColor: { color: 'accent' }, highlight: { color: 'accent2' } });
    expect(notInSchema(fragment)).toEqual([]);
    const pmDoc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const paragraph = pmDoc.firstChild!;
    expect(paragraph.attrs).toMatchObject({ textAlign: 'center', lineSpacing: '1.5' });
    expect(paragraph.lastChild!.marks.map((m) => [m.type.name, m.attrs])).toEqual([
      ['fontSize', { size: 150 }],
      ['textColor', { color: 'accent' }],
      ['highlight', { color: 'accent2' }],
    ]);
    const fresh = new Y.Doc().getXmlFragment('slide');
    prosemirrorToYXmlFragment(pmDoc, fresh);
    expect(dump(fresh)).toEqual(dump(fragment));
  });

  test('a paragraph without formatting writes no formatting attributes', () => {
    const fresh = new Y.Doc().getXmlFragment('slide');
    prosemirrorToYXmlFragment(schema.node('doc', null, [schema.node('paragraph', null, [schema.text('x')])]), fresh);
    expect(fresh.toString()).toBe('<paragraph>x</paragraph>');
  });

  test('a hostile value in the shared document is never drawn: the editor renders no attribute for it', () => {
    const fragment = formattedSlide('center;color:red', 'expression(alert(1))', { fontSize: { size: '9999px' }, textColor: { color: 'url(javascript:alert(1))' }, highlight: { color: 'red' } });
    const pmDoc = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    const paragraph = pmDoc.firstChild!;
    expect(drawn(paragraph.type.spec.toDOM!(paragraph))).toEqual({});
    for (const mark of paragraph.lastChild!.marks) expect(drawn(mark.type.spec.toDOM!(mark, true)), mark.type.name).toEqual({});
    // The valid ones are drawn as data attributes the slide CSS styles.
    const valid = yXmlFragmentToProseMirrorRootNode(formattedSlide('right', '2', { fontSize: { size: 75 }, textColor: { color: 'danger' }, highlight: { color: 'muted' } }), schema).firstChild!;
    expect(drawn(valid.type.spec.toDOM!(valid))).toEqual({ 'data-align': 'right', 'data-line-spacing': '2' });
    expect(valid.lastChild!.marks.map((mark) => drawn(mark.type.spec.toDOM!(mark, true)))).toEqual([{ 'data-size': '75' }, { 'data-color': 'danger' }, { 'data-highlight': 'muted' }]);
  });
});
