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
import { buildDeck } from '../shared/deckFile/buildDeck.ts';
import { NotADeckError, parseDeck } from '../shared/deckFile/parseDeck.ts';
import { deckToMarkdown } from '../shared/deckFile/toMarkdown.ts';
import { createDeck } from '../server/decks.ts';
import { PostgresStore } from '../server/storage/PostgresStore.ts';
import { SqliteStore } from '../server/storage/SqliteStore.ts';
import type { Store } from '../server/storage/Store.ts';

const USAGE = `usage:
  npm run deck -- import <file.md> [--server URL --user NAME --password PW | --data-dir DIR | --database-url URL]
  npm run deck -- export <deck-id> [file.md] [same options]`;

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
    help: { type: 'boolean', short: 'h' },
  },
});
const [command, first, second] = positionals;
if (values.help || !command || !first || !['import', 'export'].includes(command)) fail(USAGE);

async function viaServer(base: string): Promise<void> {
  const user = values.user ?? process.env.TUSSENSTAND_USER;
  const password = values.password ?? process.env.TUSSENSTAND_PASSWORD;
  if (!user || !password) fail('--server needs --user and --password (or TUSSENSTAND_USER / TUSSENSTAND_PASSWORD)');
  const login = await fetch(`${base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: user, password }) });
  if (login.status !== 200) fail(`sign-in failed (${login.status}): ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  if (command === 'import') {
    const res = await fetch(`${base}/api/decks/import`, { method: 'POST', headers: { 'content-type': 'text/markdown', cookie }, body: fs.readFileSync(first!, 'utf8') });
    const body = (await res.json()) as { id?: string; slideCount?: number; message?: string };
    if (res.status !== 201) fail(`import refused (${res.status}): ${body.message}`);
    process.stdout.write(`imported ${body.slideCount} slides as deck ${body.id}\n`);
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
      let parsed;
      try {
        parsed = parseDeck(fs.readFileSync(first!, 'utf8'));
      } catch (err) {
        if (err instanceof NotADeckError) fail(`cannot import: ${err.message}`);
        throw err;
      }
      const deck = await createDeck(store, parsed.meta.title, null, (doc) => buildDeck(doc, parsed));
      await store.recordDeckEvent({ deckId: deck.id, kind: 'imported', userId: null, detail: { dialect: parsed.dialect, via: 'cli' } });
      process.stdout.write(`imported ${deck.slideCount} slides as deck ${deck.id}\n`);
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
