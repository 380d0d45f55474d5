/**
 * The translation namespaces: both languages have the same namespaces and the same keys (deep),
 * no string is empty, and every `namespace:key` the client source mentions exists.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { en, NAMESPACES } from './en.ts';
import { DEFAULT_NS } from './index.ts';
import { nl } from './nl.ts';

type Tree = { [key: string]: string | Tree };

/** Every leaf as [dotted key, value]. */
function leaves(tree: Tree, prefix = ''): [string, unknown][] {
  return Object.entries(tree).flatMap(([key, value]): [string, unknown][] =>
    value !== null && typeof value === 'object' ? leaves(value, `${prefix}${key}.`) : [[`${prefix}${key}`, value]],
  );
}

const LANGUAGES = { en, nl } as const;
const SRC = fileURLToPath(new URL('..', import.meta.url));
const PLURAL = /_(zero|one|two|few|many|other)$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'i18n' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The keys of a namespace as t() accepts them: plural forms also by their base key. */
function usableKeys(ns: string): Set<string> {
  const keys = leaves((en as unknown as Record<string, Tree>)[ns] ?? {}).map(([key]) => key);
  return new Set([...keys, ...keys.filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, ''))]);
}

describe('translations', () => {
  it('lists every namespace once, in both languages', () => {
    expect([...NAMESPACES].sort()).toEqual(Object.keys(en).sort());
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort());
    expect(new Set(NAMESPACES).size).toBe(NAMESPACES.length);
    expect(NAMESPACES).toContain(DEFAULT_NS);
  });

  for (const ns of NAMESPACES) {
    it(`namespace ${ns}: the same keys in English and Dutch, none empty`, () => {
      const enLeaves = leaves(en[ns] as Tree);
      const nlLeaves = leaves(nl[ns] as Tree);
      expect(nlLeaves.map(([key]) => key).sort()).toEqual(enLeaves.map(([key]) => key).sort());
      for (const [language, tree] of Object.entries(LANGUAGES)) {
        for (const [key, value] of leaves(tree[ns] as Tree)) {
          expect(typeof value === 'string' && value.trim() !== '', `${language} ${ns}:${key} is empty`).toBe(true);
        }
      }
    });
  }

  it('has every namespace:key the client source uses', () => {
    const namespaces = new Set<string>(NAMESPACES);
    const missing: string[] = [];
    let literal = 0;
    let templated = 0;
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      // Quoted keys: 'viewer:ended', "research:fields.name"
      for (const match of text.matchAll(/['"]([A-Za-z]+):([A-Za-z0-9_.]+)['"]/g)) {
        const [, ns = '', key = ''] = match;
        if (!namespaces.has(ns)) continue;
        literal += 1;
        if (!usableKeys(ns).has(key)) missing.push(`${file.slice(SRC.length)}: ${ns}:${key}`);
      }
      // Template keys: `viewer:${kind}Title` must match at least one key.
      for (const match of text.matchAll(/`([A-Za-z]+):((?:[A-Za-z0-9_.]|\$\{[^}`]*\})+)`/g)) {
        const [, ns = '', template = ''] = match;
        if (!namespaces.has(ns) || !template.includes('${')) continue;
        templated += 1;
        const pattern = new RegExp(`^${template.split(/\$\{[^}]*\}/).map((part) => part.replace(/[.]/g, '\\.')).join('[A-Za-z0-9_.]+')}$`);
        if (![...usableKeys(ns)].some((key) => pattern.test(key))) missing.push(`${file.slice(SRC.length)}: ${ns}:${template}`);
      }
    }
    expect(missing).toEqual([]);
    // The scan found the calls (a broken regex would pass with nothing found).
    expect(literal).toBeGreaterThan(500);
    expect(templated).toBeGreaterThan(5);
  });

  it('holds no words drawn on a chart: those are slide content, in shared/statLabels.ts', () => {
    // Category labels, column headings, "Total", "no data yet", the frozen caption: in the
    // deck's language everywhere (UI translations would word a Dutch deck in English).
    for (const tree of [en, nl]) {
      for (const key of ['columns', 'organisationKind', 'damoclesStatus', 'track', 'audience', 'total', 'noData', 'unknownStatistic', 'frozenNote', 'frozenLabel']) expect(tree.charts).not.toHaveProperty(key);
    }
  });

  it('gives the renderer\'s slide words in a fixed (deck) language whatever the UI language', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });
    expect(instance.getFixedT('nl', 'editor')('remoteImage.notShown')).toBe(nl.editor.remoteImage.notShown);
    expect(instance.getFixedT('nl', 'editor')('chartPlaceholder', { name: 'Damoclesbeleid per status' })).toBe(nl.editor.chartPlaceholder.replace('{{name}}', 'Damoclesbeleid per status'));
    await instance.changeLanguage('nl');
    expect(instance.getFixedT('en', 'editor')('remoteImage.notShown')).toBe(en.editor.remoteImage.notShown);
  });

  it('resolves namespaced keys, interpolation and plurals, and follows the language', async () => {
    const instance = i18next.createInstance();
    await instance.init({ resources: { en, nl }, ns: [...NAMESPACES], defaultNS: DEFAULT_NS, lng: 'en', initAsync: false, interpolation: { escapeValue: false } });
    expect(instance.t('app:pageTitle', { page: 'Decks' })).toBe('Decks · Tussenstand');
    expect(instance.t('login:throttledMinutes', { count: 1 })).toBe(en.login.throttledMinutes_one.replace('{{count}}', '1'));
    expect(instance.t('login:throttledMinutes', { count: 3 })).toBe(en.login.throttledMinutes_other.replace('{{count}}', '3'));
    await instance.changeLanguage('nl');
    expect(instance.t('login:throttledMinutes', { count: 3 })).toBe(nl.login.throttledMinutes_other.replace('{{count}}', '3'));
    expect(instance.t('language:label')).toBe(nl.language.label);
  });
});
