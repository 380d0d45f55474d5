/**
 * Reads a Markdown deck file — Tussenstand's own format, or the dialects people already
 * have — into slides. Dialects:
 *  - reveal.js / HedgeDoc: `---` between slides, `----` between vertical slides (each becomes
 *    a slide of its own), `Note:` starts the speaker notes.
 *  - Slidev: front matter per slide (`---` / yaml / `---`), notes in the slide's last HTML comment.
 *  - Marp: `marp: true` in the front matter, HTML comments are notes, directives are ignored.
 */
import { parse as yamlParse } from 'yaml';
import { DECK_LANGUAGES, DECK_THEMES, SLIDE_LAYOUTS, type DeckMeta, type SlideLayout } from '../deckModel.ts';
import { markdownToContent } from './fromMarkdown.ts';
import { FORMAT_ID } from './toMarkdown.ts';
import { plainText, type ElementNode } from './tree.ts';

export type Dialect = 'tussenstand' | 'reveal' | 'slidev' | 'marp';

export interface ParsedSlide {
  layout: SlideLayout;
  content: ElementNode[];
  notes: ElementNode[];
}

export interface ParsedDeck {
  dialect: Dialect;
  meta: DeckMeta;
  slides: ParsedSlide[];
}

export class NotADeckError extends Error {}

const FENCE = /^(```|~~~)/;
const SEPARATOR = /^(---|----)\s*$/;
const YAML_LINE = /^[A-Za-z_][\w-]*\s*:.*$/;
const MARP_DIRECTIVE = /^_?(theme|paginate|header|footer|class|backgroundColor|backgroundImage|backgroundPosition|backgroundRepeat|backgroundSize|color|size|math|style|headingDivider|lang|title|description|author|image|keywords|url|marp)\s*:/;

const SLIDEV_LAYOUTS: Record<string, SlideLayout> = {
  cover: 'title',
  intro: 'title',
  center: 'section',
  section: 'section',
  statement: 'section',
  quote: 'quote',
  fact: 'big-number',
  'two-cols': 'two-columns',
  'two-cols-header': 'two-columns',
  default: 'title-content',
};

function readFrontMatter(text: string): { data: Record<string, unknown>; body: string } {
  const match = /^(?:\uFEFF)?---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(text);
  if (!match) return { data: {}, body: text };
  try {
    const data = yamlParse(match[1]!) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
  } catch {
    // not YAML after all: treat the block as ordinary content
  }
  return { data: {}, body: text };
}

/** Splits at separator lines outside code fences; each chunk remembers the separator before it. */
function splitSlides(body: string): string[] {
  const chunks: string[] = [];
  let current: string[] = [];
  let fence: string | null = null;
  for (const line of body.split(/\r?\n/)) {
    const fenceMatch = FENCE.exec(line.trim());
    if (fenceMatch) fence = fence === null ? fenceMatch[1]! : fence === fenceMatch[1] ? null : fence;
    if (fence === null && SEPARATOR.test(line)) {
      chunks.push(current.join('\n'));
      current = [];
    } else current.push(line);
  }
  chunks.push(current.join('\n'));
  return chunks;
}

/** True for a chunk that is only `key: value` lines (Slidev's per-slide front matter). */
function isYamlChunk(chunk: string): boolean {
  const lines = chunk.split('\n').filter((l) => l.trim() !== '');
  return lines.length > 0 && lines.every((l) => YAML_LINE.test(l) || /^\s+\S/.test(l) || /^\s*#/.test(l));
}

const COMMENT = /<!--([\s\S]*?)-->/g;

function takeNotesAfterMarker(chunk: string): { content: string; notes: string } {
  const match = /^Notes?:\s*$/m.exec(chunk) ?? /^Notes?:\s/m.exec(chunk);
  if (!match) return { content: chunk, notes: '' };
  return { content: chunk.slice(0, match.index), notes: chunk.slice(match.index).replace(/^Notes?:\s*/, '') };
}

function guessLayout(content: ElementNode[], index: number): SlideLayout {
  const first = content[0];
  if (index === 0 && first?.type === 'heading' && Number(first.attrs.level) === 1) return 'title';
  if (content.length === 1 && first?.type === 'heading') return 'section';
  return 'title-content';
}

function metaFrom(data: Record<string, unknown>, slides: ParsedSlide[]): DeckMeta {
  const firstHeading = slides.flatMap((s) => s.content).find((n) => n.type === 'heading');
  // A title is text: markup in it is dropped, as everywhere else in an imported file.
  const stripped = typeof data.title === 'string' ? data.title.replace(/<[^>]*>/g, '').trim() : '';
  const title = stripped || (firstHeading ? plainText(firstHeading.content).trim() : '');
  const theme = (DECK_THEMES as readonly unknown[]).includes(data.theme) ? (data.theme as DeckMeta['theme']) : 'tussenstand';
  const language = (DECK_LANGUAGES as readonly unknown[]).includes(data.language ?? data.lang) ? ((data.language ?? data.lang) as DeckMeta['language']) : 'nl';
  return { title: (title || 'Geïmporteerde presentatie').slice(0, 200), theme, period: typeof data.period === 'string' ? data.period : '', language };
}

export function parseDeck(markdown: string): ParsedDeck {
  if (markdown.includes('\u0000')) throw new NotADeckError('this is not a text file');
  if (markdown.trim() === '') throw new NotADeckError('the file is empty');
  const { data, body } = readFrontMatter(markdown);
  const dialect: Dialect = data.format === FORMAT_ID ? 'tussenstand' : data.marp === true ? 'marp' : 'slidev' in data || 'layout' in data || /\n---\r?\n(?:[A-Za-z_][\w-]*\s*:.*\r?\n)+---\r?\n/.test(`\n${body}`) ? 'slidev' : 'reveal';

  const chunks = splitSlides(body);
  const slides: ParsedSlide[] = [];
  let slideFrontMatter: Record<string, unknown> | null = dialect === 'slidev' && typeof data.layout === 'string' ? { layout: data.layout } : null;
  for (let i = 0; i < chunks.length; i++) {
    let chunk = chunks[i]!;
    if (dialect === 'slidev' && isYamlChunk(chunk) && i + 1 < chunks.length && chunks[i + 1] !== undefined) {
      try {
        slideFrontMatter = yamlParse(chunk) as Record<string, unknown>;
        continue;
      } catch {
        // not front matter: an ordinary slide
      }
    }
    let layout: SlideLayout | null = null;
    let notes = '';
    if (dialect === 'tussenstand' || dialect === 'reveal') {
      const directive = /<!--\s*slide:\s*layout=([\w-]+)\s*-->/.exec(chunk);
      if (directive && (SLIDE_LAYOUTS as readonly string[]).includes(directive[1]!)) layout = directive[1] as SlideLayout;
      ({ content: chunk, notes } = takeNotesAfterMarker(chunk));
    } else if (dialect === 'slidev') {
      const comments = [...chunk.matchAll(COMMENT)];
      const last = comments.at(-1);
      if (last) notes = last[1]!.trim();
      const named = slideFrontMatter?.layout;
      if (typeof named === 'string') layout = SLIDEV_LAYOUTS[named] ?? 'title-content';
      slideFrontMatter = null;
    } else {
      const comments = [...chunk.matchAll(COMMENT)].map((m) => m[1]!.trim()).filter((c) => !MARP_DIRECTIVE.test(c));
      notes = comments.join('\n\n');
      if (/<!--\s*_class:\s*lead\s*-->/.test(chunk)) layout = 'title';
    }
    const content = markdownToContent(chunk.replace(COMMENT, ''));
    const noteNodes = notes ? markdownToContent(notes) : [];
    if (content.length === 0 && noteNodes.length === 0 && !layout) continue;
    slides.push({ layout: layout ?? guessLayout(content, slides.length), content, notes: noteNodes });
  }
  if (slides.length === 0) throw new NotADeckError('the file holds no slide content');
  return { dialect, meta: metaFrom(data, slides), slides };
}
