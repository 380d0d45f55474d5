/**
 * Writes `<file>.br` (brotli, quality 11) and `<file>.gz` (gzip, level 9) next to every
 * compressible file of the build, so the server sends compressed bytes without compressing
 * anything per request (server/http/clientFiles.ts picks the variant by Accept-Encoding).
 *
 * It runs after Vite has written everything, public files included (favicon.svg, and sw.js
 * from offlineShellPlugin), and walks the output directory rather than the bundle for that
 * reason. Fonts (woff2, woff) and images are compressed already; source maps are fetched
 * only by developer tools and would add seconds of brotli to every build, so they stay as
 * they are. A variant that is not smaller than its file is not written: the server then
 * falls back to the next encoding, and finally to the file itself.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

/** Files worth compressing: text formats. */
export const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|xml|webmanifest)$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** The encodings written, by file suffix: the server negotiates among exactly these. */
export const ENCODED_SUFFIX = { br: '.br', gzip: '.gz' } as const;

async function compressOne(file: string): Promise<{ file: string; bytes: number; br: number | null; gz: number | null }> {
  const data = await fs.readFile(file);
  const [br, gz] = await Promise.all([
    brotli(data, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: data.byteLength,
      },
    }),
    gzip(data, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  const write = async (variant: Buffer, suffix: string): Promise<number | null> => {
    // Remove a stale variant from an earlier build of the same file, written or not now.
    await fs.rm(file + suffix, { force: true });
    if (variant.byteLength >= data.byteLength) return null;
    await fs.writeFile(file + suffix, variant);
    return variant.byteLength;
  };
  return { file, bytes: data.byteLength, br: await write(br, ENCODED_SUFFIX.br), gz: await write(gz, ENCODED_SUFFIX.gzip) };
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

/** Precompresses every compressible file under `dir`; returns what it wrote, per file. */
export async function precompressDir(dir: string): Promise<Awaited<ReturnType<typeof compressOne>>[]> {
  const files = (await listFiles(dir)).filter((f) => COMPRESSIBLE.test(f));
  // zlib's async calls run on libuv's thread pool (4 threads), so these overlap.
  return Promise.all(files.map(compressOne));
}

export function precompressPlugin(): Plugin {
  let outDir = '';
  return {
    name: 'tussenstand-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      if (error) return;
      const written = await precompressDir(outDir);
      const bytes = written.reduce((a, w) => a + w.bytes, 0);
      const br = written.reduce((a, w) => a + (w.br ?? w.bytes), 0);
      this.info(`precompressed ${written.length} files: ${(bytes / 1000).toFixed(0)} kB → ${(br / 1000).toFixed(0)} kB brotli`);
    },
  };
}
