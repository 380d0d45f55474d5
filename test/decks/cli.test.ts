import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, test } from 'vitest';
import { MAX_DECK_FILE_BYTES } from '../../shared/limits.ts';
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

  test('a missing or unreadable file is one clear line and exit code 1, not a stack trace', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-cli-missing-'));
    const missing = path.join(dir, 'nowhere.md');
    const failure = await deckCli('import', missing, '--data-dir', dir).then(
      () => null,
      (err: { code: number; stderr: string }) => err,
    );
    expect(failure).toMatchObject({ code: 1 });
    expect(failure!.stderr).toBe(`cannot read ${missing}: no such file\n`);
    const login = ['--server', fx.s.url, '--user', 'admin', '--password', ADMIN_PASSWORD];
    await expect(deckCli('import', dir, ...login)).rejects.toMatchObject({ code: 1, stderr: `cannot read ${dir}: is a directory\n` });
  });

  test('a file over the size limit is refused before it is read, with the limit named', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-cli-big-'));
    const big = path.join(dir, 'big.md');
    // A sparse 30 MB file: only its size is ever looked at.
    fs.writeFileSync(big, '# Groot\n');
    fs.truncateSync(big, 30 * 1024 * 1024);
    for (const where of [['--data-dir', dir], ['--server', fx.s.url, '--user', 'admin', '--password', ADMIN_PASSWORD]]) {
      await expect(deckCli('import', big, ...where)).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining(`at most ${MAX_DECK_FILE_BYTES} bytes`) });
    }
  });

  test('import prints what it did: slides, notes, and each notice on its own line', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'deck-cli-report-'));
    const file = path.join(dir, 'notices.md');
    fs.writeFileSync(file, '# Rapport\n\nTekst met <span>html</span>.\n\n---\n\n#### Klein\n\nNote: een notitie\n');
    for (const where of [['--data-dir', dir], ['--server', fx.s.url, '--user', 'admin', '--password', ADMIN_PASSWORD]]) {
      const { stdout } = await deckCli('import', file, ...where);
      const lines = stdout.trim().split('\n');
      expect(lines[0]).toMatch(/^imported 2 slides as deck \S+$/);
      expect(lines).toContain('  2 slides, 1 with speaker notes');
      expect(lines).toContain('  slide 1: html-tag <span> (2×)');
      expect(lines).toContain('  slide 2: heading-level h4');
    }
  });
});
