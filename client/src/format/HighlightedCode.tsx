/**
 * A code block's `<code>` with its highlighting as React elements: the highlighter's tree
 * (hast) is walked here, and only its text and its spans' `hljs-*` class names reach the DOM
 * — never markup. SlideContentView loads this module on first use (with the grammars), so a
 * page whose slides hold no code does not download them.
 */
import type { ReactNode } from 'react';
import { highlightCode, languageClass, type HighlightNode } from './highlight.ts';

export interface HighlightedCodeProps {
  code: string;
  language: unknown;
}

function classNames(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/\s+/) : [];
  const names = list.filter((name): name is string => typeof name === 'string' && /^hljs-[\w-]+$/.test(name));
  return names.length > 0 ? names.join(' ') : undefined;
}

/** The hast nodes as React nodes: text stays text, every element becomes a span. */
export function hastToReact(nodes: readonly HighlightNode[]): ReactNode[] {
  return nodes.map((node, i) => {
    if (node.type === 'text') return node.value;
    if (node.type === 'element') {
      return (
        <span key={i} className={classNames(node.properties?.className)}>
          {hastToReact(node.children as HighlightNode[])}
        </span>
      );
    }
    return null;
  });
}

export function HighlightedCode({ code, language }: HighlightedCodeProps) {
  const tree = highlightCode(code, language);
  return <code className={languageClass(language) ?? undefined}>{tree ? hastToReact(tree.children) : code}</code>;
}

export default HighlightedCode;
