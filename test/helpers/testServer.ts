/**
 * Starts a real Tussenstand server for a test: in this process on a free port (fast), or as
 * a child process (for restart and kill -9 tests). Each gets its own data directory.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { createServer, type TussenstandServer } from '../../server/app.ts';
import { loadConfig, type Config } from '../../server/config.ts';
import type { Store } from '../../server/storage/Store.ts';

export const ADMIN_PASSWORD = 'test-admin-password';
const ROOT = path.resolve(import.meta.dirname, '../..');

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'tussenstand-test-'));
}

export interface TestServer {
  url: string;
  wsUrl: string;
  server: TussenstandServer;
  dataDir: string;
  close(): Promise<void>;
}

export interface TestServerOptions extends Partial<Config> {
  keepData?: boolean;
  /** A store to use instead of a fresh SQLite file (e.g. one that is slowed down). */
  store?: Store;
  /** Receives the server's log lines (JSON objects). */
  logLines?: Record<string, unknown>[];
}

export async function startTestServer(overrides: TestServerOptions = {}): Promise<TestServer> {
  const { keepData, store, logLines, ...configOverrides } = overrides;
  const dataDir = overrides.dataDir ?? tempDataDir();
  const config: Config = {
    ...loadConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    adminPassword: ADMIN_PASSWORD,
    logLevel: 'silent',
    serveClient: false,
    ...configOverrides,
  };
  const logger = logLines
    ? pino({ level: 'info' }, { write: (line: string) => void logLines.push(JSON.parse(line) as Record<string, unknown>) })
    : pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });
  const server = await createServer({ config, logger, store, announce: () => {} });
  const url = await server.listen();
  return {
    url,
    wsUrl: url.replace('http', 'ws'),
    server,
    dataDir,
    async close() {
      await server.close();
      if (!keepData && !overrides.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ChildServer {
  url: string;
  wsUrl: string;
  process: ChildProcess;
  output: () => string;
  /** SIGKILL: no shutdown hooks run, like a crash. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

/** Runs `server/main.ts` in a child process on a free port and waits until it listens. */
export async function startChildServer(dataDir: string, env: Record<string, string> = {}): Promise<ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server/main.ts')], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ADMIN_PASSWORD, LOG_LEVEL: 'info', SERVE_CLIENT: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const check = (): void => {
      const match = /Tussenstand is running at (http:\/\/\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', check);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    wsUrl: url.replace('http', 'ws'),
    process: child,
    output: () => out,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
