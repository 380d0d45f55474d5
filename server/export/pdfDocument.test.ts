import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, test } from 'vitest';
import { pdfPageOfSlide } from '../../shared/exportOptions.ts';
import { readOutline, withDocumentInfo } from './pdfDocument.ts';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfdoc-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A PDF like Chromium's: `count` pages, each with "page N" on it. */
async function samplePdf(count: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let i = 0; i < count; i++) doc.addPage([595, 842]).drawText(`page ${i + 1}`, { x: 50, y: 780, size: 20, font });
  return doc.save();
}

function poppler(tool: 'pdfinfo' | 'pdftotext', bytes: Uint8Array, args: string[] = []): string {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.pdf`);
  fs.writeFileSync(file, bytes);
  return execFileSync(tool, [...args, file, ...(tool === 'pdftotext' ? ['-'] : [])], { encoding: 'utf8' });
}

const TITLES = ['Tussenstand Spoor 3 — fenomeenonderzoek', '', 'Café crème & ‘quotes’', '中間報告のテスト 📊', 'Laatste dia'];

describe('withDocumentInfo', () => {
  test('metadata: title, author, subject, creator, language — pdfinfo reads them, non-ASCII included', async () => {
    const out = await withDocumentInfo(await samplePdf(3), {
      title: 'Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs',
      author: 'Anna de Vries-Çelik',
      language: 'nl',
      slides: [],
      createdAt: new Date('2026-12-02T12:00:00Z'),
    });
    const info = poppler('pdfinfo', out, ['-enc', 'UTF-8']);
    expect(info).toMatch(/^Title:\s+Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs$/m);
    expect(info).toMatch(/^Author:\s+Anna de Vries-Çelik$/m);
    expect(info).toMatch(/^Subject:\s+Presentatie$/m);
    expect(info).toMatch(/^Creator:\s+Tussenstand$/m);
    expect(info).toMatch(/^Producer:\s+Tussenstand/m);
    expect(info).toMatch(/^Pages:\s+3$/m);
    expect(info).toMatch(/^CreationDate:.*2026/m);
    const doc = await PDFDocument.load(out);
    expect(doc.getTitle()).toBe('Tussenstand Spoor 3 — fenomeenonderzoek synthetische drugs');
    expect(doc.getAuthor()).toBe('Anna de Vries-Çelik');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-12-02T12:00:00.000Z');
    expect(doc.catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('nl');
    // The pages' content is untouched.
    expect(poppler('pdftotext', out, ['-enc', 'UTF-8', '-f', '2', '-l', '2'])).toContain('page 2');
  });

  test('outline: one entry per slide, in order, titles with é, — and Japanese, "Dia 2" for a slide without heading', async () => {
    const slides = TITLES.map((title, i) => ({ title, page: i }));
    const out = await withDocumentInfo(await samplePdf(5), { title: 'Deck', language: 'nl', slides });
    expect(await readOutline(out)).toEqual([
      { title: 'Tussenstand Spoor 3 — fenomeenonderzoek', page: 0 },
      { title: 'Dia 2', page: 1 },
      { title: 'Café crème & ‘quotes’', page: 2 },
      { title: '中間報告のテスト 📊', page: 3 },
      { title: 'Laatste dia', page: 4 },
    ]);
    // The tree's links, walked by hand: /Count, /Parent, /Prev, /Last.
    const doc = await PDFDocument.load(out);
    const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(root.get(PDFName.of('Count'))?.toString()).toBe('5');
    const first = root.lookup(PDFName.of('First'), PDFDict);
    const last = root.lookup(PDFName.of('Last'), PDFDict);
    expect(first.get(PDFName.of('Prev'))).toBeUndefined();
    expect(last.get(PDFName.of('Next'))).toBeUndefined();
    expect(first.get(PDFName.of('Parent'))?.toString()).toBe(doc.catalog.get(PDFName.of('Outlines'))?.toString());
    expect(doc.context.lookup(last.get(PDFName.of('Prev')), PDFDict).get(PDFName.of('Next'))?.toString()).toBe(root.get(PDFName.of('Last'))?.toString());
  });

  test('English words; the notes PDF points each slide at its slide page (2N-1)', async () => {
    const slides = ['One', '', 'Three'].map((title, i) => ({ title, page: pdfPageOfSlide(i, { notes: true }) }));
    const out = await withDocumentInfo(await samplePdf(6), { title: 'Deck', language: 'en', notes: true, slides });
    expect(await readOutline(out)).toEqual([
      { title: 'One', page: 0 },
      { title: 'Slide 2', page: 2 },
      { title: 'Three', page: 4 },
    ]);
    expect(poppler('pdfinfo', out, ['-enc', 'UTF-8'])).toMatch(/^Subject:\s+Presentation with speaker notes$/m);
  });

  test('a handout points each slide at the page holding it', async () => {
    const handout = { perPage: 3, lines: true } as const;
    const slides = Array.from({ length: 10 }, (_, i) => ({ title: `S${i + 1}`, page: pdfPageOfSlide(i, { notes: false, handout }) }));
    const out = await withDocumentInfo(await samplePdf(4), { title: 'Deck', language: 'nl', handout, slides });
    expect((await readOutline(out)).map((e) => e.page)).toEqual([0, 0, 0, 1, 1, 1, 2, 2, 2, 3]);
    expect(poppler('pdfinfo', out, ['-enc', 'UTF-8'])).toMatch(/^Subject:\s+Hand-out, 3 dia’s per pagina$/m);
  });

  test('a stored version: "as presented on <date>" in title and subject', async () => {
    const out = await withDocumentInfo(await samplePdf(1), { title: 'Kwartaal', language: 'en', slides: [{ title: 'A', page: 0 }], presentedAt: '2026-11-03T10:00:00Z' });
    const info = poppler('pdfinfo', out, ['-enc', 'UTF-8']);
    expect(info).toMatch(/^Title:\s+Kwartaal \(as presented on 3 November 2026\)$/m);
    expect(info).toMatch(/^Subject:\s+Presentation, as presented on 3 November 2026$/m);
  });

  test('slides pointing past the last page are left out, never a broken bookmark', async () => {
    const out = await withDocumentInfo(await samplePdf(2), { title: 'D', language: 'nl', slides: [0, 1, 2].map((page) => ({ title: `T${page}`, page })) });
    expect(await readOutline(out)).toEqual([
      { title: 'T0', page: 0 },
      { title: 'T1', page: 1 },
    ]);
  });
});
