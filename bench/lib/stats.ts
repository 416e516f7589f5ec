import type { LatencySummary, LoadResult } from './load-protocol';

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  const finite = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  if (finite.length === 0) return Number.NaN;
  const middle = Math.floor(finite.length / 2);
  return finite.length % 2 === 1 ? finite[middle]! : (finite[middle - 1]! + finite[middle]!) / 2;
}

export function summarize(latencies: number[]): LatencySummary {
  const sorted = [...latencies].sort((a, b) => a - b);
  const sum = sorted.reduce((total, value) => total + value, 0);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p90: percentile(sorted, 90),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    mean: sorted.length > 0 ? sum / sorted.length : Number.NaN,
  };
}

/** What a figure is: the median over runs of each run's p50, p99 and throughput. */
export interface RunFigure {
  runs: number;
  p50: number;
  p99: number;
  rps: number;
  /** Requests that failed (non-2xx, socket errors, GraphQL errors), summed over the runs. */
  failures: number;
  firstError?: string;
}

export function figureOf(results: readonly LoadResult[]): RunFigure {
  const failures = results.reduce((sum, r) => sum + r.non2xx + r.socketErrors + r.timeouts + r.graphqlErrors, 0);
  return {
    runs: results.length,
    p50: median(results.map((r) => r.latency.p50)),
    p99: median(results.map((r) => r.latency.p99)),
    rps: median(results.map((r) => r.rps)),
    failures,
    firstError: results.find((r) => r.firstError)?.firstError,
  };
}

/** Median of the per-run ratios a/b of runs taken side by side (pair i ran right after pair i-1). */
export function pairedRatio(a: readonly number[], b: readonly number[]): number {
  return median(a.map((value, i) => value / b[i]!));
}

export const ms = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
export const rate = (value: number) => (Number.isFinite(value) ? (value >= 100 ? value.toFixed(0) : value.toFixed(1)) : '–');
export const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : '–');
