/**
 * Images and charts in the PowerPoint file at their size on the slide (shared/mediaSize.ts): a
 * small picture at its natural size on the 1280-px slide (never enlarged), a stored width as a
 * share of the column, left/centre/right, and an image cropped to fill the slide behind the rest.
 */
import JSZip from 'jszip';
import * as Y from 'yjs';
import { describe, expect, test } from 'vitest';
import { addSlide, getSlide, writeMeta } from '../../../shared/deckModel.ts';
import { el, text, writeFragment, type ElementNode } from '../../../shared/deckFile/tree.ts';
import { deckToPptx } from '../pptx.ts';
import { MARGIN, SLIDE_W } from './geometry.ts';
import { chartFrame, imageFrame } from './imageSize.ts';
import { solidPng } from '../../../test/helpers/solidPng.ts';

const EMU = 914400;

const SMALL = solidPng(120, 80, [200, 30, 30]);
const WIDE = solidPng(1600, 400, [30, 90, 200]);

function deckWith(blocks: ElementNode[]): Uint8Array {
  const doc = new Y.Doc();
  doc.transact(() => {
    writeMeta(doc, { title: 'Maten', theme: 'tussenstand', period: '', language: 'nl' });
    const id = addSlide(doc, { layout: 'title-content' });
    writeFragment(getSlide(doc, id)!.content, blocks);
  });
  return Y.encodeStateAsUpdate(doc);
}

/** Every picture's frame on the first slide, in inches, in slide order. */
async function pictures(file: Buffer): Promise<{ x: number; y: number; w: number; h: number; xml: string }[]> {
  const zip = await JSZip.loadAsync(file);
  const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
  return [...slide.matchAll(/<p:pic>[\s\S]*?<\/p:pic>/g)].map((m) => {
    const off = /<a:off x="(\d+)" y="(\d+)"\/>/.exec(m[0])!;
    const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(m[0])!;
    return { x: Number(off[1]) / EMU, y: Number(off[2]) / EMU, w: Number(ext[1]) / EMU, h: Number(ext[2]) / EMU, xml: m[0] };
  });
}

const image = (attrs: Record<string, unknown> = {}) => el('image', [], { src: '/api/images/small1', alt: 'Klein', ...attrs });
const column = SLIDE_W - 2 * MARGIN;

describe('image and chart frames', () => {
  const box = { x: 1, y: 2, w: 10, h: 4 };
  test('a small image keeps its natural size on the 1280-px slide; a stored width is a share of the column', () => {
    const natural = imageFrame({ w: 120, h: 80 }, box, {});
    expect(natural.w).toBeCloseTo((120 / 1280) * SLIDE_W, 5);
    expect(natural.h).toBeCloseTo((natural.w * 80) / 120, 5);
    expect(natural.x).toBe(1);
    const share = imageFrame({ w: 120, h: 80 }, box, { width: 40, align: 'right' });
    expect(share.w).toBeCloseTo(4, 5);
    expect(share.x + share.w).toBeCloseTo(11, 5);
    // Never taller than the box: proportions kept.
    const tall = imageFrame({ w: 100, h: 1000 }, box, { width: 100, align: 'center' });
    expect(tall.h).toBeCloseTo(4, 5);
    expect(tall.w).toBeCloseTo(0.4, 5);
    expect(tall.x).toBeCloseTo(1 + (10 - 0.4) / 2, 5);
  });

  test('a chart takes its share and alignment; without, the whole column', () => {
    expect(chartFrame(box, {})).toEqual(box);
    expect(chartFrame(box, { width: 50, align: 'center' })).toEqual({ x: 3.5, y: 2, w: 5, h: 4 });
    expect(chartFrame(box, { width: 'x', align: 'sideways' })).toEqual(box);
  });
});

describe('the PowerPoint file', () => {
  test('a 120×80 image is not blown up to the column; 40 % centred is 40 % of the column, centred', async () => {
    const blocks = [el('heading', [text('Maten')], { level: 1 }), image(), image({ src: '/api/images/wide1', width: 40, align: 'center' })];
    const file = await deckToPptx(deckWith(blocks), { statValue: () => null, image: async (id) => (id === 'wide1' ? WIDE : SMALL), title: 'Maten' });
    const [small, share] = await pictures(file);
    expect(small!.w).toBeCloseTo((120 / 1280) * SLIDE_W, 2);
    expect(small!.x).toBeCloseTo(MARGIN, 2);
    expect(share!.w).toBeCloseTo(column * 0.4, 2);
    expect(share!.x + share!.w / 2).toBeCloseTo(SLIDE_W / 2, 2);
  });

  test('"crop to slide": the image fills the slide, cropped, behind the title', async () => {
    const file = await deckToPptx(deckWith([el('heading', [text('Over de foto')], { level: 1 }), el('image', [], { src: '/api/images/wide1', alt: '', decorative: true, fit: 'cover' })]), { statValue: () => null, image: async () => WIDE, title: 'Foto' });
    const [cover] = await pictures(file);
    expect(cover).toMatchObject({ x: 0, y: 0 });
    expect(cover!.w).toBeCloseTo(SLIDE_W, 2);
    expect(cover!.h).toBeCloseTo(7.5, 2);
    expect(cover!.xml).toMatch(/<a:srcRect l="\d+" r="\d+"/);
    const zip = await JSZip.loadAsync(file);
    const slide = await zip.file('ppt/slides/slide1.xml')!.async('string');
    expect(slide.indexOf('<p:pic>')).toBeLessThan(slide.indexOf('Over de foto'));
  });
});
