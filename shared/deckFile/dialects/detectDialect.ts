/**
 * Which tool a deck file was written for. The front matter decides when it can (each tool
 * has keys of its own); otherwise the body's syntax does. Without any sign it is a
 * reveal.js markdown file, the most widely shared convention (`---` between slides).
 */
import type { DeckDialect } from '../../deckFilesApi.ts';
import { FORMAT_ID } from '../toMarkdown.ts';
import { fencedLines, splitLines, takeComments, yamlMapping } from './common.ts';
import { MARP_LOCALS, marpDirectives } from './marp.ts';

/** Headmatter keys only Slidev reads. */
const SLIDEV_KEYS = ['slidev', 'layout', 'highlighter', 'drawings', 'mdc', 'colorSchema', 'routerMode', 'aspectRatio', 'canvasWidth', 'addons', 'fonts', 'themeConfig', 'titleTemplate', 'hideInToc', 'monaco', 'lineNumbers', 'info', 'exportFilename', 'seoMeta'];
const SLIDEV_THEMES = /^(seriph|apple-basic|bricks|shibainu|slidev-theme-.+|@slidev\/theme-.+)$/;
const MARP_THEMES = /^(gaia|uncover)$/;
/** Keys reveal-md reads from a file's front matter (lib/config.js). */
const REVEAL_MD_KEYS = ['separator', 'verticalSeparator', 'notesSeparator', 'revealOptions', 'highlightTheme', 'preprocessor'];

export function detectDialect(data: Record<string, unknown>, body: string): DeckDialect {
  if (data.format === FORMAT_ID) return 'tussenstand';
  if (data.marp === true || data.marp === 'true') return 'marp';
  if (data.type === 'slide' || 'slideOptions' in data) return 'hedgedoc';
  if (REVEAL_MD_KEYS.some((k) => k in data)) return 'reveal-md';
  if (SLIDEV_KEYS.some((k) => k in data) || (typeof data.theme === 'string' && SLIDEV_THEMES.test(data.theme))) return 'slidev';
  if ('headingDivider' in data || 'paginate' in data || 'header' in data || 'footer' in data || Object.keys(data).some((k) => k.startsWith('_') && MARP_LOCALS.has(k.slice(1))) || (typeof data.theme === 'string' && MARP_THEMES.test(data.theme))) return 'marp';

  const lines = splitLines(body);
  const code = fencedLines(lines);
  // Marp: a directive in a comment (`<!-- paginate: true -->`, `<!-- _class: lead -->`).
  const { comments } = takeComments(lines, code);
  if (comments.some((c) => marpDirectives(c.body) !== null && !/^\.(slide|element)\b/.test(c.body))) return 'marp';
  // Slidev: per-slide front matter right under a separator, slot markers, v-click.
  for (let i = 0; i < lines.length; i++) {
    if (code[i]) continue;
    const line = lines[i]!;
    if (/^::\s*[\w.\-:]+\s*::\s*$/.test(line) || /<v-clicks?\b/.test(line)) return 'slidev';
    if (line.trimEnd() === '---' && i + 1 < lines.length && /^[A-Za-z_][\w-]*:(\s|$)/.test(lines[i + 1]!)) {
      let close = i + 1;
      while (close < lines.length && lines[close]!.trimEnd() !== '---' && close - i < 50) close++;
      if (close < lines.length && lines[close]!.trimEnd() === '---' && yamlMapping(lines.slice(i + 1, close).join('\n'))) return 'slidev';
    }
  }
  return 'reveal';
}
