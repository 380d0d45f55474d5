/**
 * Copies rich text from one Y.Doc into another with small changes: the audience document
 * ([AU5]) follows each shown slide's content this way, so a keystroke in a long paragraph
 * sends attendees that keystroke, not the paragraph.
 *
 * Blocks are compared by fingerprint (node names, attributes, text and formatting); only the
 * run between the unchanged blocks before and after is touched. When exactly one block
 * changed and it kept its kind, the copy descends into it — attributes set one by one, its
 * children compared the same way, plain text edited by its common prefix and suffix — and
 * anything it cannot match exactly (formatted text, a changed node kind) is replaced whole.
 * After an in-place edit the copy's fingerprint is checked against the original's; if they
 * differ the block is replaced, so the copy is never left different from its source.
 */
import * as Y from 'yjs';

export type Block = Y.XmlElement | Y.XmlText;

/** A node's exact content as a string: node names, attributes, text and its formatting. */
export function fingerprint(node: Block): string {
  return JSON.stringify(describe(node));
}

function describe(node: Block | Y.XmlHook): unknown {
  if (node instanceof Y.XmlText) return node.toDelta();
  if (node instanceof Y.XmlElement) return [node.nodeName, node.getAttributes(), node.toArray().map((child) => describe(child as Block))];
  return null;
}

function blocksOf(parent: Y.XmlFragment | Y.XmlElement): Block[] {
  return parent.toArray().filter((n): n is Block => n instanceof Y.XmlElement || n instanceof Y.XmlText);
}

/** Text without formatting, or null when the delta carries attributes or embeds. */
function plainText(text: Y.XmlText): string | null {
  let out = '';
  for (const op of text.toDelta() as { insert: unknown; attributes?: unknown }[]) {
    if (typeof op.insert !== 'string' || op.attributes !== undefined) return null;
    out += op.insert;
  }
  return out;
}

/** Edits `to` in place to equal `from`; false when it cannot (then the caller replaces it). */
function syncNode(from: Block, to: Block): boolean {
  if (from instanceof Y.XmlText && to instanceof Y.XmlText) {
    const a = plainText(to);
    const b = plainText(from);
    if (a === null || b === null) return false;
    let start = 0;
    while (start < a.length && start < b.length && a[start] === b[start]) start++;
    let end = 0;
    while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
    if (a.length - start - end > 0) to.delete(start, a.length - start - end);
    if (b.length - start - end > 0) to.insert(start, b.slice(start, b.length - end));
    return true;
  }
  if (from instanceof Y.XmlElement && to instanceof Y.XmlElement && from.nodeName === to.nodeName) {
    const wanted = from.getAttributes() as Record<string, unknown>;
    const had = to.getAttributes() as Record<string, unknown>;
    for (const key of Object.keys(had)) if (!(key in wanted)) to.removeAttribute(key);
    for (const [key, value] of Object.entries(wanted)) {
      if (JSON.stringify(had[key]) !== JSON.stringify(value)) to.setAttribute(key, value as string);
    }
    mirrorChildren(from, to, blocksOf(to).map(fingerprint));
    return true;
  }
  return false;
}

/**
 * Makes `to`'s children equal `from`'s. `before` are the fingerprints of `to`'s children
 * (kept by the caller for top-level blocks, computed here below them); returns the new ones.
 */
export function mirrorChildren(from: Y.XmlFragment | Y.XmlElement, to: Y.XmlFragment | Y.XmlElement, before: readonly string[]): string[] {
  const blocks = blocksOf(from);
  const next = blocks.map(fingerprint);
  let had = before;
  // The copy must hold exactly what `before` says; if not (never expected), start over.
  if (to.length !== had.length) {
    to.delete(0, to.length);
    had = [];
  }
  let start = 0;
  while (start < had.length && start < next.length && had[start] === next[start]) start++;
  let end = 0;
  while (end < had.length - start && end < next.length - start && had[had.length - 1 - end] === next[next.length - 1 - end]) end++;
  const removed = had.length - start - end;
  const inserted = blocks.slice(start, blocks.length - end);
  if (removed === 1 && inserted.length === 1) {
    const target = to.get(start) as Block;
    if (syncNode(inserted[0]!, target) && fingerprint(target) === next[start]) return next;
  }
  if (removed > 0) to.delete(start, removed);
  if (inserted.length > 0) to.insert(start, inserted.map((block) => block.clone()));
  return next;
}
