/**
 * A stand-in for the built client, so the security tests serve client files (and Fastify
 * registers their routes) without a Vite build, which takes minutes on a busy machine.
 *
 * Import this module before any server module: server/http/clientFiles.ts reads CLIENT_DIR
 * once, when it is loaded. The headers under test come from the server's hooks, not from
 * the files, so a small page stands in for the real one; the real page's source is checked
 * for inline script separately (webHeaders.test.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const FIXTURE_CLIENT_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-client-'));
/** Paths of the files in the fixture, as the server serves them. */
export const FIXTURE_FILES = {
  index: '/index.html',
  script: '/assets/app-fixture.js',
  style: '/assets/app-fixture.css',
  icon: '/favicon.svg',
} as const;

fs.mkdirSync(path.join(FIXTURE_CLIENT_DIR, 'assets'));
fs.writeFileSync(
  path.join(FIXTURE_CLIENT_DIR, 'index.html'),
  `<!doctype html>\n<html lang="nl"><head><meta charset="UTF-8" /><title>Tussenstand</title>
<link rel="stylesheet" href="${FIXTURE_FILES.style}" /></head>
<body><div id="root"></div><script type="module" src="${FIXTURE_FILES.script}"></script></body></html>\n`,
);
fs.writeFileSync(path.join(FIXTURE_CLIENT_DIR, FIXTURE_FILES.script), 'document.getElementById("root").textContent = "fixture";\n');
fs.writeFileSync(path.join(FIXTURE_CLIENT_DIR, FIXTURE_FILES.style), 'body { margin: 0; }\n');
fs.writeFileSync(path.join(FIXTURE_CLIENT_DIR, FIXTURE_FILES.icon), '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>\n');

const previous = process.env.CLIENT_DIR;
process.env.CLIENT_DIR = FIXTURE_CLIENT_DIR;

/** Puts CLIENT_DIR back (a later test file in the same worker must not see ours) and removes the files. */
export function releaseClientFixture(): void {
  if (previous === undefined) delete process.env.CLIENT_DIR;
  else process.env.CLIENT_DIR = previous;
  fs.rmSync(FIXTURE_CLIENT_DIR, { recursive: true, force: true });
}
