/**
 * Deck templates: deck files in decks/templates/. `{{period}}` in a template is replaced by
 * the period asked for; its charts name statistics, so they show the research log at once.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse as yamlParse } from 'yaml';
import type { TemplateInfo } from '../shared/deckFilesApi.ts';
import { ROOT_DIR } from './paths.ts';

export const TEMPLATE_DIR = path.join(ROOT_DIR, 'decks/templates');

const TEMPLATE_ID = /^[a-z0-9-]{1,64}$/;

export function listTemplates(): TemplateInfo[] {
  if (!fs.existsSync(TEMPLATE_DIR)) return [];
  return fs
    .readdirSync(TEMPLATE_DIR)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((file) => {
      const text = fs.readFileSync(path.join(TEMPLATE_DIR, file), 'utf8');
      const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
      const data = (yamlParse(front) ?? {}) as Record<string, unknown>;
      return { id: file.slice(0, -3), title: String(data.title ?? file).replace(/\s*[—-]\s*\{\{period\}\}$/, ''), description: String(data.description ?? '') };
    });
}

/** The template's text with the period filled in, or null for an unknown template. */
export function fillTemplate(id: string, period: string): string | null {
  if (!TEMPLATE_ID.test(id)) return null;
  const file = path.join(TEMPLATE_DIR, `${id}.md`);
  if (!fs.existsSync(file)) return null;
  // Quotes and backslashes would break the YAML front matter the period is written into.
  const safePeriod = period.replace(/["\\\n\r]/g, '').trim();
  return fs.readFileSync(file, 'utf8').replaceAll('{{period}}', safePeriod);
}
