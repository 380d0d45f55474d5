/**
 * What a PDF from Chromium lacks and a reader sees: document metadata (title, author,
 * subject, creator, producer, creation date, language) and an outline (bookmarks) with one
 * entry per slide, pointing at the page that slide is on.
 *
 * pdf-lib has setters for the Info dictionary but no outline API, so the /Outlines tree is
 * built from its low-level objects (PDF 1.7 §12.3.3): one /Outlines dictionary with /First,
 * /Last and /Count, and per slide an item with /Title (UTF-16 hex string, so é, — and
 * Japanese survive), /Parent, /Prev, /Next and /Dest [page /Fit].
 */
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import type { Page } from 'playwright-core';
import { pdfPageOfSlide, type HandoutOptions } from '../../shared/exportOptions.ts';
import { presentedDate } from '../../shared/statLabels.ts';

export interface PdfSlide {
  /** The slide's first heading, or '' (then "Dia 3" / "Slide 3"). */
  title: string;
  /** 0-based page the slide is drawn on. */
  page: number;
}

export interface PdfDocumentInfo {
  title: string;
  author?: string;
  language: 'nl' | 'en';
  /** What kind of export, for the subject: the deck, with notes, or a handout. */
  notes?: boolean;
  handout?: HandoutOptions;
  slides: PdfSlide[];
  /** ISO date: the export is of the deck as presented then (a stored version). */
  presentedAt?: string;
  /** ISO date: the export is of a version made then (not presented). */
  versionOf?: string;
  /** Defaults to now; a parameter so tests are deterministic. */
  createdAt?: Date;
}

const WORDS = {
  nl: { slide: (n: number) => `Dia ${n}`, deck: 'Presentatie', notes: 'Presentatie met sprekersnotities', handout: (n: number) => `Hand-out, ${n} dia’s per pagina`, presented: (d: string) => `zoals gepresenteerd op ${d}`, versionOf: (d: string) => `versie van ${d}` },
  en: { slide: (n: number) => `Slide ${n}`, deck: 'Presentation', notes: 'Presentation with speaker notes', handout: (n: number) => `Handout, ${n} slides per page`, presented: (d: string) => `as presented on ${d}`, versionOf: (d: string) => `version of ${d}` },
} as const;

/** Text for a PDF text string: PDFHexString.fromText writes UTF-16BE with a BOM, which every reader decodes. */
const text = (value: string): PDFHexString => PDFHexString.fromText(value);

/** Chromium's PDF with metadata and one bookmark per slide. */
export async function withDocumentInfo(pdf: Uint8Array, info: PdfDocumentInfo): Promise<Uint8Array> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  const words = WORDS[info.language];
  const presented = info.presentedAt ? words.presented(presentedDate(info.presentedAt, info.language)) : info.versionOf ? words.versionOf(presentedDate(info.versionOf, info.language)) : '';
  const kind = info.handout ? words.handout(info.handout.perPage) : info.notes ? words.notes : words.deck;
  const title = info.title.trim() || words.deck;
  const created = info.createdAt ?? new Date();

  doc.setTitle(presented ? `${title} (${presented})` : title, { showInWindowTitleBar: true });
  if (info.author) doc.setAuthor(info.author);
  doc.setSubject(presented ? `${kind}, ${presented}` : kind);
  doc.setCreator('Tussenstand');
  doc.setProducer('Tussenstand (Chromium, pdf-lib)');
  doc.setCreationDate(created);
  doc.setModificationDate(created);
  doc.setLanguage(info.language);
  addOutline(doc, info.slides.map((slide, i) => ({ title: slide.title.trim() || words.slide(i + 1), page: slide.page })));
  // No object streams: every dictionary (links, actions) stays readable as plain text in the
  // file, as Chromium writes it, so a scanner — and the injection test — sees each /URI and
  // would see any /JavaScript. Chromium's tagged structure tree is carried over as it is.
  return doc.save({ useObjectStreams: false });
}

function addOutline(doc: PDFDocument, entries: { title: string; page: number }[]): void {
  const pages = doc.getPages();
  const items = entries.filter((e) => e.page >= 0 && e.page < pages.length);
  if (items.length === 0) return;
  const { context } = doc;
  const rootRef = context.nextRef();
  const refs = items.map(() => context.nextRef());
  items.forEach((item, i) => {
    const dict = context.obj({}) as PDFDict;
    dict.set(PDFName.of('Title'), text(item.title));
    dict.set(PDFName.of('Parent'), rootRef);
    if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
    if (i < refs.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
    const dest = PDFArray.withContext(context);
    dest.push(pages[item.page]!.ref);
    dest.push(PDFName.of('Fit'));
    dict.set(PDFName.of('Dest'), dest);
    context.assign(refs[i]!, dict);
  });
  const root = context.obj({}) as PDFDict;
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0]!);
  root.set(PDFName.of('Last'), refs[refs.length - 1]!);
  root.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Readers open the bookmarks panel.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

/** An outline item's title as text (hex or literal string). */
function decodeTitle(value: unknown): string {
  if (value instanceof PDFHexString || value instanceof PDFString) return value.decodeText();
  return '';
}

/** The outline as [title, 0-based page] in order, read back with pdf-lib (for tests and checks). */
export async function readOutline(pdf: Uint8Array): Promise<{ title: string; page: number }[]> {
  const doc = await PDFDocument.load(pdf);
  const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref.toString(), i]));
  const outlines = doc.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict);
  const out: { title: string; page: number }[] = [];
  let ref = outlines?.get(PDFName.of('First'));
  const seen = new Set<string>();
  while (ref instanceof PDFRef && !seen.has(ref.toString())) {
    seen.add(ref.toString());
    const item = doc.context.lookup(ref, PDFDict);
    const dest = item.lookupMaybe(PDFName.of('Dest'), PDFArray);
    const target = dest?.get(0);
    out.push({ title: decodeTitle(item.lookup(PDFName.of('Title'))), page: target instanceof PDFRef ? (pageIndex.get(target.toString()) ?? -1) : -1 });
    ref = item.get(PDFName.of('Next'));
  }
  return out;
}

/**
 * The slides' titles as the print page drew them — each slide's first heading (h1–h3 in
 * SlideContentView) in its first `[data-print-slide]` element — with the page each is on.
 */
export async function slidesOnPages(page: Page, options: { notes: boolean; handout?: HandoutOptions }): Promise<PdfSlide[]> {
  const titles = await page.evaluate(`(() => {
    const firsts = new Map();
    for (const el of Array.from(document.querySelectorAll('[data-print-slide]'))) {
      const i = Number(el.getAttribute('data-print-slide'));
      if (!firsts.has(i)) firsts.set(i, el);
    }
    const count = firsts.size === 0 ? 0 : Math.max(...firsts.keys()) + 1;
    return Array.from({ length: count }, (_, i) => {
      const heading = firsts.get(i)?.querySelector('.slide h1, .slide h2, .slide h3');
      return (heading?.textContent ?? '').replace(/\\s+/g, ' ').trim();
    });
  })()`);
  return (titles as string[]).map((title, i) => ({ title, page: pdfPageOfSlide(i, options) }));
}

export interface PdfRenderRequest {
  title: string;
  author?: string;
  language: 'nl' | 'en';
  notes: boolean;
  handout?: HandoutOptions;
  presentedAt?: string;
  versionOf?: string;
}

/**
 * The print page (ready) as the finished PDF: Chromium's tagged PDF (a structure tree for
 * screen readers), then metadata and bookmarks. The page size is the print page's `@page`
 * (1280×720 slides, or A4 handout sheets).
 */
export async function renderPdf(page: Page, request: PdfRenderRequest): Promise<Buffer> {
  const slides = await slidesOnPages(page, request);
  const pdf = await page.pdf({ width: '1280px', height: '720px', printBackground: true, preferCSSPageSize: true, tagged: true });
  const info: PdfDocumentInfo = { title: request.title, language: request.language, notes: request.notes, slides };
  if (request.author) info.author = request.author;
  if (request.handout) info.handout = request.handout;
  if (request.presentedAt) info.presentedAt = request.presentedAt;
  if (request.versionOf) info.versionOf = request.versionOf;
  return Buffer.from(await withDocumentInfo(pdf, info));
}
