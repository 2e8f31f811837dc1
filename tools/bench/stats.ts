/** Pure number work for the benchmark: medians, percentiles, ratios and per-file summaries. */

export interface FileTiming {
  path: string;
  bytes: number;
  ms: number;
}

export interface TimingSummary {
  files: number;
  bytes: number;
  /** Sum of the per-file times of one pass, in milliseconds. */
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
  slowest: FileTiming[];
}

/** Nearest-rank percentile (p in 0..100) of an unsorted list; NaN for an empty list. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  if (p < 0 || p > 100) throw new RangeError(`percentile ${p} is outside 0..100`);
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** The middle value (mean of the two middle values for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** How many times slower `numerator` is than `denominator`; undefined when either is missing or not positive. */
export function ratio(numerator: number | undefined, denominator: number | undefined): number | undefined {
  if (numerator === undefined || denominator === undefined) return undefined;
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || denominator <= 0 || numerator < 0) return undefined;
  return numerator / denominator;
}

/** Megabytes (10^6 bytes, as `du`/npm print them) per second. */
export function megabytesPerSecond(bytes: number, ms: number): number {
  return ms > 0 ? bytes / 1e6 / (ms / 1000) : Number.NaN;
}

export function summarizeTimings(timings: readonly FileTiming[], slowestCount = 5): TimingSummary {
  const times = timings.map((timing) => timing.ms);
  return {
    files: timings.length,
    bytes: timings.reduce((sum, timing) => sum + timing.bytes, 0),
    totalMs: times.reduce((sum, ms) => sum + ms, 0),
    p50Ms: percentile(times, 50),
    p99Ms: percentile(times, 99),
    slowest: [...timings].sort((a, b) => b.ms - a.ms || a.path.localeCompare(b.path)).slice(0, slowestCount),
  };
}

/** The run whose wall time is the median one (the lower middle for an even count), so its other figures belong together. */
export function medianRun<T extends { wallMs: number }>(runs: readonly T[]): T {
  if (runs.length === 0) throw new Error('no runs to take the median of');
  const sorted = [...runs].sort((a, b) => a.wallMs - b.wallMs);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}
