import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { countSteps, hasStepList, revealedCopy } from './stepReveal.ts';

function item(text: string, ...rest: Y.XmlElement[]): Y.XmlElement {
  const li = new Y.XmlElement('listItem');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  li.insert(0, [p, ...rest]);
  return li;
}

function list(name: string, items: Y.XmlElement[], step = true): Y.XmlElement {
  const l = new Y.XmlElement(name);
  if (step) l.setAttribute('reveal', 'step');
  l.insert(0, items);
  return l;
}

/** `<ul reveal=step><li>a<ul reveal=step><li>a1</li><li>a2</li></ul></li><li>b</li></ul><p>after</p><ol reveal=step><li>c</li></ol>` */
function content(): Y.XmlFragment {
  const doc = new Y.Doc();
  const fragment = doc.getXmlFragment('c');
  const after = new Y.XmlElement('paragraph');
  after.insert(0, [new Y.XmlText('after')]);
  fragment.insert(0, [list('bulletList', [item('a', list('bulletList', [item('a1'), item('a2')])), item('b')]), after, list('orderedList', [item('c')]), list('bulletList', [item('plain')], false)]);
  return fragment;
}

const texts = (f: Y.XmlFragment): string => f.toString().replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();

describe('step lists', () => {
  test('steps are counted in document order, an item before the steps nested in it; plain lists have none', () => {
    const c = content();
    expect(countSteps(c)).toBe(5);
    expect(hasStepList(c)).toBe(true);
  });

  test.each([
    [0, 'after plain'],
    [1, 'a after plain'],
    [2, 'a a1 after plain'],
    [3, 'a a1 a2 after plain'],
    [4, 'a a1 a2 b after plain'],
    [5, 'a a1 a2 b after c plain'],
    [9, 'a a1 a2 b after c plain'],
  ])('a copy with %i steps revealed holds the first ones only, and everything else', (revealed, expected) => {
    const source = content();
    const copy = revealedCopy(source, revealed);
    expect(texts(copy.fragment)).toBe(expected);
    // The source is untouched.
    expect(countSteps(source)).toBe(5);
    copy.doc.destroy();
  });
});
