/**
 * `/v/:token`, the attendee page, with the live slide already in it ([AU13]): on a phone on
 * slow 3G the app's JavaScript takes seconds to arrive, its stylesheets a fraction of that.
 * The page is the built index.html with three additions:
 *
 *   - the attendee page's stylesheets and scripts (from Vite's manifest), linked in the head,
 *     so the slide is styled as soon as it is parsed and the app's code loads in parallel;
 *   - the live slide, drawn by the client build's own renderer (shared/firstSlide.ts) from
 *     the deck's audience document — exactly what the link's socket would be sent first,
 *     never the deck's own document;
 *   - nothing else: no script (the CSP forbids one), no JSON of the deck.
 *
 * The link is checked as the socket checks it (revoked, expired, trashed deck: the plain
 * page, which says why once the app runs). Whatever goes wrong here — no renderer in this
 * build, the deck slow to load, a render error — the attendee gets the plain page, as before.
 */
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as Y from 'yjs';
import { FIRST_SLIDE_MODULE, type RenderFirstSlide } from '../../shared/firstSlide.ts';
import { MAX_TOKEN_LENGTH } from '../../shared/limits.ts';
import type { DeckLanguage } from '../../shared/deckModel.ts';
import { resolveLink } from '../auth/access.ts';
import type { Services } from '../services.ts';
import { CLIENT_DIR } from './clientFiles.ts';

/** A deck that takes longer than this to load is not waited for: the plain page goes out. */
const RENDER_WAIT_MS = 1_500;
/** A slide drawn larger than this is not put in the page (the app draws it): bounded work per request. */
const MAX_SLIDE_HTML = 256 * 1024;
/** Rendered slides kept per (link, language, audience document state): a room full of phones costs one render. */
const CACHE_ENTRIES = 64;
/** The attendee page's code, as Vite names it in the manifest. */
const VIEWER_ENTRY = 'src/present/ViewerPage.tsx';

interface ManifestChunk {
  file: string;
  css?: string[];
  imports?: string[];
  isEntry?: boolean;
}

interface Shell {
  /** index.html's modification time: a rebuild under a running server is picked up. */
  mtimeMs: number;
  /** index.html up to `</head>`, with the attendee page's links added. */
  head: string;
  /** From `</head>` to `<body>` included: where the slide goes. */
  body: string;
  /** The rest of index.html. */
  rest: string;
  render: RenderFirstSlide | null;
}

/** The stylesheets and scripts the attendee page loads, in the order its chunks import them. */
export function viewerAssets(manifest: Record<string, ManifestChunk>): { styles: string[]; scripts: string[] } {
  const styles: string[] = [];
  const scripts: string[] = [];
  const seen = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    for (const imported of chunk.imports ?? []) visit(imported);
    // The entry's own files are in index.html already.
    if (chunk.isEntry) return;
    scripts.push(chunk.file);
    for (const css of chunk.css ?? []) if (!styles.includes(css)) styles.push(css);
  };
  visit(VIEWER_ENTRY);
  return { styles, scripts };
}

const attr = (value: string): string => value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

let shell: Promise<Shell | null> | null = null;

async function readShell(): Promise<Shell | null> {
  const indexFile = path.join(CLIENT_DIR, 'index.html');
  const mtimeMs = fs.statSync(indexFile).mtimeMs;
  const html = fs.readFileSync(indexFile, 'utf8');
  let links = '';
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(CLIENT_DIR, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
    const { styles, scripts } = viewerAssets(manifest);
    // What index.html links already (the entry's own chunks) is not linked twice.
    const fresh = (file: string): boolean => !html.includes(`/${file}"`);
    links =
      styles.filter(fresh).map((file) => `<link rel="stylesheet" crossorigin href="/${attr(file)}">`).join('') +
      scripts.filter(fresh).map((file) => `<link rel="modulepreload" crossorigin href="/${attr(file)}">`).join('');
  } catch {
    // A build without a manifest: the page works as it did, styles arrive with the app.
  }
  let render: RenderFirstSlide | null = null;
  const moduleFile = path.join(CLIENT_DIR, FIRST_SLIDE_MODULE);
  if (fs.existsSync(moduleFile)) {
    try {
      const loaded = (await import(`${pathToFileURL(moduleFile).href}?v=${mtimeMs}`)) as { renderFirstSlide?: RenderFirstSlide };
      render = typeof loaded.renderFirstSlide === 'function' ? loaded.renderFirstSlide : null;
    } catch {
      render = null;
    }
  }
  const headEnd = html.indexOf('</head>');
  const bodyAt = html.indexOf('<body>');
  if (headEnd < 0 || bodyAt < 0 || bodyAt < headEnd) return null;
  return { mtimeMs, head: html.slice(0, headEnd) + links, body: html.slice(headEnd, bodyAt + '<body>'.length), rest: html.slice(bodyAt + '<body>'.length), render };
}

async function currentShell(): Promise<Shell | null> {
  const loaded = await (shell ??= readShell().catch(() => null));
  let mtimeMs = -1;
  try {
    mtimeMs = fs.statSync(path.join(CLIENT_DIR, 'index.html')).mtimeMs;
  } catch {
    return loaded;
  }
  if (loaded && loaded.mtimeMs === mtimeMs) return loaded;
  shell = readShell().catch(() => null);
  return shell;
}

/** The language the app would pick for this browser before any stored choice: nl* is Dutch, anything else English. */
function pageLanguage(request: FastifyRequest): DeckLanguage {
  const header = request.headers['accept-language'];
  const first = (typeof header === 'string' ? header : '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('nl') ? 'nl' : 'en';
}

/** Sends HTML compressed as the request allows (it is a few kilobytes: compressed on the spot). */
function sendHtml(request: FastifyRequest, reply: FastifyReply, html: string): FastifyReply {
  reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-store').header('vary', 'Accept-Encoding, Accept-Language');
  const accepted = String(request.headers['accept-encoding'] ?? '');
  const body = Buffer.from(html, 'utf8');
  if (/\bbr\b/.test(accepted) && !/\bbr;q=0(\.0*)?\b/.test(accepted)) {
    return reply.header('content-encoding', 'br').send(zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } }));
  }
  if (/\bgzip\b/.test(accepted) && !/\bgzip;q=0(\.0*)?\b/.test(accepted)) return reply.header('content-encoding', 'gzip').send(zlib.gzipSync(body));
  return reply.send(body);
}

export function firstSlideRoutes(app: FastifyInstance, { store, registry, logger }: Services): void {
  const rendered = new Map<string, string>();

  const slideHtml = async (deckId: string, token: string, language: DeckLanguage, render: RenderFirstSlide): Promise<string> => {
    const drawn = await Promise.race([
      registry.readAudience(deckId, (audience) => {
        const key = `${deckId}\u0000${token}\u0000${language}\u0000${Buffer.from(Y.encodeStateVector(audience)).toString('base64')}`;
        const cached = rendered.get(key);
        if (cached !== undefined) return cached;
        const html = render(audience, { token, uiLanguage: language }) ?? '';
        const kept = html.length <= MAX_SLIDE_HTML ? html : '';
        if (rendered.size >= CACHE_ENTRIES) rendered.delete(rendered.keys().next().value as string);
        rendered.set(key, kept);
        return kept;
      }),
      sleep(RENDER_WAIT_MS, null, { ref: false }),
    ]);
    return drawn ?? '';
  };

  app.get('/v/:token', async (request, reply) => {
    const page = await currentShell();
    if (!page) return reply.sendFile('index.html');
    const token = (request.params as { token?: unknown }).token;
    let slide = '';
    if (page.render && typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH) {
      try {
        const access = await resolveLink(store, token);
        const deck = access.state === 'ok' ? await store.getDeck(access.link.deckId) : null;
        if (access.state === 'ok' && deck && !deck.trashedAt) slide = await slideHtml(deck.id, token, pageLanguage(request), page.render);
      } catch (err) {
        logger.warn({ event: 'first-slide-failed', err }, 'first slide not drawn; the plain attendee page is sent');
        slide = '';
      }
    }
    return sendHtml(request, reply, page.head + page.body + slide + page.rest);
  });
}
