/**
 * Pixel size of an uploaded image, read from its header (PNG, GIF, JPEG, WebP — the kinds the
 * image store accepts). The export needs it to fit a picture into its box without stretching:
 * pptxgenjs' own `sizing: 'contain'` only works when it is told the picture's size, and it cannot
 * read it in Node. imageFrame and chartFrame place a picture or chart by its stored width and
 * alignment (shared/mediaSize.ts) the way the slide's CSS does.
 */
import { alignedX, mediaAlign, mediaWidth, SLIDE_PX } from '../../../shared/mediaSize.ts';
import { SLIDE_W, type Frame } from './geometry.ts';

export interface PixelSize {
  w: number;
  h: number;
}

function jpegSize(b: Buffer): PixelSize | null {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    // SOF0..SOF15 carry the frame size, except DHT (C4), JPG (C8) and DAC (CC).
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return { h: b.readUInt16BE(i + 5), w: b.readUInt16BE(i + 7) };
    i += 2 + b.readUInt16BE(i + 2);
  }
  return null;
}

function webpSize(b: Buffer): PixelSize | null {
  const chunk = b.toString('ascii', 12, 16);
  if (chunk === 'VP8 ' && b.length >= 30) return { w: b.readUInt16LE(26) & 0x3fff, h: b.readUInt16LE(28) & 0x3fff };
  if (chunk === 'VP8L' && b.length >= 25) {
    const bits = b.readUInt32LE(21);
    return { w: (bits & 0x3fff) + 1, h: ((bits >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8X' && b.length >= 30) return { w: b.readUIntLE(24, 3) + 1, h: b.readUIntLE(27, 3) + 1 };
  return null;
}

/** The picture's width and height in pixels, or null when the header is not one we know. */
export function imagePixelSize(data: Uint8Array): PixelSize | null {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  try {
    if (b.length >= 24 && b[0] === 0x89 && b.toString('ascii', 1, 4) === 'PNG') return { w: b.readUInt32BE(16), h: b.readUInt32BE(20) };
    if (b.length >= 10 && b.toString('ascii', 0, 3) === 'GIF') return { w: b.readUInt16LE(6), h: b.readUInt16LE(8) };
    if (b.length >= 4 && b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
    if (b.length >= 16 && b.toString('ascii', 0, 4) === 'RIFF' && b.toString('ascii', 8, 12) === 'WEBP') return webpSize(b);
  } catch {
    // A truncated header: treat as unknown.
  }
  return null;
}

/** The largest frame of the picture's shape inside `box`, centred in it; the box itself when the shape is unknown. */
export function containFrame(size: PixelSize | null, box: Frame): Frame {
  if (!size || size.w <= 0 || size.h <= 0) return box;
  const scale = Math.min(box.w / size.w, box.h / size.h);
  const w = size.w * scale;
  const h = size.h * scale;
  return { x: box.x + (box.w - w) / 2, y: box.y + (box.h - h) / 2, w, h };
}

/** The slide's width in inches for SLIDE_PX CSS pixels: a picture's pixels are CSS pixels on the 1280-px slide. */
const INCH_PER_PX = SLIDE_W / SLIDE_PX;

/**
 * Where an image goes in its box, as the slide's CSS draws it (shared/mediaSize.ts): with a
 * stored width, that share of the column; without, its natural size on the 1280-px slide, never
 * wider than the column (never enlarged). Then no taller than the box, in its own proportions,
 * and left, centred or right across the column.
 */
export function imageFrame(size: PixelSize | null, box: Frame, attrs: Record<string, unknown>): Frame {
  const share = mediaWidth(attrs.width);
  const known = size !== null && size.w > 0 && size.h > 0;
  const w = share !== null ? (box.w * share) / 100 : known ? Math.min(size.w * INCH_PER_PX, box.w) : box.w;
  const height = known ? Math.min(box.h, (w * size.h) / size.w) : box.h;
  const fitted = containFrame(size, { x: box.x, y: box.y + (box.h - height) / 2, w, h: height });
  return { ...fitted, x: alignedX(box, fitted.w, mediaAlign(attrs.align)) };
}

/** A chart's box: its stored share of the column (or all of it), aligned across the column. */
export function chartFrame(box: Frame, attrs: Record<string, unknown>): Frame {
  const share = mediaWidth(attrs.width);
  const w = share === null ? box.w : (box.w * share) / 100;
  return { ...box, w, x: alignedX(box, w, mediaAlign(attrs.align)) };
}
