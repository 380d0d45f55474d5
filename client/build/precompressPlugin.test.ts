import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { precompressPlugin } from './precompressPlugin.ts';

// A real Vite build of a tiny app, with only this plugin: what the server will find.
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-precompress-'));
const outDir = path.join(root, 'out');
const files = (): string[] => fs.readdirSync(outDir, { recursive: true, encoding: 'utf8' }).sort();

beforeAll(async () => {
  const body = Array.from({ length: 300 }, (_, i) => `export const line${i} = "slide ${i} of the tussenstand";`).join('\n');
  fs.writeFileSync(path.join(root, 'main.js'), `${body}\nimport './style.css';\nconsole.log(line1);\n`);
  fs.writeFileSync(path.join(root, 'style.css'), Array.from({ length: 100 }, (_, i) => `.slide-${i} { margin: ${i}px; }\n`).join(''));
  fs.writeFileSync(path.join(root, 'index.html'), `<!doctype html><html><head><title>t</title></head><body>${'<p>x</p>'.repeat(50)}<script type="module" src="/main.js"></script></body></html>`);
  fs.mkdirSync(path.join(root, 'public'));
  fs.writeFileSync(path.join(root, 'public/icon.svg'), `<svg xmlns="http://www.w3.org/2000/svg">${'<rect width="1" height="1"/>'.repeat(30)}</svg>`);
  fs.writeFileSync(path.join(root, 'public/font.woff2'), Buffer.alloc(2000, 7));
  fs.writeFileSync(path.join(root, 'public/tiny.json'), '{}');
  await build({ root, configFile: false, logLevel: 'silent', plugins: [precompressPlugin()], build: { outDir, sourcemap: true, emptyOutDir: true } });
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('precompressPlugin in a Vite build', () => {
  test('writes .br and .gz beside every script, stylesheet, page and SVG, each decoding to the file', () => {
    const text = files().filter((f) => /\.(js|css|html|svg)$/.test(f));
    expect(text.length).toBeGreaterThanOrEqual(4);
    for (const f of text) {
      const original = fs.readFileSync(path.join(outDir, f));
      const br = fs.readFileSync(path.join(outDir, `${f}.br`));
      const gz = fs.readFileSync(path.join(outDir, `${f}.gz`));
      expect(zlib.brotliDecompressSync(br).equals(original), f).toBe(true);
      expect(zlib.gunzipSync(gz).equals(original), f).toBe(true);
      expect(br.byteLength, f).toBeLessThan(original.byteLength);
    }
  });

  test('leaves fonts and source maps alone, and writes no variant that would not be smaller', () => {
    const all = files();
    expect(all).toContain('font.woff2');
    expect(all.some((f) => f.endsWith('.map'))).toBe(true);
    expect(all.filter((f) => /\.(woff2|map)\.(br|gz)$/.test(f))).toEqual([]);
    // "{}" is 2 bytes; any encoding of it is longer.
    expect(all).toContain('tiny.json');
    expect(all.filter((f) => f.startsWith('tiny.json.'))).toEqual([]);
  });
});
