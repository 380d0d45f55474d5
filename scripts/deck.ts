/**
 * `npm run deck -- import <file>` and `npm run deck -- export <id> [file]`.
 *
 * Works against a running server (`--server http://127.0.0.1:8080`, signing in with
 * `--user`/`--password` or TUSSENSTAND_USER/TUSSENSTAND_PASSWORD) or directly on the store
 * (`--data-dir ./data`, or `--database-url postgres://…`), e.g. for scripted backups.
 */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import { slideCount } from '../shared/deckModel.ts';
import { deckToMarkdown } from '../shared/deckFile/toMarkdown.ts';
import type { ImportReport } from '../shared/importReport.ts';
import { MAX_DECK_FILE_BYTES } from '../shared/limits.ts';
import { newId } from '../server/auth/tokens.ts';
import { createDeckFromUpdate } from '../server/decks.ts';
import { fileTooLarge, runImport, withRemoteImageNotices } from '../server/import/importPipeline.ts';
import { PostgresStore } from '../server/storage/PostgresStore.ts';
import { SqliteStore } from '../server/storage/SqliteStore.ts';
import type { Store } from '../server/storage/Store.ts';

const USAGE = `usage:
  npm run deck -- import <file.md> [--server URL --user NAME --password PW [--remote-images fetch|placeholder] | --data-dir DIR | --database-url URL]
  npm run deck -- export <deck-id> [file.md] [same options]
An import is refused over ${MAX_DECK_FILE_BYTES} bytes or 1000 slides, as the server refuses it. Remote images are
fetched only through a server (--remote-images fetch); directly on a store they stay remote placeholders.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    server: { type: 'string' },
    user: { type: 'string' },
    password: { type: 'string' },
    'data-dir': { type: 'string' },
    'database-url': { type: 'string' },
    'remote-images': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, first, second] = positionals;
if (values.help || !command || !first || !['import', 'export'].includes(command)) fail(USAGE);
if (values['remote-images'] !== undefined && !['fetch', 'placeholder'].includes(values['remote-images'])) fail('--remote-images is fetch or placeholder');

const READ_ERRORS: Record<string, string> = { ENOENT: 'no such file', EACCES: 'permission denied', EPERM: 'permission denied', EISDIR: 'is a directory', ENOTDIR: 'no such file', ELOOP: 'too many symbolic links' };

/** The file's bytes, refused by size before reading it (fs.statSync) and with one line for any read error. */
function readDeckFile(file: string): Uint8Array {
  try {
    const stat = fs.statSync(file);
    if (stat.isDirectory()) fail(`cannot read ${file}: is a directory`);
    if (stat.size > MAX_DECK_FILE_BYTES) fail(`cannot import ${file}: ${fileTooLarge(stat.size).message}`);
    return fs.readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    fail(`cannot read ${file}: ${READ_ERRORS[code] ?? (code || (err as Error).message)}`);
  }
}

/** What the import did: the numbers, then each notice on a line of its own. */
function printReport(report: ImportReport): void {
  const lines = [`  ${report.dialect} file (${report.encoding}), title "${report.title}"`, `  ${report.slides} slides, ${report.slidesWithNotes} with speaker notes`];
  if (report.notices.length === 0) lines.push('  nothing needed changing');
  for (const n of report.notices) {
    lines.push(`  ${n.slide === undefined ? 'file' : `slide ${n.slide}`}: ${n.code}${n.detail === undefined ? '' : ` ${n.detail}`}${n.count > 1 ? ` (${n.count}×)` : ''}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function viaServer(base: string): Promise<void> {
  const user = values.user ?? process.env.TUSSENSTAND_USER;
  const password = values.password ?? process.env.TUSSENSTAND_PASSWORD;
  if (!user || !password) fail('--server needs --user and --password (or TUSSENSTAND_USER / TUSSENSTAND_PASSWORD)');
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  if (login.status !== 200) fail(`sign-in failed (${login.status}): ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (command === 'import') {
    const bytes = readDeckFile(first!);
    const query = values['remote-images'] ? `?remoteImages=${values['remote-images']}` : '';
    // The bytes as they are: the server decodes them (UTF-8, UTF-16) as it does for the browser.
    const res = await fetch(`${base}/api/decks/import${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream', cookie }, body: new Uint8Array(bytes) });
    const body = (await res.json()) as { id?: string; slideCount?: number; message?: string; report?: ImportReport };
    if (res.status !== 201) fail(`import refused (${res.status}): ${body.message}`);
    process.stdout.write(`imported ${body.slideCount} slides as deck ${body.id}\n`);
    if (body.report) printReport(body.report);
  } else {
    const res = await fetch(`${base}/api/decks/${encodeURIComponent(first!)}/export.md`, { headers: { cookie } });
    if (res.status !== 200) fail(`export refused (${res.status}): ${await res.text()}`);
    write(await res.text());
  }
}

async function viaStore(store: Store): Promise<void> {
  try {
    await store.migrate();
    if (command === 'import') {
      // The server's pipeline and limits (server/import/importPipeline.ts), in this process.
      const outcome = runImport({ bytes: readDeckFile(first!), build: true });
      if (!outcome.ok) fail(`cannot import: ${outcome.failure.message}`);
      const { result } = outcome;
      const report = withRemoteImageNotices(result.report, 'placeholder', new Map());
      const deck = await createDeckFromUpdate(store, { id: newId(), title: result.title, userId: null, slideCount: result.slideCount }, result.update!);
      await store.recordDeckEvent({ deckId: deck.id, kind: 'imported', userId: null, detail: { dialect: report.dialect, slides: deck.slideCount, via: 'cli' } });
      process.stdout.write(`imported ${deck.slideCount} slides as deck ${deck.id}\n`);
      printReport(report);
    } else {
      if (!(await store.getDeck(first!))) fail(`no deck ${first}`);
      const { snapshot, updates } = await store.loadDocument(first!);
      const doc = new Y.Doc();
      if (snapshot) Y.applyUpdate(doc, snapshot);
      for (const u of updates) Y.applyUpdate(doc, u.data);
      if (slideCount(doc) === 0) fail(`deck ${first} has no slides`);
      write(deckToMarkdown(doc));
    }
  } finally {
    await store.close();
  }
}

function write(markdown: string): void {
  if (second) {
    fs.writeFileSync(second, markdown);
    process.stdout.write(`wrote ${second}\n`);
  } else process.stdout.write(markdown);
}

if (values.server) await viaServer(values.server.replace(/\/$/, ''));
else if (values['database-url']) await viaStore(new PostgresStore(values['database-url']));
else await viaStore(new SqliteStore({ dataDir: values['data-dir'] ?? process.env.DATA_DIR ?? './data' }));
