/**
 * Figures for the stress report (`npm run test:stress` → STRESS-REPORT.md).
 *
 * Tests call `recordFigure` wherever they measure something worth reading later (latency,
 * memory, counts). Under `npm test` it does nothing, so the fast suite writes no files; with
 * STRESS=1 each figure is appended as one JSON line to `<STRESS_REPORT_DIR>/figures.jsonl`
 * (default `.tmp/stress`), which scripts/stress.mjs groups by section into the report.
 * Appending whole lines with one write keeps parallel vitest workers from interleaving.
 */
import fs from 'node:fs';
import path from 'node:path';

export const STRESS = process.env.STRESS === '1';

export function stressReportDir(): string {
  return path.resolve(process.env.STRESS_REPORT_DIR ?? '.tmp/stress');
}

export interface Figure {
  section: string;
  name: string;
  value: number | string;
  unit?: string;
  at: string;
}

export function recordFigure(section: string, name: string, value: number | string, unit?: string): void {
  if (!STRESS) return;
  const dir = stressReportDir();
  fs.mkdirSync(dir, { recursive: true });
  const figure: Figure = { section, name, value, ...(unit ? { unit } : {}), at: new Date().toISOString() };
  fs.appendFileSync(path.join(dir, 'figures.jsonl'), `${JSON.stringify(figure)}\n`);
}

/** Picks `fast` under `npm test` and `stress` under STRESS=1 (volume knobs in tests). */
export function byMode<T>(fast: T, stress: T): T {
  return STRESS ? stress : fast;
}
