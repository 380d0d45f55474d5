/** What a scenario gets and gives back. */
import { median, ratio, summarize, type Summary } from './stats.ts';

export interface BenchContext {
  quick: boolean;
  /** Directory for V8 CPU profiles of our server (--profile), else null. */
  profileDir: string | null;
  log: (line: string) => void;
}

export interface ResultRow {
  metric: string;
  unit: string;
  ours: number | null;
  reference: number | null;
  /** ours / reference when both exist. */
  ratio: number | null;
  target: string | null;
  /** Whether the target was met (null: no target). */
  met: boolean | null;
}

export interface ScenarioResult {
  id: string;
  title: string;
  rows: ResultRow[];
  /** How it was measured, and what stood out. */
  notes: string[];
  /** Everything else worth keeping (per-round figures) for results.json. */
  details: Record<string, unknown>;
  error: string | null;
  seconds: number;
}

export interface Scenario {
  id: string;
  title: string;
  run(ctx: BenchContext): Promise<Omit<ScenarioResult, 'id' | 'title' | 'error' | 'seconds'>>;
}

export function row(metric: string, unit: string, ours: number | null, reference: number | null, target: { text: string; met: boolean } | null = null): ResultRow {
  const r = ours !== null && reference !== null ? ratio(ours, reference) : Number.NaN;
  return { metric, unit, ours, reference, ratio: Number.isFinite(r) ? r : null, target: target?.text ?? null, met: target?.met ?? null };
}

/** Per-round latency summaries for one server, and their per-field medians. */
export interface RoundsSummary {
  rounds: Summary[];
  median: { p50: number; p90: number; p99: number; max: number };
  pooled: Summary;
  missing: number;
}

export function roundsSummary(rounds: { samples: number[]; missing: number }[]): RoundsSummary {
  const summaries = rounds.map((r) => summarize(r.samples));
  return {
    rounds: summaries,
    median: {
      p50: median(summaries.map((s) => s.p50)),
      p90: median(summaries.map((s) => s.p90)),
      p99: median(summaries.map((s) => s.p99)),
      max: median(summaries.map((s) => s.max)),
    },
    pooled: summarize(rounds.flatMap((r) => r.samples)),
    missing: rounds.reduce((a, r) => a + r.missing, 0),
  };
}
