import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import { appendBlocks, bold, bulletList, chart, heading, paragraph } from '../../shared/slideContent.ts';
import { mirrorChildren, type Block } from './mirrorBlocks.ts';

/** A source fragment, its copy in another document, and what copying each change sends. */
function pair() {
  const source = new Y.Doc();
  const copy = new Y.Doc();
  const from = source.getXmlFragment('content');
  const to = copy.getXmlFragment('content');
  let fingerprints: string[] = [];
  const sync = (): number => {
    let bytes = 0;
    const onUpdate = (u: Uint8Array): void => void (bytes += u.byteLength);
    copy.on('update', onUpdate);
    copy.transact(() => (fingerprints = mirrorChildren(from, to, fingerprints)));
    copy.off('update', onUpdate);
    expect(to.toString()).toBe(from.toString());
    return bytes;
  };
  return { source, from, to, sync };
}

/** A tiny seeded generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function texts(node: Y.XmlFragment | Y.XmlElement, out: Y.XmlText[] = []): Y.XmlText[] {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) out.push(child);
    else if (child instanceof Y.XmlElement) texts(child, out);
  }
  return out;
}

describe('[AU5] mirroring slide content into the audience document', () => {
  test('a keystroke in a long paragraph sends about a keystroke', () => {
    const { source, from, sync } = pair();
    source.transact(() => appendBlocks(from, [heading(1, 'Title'), paragraph('x'.repeat(20_000)), paragraph('after')]));
    expect(sync()).toBeGreaterThan(20_000);
    texts(from)[1]!.insert(10_000, 'y');
    expect(sync()).toBeLessThan(100);
    texts(from)[1]!.delete(5, 100);
    expect(sync()).toBeLessThan(100);
  });

  test('formatting, attributes, lists, charts and whole blocks follow exactly (seeded random edits)', () => {
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) {
      const next = random(seed);
      const { source, from, sync } = pair();
      source.transact(() => appendBlocks(from, [heading(1, 'Tussenstand'), paragraph('Een ', bold('vet'), ' woord'), bulletList('een', 'twee'), chart('interviews.total', 'bar')]));
      sync();
      for (let step = 0; step < 120; step++) {
        const runs = texts(from);
        const pick = next();
        source.transact(() => {
          if (pick < 0.35 && runs.length > 0) {
            const t = runs[Math.floor(next() * runs.length)]!;
            t.insert(Math.floor(next() * (t.length + 1)), 'abc'.slice(0, 1 + Math.floor(next() * 3)));
          } else if (pick < 0.5 && runs.length > 0) {
            const t = runs[Math.floor(next() * runs.length)]!;
            if (t.length > 0) t.delete(Math.floor(next() * t.length), 1);
          } else if (pick < 0.6 && runs.length > 0) {
            const t = runs[Math.floor(next() * runs.length)]!;
            if (t.length > 1) t.format(0, 1 + Math.floor(next() * (t.length - 1)), { bold: next() < 0.5 ? {} : null });
          } else if (pick < 0.7) {
            appendBlocks(from, [next() < 0.5 ? paragraph(`p${step}`) : bulletList(`i${step}`)]);
          } else if (pick < 0.8 && from.length > 1) {
            from.delete(Math.floor(next() * from.length), 1);
          } else if (pick < 0.9) {
            const charts = from.toArray().filter((n): n is Y.XmlElement => n instanceof Y.XmlElement && n.nodeName === 'chart');
            if (charts[0]) charts[0].setAttribute('view', next() < 0.5 ? 'pie' : 'line');
          } else {
            const block = from.toArray()[Math.floor(next() * from.length)] as Block | undefined;
            if (block) from.insert(0, [block.clone()]);
          }
        });
        sync();
      }
    }
  });

  test('the width, alignment and fit of an image and a chart reach attendees; a size set back to none is removed', () => {
    const { source, from, to, sync } = pair();
    source.transact(() => {
      appendBlocks(from, [heading(1, 'Maten'), chart('interviews.total', 'bar')]);
      const image = new Y.XmlElement('image');
      image.setAttribute('src', '/api/images/abc');
      image.setAttribute('alt', 'Kaart');
      from.insert(1, [image]);
    });
    sync();
    const [, image, chartBlock] = from.toArray() as Y.XmlElement[];
    source.transact(() => {
      image!.setAttribute('width', 40 as unknown as string);
      image!.setAttribute('align', 'center');
      chartBlock!.setAttribute('width', 60 as unknown as string);
      chartBlock!.setAttribute('align', 'right');
    });
    expect(sync()).toBeLessThan(400);
    const [, copied, copiedChart] = to.toArray() as Y.XmlElement[];
    expect(copied!.getAttributes()).toMatchObject({ width: 40, align: 'center' });
    expect(copiedChart!.getAttributes()).toMatchObject({ width: 60, align: 'right' });
    source.transact(() => {
      image!.removeAttribute('width');
      image!.setAttribute('fit', 'cover');
    });
    sync();
    expect(copied!.getAttribute('width')).toBeUndefined();
    expect(copied!.getAttribute('fit')).toBe('cover');
  });
});
