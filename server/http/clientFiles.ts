/**
 * Serves the built client (dist/client) on the same port as the API, building it first if
 * it is missing. Every non-API path that is not a file gets index.html (client routing).
 *
 * The build leaves `<file>.br` and `<file>.gz` beside each text file
 * (client/build/precompressPlugin.ts). @fastify/static's `preCompressed` picks one by the
 * request's Accept-Encoding (brotli first, then gzip; a `q=0` refuses that encoding), falls
 * back to the next one and then to the file itself when a variant is missing, and sends
 * `Vary: Accept-Encoding` on all three. Content-Length, ETag and byte ranges are those of the
 * bytes sent, so the brotli and identity forms of a file have different ETags, as HTTP asks.
 * The variants are never served under their own names.
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { ApiError } from '../../shared/api.ts';
import { ROOT_DIR } from '../paths.ts';

/** The built client; CLIENT_DIR overrides it (parallel test runs each build their own). */
export const CLIENT_DIR = path.resolve(process.env.CLIENT_DIR ?? path.join(ROOT_DIR, 'dist/client'));

/** Encoded siblings written by the build; requests name the file, never these. */
const ENCODED_VARIANT = /\.(br|gz)$/;

/** Vite's output under assets/ carries a content hash in every name, so it never changes. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

let building: Promise<void> | null = null;

/** Builds the client once per process if dist/client has no index.html. */
export async function ensureClientBuilt(logger: Logger): Promise<void> {
  if (fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) return;
  building ??= (async () => {
    logger.info({ event: 'client-build' }, 'client not built yet; building it now (a few seconds)');
    const { build } = await import('vite');
    await build({ configFile: path.join(ROOT_DIR, 'vite.config.ts'), logLevel: 'warn', build: { outDir: CLIENT_DIR } });
  })();
  await building;
}

function notFound(reply: FastifyReply, method: string, urlPath: string): FastifyReply {
  const body: ApiError = { error: 'not-found', message: `no route ${method} ${urlPath}` };
  return reply.status(404).send(body);
}

export async function serveClient(app: FastifyInstance): Promise<void> {
  const assetsDir = path.join(CLIENT_DIR, 'assets') + path.sep;
  await app.register(fastifyStatic, {
    root: CLIENT_DIR,
    wildcard: false,
    index: false,
    preCompressed: true,
    // One route per built file, but none for the encoded siblings: /x.js.br is not a page.
    globIgnore: ['**/*.br', '**/*.gz'],
    setHeaders: (res, filePath) => {
      // Vite's hashed assets never change under the same name; index.html, sw.js and the
      // favicon may. filePath is the file sent (x.js.br for x.js), always under CLIENT_DIR.
      res.header('cache-control', filePath.startsWith(assetsDir) ? IMMUTABLE : 'no-cache');
    },
  });
  if (!fs.existsSync(path.join(CLIENT_DIR, 'index.html'))) throw new Error(`no index.html in ${CLIENT_DIR}`);
  app.get('/*', async (request, reply) => {
    let urlPath: string;
    try {
      urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    } catch {
      const body: ApiError = { error: 'bad-request', message: 'malformed percent-encoding in the path' };
      return reply.status(400).send(body);
    }
    if (urlPath.startsWith('/api/') || ENCODED_VARIANT.test(urlPath)) return notFound(reply, request.method, urlPath);
    const file = path.join(CLIENT_DIR, path.normalize(urlPath));
    if (file.startsWith(CLIENT_DIR + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      // A file added after start-up (the routes above are listed once): same negotiation.
      return reply.sendFile(path.relative(CLIENT_DIR, file));
    }
    // Client routing: the page itself, negotiated and revalidated like /index.html.
    return reply.sendFile('index.html');
  });
}
