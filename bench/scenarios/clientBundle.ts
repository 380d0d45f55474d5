/**
 * 7. Client: gzipped JavaScript per page from a fresh production build, and the time until an
 * attendee sees the first slide in Chromium.
 *
 * Chunks are attributed to pages with Vite's manifest (built with --manifest):
 *  - every page = the index.html entry chunk and its static imports, recursively, plus
 *  - deck list: the static-import closure of src/deck/DeckListPage.tsx;
 *  - editor:    the static-import closure of src/editor/EditorPage.tsx;
 *  - attendee:  the static-import closure of src/present/ViewerPage.tsx.
 * "+ lazy" adds every chunk reachable through dynamic imports from that page (the most it can
 * load). For the attendee, the browser run also records which JS files were actually
 * fetched until the first slide was visible; that set is what the 250 kB target is held to.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import zlib from 'node:zlib';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import * as Y from 'yjs';
import { getSlide, slideIds } from '../../shared/deckModel.ts';
import { appendBlocks, chart, paragraph, type Block } from '../../shared/slideContent.ts';
import { connectY, openRoom, sleep, withTimeout } from '../clients.ts';
import { row, type BenchContext, type ResultRow, type Scenario } from '../scenario.ts';
import { ROOT, startOurs, type OurServer } from '../servers.ts';
import { median } from '../stats.ts';

const OUT_DIR = path.join(ROOT, '.tmp/bench-client');
export const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const PAGES = { list: 'src/deck/DeckListPage.tsx', editor: 'src/editor/EditorPage.tsx', attendee: 'src/present/ViewerPage.tsx' } as const;
type PageName = keyof typeof PAGES;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, ManifestChunk>;

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = zlib.gzipSync(fs.readFileSync(path.join(OUT_DIR, file))).byteLength;
    gzipCache.set(file, size);
  }
  return size;
}

function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key)) return into;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`no chunk ${key} in the Vite manifest`);
  into.add(key);
  for (const dep of chunk.imports ?? []) staticClosure(manifest, dep, into);
  return into;
}

function withLazy(manifest: Manifest, keys: Set<string>): Set<string> {
  const all = new Set(keys);
  const queue = [...keys];
  while (queue.length > 0) {
    const chunk = manifest[queue.pop()!]!;
    for (const dyn of chunk.dynamicImports ?? []) {
      for (const k of staticClosure(manifest, dyn)) {
        if (all.has(k)) continue;
        all.add(k);
        queue.push(k);
      }
    }
  }
  return all;
}

function jsBytes(manifest: Manifest, keys: Set<string>): { files: string[]; gzip: number; raw: number } {
  const files = [...keys].map((k) => manifest[k]!.file).filter((f) => f.endsWith('.js'));
  return {
    files,
    gzip: files.reduce((a, f) => a + gzipBytes(f), 0),
    raw: files.reduce((a, f) => a + fs.statSync(path.join(OUT_DIR, f)).size, 0),
  };
}

const kb = (n: number): number => n / 1000;

function buildClient(): void {
  execFileSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000 });
}

export const clientBundle: Scenario = {
  id: 'client',
  title: 'Client (gzipped JS per page, attendee first slide)',
  async run(ctx: BenchContext) {
    const b0 = performance.now();
    buildClient();
    const buildSeconds = (performance.now() - b0) / 1000;
    const manifest = JSON.parse(fs.readFileSync(path.join(OUT_DIR, '.vite/manifest.json'), 'utf8')) as Manifest;
    const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
    if (!entryKey) throw new Error('no entry in the Vite manifest');
    const notes: string[] = [];
    const sizes: Record<string, { static: ReturnType<typeof jsBytes>; lazy: ReturnType<typeof jsBytes> }> = {};
    for (const [name, src] of Object.entries(PAGES) as [PageName, string | null][]) {
      const keys = staticClosure(manifest, entryKey);
      if (src) {
        if (!manifest[src]) {
          notes.push(`${src} is not in the build (page missing?); ${name} shows the entry only.`);
        } else {
          staticClosure(manifest, src, keys);
        }
      }
      // Only the page's own dynamic imports count: the entry's would be the whole app.
      const lazyFrom = src && manifest[src] ? withLazy(manifest, staticClosure(manifest, src)) : new Set<string>();
      sizes[name] = { static: jsBytes(manifest, keys), lazy: jsBytes(manifest, new Set([...keys, ...lazyFrom])) };
    }
    ctx.log(`  built in ${buildSeconds.toFixed(0)} s; gzipped JS: list ${(sizes.list!.static.gzip / 1000).toFixed(0)} kB, editor ${(sizes.editor!.static.gzip / 1000).toFixed(0)} kB, attendee ${(sizes.attendee!.static.gzip / 1000).toFixed(0)} kB (+ lazy ${(sizes.attendee!.lazy.gzip / 1000).toFixed(0)} kB)`);

    // The attendee in Chromium: a first slide of text, and a first slide with a live chart
    // (the chart code is loaded only when a slide needs it, so the two differ).
    const rounds = ctx.quick ? 2 : 5;
    const server = await startOurs({ env: { SERVE_CLIENT: 'true', CLIENT_DIR: OUT_DIR } });
    const firstSlide: number[] = [];
    const firstChart: number[] = [];
    let fetchedJs: string[] = [];
    let chartJs: string[] = [];
    let browserError: string | null = null;
    try {
      const textDeck = await attendeeDeck(server, 'Attendee bench', []);
      const chartDeck = await attendeeDeck(server, 'Attendee chart bench', [chart('interviews.byMonth', 'bar')]);
      const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: LAUNCH_ARGS });
      try {
        for (let r = 0; r < rounds; r++) {
          const text = await attendeeRun(browser, `${server.url}/v/${textDeck.token}`, (page) => page.locator('.slide__body', { hasText: textDeck.marker }).first());
          firstSlide.push(text.ms);
          fetchedJs = text.js;
          ctx.log(`  attendee first slide visible after ${text.ms.toFixed(0)} ms (${text.js.length} JS files)`);
          const drawn = await attendeeRun(browser, `${server.url}/v/${chartDeck.token}`, (page) => page.locator('.slide__body .chart-view__plot svg').first());
          firstChart.push(drawn.ms);
          chartJs = drawn.js;
          ctx.log(`  attendee first chart drawn after ${drawn.ms.toFixed(0)} ms (${drawn.js.length} JS files)`);
        }
      } finally {
        await browser.close();
      }
    } catch (err) {
      browserError = (err as Error).message.split('\n')[0]!;
      notes.push(`The browser measurement failed: ${browserError}`);
    } finally {
      await server.stop();
    }
    const fetchedBytes = (files: string[]) => files.filter((f) => fs.existsSync(path.join(OUT_DIR, f))).reduce((a, f) => a + gzipBytes(f), 0);
    const fetchedGzip = fetchedBytes(fetchedJs);
    const chartGzip = fetchedBytes(chartJs);
    const attendeeFigure = fetchedJs.length > 0 ? fetchedGzip : sizes.attendee!.lazy.gzip;
    const rows: ResultRow[] = [
      row('deck list JS (gzip)', 'kB', kb(sizes.list!.static.gzip), null),
      row('editor JS (gzip)', 'kB', kb(sizes.editor!.static.gzip), null),
      row('  editor + lazy chunks', 'kB', kb(sizes.editor!.lazy.gzip), null),
      row('attendee JS (gzip, static)', 'kB', kb(sizes.attendee!.static.gzip), null),
      row('attendee JS fetched to first slide', 'kB', kb(attendeeFigure), null, { text: '< 250 kB', met: attendeeFigure < 250_000 }),
      row('attendee: first slide visible', 'ms', firstSlide.length > 0 ? median(firstSlide) : null, null),
      row('attendee JS fetched to a live chart', 'kB', chartJs.length > 0 ? kb(chartGzip) : null, null),
      row('attendee: live chart drawn', 'ms', firstChart.length > 0 ? median(firstChart) : null, null),
    ];
    notes.unshift(
      'Built with `npx vite build --outDir .tmp/bench-client --emptyOutDir --manifest`; sizes are each .js file gzipped with Node zlib at its default level, in kB (1000 bytes). ' +
        'Chunks are attributed to pages with .vite/manifest.json: each page = the index.html entry chunk and its static imports (recursively) plus the static-import closure of its page module ' +
        '(deck list: src/deck/DeckListPage.tsx; editor: src/editor/EditorPage.tsx; attendee: src/present/ViewerPage.tsx); ' +
        '“+ lazy” adds all chunks reachable through the page’s dynamic imports. CSS is not counted.',
      `Attendee in Chromium (${rounds} runs, median): our server with SERVE_CLIENT=true and CLIENT_DIR=.tmp/bench-client, a deck whose first slide carries a unique paragraph, ` +
        'POST /presentation/start, then a fresh browser context (empty cache, service workers blocked) opens /v/<token>; time from page.goto to that paragraph being visible ' +
        'inside .slide__body. “JS fetched to first slide” is the gzipped size of every .js response the page received by then (the slide renderer included). ' +
        'The same for a second deck whose first slide holds a live bar chart (interviews.byMonth), until its SVG is drawn: recharts and the stats client are loaded only then.',
    );
    return {
      rows,
      details: { buildSeconds, entry: entryKey, pages: sizes, attendeeFetchedJs: fetchedJs, attendeeFetchedGzip: fetchedGzip, firstSlideMs: firstSlide, chartFetchedJs: chartJs, chartFetchedGzip: chartGzip, firstChartMs: firstChart, browserError },
      notes,
    };
  },
};

/** A presented deck whose first slide carries a unique paragraph and the given blocks; its audience link. */
export async function attendeeDeck(server: OurServer, title: string, blocks: Block[]): Promise<{ token: string; marker: string }> {
  const room = await openRoom(server, title);
  const marker = `First slide ${Math.random().toString(36).slice(2, 10)}`;
  const doc = new Y.Doc();
  const editor = connectY(room, room.editor, { doc });
  await withTimeout(editor.synced, 30_000, 'editor sync');
  const first = getSlide(doc, slideIds(doc)[0]!)!;
  doc.transact(() => appendBlocks(first.content, [paragraph(marker), ...blocks]));
  await sleep(300);
  editor.destroy();
  const start = await server.api.post(`/api/decks/${room.name}/presentation/start`);
  if (start.status !== 200) throw new Error(`presentation start: ${start.status}`);
  const token = room.viewer.token;
  if (!token) throw new Error('no audience link token');
  return { token, marker };
}

/** One attendee visit in a fresh context (empty HTTP cache, no service worker): time until `target` is visible, and the JS fetched by then. */
async function attendeeRun(browser: Browser, url: string, target: (page: Page) => Locator): Promise<{ ms: number; js: string[] }> {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const js: string[] = [];
    page.on('response', (res) => {
      const p = new URL(res.url()).pathname;
      if (p.endsWith('.js')) js.push(p.replace(/^\//, ''));
    });
    const t0 = performance.now();
    await page.goto(url, { waitUntil: 'commit' });
    await target(page).waitFor({ state: 'visible', timeout: 60_000 });
    return { ms: performance.now() - t0, js: [...new Set(js)] };
  } finally {
    await context.close();
  }
}
