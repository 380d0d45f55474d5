/**
 * How a live slide's content tree is split for drawing: top-level charts are drawn live on
 * their own, everything else by the editor's read-only renderer; attendees' image
 * addresses carry their link token.
 */
import type { SlideNode } from '../editor/slideTree.ts';

export type Segment = { kind: 'nodes'; nodes: SlideNode[] } | { kind: 'chart'; attrs: Record<string, unknown> };

/** Runs of ordinary nodes, with each top-level chart on its own. */
export function segments(nodes: SlideNode[]): Segment[] {
  const out: Segment[] = [];
  for (const node of nodes) {
    if (node.kind === 'element' && node.name === 'chart') {
      out.push({ kind: 'chart', attrs: node.attrs });
      continue;
    }
    const last = out[out.length - 1];
    if (last && last.kind === 'nodes') last.nodes.push(node);
    else out.push({ kind: 'nodes', nodes: [node] });
  }
  return out;
}

const UPLOADED_IMAGE = /^\/api\/images\/[A-Za-z0-9_-]{8,64}$/;

/** Uploaded images (`/api/images/<id>`) get `?token=` so a link holder may load them. */
export function withImageToken(nodes: SlideNode[], token: string): SlideNode[] {
  return nodes.map((node) => {
    if (node.kind === 'text') return node;
    const src = node.attrs.src;
    const attrs = node.name === 'image' && typeof src === 'string' && UPLOADED_IMAGE.test(src.trim()) ? { ...node.attrs, src: `${src.trim()}?token=${encodeURIComponent(token)}` } : node.attrs;
    return { ...node, attrs, children: withImageToken(node.children, token) };
  });
}
