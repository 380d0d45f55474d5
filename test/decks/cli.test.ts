import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { serverFixture } from '../helpers/serverFixture.ts';
import { ADMIN_PASSWORD } from '../helpers/testServer.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../..');
const deckCli = (...args: string[]) => run(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/deck.ts'), ...args], { cwd: ROOT });

describe('npm run deck', () => {
  const fx = serverFixture();

  test('imports a file into a running server and exports it again', async () => {
    const login = ['--server', fx.s.url, '--user', 'admin', '--password', ADMIN_PASSWORD];
    const imported = await deckCli('import', path.join(ROOT, 'test/fixtures/decks/slidev.md'), ...login);
    const id = /as deck (\S+)/.exec(imported.stdout)![1]!;
    expect((await fx.api.get(`/api/decks/${id}`)).body).toMatchObject({ title: 'Tussenstand maart', slideCount: 4 });
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'deck-cli-')), 'out.md');
    await deckCli('export', id, out, ...login);
    expect(fs.readFileSync(out, 'utf8')).toBe((await fx.api.get(`/api/decks/${id}/export.md`)).body);
  });

  test('works on the data directory directly, and says why a file is refused', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-cli-data-'));
    const imported = await deckCli('import', path.join(ROOT, 'test/fixtures/decks/own.md'), '--data-dir', dir);
    const id = /as deck (\S+)/.exec(imported.stdout)![1]!;
    const exported = await deckCli('export', id, '--data-dir', dir);
    expect(exported.stdout).toBe(fs.readFileSync(path.join(ROOT, 'test/fixtures/decks/own.md'), 'utf8'));
    const empty = path.join(dir, 'empty.md');
    fs.writeFileSync(empty, '');
    await expect(deckCli('import', empty, '--data-dir', dir)).rejects.toMatchObject({ stderr: expect.stringContaining('the file is empty') });
  });
});
