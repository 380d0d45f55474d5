import { describe, expect, test } from 'vitest';
import { offlineShellPlugin } from './offlineShellPlugin.ts';

type Emitted = { fileName: string; source: string };

function run(files: string[]): Emitted {
  const plugin = offlineShellPlugin();
  const emitted: Emitted[] = [];
  const bundle = Object.fromEntries(files.map((name) => [name, {}]));
  const hook = plugin.generateBundle as unknown as (this: { emitFile(file: Emitted): void }, options: unknown, bundle: unknown) => void;
  hook.call({ emitFile: (file) => void emitted.push(file) }, {}, bundle);
  expect(emitted).toHaveLength(1);
  return emitted[0]!;
}

const version = (files: string[]) => /const VERSION = "([0-9a-f]+)";/.exec(run(files).source)![1];

describe('offline shell service worker', () => {
  test('lists the built scripts, styles and fonts, not source maps or index.html', () => {
    const sw = run(['index.html', 'assets/index-abc.js', 'assets/index-abc.js.map', 'assets/EditorPage-def.css', 'assets/inter-latin-400-normal-x.woff2', 'assets/inter-latin-400-normal-x.woff']);
    expect(sw.fileName).toBe('sw.js');
    const files = JSON.parse(/const FILES = (\[.*\]);/.exec(sw.source)![1]!) as string[];
    expect(files).toEqual(['/assets/EditorPage-def.css', '/assets/index-abc.js', '/assets/inter-latin-400-normal-x.woff2']);
  });

  test('a different build is a different worker version; the same build is the same', () => {
    expect(version(['assets/a-1.js'])).toBe(version(['assets/a-1.js']));
    expect(version(['assets/a-1.js'])).not.toBe(version(['assets/a-2.js']));
  });

  test('never answers API calls: only navigations (network first) and listed files', () => {
    const { source } = run(['assets/a.js']);
    expect(source).toContain("if (url.pathname.startsWith('/api/')) return;");
    expect(source).toContain("request.mode === 'navigate'");
    expect(source).toContain('FILES.includes(url.pathname)');
  });
});
