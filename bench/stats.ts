/** Percentiles and medians for the benchmark figures (nearest-rank, on a sorted copy). */

export interface Summary {
  n: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of `sorted` (ascending); NaN for an empty list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(samples: readonly number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const sum = sorted.reduce((a, b) => a + b, 0);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted.length > 0 ? sorted[sorted.length - 1]! : Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** Median of a few values (the middle one, or the mean of the two middle ones). */
export function median(values: readonly number[]): number {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Per-field median of several round summaries. */
export function medianSummary(rounds: readonly Summary[]): Summary {
  const field = (k: keyof Summary): number => median(rounds.map((r) => r[k]));
  return { n: rounds.reduce((a, r) => a + r.n, 0), p50: field('p50'), p90: field('p90'), p99: field('p99'), max: field('max'), mean: field('mean') };
}

/** ours / reference, NaN when either is missing. */
export function ratio(ours: number, reference: number): number {
  return Number.isFinite(ours) && Number.isFinite(reference) && reference !== 0 ? ours / reference : Number.NaN;
}

export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
