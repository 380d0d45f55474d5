/**
 * Presence colours and initials. A user keeps one colour in every tab and on every
 * machine (it is derived from the user id, not stored), and every colour carries white
 * text at WCAG AA contrast, because caret labels and avatars put the name on it.
 */
export const PRESENCE_COLORS = [
  '#1f5fa8', // blue
  '#b03a2e', // red
  '#1e7a46', // green
  '#8a3ca6', // purple
  '#a34e00', // orange
  '#0e6f7a', // teal
  '#a8326e', // magenta
  '#5a5f12', // olive
  '#4b4fb8', // indigo
  '#7a4a2a', // brown
] as const;

/** FNV-1a: small, stable across runs and platforms, spreads similar ids apart. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function colorForUser(userId: string): string {
  return PRESENCE_COLORS[hash(userId) % PRESENCE_COLORS.length]!;
}

/** "Sanne de Vries" → "SV", "beheerder" → "B"; Dutch infixes (de, van, der…) are skipped. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  const infixes = new Set(['de', 'den', 'der', 'van', 'het', "'t", 'te', 'ten', 'ter', 'in', 'op', 'la', 'le', 'du']);
  const main = words.filter((w, i) => i === 0 || !infixes.has(w.toLowerCase()));
  const first = main[0]!;
  const last = main.length > 1 ? main[main.length - 1]! : '';
  return (Array.from(first)[0]! + (last ? Array.from(last)[0]! : '')).toUpperCase();
}

/** Relative luminance contrast of white text on `hex`, for the palette's test. */
export function contrastWithWhite(hex: string): number {
  const channel = (i: number): number => {
    const c = parseInt(hex.slice(1 + i * 2, 3 + i * 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const l = 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
  return 1.05 / (l + 0.05);
}
