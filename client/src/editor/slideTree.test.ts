import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { addSlide, getSlide } from '../../../shared/deckModel.ts';
import { blockquote, bold, bulletList, chart, heading, paragraph, type Block } from '../../../shared/slideContent.ts';
import { fragmentToTree, slideTitle } from './slideTree.ts';

function slide(...content: Block[]): Y.XmlFragment {
  const doc = new Y.Doc();
  const id = addSlide(doc, { content });
  return getSlide(doc, id)!.content;
}

describe('fragmentToTree', () => {
  test('reads blocks, lists, marks and chart attributes', () => {
    const tree = fragmentToTree(slide(heading(2, 'Stand'), paragraph('Wel ', bold('vet'), '.'), bulletList('een', 'twee'), chart('interviews.total', 'number')));
    expect(tree).toEqual([
      { kind: 'element', name: 'heading', attrs: { level: 2 }, children: [{ kind: 'text', text: 'Stand', marks: {} }] },
      {
        kind: 'element',
        name: 'paragraph',
        attrs: {},
        children: [
          { kind: 'text', text: 'Wel ', marks: {} },
          { kind: 'text', text: 'vet', marks: { bold: true } },
          { kind: 'text', text: '.', marks: {} },
        ],
      },
      {
        kind: 'element',
        name: 'bulletList',
        attrs: {},
        children: ['een', 'twee'].map((text) => ({
          kind: 'element',
          name: 'listItem',
          attrs: {},
          children: [{ kind: 'element', name: 'paragraph', attrs: {}, children: [{ kind: 'text', text, marks: {} }] }],
        })),
      },
      { kind: 'element', name: 'chart', attrs: { statKey: 'interviews.total', view: 'number' }, children: [] },
    ]);
  });

  test('keeps a link href as data and reads overlapping mark names', () => {
    const doc = new Y.Doc();
    const id = addSlide(doc, {});
    const fragment = getSlide(doc, id)!.content;
    const p = new Y.XmlElement('paragraph');
    const text = new Y.XmlText();
    fragment.insert(0, [p]);
    p.insert(0, [text]);
    text.insert(0, 'klik', { link: { href: 'javascript:alert(1)' }, 'italic--abc123': {} });
    expect(fragmentToTree(fragment)).toEqual([
      { kind: 'element', name: 'paragraph', attrs: {}, children: [{ kind: 'text', text: 'klik', marks: { link: 'javascript:alert(1)', italic: true } }] },
    ]);
  });
});

describe('slideTitle', () => {
  test('prefers the first non-empty heading, else the first text', () => {
    expect(slideTitle(fragmentToTree(slide(paragraph('intro'), heading(1, ''), heading(2, 'Vervolg'))))).toBe('Vervolg');
    expect(slideTitle(fragmentToTree(slide(blockquote('We zagen de vaten'), paragraph('— waterschap'))))).toBe('We zagen de vaten');
    expect(slideTitle(fragmentToTree(slide()))).toBe('');
  });
});
