// `npm run test:stress`: the long runs (vitest.stress.config.ts: test/stress/**/*.stress.ts and
// the hardening tests with STRESS=1), then STRESS-REPORT.md at the repository root with the
// machine, every test file's result and duration, and every figure the tests recorded
// (test/helpers/stressReport.ts). Exits non-zero when a test failed or vitest did not finish.
// Extra arguments go to vitest (e.g. a file filter); STRESS_SECONDS shortens the load test.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const reportDir = path.resolve(root, process.env.STRESS_REPORT_DIR ?? '.tmp/stress');
const figuresFile = path.join(reportDir, 'figures.jsonl');
const vitestJson = path.join(reportDir, 'vitest.json');
const reportFile = path.join(root, 'STRESS-REPORT.md');

fs.mkdirSync(reportDir, { recursive: true });
// Figures of an earlier run must not end up in this report.
fs.rmSync(figuresFile, { force: true });
fs.rmSync(vitestJson, { force: true });

const started = new Date();
const loadBefore = os.loadavg();
const run = spawnSync(
  'npx',
  ['vitest', 'run', '-c', 'vitest.stress.config.ts', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`, ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit', env: { ...process.env, STRESS: '1', STRESS_REPORT_DIR: reportDir } },
);
const loadAfter = os.loadavg();
const finished = new Date();

let results = null;
try {
  results = JSON.parse(fs.readFileSync(vitestJson, 'utf8'));
} catch {
  console.error(`no vitest report at ${vitestJson}: the run did not finish`);
}

const figures = [];
if (fs.existsSync(figuresFile)) {
  for (const line of fs.readFileSync(figuresFile, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      figures.push(JSON.parse(line));
    } catch {
      // a line cut off by a killed worker; the rest still count
    }
  }
}

const fmtLoad = (l) => l.map((x) => x.toFixed(2)).join(' / ');
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const cpus = os.cpus();
const lines = [];
lines.push('# Stress report', '');
lines.push('Written by `npm run test:stress` (scripts/stress.mjs). Latencies and memory are measured, not asserted: what the tests assert is delivery, stability and bounds.', '');
lines.push('## Run', '');
lines.push(`- Date: ${started.toISOString()} – ${finished.toISOString()} (${seconds(finished - started)})`);
lines.push(`- Machine: ${cpus.length} CPU(s), ${cpus[0]?.model ?? 'unknown model'}, ${(os.totalmem() / 1024 ** 3).toFixed(1)} GiB RAM, ${os.platform()} ${os.release()}`);
lines.push(`- Node: ${process.version}`);
lines.push(`- Load average (1/5/15 min) before: ${fmtLoad(loadBefore)}; after: ${fmtLoad(loadAfter)}`);
lines.push(`- STRESS_SECONDS: ${process.env.STRESS_SECONDS ?? '60 (default)'}; FAULT_SEED: ${process.env.FAULT_SEED ?? 'default'}`);
lines.push(`- vitest exit code: ${run.status ?? `killed by ${run.signal}`}`);
lines.push('');

let failed = 0;
let passed = 0;
lines.push('## Test files', '');
if (!results) {
  lines.push('**The vitest run did not finish; no per-file results.**', '');
  failed += 1;
} else {
  lines.push('| file | result | tests passed / failed / skipped | duration |', '| --- | --- | --- | --- |');
  for (const file of [...results.testResults].sort((a, b) => a.name.localeCompare(b.name))) {
    const tests = file.assertionResults ?? [];
    const p = tests.filter((t) => t.status === 'passed').length;
    const f = tests.filter((t) => t.status === 'failed').length;
    const s = tests.length - p - f;
    const status = file.status === 'passed' && f === 0 ? 'pass' : '**FAIL**';
    lines.push(`| ${path.relative(root, file.name)} | ${status} | ${p} / ${f} / ${s} | ${seconds((file.endTime ?? 0) - (file.startTime ?? 0))} |`);
  }
  lines.push('');
  passed = results.numPassedTests ?? 0;
  // A file that fails to import has no failing test; count it then, not twice.
  failed += (results.numFailedTests ?? 0) || (results.numFailedTestSuites ?? 0);
  const failures = results.testResults.flatMap((file) => (file.assertionResults ?? []).filter((t) => t.status === 'failed').map((t) => ({ file, t })));
  if (failures.length > 0 || (results.numFailedTestSuites ?? 0) > 0) {
    lines.push('### Failures', '');
    for (const { file, t } of failures) {
      lines.push(`- ${path.relative(root, file.name)} › ${t.fullName}`, '', '```', (t.failureMessages ?? []).join('\n').split('\n').slice(0, 20).join('\n'), '```', '');
    }
    for (const file of results.testResults.filter((f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0)) {
      lines.push(`- ${path.relative(root, file.name)} (the file itself failed)`, '', '```', String(file.message ?? '').split('\n').slice(0, 20).join('\n'), '```', '');
    }
  }
}

lines.push('## Figures', '');
if (figures.length === 0) lines.push('No figures were recorded.', '');
const sections = new Map();
// One table row per figure: multi-line values (a server's output) are folded onto one line.
const cell = (v) => String(v).trim().replace(/\s*\n\s*/g, ' ⏎ ').replaceAll('|', '\\|');
for (const f of figures) {
  if (!sections.has(f.section)) sections.set(f.section, []);
  sections.get(f.section).push(f);
}
for (const [section, list] of sections) {
  lines.push(`### ${section}`, '', '| figure | value |', '| --- | --- |');
  for (const f of list) lines.push(`| ${cell(f.name)} | ${cell(f.value)}${f.unit ? ` ${f.unit}` : ''} |`);
  lines.push('');
}

fs.writeFileSync(reportFile, `${lines.join('\n')}\n`);
console.log(`\nstress: ${passed} passed, ${failed} failed; report in ${path.relative(process.cwd(), reportFile) || reportFile}`);
process.exit(failed > 0 || passed === 0 || run.status !== 0 ? 1 : 0);
