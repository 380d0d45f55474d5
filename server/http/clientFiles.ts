/**
 * Serves the built client (dist/client) on the same port as the API, building it first if
 * it is missing. Every non-API path that is not a file gets index.html (client routing).
 */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import type { ApiError } from '../../shared/api.ts';
import { ROOT_DIR } from '../paths.ts';

/** The built client; CLIENT_DIR overrides it (parallel test runs each build their own). */
export const CLIENT_DIR = path.resolve(process.env.CLIENT_DIR ?? path.join(ROOT_DIR, 'dist/client'));

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

export async function serveClient(app: FastifyInstance): Promise<void> {
  await app.register(fastifyStatic, {
    root: CLIENT_DIR,
    wildcard: false,
    index: false,
    setHeaders: (res, filePath) => {
      // Vite's hashed assets never change under the same name; index.html always may.
      if (filePath.includes(`${path.sep}assets${path.sep}`)) res.header('cache-control', 'public, max-age=31536000, immutable');
      else res.header('cache-control', 'no-cache');
    },
  });
  const index = fs.readFileSync(path.join(CLIENT_DIR, 'index.html'));
  app.get('/*', async (request, reply) => {
    const urlPath = decodeURIComponent(request.url.split('?')[0] ?? '/');
    if (urlPath.startsWith('/api/')) {
      const body: ApiError = { error: 'not-found', message: `no route ${request.method} ${urlPath}` };
      return reply.status(404).send(body);
    }
    const file = path.join(CLIENT_DIR, path.normalize(urlPath));
    if (file.startsWith(CLIENT_DIR + path.sep) && fs.existsSync(file) && fs.statSync(file).isFile()) {
      return reply.sendFile(path.relative(CLIENT_DIR, file));
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(index);
  });
}
