/**
 * The report of an import (shared/importReport.ts): what was read, from what, and every
 * notice the dialect readers and the content reader collected on the way.
 */
import type { ImportEncoding, ImportReport, RemoteImageRef } from '../importReport.ts';
import type { ParsedDeck } from './parseDeck.ts';
import { isText, type TreeNode } from './tree.ts';

/** Image nodes with an http(s) address, in document order; iterative (a tree can be deep). */
function remoteImages(nodes: TreeNode[], slide: number, out: RemoteImageRef[]): void {
  const stack: TreeNode[] = nodes.toReversed();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isText(node)) continue;
    if (node.type === 'image' && typeof node.attrs.src === 'string' && /^https?:\/\//i.test(node.attrs.src)) {
      out.push({ url: node.attrs.src, slide, alt: typeof node.attrs.alt === 'string' ? node.attrs.alt : '' });
    }
    for (let i = node.content.length - 1; i >= 0; i--) stack.push(node.content[i]!);
  }
}

export function buildImportReport(parsed: ParsedDeck, encoding: ImportEncoding): ImportReport {
  const images: RemoteImageRef[] = [];
  parsed.slides.forEach((slide, i) => {
    remoteImages(slide.content, i + 1, images);
    remoteImages(slide.notes, i + 1, images);
  });
  return {
    dialect: parsed.dialect,
    encoding,
    title: parsed.meta.title,
    slides: parsed.slides.length,
    slidesWithNotes: parsed.slides.filter((s) => s.notes.length > 0).length,
    notices: parsed.notices,
    remoteImages: images,
  };
}
