/**
 * One rule for the name of every file the app hands out (Markdown, PowerPoint, PDF, HTML):
 * the deck's title keeps every character that is legal in a file name on Windows, macOS and
 * Linux (the em dash, accents, Japanese, emoji); only `\ / : * ? " < > |` and control
 * characters go, whitespace runs become one space, and a name never ends in a space or dot.
 */
// Control characters are exactly what must go.
// oxlint-disable-next-line no-control-regex
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f]+/gu;
const RESERVED = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;
const MAX_LENGTH = 120;

export function fileBaseName(title: string): string {
  let name = title.replace(ILLEGAL, ' ').replace(/\s+/gu, ' ').trim();
  // Cut by code points so a surrogate pair (an emoji) is never split.
  const chars = Array.from(name);
  if (chars.length > MAX_LENGTH) name = chars.slice(0, MAX_LENGTH).join('');
  name = name.replace(/[ .]+$/u, '').replace(/^[ .]+/u, '');
  if (!name || RESERVED.test(name)) return name ? `${name} (deck)` : 'deck';
  return name;
}

/** `<title><suffix>.<extension>`, e.g. "Tussenstand Spoor 3 — … (notes).pdf". */
export function exportFileName(title: string, extension: string, suffix = ''): string {
  return `${fileBaseName(title)}${suffix}.${extension}`;
}
