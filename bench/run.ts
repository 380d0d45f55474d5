/**
 * `npm run bench`: runs the scenarios, prints a table, and writes bench/results.json and
 * BENCHMARKS.md. Not part of `npm test`; nothing here asserts a time.
 *
 *   --quick            small N and few rounds (development); writes to .tmp/bench-quick/
 *   --only=a,b         run only these scenario ids
 *   --profile          start our server with `node --cpu-prof` (profiles in .tmp/bench-prof/)
 *   --report-only      rewrite BENCHMARKS.md from bench/results.json and bench/findings.md (no run)
 */
import { execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { consoleTable, writeReport, type BenchReport, type MachineInfo } from './report.ts';
import type { BenchContext, Scenario, ScenarioResult } from './scenario.ts';
import { attendeeSlow3g } from './scenarios/attendeeSlow3g.ts';
import { clientBundle } from './scenarios/clientBundle.ts';
import { coldLoad } from './scenarios/coldLoad.ts';
import { fanout } from './scenarios/fanout.ts';
import { importCost } from './scenarios/importCost.ts';
import { memory } from './scenarios/memory.ts';
import { presenter } from './scenarios/presenter.ts';
import { statsPush } from './scenarios/statsPush.ts';
import { throughput } from './scenarios/throughput.ts';
import { ROOT } from './servers.ts';

const SCENARIOS: Scenario[] = [fanout, throughput, coldLoad, presenter, memory, statsPush, clientBundle, importCost, attendeeSlow3g];

function version(pkg: string): string {
  try {
    return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

function uptime(): string {
  try {
    return execSync('uptime', { encoding: 'utf8' }).trim();
  } catch {
    return `loadavg ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;
  }
}

const args = process.argv.slice(2);
const FINDINGS = path.join(ROOT, 'bench/findings.md');
if (args.includes('--report-only')) {
  const saved = JSON.parse(fs.readFileSync(path.join(ROOT, 'bench/results.json'), 'utf8')) as BenchReport;
  writeReport(saved, path.join(ROOT, 'bench'), path.join(ROOT, 'BENCHMARKS.md'), fs.readFileSync(FINDINGS, 'utf8'));
  console.log(`${consoleTable(saved)}\n\nrewrote BENCHMARKS.md from bench/results.json`);
  process.exit(0);
}
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length).split(',').filter(Boolean) ?? null;
const unknown = only?.filter((id) => !SCENARIOS.some((s) => s.id === id)) ?? [];
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.id).join(', ')}`);
  process.exit(2);
}
const profileDir = args.includes('--profile') ? path.join(ROOT, '.tmp/bench-prof', new Date().toISOString().replace(/[:.]/g, '-')) : null;

const started = performance.now();
const machine: MachineInfo = {
  cpuModel: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memoryGiB: os.totalmem() / 1024 ** 3,
  os: `${os.type()} ${os.release()} ${os.arch()}`,
  node: process.version,
  versions: {
    yjs: version('yjs'),
    ws: version('ws'),
    'y-websocket (client)': version('y-websocket'),
    'y-protocols': version('y-protocols'),
    '@y/websocket-server': version('@y/websocket-server'),
    'ws (in @y/websocket-server)': version('@y/websocket-server/node_modules/ws'),
    'better-sqlite3': version('better-sqlite3'),
    'playwright-core': version('playwright-core'),
  },
  date: new Date().toISOString(),
  uptimeStart: uptime(),
  uptimeEnd: '',
  loadStart: os.loadavg(),
  loadEnd: [],
  command: `npm run bench${args.length ? ` -- ${args.join(' ')}` : ''}`,
  quick,
};
console.log(`Tussenstand benchmarks${quick ? ' (quick)' : ''} — ${machine.cpuModel}, ${machine.cores} cores, node ${machine.node}`);
console.log(`uptime: ${machine.uptimeStart}`);
if (profileDir) console.log(`CPU profiles of our server: ${profileDir}`);

const ctx: BenchContext = { quick, profileDir, log: (line) => console.log(line) };
const results: ScenarioResult[] = [];
for (const scenario of SCENARIOS) {
  if (only && !only.includes(scenario.id)) continue;
  console.log(`\n▶ ${scenario.title}`);
  const t0 = performance.now();
  try {
    const result = await scenario.run(ctx);
    results.push({ id: scenario.id, title: scenario.title, ...result, error: null, seconds: (performance.now() - t0) / 1000 });
  } catch (err) {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    console.error(`✖ ${scenario.title} failed:\n${message}`);
    results.push({ id: scenario.id, title: scenario.title, rows: [], notes: [], details: {}, error: message, seconds: (performance.now() - t0) / 1000 });
  }
  console.log(`  (${((performance.now() - t0) / 1000).toFixed(0)} s, load ${os.loadavg()[0]!.toFixed(2)})`);
}
machine.uptimeEnd = uptime();
machine.loadEnd = os.loadavg();

const report: BenchReport = { machine, scenarios: results, seconds: (performance.now() - started) / 1000 };
console.log(`\n${consoleTable(report)}\n`);
console.log(`uptime at end: ${machine.uptimeEnd}`);
const findings = fs.readFileSync(FINDINGS, 'utf8');
const outDir = quick || only ? path.join(ROOT, '.tmp/bench-quick') : path.join(ROOT, 'bench');
const mdPath = quick || only ? path.join(outDir, 'BENCHMARKS.md') : path.join(ROOT, 'BENCHMARKS.md');
writeReport(report, outDir, mdPath, findings);
console.log(`wrote ${path.relative(ROOT, path.join(outDir, 'results.json'))} and ${path.relative(ROOT, mdPath)}`);
const failed = results.filter((r) => r.error);
if (failed.length > 0) {
  console.error(`${failed.length} scenario(s) failed: ${failed.map((r) => r.id).join(', ')}`);
  process.exitCode = 1;
}
// Client libraries keep timers (awareness checks); the run is over.
process.exit();
