/**
 * A slide's rich content as a plain tree (ProseMirror-JSON-like), read from and written to
 * the Y.XmlFragment that Tiptap edits. Deck files (Markdown, PowerPoint) are made from and
 * into this tree, so they never touch Yjs types directly.
 */
import * as Y from 'yjs';
import { fontSize, highlight, textColour } from '../textFormat.ts';

export type MarkName = 'bold' | 'italic' | 'underline' | 'strike' | 'code' | 'link' | ValueMarkName;
/** Text formatting marks with one allow-listed value (shared/textFormat.ts, issue #17). */
export type ValueMarkName = 'fontSize' | 'textColor' | 'highlight';
export interface Mark {
  type: MarkName;
  /** For links: the href. */
  href?: string;
  /** For a value mark: its size step or palette key, always one on the allow-list. */
  value?: string | number;
}

/** Each value mark's attribute in the editor's schema (textFormatting.ts) and its allow-list. */
export const VALUE_MARKS: Record<ValueMarkName, { attribute: string; check: (value: unknown) => string | number | null }> = {
  fontSize: { attribute: 'size', check: fontSize },
  textColor: { attribute: 'color', check: textColour },
  highlight: { attribute: 'color', check: highlight },
};
export const isValueMark = (name: string): name is ValueMarkName => Object.hasOwn(VALUE_MARKS, name);
export interface TextNode {
  type: 'text';
  text: string;
  marks: Mark[];
}
export interface ElementNode {
  type: string;
  attrs: Record<string, unknown>;
  content: TreeNode[];
}
export type TreeNode = TextNode | ElementNode;

export const isText = (n: TreeNode): n is TextNode => n.type === 'text';
export const el = (type: string, content: TreeNode[] = [], attrs: Record<string, unknown> = {}): ElementNode => ({ type, attrs, content });
export const text = (value: string, marks: Mark[] = []): TextNode => ({ type: 'text', text: value, marks });

const MARK_ORDER: MarkName[] = ['link', 'bold', 'italic', 'underline', 'strike', 'code', 'fontSize', 'textColor', 'highlight'];

/** y-prosemirror names overlapping marks `name--<hash>`; the mark is the part before. */
const markName = (key: string): string => key.split('--')[0]!;

function readMarks(attributes: Record<string, unknown> | undefined): Mark[] {
  const marks: Mark[] = [];
  for (const [key, value] of Object.entries(attributes ?? {})) {
    if (value === null || value === undefined) continue;
    const name = markName(key) as MarkName;
    if (!MARK_ORDER.includes(name)) continue;
    if (name === 'link') {
      const href = (value as { href?: unknown }).href;
      if (typeof href === 'string') marks.push({ type: 'link', href });
    } else if (isValueMark(name)) {
      // A value outside the allow-list (a forged client wrote it) is not formatting: the text stays plain.
      const { attribute, check } = VALUE_MARKS[name];
      const checked = typeof value === 'object' ? check((value as Record<string, unknown>)[attribute]) : null;
      if (checked !== null) marks.push({ type: name, value: checked });
    } else marks.push({ type: name });
  }
  return marks.sort((a, b) => MARK_ORDER.indexOf(a.type) - MARK_ORDER.indexOf(b.type));
}

function readChildren(parent: Y.XmlFragment | Y.XmlElement): TreeNode[] {
  const out: TreeNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
        if (typeof op.insert === 'string' && op.insert !== '') out.push(text(op.insert, readMarks(op.attributes)));
      }
    } else if (child instanceof Y.XmlElement) {
      const attrs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(child.getAttributes())) if (v !== null && v !== undefined) attrs[k] = v;
      out.push(el(child.nodeName, readChildren(child), attrs));
    }
  }
  return out;
}

export function readFragment(fragment: Y.XmlFragment): ElementNode[] {
  return readChildren(fragment).filter((n): n is ElementNode => !isText(n));
}

function marksToAttributes(marks: Mark[]): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks) attributes[mark.type] = mark.type === 'link' ? { href: mark.href } : isValueMark(mark.type) ? { [VALUE_MARKS[mark.type].attribute]: mark.value } : {};
  return attributes;
}

/**
 * Children are inserted this many at a time: Yjs spreads a not-yet-integrated element's
 * children into one call (`splice(i, 0, ...content)`), which overflows the stack for an
 * imported list of a few hundred thousand items.
 */
const INSERT_CHUNK = 10_000;

/** Appends `children` at `start` (a new element's length cannot be read before it is in a document). */
function insertAll(parent: Y.XmlElement | Y.XmlFragment, start: number, children: (Y.XmlElement | Y.XmlText)[]): void {
  for (let at = 0; at < children.length; at += INSERT_CHUNK) parent.insert(start + at, children.slice(at, at + INSERT_CHUNK) as Y.XmlElement[]);
}

/** Builds Yjs nodes for `nodes`; text is filled in after the nodes are part of a document. */
function build(nodes: TreeNode[], pending: [Y.XmlText, TextNode[]][]): (Y.XmlElement | Y.XmlText)[] {
  const out: (Y.XmlElement | Y.XmlText)[] = [];
  let run: TextNode[] | null = null;
  for (const node of nodes) {
    if (isText(node)) {
      if (!run) {
        run = [];
        const yText = new Y.XmlText();
        out.push(yText);
        pending.push([yText, run]);
      }
      run.push(node);
      continue;
    }
    run = null;
    const element = new Y.XmlElement(node.type);
    for (const [k, v] of Object.entries(node.attrs)) if (v !== null && v !== undefined) element.setAttribute(k, v as string);
    insertAll(element, 0, build(node.content, pending));
    out.push(element);
  }
  return out;
}

/** Appends `nodes` to a fragment that is part of a Y.Doc. */
export function writeFragment(fragment: Y.XmlFragment, nodes: TreeNode[]): void {
  const pending: [Y.XmlText, TextNode[]][] = [];
  insertAll(fragment, fragment.length, build(nodes, pending));
  for (const [yText, runs] of pending) {
    let offset = 0;
    for (const run of runs) {
      yText.insert(offset, run.text, marksToAttributes(run.marks));
      offset += run.text.length;
    }
  }
}

export function plainText(nodes: TreeNode[]): string {
  return nodes.map((n) => (isText(n) ? n.text : plainText(n.content))).join('');
}
