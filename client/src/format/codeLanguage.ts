/**
 * A code block's language as the class its `<code>` carries (`language-<x>`), as the editor
 * writes it. Its own module so the read-only renderer can use it without loading the
 * highlighter's grammars (highlight.ts).
 */
export function languageClass(language: unknown): string | null {
  if (typeof language !== 'string') return null;
  // Letters, digits and + # . _ - only: the name comes from the shared document.
  const name = language.trim().replace(/[^\w+#.-]/g, '').slice(0, 40);
  return name ? `language-${name}` : null;
}
