/**
 * The two servers under test, each as its own child process on loopback:
 *  - ours: `node dist/server/main.js` (the bundle `npm start` runs) on a fresh data directory, signed in as admin;
 *  - reference: the y-websocket project's own server (@y/websocket-server, in-memory rooms).
 * Both expose the process id so that RSS can be read from /proc.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { WebSocket } from 'ws';
import { ApiClient } from '../test/helpers/apiClient.ts';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const ADMIN_PASSWORD = 'bench-admin-password';
export type ServerKind = 'ours' | 'reference';

export interface RunningServer {
  kind: ServerKind;
  /** ws://127.0.0.1:port */
  wsUrl: string;
  pid: number;
  /** Resident set size of the server process in kB (VmRSS). */
  rssKb(): number;
  stop(): Promise<void>;
  output(): string;
  /** With `inspect`: runs a full GC in the server (DevTools protocol) and returns process.memoryUsage(). */
  gcAndMemory(): Promise<NodeJS.MemoryUsage>;
}

export interface OurServer extends RunningServer {
  kind: 'ours';
  url: string;
  dataDir: string;
  /** Signed in as admin (cookie kept). */
  api: ApiClient;
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function readRssKb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(status);
  if (!match) throw new Error(`no VmRSS for ${pid}`);
  return Number(match[1]);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

interface Spawned {
  child: ChildProcess;
  output: () => string;
  waitFor: (pattern: RegExp, what: string) => Promise<RegExpExecArray>;
  stop: () => Promise<void>;
}

function spawnServer(args: string[], env: Record<string, string>): Spawned {
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    child,
    output: () => out,
    waitFor: (pattern, what) =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${what} did not start within 60 s:\n${out}`)), 60_000);
        const check = (): void => {
          const match = pattern.exec(out);
          if (!match) return;
          clearTimeout(timer);
          child.stdout!.off('data', check);
          child.stderr!.off('data', check);
          resolve(match);
        };
        child.stdout!.on('data', check);
        child.stderr!.on('data', check);
        child.once('exit', (code) => {
          clearTimeout(timer);
          reject(new Error(`${what} exited with ${code}:\n${out}`));
        });
        check();
      }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

export interface OurServerOptions {
  dataDir?: string;
  env?: Record<string, string>;
  /** Write a V8 CPU profile of the server to this directory (node --cpu-prof). */
  cpuProfDir?: string;
  /** Open the inspector on a free loopback port (for gcAndMemory). */
  inspect?: boolean;
}

const INSPECT_ARGS = ['--inspect=127.0.0.1:0'];

/** Talks to a server's inspector: one full GC, then process.memoryUsage() from inside it. */
async function inspectMemory(inspectorUrl: string | null): Promise<NodeJS.MemoryUsage> {
  if (!inspectorUrl) throw new Error('server was started without inspect');
  const ws = new WebSocket(inspectorUrl);
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
  let nextId = 1;
  const call = (method: string, params: Record<string, unknown> = {}): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      const onMessage = (data: Buffer): void => {
        const msg = JSON.parse(data.toString()) as { id?: number; result?: Record<string, unknown>; error?: unknown };
        if (msg.id !== id) return;
        ws.off('message', onMessage);
        if (msg.error) reject(new Error(JSON.stringify(msg.error)));
        else resolve(msg.result ?? {});
      };
      ws.on('message', onMessage);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await call('HeapProfiler.collectGarbage');
    await call('HeapProfiler.collectGarbage');
    const result = await call('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true });
    return JSON.parse((result.result as { value: string }).value) as NodeJS.MemoryUsage;
  } finally {
    ws.close();
  }
}

function inspectorUrlOf(output: string): string | null {
  return /Debugger listening on (ws:\/\/\S+)/.exec(output)?.[1] ?? null;
}

let serverBuilt = false;

/** Our server as `npm start` runs it: bundled by esbuild, plain Node (no TypeScript loader thread). */
function builtServer(): string {
  if (!serverBuilt) {
    execFileSync('npm', ['run', '--silent', 'build:server'], { cwd: ROOT, stdio: 'inherit' });
    serverBuilt = true;
  }
  return path.join(ROOT, 'dist/server/main.js');
}

export async function startOurs(options: OurServerOptions = {}): Promise<OurServer> {
  const dataDir = options.dataDir ?? tempDir('tussenstand-bench-');
  const args = [...(options.inspect ? INSPECT_ARGS : []), ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []), builtServer()];
  const spawned = spawnServer(args, {
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ADMIN_PASSWORD,
    SERVE_CLIENT: 'false',
    LOG_LEVEL: 'warn',
    // The benchmarks replay a 260k-edit trace and flood stats subscriptions as fast as they
    // can, which is exactly what the per-socket rate limits ([LM4], [ST6]) cut; they measure
    // throughput, so the limits are off here (the reference server has none either).
    SYNC_RATE_LIMIT: 'off',
    AWARENESS_RATE_LIMIT: 'off',
    STATS_RATE_LIMIT: 'off',
    ...options.env,
  });
  const match = await spawned.waitFor(/Tussenstand is running at (http:\/\/\S+)/, 'our server');
  const url = match[1]!;
  const api = new ApiClient(url);
  await api.login('admin', ADMIN_PASSWORD);
  const pid = spawned.child.pid!;
  return {
    kind: 'ours',
    url,
    wsUrl: url.replace('http', 'ws'),
    dataDir,
    api,
    pid,
    rssKb: () => readRssKb(pid),
    output: spawned.output,
    gcAndMemory: () => inspectMemory(inspectorUrlOf(spawned.output())),
    async stop() {
      await spawned.stop();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function startReference(options: { inspect?: boolean } = {}): Promise<RunningServer> {
  const port = await freePort();
  const spawned = spawnServer([...(options.inspect ? INSPECT_ARGS : []), path.join(ROOT, 'node_modules/@y/websocket-server/src/server.js')], { HOST: '127.0.0.1', PORT: String(port) });
  await spawned.waitFor(/running at/, 'reference server');
  const pid = spawned.child.pid!;
  return {
    kind: 'reference',
    wsUrl: `ws://127.0.0.1:${port}`,
    pid,
    rssKb: () => readRssKb(pid),
    output: spawned.output,
    gcAndMemory: () => inspectMemory(inspectorUrlOf(spawned.output())),
    stop: spawned.stop,
  };
}

export async function startServer(kind: ServerKind, options: OurServerOptions = {}): Promise<RunningServer> {
  return kind === 'ours' ? startOurs(options) : startReference({ inspect: options.inspect });
}

/** Creates a deck on our server and returns its id. */
export async function createDeck(api: ApiClient, title: string): Promise<string> {
  const res = await api.post<{ id: string }>('/api/decks', { title });
  if (res.status !== 201) throw new Error(`creating a deck failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

/** Creates an audience link for a deck and returns its token. */
export async function createLink(api: ApiClient, deckId: string, label = 'bench'): Promise<string> {
  const res = await api.post<{ token: string }>(`/api/decks/${deckId}/links`, { label });
  if (res.status !== 201) throw new Error(`creating a link failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token;
}
