/**
 * Offline editing against a server of its own (a child process this test starts, stops
 * and starts again on the same port and data directory): an edit made while the server is
 * down survives a reload (app shell from the service worker, deck from IndexedDB) and
 * reaches another editor once the server is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ADMIN } from './credentials.ts';
import { createDeckViaApi, expect, expectConsoleErrors, signInViaApi, test, uniqueTitle } from './fixtures.ts';
import { DeckPage } from './pages/DeckPage.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

interface Server {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function startServer(dataDir: string, port: number): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      SERVE_CLIENT: 'true',
      CLIENT_DIR: path.resolve(process.env.CLIENT_DIR ?? path.join(ROOT, 'dist/client')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout!.on('data', () => {
      const match = /Tussenstand is running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    url,
    port: Number(new URL(url).port),
    async stop() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

test('an edit made while the server is down survives a reload and arrives after the restart', async ({ browser }) => {
  test.setTimeout(90_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-e2e-offline-'));
  let server = await startServer(dataDir, 0);
  const contexts = [];
  try {
    const contextA = await browser.newContext({ baseURL: server.url, locale: 'nl-NL' });
    contexts.push(contextA);
    // The server is stopped on purpose: the browser logs every request and socket it refuses.
    expectConsoleErrors(contextA, /net::ERR_CONNECTION_REFUSED/);
    const pageA = await contextA.newPage();
    await signInViaApi(pageA);
    const deck = await createDeckViaApi(pageA.request, uniqueTitle('E2E offline bewerken'));
    const a = new DeckPage(pageA);
    await a.goto(deck.id);
    await expect(a.connection).toContainText('Verbonden');
    // The app shell is cached once the service worker is active.
    await pageA.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await server.stop();
    await expect(a.connection).toContainText('Opnieuw verbinden');
    await expect(a.connection).toContainText('Wijzigingen blijven op dit apparaat bewaard');
    await a.typeAtEnd(' — offline geschreven');
    await expect(a.canvas).toHaveText(`${deck.title} — offline geschreven`);
    await a.addSlide.click();
    await a.canvas.click();
    await pageA.keyboard.type('Offline dia');
    await expect(a.slide(1)).toHaveAccessibleName('Dia 2: Offline dia');
    // Each change is written to IndexedDB as it happens, but a reload aborts writes still in
    // flight; nothing on the page says when the last one landed, so give it a moment.
    await pageA.waitForTimeout(1000);

    // Reload with the server still down: the page comes from the service worker, the deck from IndexedDB.
    await pageA.reload();
    await expect(a.slides).toHaveCount(2);
    await expect(a.slide(0)).toHaveAccessibleName(`Dia 1: ${deck.title} — offline geschreven`);
    await expect(a.slide(1)).toHaveAccessibleName('Dia 2: Offline dia');
    await expect(pageA.getByRole('status').filter({ hasText: 'De server is niet bereikbaar.' })).toBeVisible();
    await expect(a.connection).not.toContainText('Verbonden');

    // Back on the same port and data directory: the editor reconnects and sends its changes.
    server = await startServer(dataDir, server.port);
    await expect(a.connection).toContainText('Verbonden', { timeout: 15_000 });

    const contextB = await browser.newContext({ baseURL: server.url, locale: 'nl-NL' });
    contexts.push(contextB);
    const pageB = await contextB.newPage();
    await signInViaApi(pageB);
    const b = new DeckPage(pageB);
    await b.goto(deck.id);
    await expect(b.slides).toHaveCount(2);
    await expect(b.canvas).toHaveText(`${deck.title} — offline geschreven`);
    await expect(b.slide(1)).toHaveAccessibleName(/^Dia 2: Offline dia/);
  } finally {
    for (const context of contexts) await context.close();
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
