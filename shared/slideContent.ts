/**
 * Builders and readers for a slide's rich content: a Y.XmlFragment in the shape that
 * Tiptap's Collaboration extension (y-prosemirror) reads and writes. Element names are
 * ProseMirror node names, attributes are node attributes, and text formatting attributes
 * are mark names mapped to mark attributes (`{ bold: {} }`, `{ link: { href } }`).
 */
import * as Y from 'yjs';

export type Marks = Partial<Record<'bold' | 'italic' | 'underline', Record<string, never>>> & {
  link?: { href: string };
};
export type TextRun = string | { text: string; marks: Marks };
export type Block =
  | { type: 'paragraph'; runs: TextRun[] }
  | { type: 'heading'; level: 1 | 2 | 3; runs: TextRun[] }
  | { type: 'bulletList'; items: TextRun[][] }
  | { type: 'orderedList'; items: TextRun[][] }
  | { type: 'blockquote'; runs: TextRun[] }
  | { type: 'chart'; statKey: string; view: 'bar' | 'line' | 'pie' | 'number' | 'table' }
  | { type: 'horizontalRule' };

export const paragraph = (...runs: TextRun[]): Block => ({ type: 'paragraph', runs });
export const heading = (level: 1 | 2 | 3, ...runs: TextRun[]): Block => ({ type: 'heading', level, runs });
export const bulletList = (...items: TextRun[]): Block => ({ type: 'bulletList', items: items.map((i) => [i]) });
export const orderedList = (...items: TextRun[]): Block => ({ type: 'orderedList', items: items.map((i) => [i]) });
export const blockquote = (...runs: TextRun[]): Block => ({ type: 'blockquote', runs });
/** A divider; in the two-columns layout it is where the left column ends. */
export const columnBreak = (): Block => ({ type: 'horizontalRule' });
/** A live chart block (see chartBlock.ts for its attributes). */
export const chart = (statKey: string, view: 'bar' | 'line' | 'pie' | 'number' | 'table'): Block => ({ type: 'chart', statKey, view });
export const bold = (text: string): TextRun => ({ text, marks: { bold: {} } });
export const italic = (text: string): TextRun => ({ text, marks: { italic: {} } });

function textNode(runs: TextRun[]): Y.XmlText {
  const text = new Y.XmlText();
  // XmlText content can only be written once it is part of a document, so callers insert
  // the node first and fill it afterwards (see fillText).
  (text as Y.XmlText & { pendingRuns?: TextRun[] }).pendingRuns = runs;
  return text;
}

function element(name: string, children: Y.XmlElement[] | Y.XmlText[], attrs: Record<string, unknown> = {}): Y.XmlElement {
  const el = new Y.XmlElement(name);
  for (const [key, value] of Object.entries(attrs)) el.setAttribute(key, value as string);
  el.insert(0, children);
  return el;
}

function blockToElement(block: Block): Y.XmlElement {
  switch (block.type) {
    case 'paragraph':
      return element('paragraph', [textNode(block.runs)]);
    case 'heading':
      return element('heading', [textNode(block.runs)], { level: block.level });
    case 'blockquote':
      return element('blockquote', [element('paragraph', [textNode(block.runs)])]);
    case 'chart':
      return element('chart', [], { statKey: block.statKey, view: block.view });
    case 'horizontalRule':
      return element('horizontalRule', []);
    case 'bulletList':
    case 'orderedList':
      return element(
        block.type,
        block.items.map((runs) => element('listItem', [element('paragraph', [textNode(runs)])])),
      );
  }
}

function fillText(node: Y.XmlElement | Y.XmlText | Y.XmlFragment): void {
  if (node instanceof Y.XmlText) {
    const pending = (node as Y.XmlText & { pendingRuns?: TextRun[] }).pendingRuns;
    if (pending) {
      let offset = 0;
      for (const run of pending) {
        const text = typeof run === 'string' ? run : run.text;
        node.insert(offset, text, typeof run === 'string' ? {} : run.marks);
        offset += text.length;
      }
      delete (node as Y.XmlText & { pendingRuns?: TextRun[] }).pendingRuns;
    }
    return;
  }
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlElement || child instanceof Y.XmlText) fillText(child);
  }
}

/** Appends blocks to a fragment that is already part of a Y.Doc. */
export function appendBlocks(fragment: Y.XmlFragment, blocks: Block[]): void {
  const elements = blocks.map(blockToElement);
  fragment.insert(fragment.length, elements);
  for (const el of elements) fillText(el);
}

/** The plain text of a fragment, one line per block: for thumbnails, titles and search. */
export function fragmentText(fragment: Y.XmlFragment | Y.XmlElement): string {
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlText | Y.XmlFragment | Y.XmlHook, line: string[]): void => {
    if (node instanceof Y.XmlText) {
      line.push(node.toDelta().map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : '')).join(''));
      return;
    }
    if (node instanceof Y.XmlHook) return;
    const children = node.toArray();
    const isTextBlock = children.some((c) => c instanceof Y.XmlText);
    if (isTextBlock) {
      const own: string[] = [];
      for (const child of children) walk(child, own);
      lines.push(own.join(''));
    } else {
      for (const child of children) walk(child, line);
    }
  };
  walk(fragment, []);
  return lines.join('\n');
}
