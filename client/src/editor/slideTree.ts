/**
 * A slide's Y.XmlFragment as a plain tree, for the read-only renderers (thumbnails). Reading
 * the shared types directly keeps thumbnails live without a ProseMirror instance per slide;
 * the tree holds plain data only, so what reaches the DOM is decided in one place
 * (SlideContentView) and never by parsing HTML.
 */
import * as Y from 'yjs';

export interface TextMarks {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strike?: boolean;
  code?: boolean;
  /** The raw href as stored; the renderer decides whether it is safe to use. */
  link?: string;
  /** Text formatting as stored (issue #17); the renderer keeps only allow-listed values (shared/textFormat.ts). */
  fontSize?: unknown;
  textColor?: unknown;
  highlight?: unknown;
}

/** Marks with one attribute: the mark name and the attribute that holds its value. */
const VALUE_MARKS = { fontSize: 'size', textColor: 'color', highlight: 'color' } as const;

export type SlideNode =
  | { kind: 'text'; text: string; marks: TextMarks }
  | { kind: 'element'; name: string; attrs: Record<string, unknown>; children: SlideNode[] };

const SIMPLE_MARKS = ['bold', 'italic', 'underline', 'strike', 'code'] as const;

/** y-prosemirror names overlapping marks `name--<hash>`; the mark is the part before. */
function markName(key: string): string {
  const at = key.indexOf('--');
  return at < 0 ? key : key.slice(0, at);
}

function readMarks(attributes: Record<string, unknown> | undefined): TextMarks {
  const marks: TextMarks = {};
  if (!attributes) return marks;
  for (const [key, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) continue;
    const name = markName(key);
    if ((SIMPLE_MARKS as readonly string[]).includes(name)) marks[name as (typeof SIMPLE_MARKS)[number]] = true;
    else if (name === 'link' && typeof value === 'object' && typeof (value as { href?: unknown }).href === 'string') {
      marks.link = (value as { href: string }).href;
    } else if (name in VALUE_MARKS && typeof value === 'object') {
      marks[name as keyof typeof VALUE_MARKS] = (value as Record<string, unknown>)[VALUE_MARKS[name as keyof typeof VALUE_MARKS]];
    }
  }
  return marks;
}

function textRuns(text: Y.XmlText): SlideNode[] {
  const runs: SlideNode[] = [];
  for (const op of text.toDelta() as { insert?: unknown; attributes?: Record<string, unknown> }[]) {
    if (typeof op.insert !== 'string' || op.insert === '') continue;
    runs.push({ kind: 'text', text: op.insert, marks: readMarks(op.attributes) });
  }
  return runs;
}

function nodeChildren(parent: Y.XmlFragment | Y.XmlElement): SlideNode[] {
  const out: SlideNode[] = [];
  for (const child of parent.toArray()) {
    if (child instanceof Y.XmlText) out.push(...textRuns(child));
    else if (child instanceof Y.XmlElement) out.push({ kind: 'element', name: child.nodeName, attrs: child.getAttributes(), children: nodeChildren(child) });
  }
  return out;
}

export function fragmentToTree(fragment: Y.XmlFragment): SlideNode[] {
  return nodeChildren(fragment);
}

/** The text of a node and its descendants, for accessible names. */
export function treeText(nodes: SlideNode[]): string {
  return nodes.map((n) => (n.kind === 'text' ? n.text : treeText(n.children))).join('');
}

/** The first heading's text, or else the first non-empty block's: what a slide is "called". */
export function slideTitle(nodes: SlideNode[]): string {
  const blocks = nodes.filter((n): n is Extract<SlideNode, { kind: 'element' }> => n.kind === 'element');
  const heading = blocks.find((n) => n.name === 'heading' && treeText(n.children).trim());
  if (heading) return treeText(heading.children).trim();
  for (const block of blocks) {
    const text = treeText(block.children).trim();
    if (text) return text;
  }
  return '';
}
