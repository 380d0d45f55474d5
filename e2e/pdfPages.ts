/**
 * Reading a PDF back for the export tests, with poppler-utils: the page count (`pdfinfo`),
 * one page's text (`pdftotext -layout`), one page as an image (`pdftoppm`), and a pixel
 * comparison of two images at a common size (pixelmatch on pngjs images, box-downscaled).
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const run = promisify(execFile);

export async function pdfPageCount(file: string): Promise<number> {
  const { stdout } = await run('pdfinfo', [file]);
  const match = /^Pages:\s+(\d+)/m.exec(stdout);
  if (!match) throw new Error(`pdfinfo gave no page count for ${file}:\n${stdout}`);
  return Number(match[1]);
}

/** The text of page `page` (1-based), laid out as on the page. */
export async function pdfPageText(file: string, page: number): Promise<string> {
  const { stdout } = await run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', '-enc', 'UTF-8', file, '-'], { maxBuffer: 16 * 1024 * 1024 });
  return stdout;
}

/** Every page's text, in page order (one pdftotext run per page). */
export async function pdfTexts(file: string): Promise<string[]> {
  const count = await pdfPageCount(file);
  return Promise.all(Array.from({ length: count }, (_, i) => pdfPageText(file, i + 1)));
}

/**
 * Page `page` as a PNG image, `width`×`height` pixels exactly (pdftoppm -scale-to-x/-y).
 * With `dir`, the PNG is also kept there (for looking at it after a failure).
 */
export async function pdfPageImage(file: string, page: number, width: number, height: number, keepAs?: string): Promise<PNG> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdfpage-'));
  try {
    const prefix = path.join(dir, 'page');
    await run('pdftoppm', ['-png', '-f', String(page), '-l', String(page), '-scale-to-x', String(width), '-scale-to-y', String(height), '-singlefile', file, prefix]);
    const bytes = fs.readFileSync(`${prefix}.png`);
    if (keepAs) fs.writeFileSync(keepAs, bytes);
    return PNG.sync.read(bytes);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function readPng(bytes: Buffer): PNG {
  return PNG.sync.read(bytes);
}

export function writePng(png: PNG, file: string): void {
  fs.writeFileSync(file, PNG.sync.write(png));
}

/** A box (area-average) downscale to `width`×`height`; also works for mild upscaling (nearest). */
export function resize(source: PNG, width: number, height: number): PNG {
  const out = new PNG({ width, height });
  const sx = source.width / width;
  const sy = source.height / height;
  for (let y = 0; y < height; y++) {
    const y0 = Math.floor(y * sy);
    const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
    for (let x = 0; x < width; x++) {
      const x0 = Math.floor(x * sx);
      const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      let n = 0;
      for (let yy = y0; yy < Math.min(y1, source.height); yy++) {
        for (let xx = x0; xx < Math.min(x1, source.width); xx++) {
          const i = (yy * source.width + xx) * 4;
          r += source.data[i]!;
          g += source.data[i + 1]!;
          b += source.data[i + 2]!;
          a += source.data[i + 3]!;
          n++;
        }
      }
      const o = (y * width + x) * 4;
      out.data[o] = Math.round(r / n);
      out.data[o + 1] = Math.round(g / n);
      out.data[o + 2] = Math.round(b / n);
      out.data[o + 3] = Math.round(a / n);
    }
  }
  return out;
}

/** A copy of `source` with the rectangle (fractions of its size) painted in one colour. */
export function blank(source: PNG, box: { x: number; y: number; width: number; height: number }, rgb: readonly [number, number, number]): PNG {
  const out = new PNG({ width: source.width, height: source.height });
  source.data.copy(out.data);
  const x0 = Math.max(0, Math.floor(box.x * source.width));
  const y0 = Math.max(0, Math.floor(box.y * source.height));
  const x1 = Math.min(source.width, Math.ceil((box.x + box.width) * source.width));
  const y1 = Math.min(source.height, Math.ceil((box.y + box.height) * source.height));
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const i = (y * source.width + x) * 4;
      out.data[i] = rgb[0];
      out.data[i + 1] = rgb[1];
      out.data[i + 2] = rgb[2];
      out.data[i + 3] = 255;
    }
  }
  return out;
}

/** The colour of a pixel (fractions of the size), e.g. to blank an area in the background colour. */
export function colourAt(source: PNG, fx: number, fy: number): [number, number, number] {
  const x = Math.min(source.width - 1, Math.floor(fx * source.width));
  const y = Math.min(source.height - 1, Math.floor(fy * source.height));
  const i = (y * source.width + x) * 4;
  return [source.data[i]!, source.data[i + 1]!, source.data[i + 2]!];
}

export interface PixelDiff {
  /** Differing pixels over all pixels, 0…1. */
  ratio: number;
  differing: number;
  /** The diff image pixelmatch draws (for a failure's attachment). */
  image: PNG;
}

/** Both images scaled to `width`×`height`, then compared with pixelmatch (antialiasing ignored). */
export function pixelDifference(a: PNG, b: PNG, width = 640, height = 360, threshold = 0.2): PixelDiff {
  const left = a.width === width && a.height === height ? a : resize(a, width, height);
  const right = b.width === width && b.height === height ? b : resize(b, width, height);
  const image = new PNG({ width, height });
  const differing = pixelmatch(left.data, right.data, image.data, width, height, { threshold });
  return { ratio: differing / (width * height), differing, image };
}

/** A part of an image (fractions of its size), as an image of its own. */
export function crop(source: PNG, box: { x: number; y: number; width: number; height: number }): PNG {
  const x0 = Math.max(0, Math.min(source.width - 1, Math.floor(box.x * source.width)));
  const y0 = Math.max(0, Math.min(source.height - 1, Math.floor(box.y * source.height)));
  const width = Math.max(1, Math.min(source.width - x0, Math.round(box.width * source.width)));
  const height = Math.max(1, Math.min(source.height - y0, Math.round(box.height * source.height)));
  const out = new PNG({ width, height });
  for (let y = 0; y < height; y++) source.data.copy(out.data, y * width * 4, ((y0 + y) * source.width + x0) * 4, ((y0 + y) * source.width + x0 + width) * 4);
  return out;
}

/** pixelDifference restricted to one area (fractions of the size), both images first scaled to `width`×`height`. */
export function regionDifference(a: PNG, b: PNG, box: { x: number; y: number; width: number; height: number }, width = 640, height = 360, threshold = 0.2): number {
  const left = crop(resize(a, width, height), box);
  const right = crop(resize(b, width, height), box);
  return pixelmatch(left.data, right.data, null, left.width, left.height, { threshold }) / (left.width * left.height);
}
