/**
 * One deck file import, start to end, as plain synchronous work: bytes → text → slides →
 * report → the new deck's first Y.Doc update. The server runs it in a worker thread
 * (importWorker.ts), the CLI (scripts/deck.ts) in its own process; both get the same limits.
 * Nothing here touches storage or the network.
 */
import { buildDeckUpdate, slideCount } from '../../shared/deckModel.ts';
import { buildDeck } from '../../shared/deckFile/buildDeck.ts';
import { decodeDeckFile } from '../../shared/deckFile/decodeText.ts';
import { buildImportReport } from '../../shared/deckFile/importReport.ts';
import { NotADeckError, parseDeck, type ParsedDeck } from '../../shared/deckFile/parseDeck.ts';
import { isText, type TreeNode } from '../../shared/deckFile/tree.ts';
import type { ImportEncoding, ImportNotice, ImportNoticeCode, ImportReport, RemoteImageChoice } from '../../shared/importReport.ts';
import { MAX_DECK_FILE_BYTES, MAX_IMPORT_NODES, MAX_IMPORT_SLIDES, MAX_REMOTE_IMAGES } from '../../shared/limits.ts';

export interface ImportJob {
  bytes: Uint8Array;
  /** false: only the report (a dry run, or the first pass before remote images are fetched). */
  build: boolean;
  /** Remote image URL → the stored copy's path (imagePath(id)); these image nodes point there instead. */
  images?: Record<string, string>;
}

/** Why a file is refused; the route and the CLI turn each into their own error. */
export interface ImportFailure {
  kind: 'not-a-deck' | 'too-large' | 'too-many-slides' | 'too-much-content';
  message: string;
}

export interface ImportResult {
  report: ImportReport;
  title: string;
  slideCount: number;
  /** The new deck's first document update (with `build`). */
  update: Uint8Array | null;
}

export type ImportOutcome = { ok: true; result: ImportResult } | { ok: false; failure: ImportFailure };

export const fileTooLarge = (bytes: number): ImportFailure => ({
  kind: 'too-large',
  message: `the file is ${bytes} bytes; at most ${MAX_DECK_FILE_BYTES} bytes (${MAX_DECK_FILE_BYTES / 1024 / 1024} MiB) can be imported`,
});

function pointImagesAt(nodes: TreeNode[], images: Record<string, string>): void {
  // Depth is bounded by MAX_IMPORT_NESTING (fromMarkdown.ts), so recursion is safe here.
  for (const node of nodes) {
    if (isText(node)) continue;
    const src = node.attrs.src;
    if (node.type === 'image' && typeof src === 'string' && Object.hasOwn(images, src)) node.attrs.src = images[src];
    pointImagesAt(node.content, images);
  }
}

/** Nodes in the slides' trees (content and notes), counted without recursion; stops counting past `limit`. */
function countNodes(parsed: ParsedDeck, limit: number): number {
  let count = 0;
  const stack: TreeNode[] = parsed.slides.flatMap((s) => [...s.content, ...s.notes]);
  while (stack.length > 0 && count <= limit) {
    const node = stack.pop()!;
    count++;
    if (!isText(node)) for (const child of node.content) stack.push(child);
  }
  return count;
}

export function runImport(job: ImportJob): ImportOutcome {
  if (job.bytes.byteLength > MAX_DECK_FILE_BYTES) return { ok: false, failure: fileTooLarge(job.bytes.byteLength) };
  let parsed: ParsedDeck;
  let encoding: ImportEncoding;
  try {
    const decoded = decodeDeckFile(job.bytes);
    encoding = decoded.encoding;
    parsed = parseDeck(decoded.text);
  } catch (err) {
    if (err instanceof NotADeckError) return { ok: false, failure: { kind: 'not-a-deck', message: err.message } };
    throw err;
  }
  if (parsed.slides.length > MAX_IMPORT_SLIDES) {
    return {
      ok: false,
      failure: {
        kind: 'too-many-slides',
        message: `the file makes ${parsed.slides.length} slides; at most ${MAX_IMPORT_SLIDES} slides can be imported at once`,
      },
    };
  }
  // Before the document is built: that is where a large tree costs (memory, time).
  if (countNodes(parsed, MAX_IMPORT_NODES) > MAX_IMPORT_NODES) {
    return {
      ok: false,
      failure: { kind: 'too-much-content', message: `the file makes more than ${MAX_IMPORT_NODES} slide elements (blocks, list items, text runs); at most ${MAX_IMPORT_NODES} can be imported at once` },
    };
  }
  const report = buildImportReport(parsed, encoding);
  // Until every parser fills `notices`, a missing list is an empty one.
  report.notices ??= [];
  let update: Uint8Array | null = null;
  let count = parsed.slides.length;
  if (job.build) {
    if (job.images) for (const slide of parsed.slides) for (const nodes of [slide.content, slide.notes]) pointImagesAt(nodes, job.images);
    update = buildDeckUpdate((doc) => {
      buildDeck(doc, parsed);
      count = slideCount(doc);
    });
  }
  return { ok: true, result: { report, title: parsed.meta.title, slideCount: count, update } };
}

/** The distinct remote image URLs a report lists, in order, at most MAX_REMOTE_IMAGES; the rest are `skipped`. */
export function remoteImageUrls(report: ImportReport): { fetch: string[]; skipped: string[] } {
  const unique = [...new Set(report.remoteImages.map((r) => r.url))];
  return { fetch: unique.slice(0, MAX_REMOTE_IMAGES), skipped: unique.slice(MAX_REMOTE_IMAGES) };
}

/** What became of one remote image: stored (the local path) or not (why). */
export type RemoteImageOutcome = { stored: string } | { failed: string };

const isRemoteImageCode = (code: ImportNoticeCode): boolean => code.startsWith('remote-image-');

/**
 * The report with one notice per remote image: fetched, failed (detail: URL and reason) or
 * placeholder. Any remote-image notice the report already had is replaced: the route decides.
 */
export function withRemoteImageNotices(report: ImportReport, choice: RemoteImageChoice, outcomes: Map<string, RemoteImageOutcome>): ImportReport {
  const notices: ImportNotice[] = report.notices.filter((n) => !isRemoteImageCode(n.code));
  const byKey = new Map<string, ImportNotice>();
  for (const ref of report.remoteImages) {
    const outcome = outcomes.get(ref.url);
    const [code, detail]: [ImportNoticeCode, string] =
      choice === 'placeholder' ? ['remote-image-placeholder', ref.url] : outcome && 'stored' in outcome ? ['remote-image-fetched', ref.url] : ['remote-image-failed', `${ref.url.length > 140 ? `${ref.url.slice(0, 139)}…` : ref.url}: ${outcome?.failed ?? 'not fetched'}`];
    const cut = detail.length > 200 ? `${detail.slice(0, 199)}…` : detail;
    const key = `${code}\u0000${ref.slide}\u0000${cut}`;
    const known = byKey.get(key);
    if (known) known.count++;
    else {
      const notice: ImportNotice = { code, slide: ref.slide, detail: cut, count: 1 };
      byKey.set(key, notice);
      notices.push(notice);
    }
  }
  return { ...report, notices };
}
