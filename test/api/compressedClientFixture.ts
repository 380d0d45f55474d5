/**
 * A small built client with the build's own precompressed variants, for clientFiles.test.ts
 * (no Vite build: that takes minutes on a busy machine; the plugin's Vite run is tested in
 * client/build/precompressPlugin.test.ts).
 *
 * Import this module before any server module: server/http/clientFiles.ts reads CLIENT_DIR
 * once, when it is loaded. The client directory sits inside a parent that also holds a
 * secret file, so a traversal that escaped the client directory would show it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { precompressDir } from '../../client/build/precompressPlugin.ts';

const PARENT = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-precompressed-'));
export const CLIENT_ROOT = path.join(PARENT, 'client');
export const SECRET = `secret-${Math.random().toString(36).slice(2)}`;

/** Served paths: a hashed script with both variants, one with gzip only, one with none. */
export const FILES = {
  index: '/index.html',
  script: '/assets/app-Bx7fQ2aZ.js',
  gzipOnly: '/assets/chart-C9dTkq1e.js',
  plain: '/assets/tiny-D0aRwW3n.js',
  style: '/assets/app-Dq4zWm8P.css',
  font: '/assets/inter-latin-400-normal-x1Yz.woff2',
  icon: '/favicon.svg',
} as const;

// Text that compresses the way real bundles do: repetitive, but not one repeated line.
const script = Array.from({ length: 800 }, (_, i) => `export function slide${i}(deck) { return deck.slides[${i}]?.title ?? "Tussenstand ${i % 37}"; }\n`).join('');

const previous = process.env.CLIENT_DIR;
process.env.CLIENT_DIR = CLIENT_ROOT;

/** Writes the files and their variants; call before the server starts. */
export async function writeClientFixture(): Promise<void> {
  fs.mkdirSync(path.join(CLIENT_ROOT, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(PARENT, 'secret.txt'), SECRET);
  const write = (p: string, body: string | Buffer) => fs.writeFileSync(path.join(CLIENT_ROOT, p), body);
  write(
    FILES.index,
    `<!doctype html>\n<html lang="nl"><head><meta charset="UTF-8" /><title>Tussenstand</title>\n` +
      `<link rel="stylesheet" href="${FILES.style}" /><link rel="icon" href="${FILES.icon}" /></head>\n` +
      `<body><div id="root"></div><script type="module" src="${FILES.script}"></script></body></html>\n`.repeat(3),
  );
  write(FILES.script, script);
  write(FILES.gzipOnly, script.replaceAll('slide', 'chart'));
  write(FILES.plain, script.replaceAll('slide', 'plain'));
  write(FILES.style, '.slide { display: grid; }\n'.repeat(200));
  write(FILES.font, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251)));
  write(FILES.icon, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1">${'<rect width="1" height="1"/>'.repeat(20)}</svg>\n`);
  await precompressDir(CLIENT_ROOT);
  // A build may lack a variant (one that would not be smaller is not written).
  fs.rmSync(path.join(CLIENT_ROOT, `${FILES.gzipOnly}.br`));
  fs.rmSync(path.join(CLIENT_ROOT, `${FILES.plain}.br`));
  fs.rmSync(path.join(CLIENT_ROOT, `${FILES.plain}.gz`));
}

export const fixtureBytes = (served: string, suffix = ''): Buffer => fs.readFileSync(path.join(CLIENT_ROOT, served + suffix));

export function releaseClientFixture(): void {
  if (previous === undefined) delete process.env.CLIENT_DIR;
  else process.env.CLIENT_DIR = previous;
  fs.rmSync(PARENT, { recursive: true, force: true });
}
