/**
 * Renders decks to PDF and to a self-contained HTML archive in headless Chromium
 * (playwright-core driving Debian's chromium). The browser opens the client's print page as
 * the requesting user, which draws every slide with its charts; progress is read from the
 * page while it renders.
 *
 * Jobs live in this instance's memory for ten minutes (poll the instance that started the
 * job; the synchronous export endpoints need no polling).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { Logger } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { parseExportProblem, printPath, type ExportFormat, type ExportJobInfo, type HandoutOptions } from '../../shared/exportOptions.ts';
import type { VersionKind } from '../../shared/deckFilesApi.ts';
import { SESSION_COOKIE } from '../auth/access.ts';
import { newId } from '../auth/tokens.ts';
import { exportFileName, exportSuffix, versionSuffix } from '../../shared/fileNames.ts';
import { renderPdf } from './pdfDocument.ts';

const require = createRequire(import.meta.url);
const BROWSER_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const RENDER_TIMEOUT_MS = 90_000;
const KEEP_JOBS_MS = 10 * 60_000;
/** Two renders at a time: each Chromium page takes a core while it lays out charts. */
const MAX_RUNNING = 2;

export class NoBrowserError extends Error {}

interface Job extends ExportJobInfo {
  deckId: string;
  userId: string;
  filename: string;
  contentType: string;
  file?: Buffer;
  finished: Promise<void>;
}

export interface ExportRequest {
  deckId: string;
  title: string;
  userId: string;
  sessionToken: string;
  format: ExportFormat;
  notes: boolean;
  /** A4 handout sheets instead of one page per slide (PDF only). */
  handout?: HandoutOptions;
  /** The deck's language: the file name's suffix and the PDF's /Lang and words. */
  language: 'nl' | 'en';
  /** The requesting user's display name, the PDF's Author. */
  author?: string;
  /** A stored version instead of the deck as it is now. */
  version?: ExportVersion;
}

/** The version an export is of: a session's is "as presented on" its date, others are "version of" theirs. */
export interface ExportVersion {
  id: string;
  kind: VersionKind;
  label: string;
  createdAt: string;
}

/** What a version's PDF says of it: "as presented on" a session's date, "version of" another's. */
const versionDates = (version: ExportVersion | undefined): { presentedAt?: string; versionOf?: string } =>
  !version ? {} : version.kind === 'session' ? { presentedAt: version.createdAt } : { versionOf: version.createdAt };

/** CHROMIUM_PATH, when set, is the only browser considered. */
export function chromiumPath(): string | null {
  const candidates = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p) => fs.existsSync(p)) ?? null;
}

export class ExportService {
  private readonly jobs = new Map<string, Job>();
  private browser: Promise<Browser> | null = null;
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly logger: Logger,
    /** This server's own address, as the headless browser should reach it. */
    private readonly origin: () => string,
  ) {}

  private launch(): Promise<Browser> {
    const executablePath = chromiumPath();
    if (!executablePath) throw new NoBrowserError('PDF and HTML export need Chromium on the server: install it with `apt-get install -y chromium` (or set CHROMIUM_PATH)');
    // playwright-core is loaded on the first export only: it is a large share of an idle server's heap.
    this.browser ??= import('playwright-core').then(({ chromium }) => chromium.launch({ executablePath, args: BROWSER_ARGS, headless: true })).catch((err: unknown) => {
      this.browser = null;
      throw new NoBrowserError(`Chromium could not be started: ${(err as Error).message.split('\n')[0]}`);
    });
    return this.browser;
  }

  /** Starts an export; throws NoBrowserError at once when there is no browser to render with. */
  start(request: ExportRequest): ExportJobInfo {
    if (!chromiumPath()) this.launch(); // throws the clear NoBrowserError
    const id = newId();
    const job: Job = {
      id,
      deckId: request.deckId,
      userId: request.userId,
      state: 'running',
      progress: 0,
      filename: exportFileName(request.title, request.format, (request.version ? versionSuffix(request.version, request.language) : '') + exportSuffix(request.handout ? { kind: 'handout', handout: request.handout } : request.notes ? { kind: 'notes' } : { kind: 'deck' }, request.language)),
      contentType: request.format === 'pdf' ? 'application/pdf' : 'text/html; charset=utf-8',
      finished: Promise.resolve(),
    };
    job.finished = this.run(job, request);
    this.jobs.set(id, job);
    setTimeout(() => this.jobs.delete(id), KEEP_JOBS_MS).unref();
    return this.info(job);
  }

  get(id: string, userId: string): Job | null {
    const job = this.jobs.get(id);
    return job && job.userId === userId ? job : null;
  }

  info(job: Job): ExportJobInfo {
    return {
      id: job.id,
      state: job.state,
      progress: job.progress,
      ...(job.message ? { message: job.message } : {}),
      ...(job.problem ? { problem: job.problem } : {}),
      ...(job.state === 'done' ? { download: `/api/exports/${job.id}/file` } : {}),
    };
  }

  private async slot(): Promise<() => void> {
    if (this.running >= MAX_RUNNING) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    return () => {
      this.running--;
      this.waiting.shift()?.();
    };
  }

  private async run(job: Job, request: ExportRequest): Promise<void> {
    const release = await this.slot();
    const started = Date.now();
    let context;
    try {
      const browser = await this.launch();
      const origin = this.origin();
      context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      await context.addCookies([{ name: SESSION_COOKIE, value: request.sessionToken, url: origin, httpOnly: true, sameSite: 'Lax' }]);
      const page = await context.newPage();
      await page.goto(origin + printPath(request.deckId, { notes: request.notes, format: request.format, handout: request.handout, version: request.version?.id }), { waitUntil: 'domcontentloaded' });
      const deadline = Date.now() + RENDER_TIMEOUT_MS;
      for (;;) {
        const status = await page.evaluate(() => {
          const data = document.body.dataset;
          return { ready: data.printReady === 'true', progress: data.printProgress ?? '', error: data.printError ?? '', waiting: data.printWaiting ?? '', problem: data.printProblem ?? '' };
        });
        if (status.error) {
          const problem = parseExportProblem(status.problem);
          if (problem) job.problem = problem;
          throw new Error(status.error);
        }
        const [done, total] = status.progress.split('/').map(Number);
        if (total) job.progress = Math.min(0.95, (done ?? 0) / total);
        if (status.ready) break;
        // Never a file with holes: what could not be drawn is named (slide number: chart, image, …).
        if (Date.now() > deadline) {
          const problem = parseExportProblem(status.problem);
          if (problem) job.problem = problem;
        }
        if (Date.now() > deadline) throw new Error(`the deck did not finish rendering in time${status.waiting ? ` (not ready: slide ${status.waiting})` : ''}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      job.file = request.format === 'pdf' ? await renderPdf(page, { ...request, ...versionDates(request.version) }) : Buffer.from(await archiveHtml(page), 'utf8');
      job.progress = 1;
      job.state = 'done';
      this.logger.info({ event: 'export-done', deckId: job.deckId, format: request.format, bytes: job.file.length, ms: Date.now() - started }, 'deck exported');
    } catch (err) {
      job.state = 'failed';
      job.message = err instanceof NoBrowserError ? err.message : `export failed: ${(err as Error).message.split('\n')[0]}`;
      this.logger.error({ event: 'export-failed', deckId: job.deckId, err: (err as Error).message }, 'deck export failed');
    } finally {
      await context?.close().catch(() => {});
      release();
    }
  }

  async close(): Promise<void> {
    const browser = await this.browser?.catch(() => null);
    await browser?.close();
  }
}

/** Runs in the print page: its stylesheets, fonts and images inlined, its slides without any script or handler. */
const CAPTURE_SLIDES = `(async () => {
  const toDataUrl = async (url) => {
    try {
      const blob = await (await fetch(url)).blob();
      return await new Promise((resolve) => {
        const reader = new FileReader();
        reader.addEventListener('load', () => resolve(String(reader.result)));
        reader.readAsDataURL(blob);
      });
    } catch {
      return '';
    }
  };
  let css = '';
  for (const sheet of Array.from(document.styleSheets)) {
    try {
      for (const rule of Array.from(sheet.cssRules)) css += rule.cssText + '\\n';
    } catch {}
  }
  const fontUrls = [...new Set([...css.matchAll(/url\\("?([^")]+)"?\\)/g)].map((m) => m[1]).filter((u) => !u.startsWith('data:')))];
  for (const url of fontUrls) css = css.split(url).join(await toDataUrl(new URL(url, document.baseURI).href));
  const found = document.querySelector('.reveal');
  if (!found) throw new Error('the print page has no .reveal element');
  const root = found.cloneNode(true);
  root.querySelectorAll('script, iframe, object, embed').forEach((el) => el.remove());
  for (const el of Array.from(root.querySelectorAll('*'))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.name.startsWith('on')) el.removeAttribute(attr.name);
      else if (/^(href|src|xlink:href)$/.test(attr.name)) {
        // Only web, mail and image-data addresses leave in the file: javascript:, vbscript:,
        // data:text/html and the like go, however they are spelled or padded.
        const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(attr.value.replace(/[\\u0000-\\u0020]/g, ''));
        const kept = !scheme || /^(https?|mailto)$/i.test(scheme[1]) || /^data:image\\//i.test(attr.value.trim());
        if (!kept) el.removeAttribute(attr.name);
      }
    }
  }
  for (const img of Array.from(root.querySelectorAll('img'))) img.setAttribute('src', await toDataUrl(img.src));
  return { css, body: root.outerHTML, title: document.title, lang: document.documentElement.lang };
})()`;

const escapeHtml = (s: string): string => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A single HTML file that opens anywhere, offline, for years: the print page's slides in
 * reveal.js's structure, with reveal.js, every stylesheet, fonts and images inlined, and no
 * script but reveal.js itself.
 */
async function archiveHtml(page: Page): Promise<string> {
  // Plain JavaScript in a string: what tsx compiles would carry helpers (`__name`) that do
  // not exist in the page.
  const captured = (await page.evaluate(CAPTURE_SLIDES)) as { css: string; body: string; title: string; lang: string };
  const revealDir = path.dirname(require.resolve('reveal.js'));
  const revealCss = fs.readFileSync(path.join(revealDir, 'reveal.css'), 'utf8');
  const revealJs = fs.readFileSync(path.join(revealDir, 'reveal.js'), 'utf8').replaceAll('</script', '<\\/script');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(captured.lang || 'nl')}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    // The archive makes no requests: everything it needs is inside it.
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:; font-src data:">`,
    `<title>${escapeHtml(captured.title)}</title>`,
    `<style>${revealCss.replaceAll('</style', '<\\/style')}</style>`,
    `<style>${captured.css.replaceAll('</style', '<\\/style')}</style>`,
    '</head>',
    '<body>',
    captured.body,
    `<script>${revealJs}</script>`,
    // The slides and their chart drawings were laid out at 1280×720; Reveal's default 960×700 would clip them.
    '<script>Reveal.initialize({ hash: true, controls: true, progress: true, slideNumber: true, width: 1280, height: 720, center: false });</script>',
    '</body>',
    '</html>',
  ].join('\n');
}
