/**
 * One rule for the name of every file the app hands out (Markdown, PowerPoint, PDF, HTML,
 * handouts): the deck's title keeps every character that is legal in a file name on
 * Windows, macOS and Linux (the em dash, accents, Japanese, emoji). Only `\ / : * ? " < > |`
 * and control characters go (each run becomes one space), whitespace runs become one space,
 * a name neither starts nor ends with a space or dot, a Windows device name (CON, NUL,
 * COM1…, also as "nul.txt") gets " (deck)" after it, and an empty name is "deck".
 *
 * Length: at most 120 characters and 200 UTF-8 bytes for the title part, cut between
 * user-perceived characters (never inside an emoji, a ZWJ sequence or a letter with its
 * accent). Linux and macOS allow 255 bytes per name, Windows 255 UTF-16 units; the 55 bytes
 * left are for the suffix and the extension.
 *
 * Suffixes are in the deck's language, like the words inside the file (the print page is
 * drawn in it): "(notities)" / "(notes)", "(hand-out, 3 per pagina)" / "(handout, 3 per page)".
 */
import type { HandoutOptions } from './exportOptions.ts';
import { presentedDate } from './statLabels.ts';

// Control characters (C0, DEL, C1) are exactly what must go, with the nine Windows forbids.
// oxlint-disable-next-line no-control-regex
const ILLEGAL = /[\\/:*?"<>|\u0000-\u001f\u007f-\u009f]+/gu;
/** Windows device names, whatever follows a dot ("NUL.tar" is NUL too). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;
export const MAX_NAME_CHARS = 120;
export const MAX_NAME_BYTES = 200;
const FALLBACK = 'deck';
const MAX_LABEL_CHARS = 40;
const MAX_LABEL_BYTES = 80;
/** Linux and macOS allow 255 bytes per file name. */
const MAX_FILE_NAME_BYTES = 255;

const utf8Length = (text: string): number => new TextEncoder().encode(text).length;

/** User-perceived characters (grapheme clusters); code points where Intl.Segmenter is missing. */
function graphemes(text: string): string[] {
  if (typeof Intl !== 'undefined' && 'Segmenter' in Intl) {
    return Array.from(new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(text), (s) => s.segment);
  }
  return Array.from(text);
}

function cut(name: string, maxChars: number = MAX_NAME_CHARS, maxBytes: number = MAX_NAME_BYTES): string {
  const parts = graphemes(name);
  if (parts.length <= maxChars && utf8Length(name) <= maxBytes) return name;
  let out = '';
  let bytes = 0;
  let count = 0;
  for (const part of parts) {
    const size = utf8Length(part);
    if (count + 1 > maxChars || bytes + size > maxBytes) break;
    out += part;
    bytes += size;
    count++;
  }
  return out;
}

const trimEnds = (name: string): string => name.replace(/^[\s.]+/u, '').replace(/[\s.]+$/u, '');

/** The deck title as the base of a file name (no extension). */
export function fileBaseName(title: string, maxBytes: number = MAX_NAME_BYTES): string {
  const name = trimEnds(cut(trimEnds(title.normalize('NFC').replace(ILLEGAL, ' ').replace(/\s+/gu, ' ')), MAX_NAME_CHARS, maxBytes));
  if (!name) return FALLBACK;
  if (RESERVED.test(name.split('.')[0]!.trim())) return `${name} (${FALLBACK})`;
  return name;
}

export type ExportKind = { kind: 'deck' } | { kind: 'notes' } | { kind: 'handout'; handout: HandoutOptions };

/** The part after the title for this kind of export, in the deck's language ('' for the deck itself). */
export function exportSuffix(kind: ExportKind, language: 'nl' | 'en'): string {
  if (kind.kind === 'notes') return language === 'en' ? ' (notes)' : ' (notities)';
  if (kind.kind === 'handout') return language === 'en' ? ` (handout, ${kind.handout.perPage} per page)` : ` (hand-out, ${kind.handout.perPage} per pagina)`;
  return '';
}

/**
 * What a version's file says after the title, the same for every format: " (zoals
 * gepresenteerd op 2 december 2026)" for a session's version, the name someone gave a version
 * they saved (" (Eerste versie)"), else " (versie van 2 december 2026)".
 */
export function versionSuffix(version: { kind: string; label: string; createdAt: string }, language: 'nl' | 'en'): string {
  const date = presentedDate(version.createdAt, language);
  if (version.kind === 'session') return ` (${language === 'en' ? 'as presented on' : 'zoals gepresenteerd op'} ${date})`;
  // A name, not a title: at most 40 characters, so title, name and extension stay within 255 bytes.
  const label = version.kind === 'manual' ? trimEnds(cut(fileBaseName(version.label), MAX_LABEL_CHARS, MAX_LABEL_BYTES)) : '';
  if (label && label !== FALLBACK) return ` (${label})`;
  return ` (${language === 'en' ? 'version of' : 'versie van'} ${date})`;
}

/** `<title><suffix>.<extension>`, e.g. "Tussenstand Spoor 3 — … (notities).pdf". */
export function exportFileName(title: string, extension: string, suffix = ''): string {
  // The title gives way to the suffix and extension, so the whole name fits in 255 bytes.
  const room = MAX_FILE_NAME_BYTES - utf8Length(`${suffix}.${extension}`);
  return `${fileBaseName(title, Math.max(16, Math.min(MAX_NAME_BYTES, room)))}${suffix}.${extension}`;
}

/** Characters outside RFC 8187's attr-char that encodeURIComponent leaves as they are. */
const encodeExt = (text: string): string => encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Typographic characters with an obvious ASCII stand-in, for the plain `filename=` fallback. */
const ASCII_STAND_INS: Record<string, string> = { '—': '-', '–': '-', '‐': '-', '‑': '-', '‘': "'", '’': "'", '‚': "'", '“': "'", '”': "'", '„': "'", '…': '...', '·': '-', '×': 'x', '€': 'EUR' };

/** The name in ASCII for clients that ignore `filename*`: accents dropped, dashes as "-", anything else as "_". */
export function asciiFileName(name: string): string {
  const plain = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^\x20-\x7e]/gu, (c) => ASCII_STAND_INS[c] ?? '_')
    .replace(/["\\]/g, '_');
  const dot = plain.lastIndexOf('.');
  const base = dot > 0 ? plain.slice(0, dot) : plain;
  const extension = dot > 0 ? plain.slice(dot) : '';
  // Runs of stand-ins say nothing more than one; a name that was all Japanese stays readable as "deck".
  const collapsed = base.replace(/_(?:\s*_)*/g, '_');
  const cleaned = /^[\s_.-]*$/.test(collapsed) ? FALLBACK : fileBaseName(collapsed);
  return `${cleaned}${extension}`;
}

/**
 * The Content-Disposition of a download: an ASCII `filename="…"` for old clients and
 * `filename*=UTF-8''…` (RFC 6266 / 8187), which every current browser prefers. `name` is a
 * finished file name (see exportFileName).
 */
export function contentDisposition(name: string): string {
  return `attachment; filename="${asciiFileName(name)}"; filename*=UTF-8''${encodeExt(name)}`;
}
