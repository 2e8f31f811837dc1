import { median, medianRun, megabytesPerSecond, percentile, ratio, summarizeTimings } from '../../tools/bench/stats.js';

describe('bench statistics', () => {
  it('takes nearest-rank percentiles of unsorted values', () => {
    const values = [9, 1, 8, 2, 7, 3, 6, 4, 5, 10];
    expect(percentile(values, 50)).toBe(5);
    expect(percentile(values, 99)).toBe(10);
    expect(percentile(values, 10)).toBe(1);
    expect(percentile(values, 0)).toBe(1);
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile(values, 101)).toThrow(RangeError);
  });

  it('p99 of a hundred values is the 99th smallest, not the largest', () => {
    const values = Array.from({ length: 100 }, (_, index) => index + 1);
    expect(percentile(values, 99)).toBe(99);
  });

  it('takes medians of odd and even counts without sorting the input in place', () => {
    const input = [5, 1, 3];
    expect(median(input)).toBe(3);
    expect(input).toEqual([5, 1, 3]);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });

  it('picks the run with the median wall time so its other figures belong together', () => {
    const runs = [
      { wallMs: 300, rss: 'c' },
      { wallMs: 100, rss: 'a' },
      { wallMs: 200, rss: 'b' },
    ];
    expect(medianRun(runs).rss).toBe('b');
    expect(medianRun([{ wallMs: 2 }, { wallMs: 1 }]).wallMs).toBe(1);
    expect(() => medianRun([])).toThrow();
  });

  it('computes ratios only from positive, finite figures', () => {
    expect(ratio(300, 150)).toBe(2);
    expect(ratio(150, 300)).toBe(0.5);
    expect(ratio(undefined, 100)).toBeUndefined();
    expect(ratio(100, 0)).toBeUndefined();
    expect(ratio(Number.NaN, 10)).toBeUndefined();
  });

  it('computes MB/s in decimal megabytes', () => {
    expect(megabytesPerSecond(5_000_000, 2000)).toBe(2.5);
    expect(megabytesPerSecond(1, 0)).toBeNaN();
  });

  it('summarises per-file timings with the five slowest files first', () => {
    const timings = Array.from({ length: 8 }, (_, index) => ({ path: `f${index}.ts`, bytes: 100 * (index + 1), ms: index === 3 ? 50 : index }));
    const summary = summarizeTimings(timings);
    expect(summary.files).toBe(8);
    expect(summary.bytes).toBe(3600);
    expect(summary.totalMs).toBe(0 + 1 + 2 + 50 + 4 + 5 + 6 + 7);
    expect(summary.slowest.map((timing) => timing.path)).toEqual(['f3.ts', 'f7.ts', 'f6.ts', 'f5.ts', 'f4.ts']);
    expect(summary.p50Ms).toBe(4);
    expect(summary.p99Ms).toBe(50);
  });
});
