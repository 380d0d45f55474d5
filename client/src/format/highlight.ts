/**
 * Syntax highlighting of code blocks, for the editor and the read-only renderer alike, so a
 * block looks the same on the canvas, in a thumbnail, on the presenter's screen and in print:
 * lowlight (highlight.js grammars, the `common` set) turns code into a tree of spans with
 * `hljs-*` classes; nothing here produces or parses HTML.
 *
 * A block highlights only when its `language` is one the grammars know (a name or an alias).
 * Any other language, or none, shows the code as plain text and the attribute is kept as it
 * is: guessing (highlightAuto) would make the same block look different from one edit to the
 * next, and an unknown name is still the author's.
 */
import { common, createLowlight } from 'lowlight';

export { languageClass } from './codeLanguage.ts';

const lowlight = createLowlight(common);

export type HighlightRoot = ReturnType<typeof lowlight.highlight>;
export type HighlightNode = HighlightRoot['children'][number];

/** Longer code is shown plain: highlighting is linear but not cheap, and runs on every edit. */
export const MAX_HIGHLIGHT_LENGTH = 20_000;

/** The grammar's name for `language` when the highlighter knows it (case-insensitively), else null. */
export function knownLanguage(language: unknown): string | null {
  if (typeof language !== 'string') return null;
  const name = language.trim().toLowerCase();
  if (!name || name.length > 40) return null;
  return lowlight.registered(name) ? name : null;
}

function plain(value: string): HighlightRoot {
  return { type: 'root', children: value ? [{ type: 'text', value }] : [], data: { language: undefined, relevance: 0 } } as HighlightRoot;
}

/** The highlighted tree of `code`, or null when it is to be shown plain (see above). */
export function highlightCode(code: string, language: unknown): HighlightRoot | null {
  const name = knownLanguage(language);
  if (name === null || code.length > MAX_HIGHLIGHT_LENGTH) return null;
  try {
    return lowlight.highlight(name, code);
  } catch {
    return null;
  }
}

/**
 * The lowlight-like object @tiptap/extension-code-block-lowlight is configured with: it
 * asks `listLanguages`/`registered` whether a block's language is known and otherwise calls
 * `highlightAuto`, which here never guesses but returns the code as one plain text node.
 */
export const editorLowlight = {
  highlight: (language: string, value: string): HighlightRoot => highlightCode(value, language) ?? plain(value),
  highlightAuto: (value: string): HighlightRoot => plain(value),
  listLanguages: (): string[] => lowlight.listLanguages(),
  registered: (language: string): boolean => knownLanguage(language) !== null,
};
