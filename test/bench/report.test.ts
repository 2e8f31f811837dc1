import type { MethodId } from '../../tools/bench/methods.js';
import { allowedApiCalls, computeRatios, evaluateScaling, evaluateTargets, seededAgreement, type Measurement, type PrFigures, type SetId } from '../../tools/bench/report.js';

function measured(set: SetId, method: MethodId, wallMs: number, maxRssMiB = 200, cold = wallMs / 2, warm = wallMs / 4): Measurement {
  const pass = (ms: number) => ({ files: 10, bytes: 1000, totalMs: ms, p50Ms: 1, p99Ms: 2, slowest: [], wallMs: ms, mbPerSecond: 1 });
  return {
    set,
    method,
    files: 10,
    bytes: 1000,
    whole: { repeats: 5, wallMs: [wallMs], medianWallMs: wallMs, mbPerSecond: 1, medianRssMiB: maxRssMiB, maxRssMiB, pass: pass(cold) },
    inProcess: { cold: pass(cold), warm: pass(warm), rssMiB: maxRssMiB },
    counters: {},
  };
}

const skippedPr: PrFigures = { status: 'skipped', reason: 'simulator/app not available' };

describe('bench targets', () => {
  it('passes when the analyzer is within 1.5× of the parse floor, 3.3× faster than ESLint and under 512 MiB', () => {
    const measurements = [
      measured('corpus', 'raw', 1000),
      measured('corpus', 'analyzer', 1500),
      measured('corpus-js', 'analyzer', 1500),
      measured('corpus-js', 'eslint', 6000),
      measured('corpus', 'eslint-ts', 4950),
      measured('big-pr', 'analyzer', 3000, 511),
    ];
    const results = evaluateTargets(measurements, skippedPr);
    expect(results.map((result) => result.status)).toEqual(['PASS', 'PASS', 'PASS', 'SKIPPED', 'SKIPPED']);
    expect(results[0]!.measured).toBe('1.50×');
    expect(results[1]!.measured).toBe('3.30×');
    expect(results[3]!.measured).toContain('simulator/app not available');
    expect(results[4]!.measured).toContain('simulator/app not available');
  });

  it('fails each target on its own side of the line', () => {
    const measurements = [
      measured('corpus', 'raw', 1000),
      measured('corpus', 'analyzer', 1510),
      measured('corpus-js', 'analyzer', 1500),
      measured('corpus-js', 'eslint', 5990),
      measured('corpus', 'eslint-ts', 4980),
      measured('big-pr', 'analyzer', 3000, 512),
    ];
    expect(evaluateTargets(measurements, skippedPr).map((result) => result.status)).toEqual(['FAIL', 'FAIL', 'FAIL', 'SKIPPED', 'SKIPPED']);
  });

  it('judges growth against 2.2× for twice the lines, and the real corpus\'s slowest file against the 2 s budget', () => {
    const withSlowest = (set: SetId, ms: number, path: string): Measurement => {
      const base = measured(set, 'analyzer', 1000);
      base.whole!.pass.slowest = [{ path, bytes: 10, ms }];
      return base;
    };
    const growth = (smallMs: number, largeMs: number) => ({ smallLines: 100_000, largeLines: 200_000, smallMs, largeMs, runs: 3 });
    const pass = evaluateScaling([withSlowest('corpus', 1900, 'a.js'), withSlowest('big-pr', 5000, 'b.ts')], growth(4000, 8800));
    expect(pass.map((result) => result.status)).toEqual(['PASS', 'PASS']);
    expect(pass[0]!.measured).toMatch(/^2\.20× \(200,000 lines 8\.80 s, 100,000 lines 4\.00 s\)$/);
    expect(pass[1]!.measured).toBe('1900 ms (a.js)');
    const fail = evaluateScaling([withSlowest('corpus', 2100, 'a.js'), withSlowest('big-pr', 300, 'b.ts')], growth(4000, 8900));
    expect(fail.map((result) => result.status)).toEqual(['FAIL', 'FAIL']);
    expect(fail[1]!.measured).toBe('2100 ms (a.js)');
    const broken = evaluateScaling([], { failure: 'exited with 1' });
    expect(broken.map((result) => result.status)).toEqual(['FAIL', 'FAIL']);
    expect(broken[0]!.measured).toContain('exited with 1');
  });

  it('says a target was not measured instead of passing it', () => {
    const results = evaluateTargets([measured('corpus', 'raw', 1000)], skippedPr);
    expect(results.slice(0, 3).map((result) => result.status)).toEqual(['SKIPPED', 'SKIPPED', 'SKIPPED']);
  });

  it('judges API calls per PR against files + 4 + ⌈annotations/50⌉', () => {
    expect(allowedApiCalls(20, 0)).toBe(24);
    expect(allowedApiCalls(300, 1)).toBe(305);
    expect(allowedApiCalls(3000, 101)).toBe(3007);
    const run = (files: number, totalApiCalls: number, annotations: number, appPeakRssMiB = 100) => ({
      files,
      kind: 'modified files',
      downloads: 0,
      wallMs: 1,
      apiCalls: {},
      totalApiCalls,
      annotations,
      allowedApiCalls: allowedApiCalls(files, annotations),
      appPeakRssMiB,
      conclusion: 'failure',
    });
    const pass = evaluateTargets([], { status: 'measured', runs: [run(20, 24, 0), run(300, 305, 50), run(3000, 3005, 60, 511)] });
    expect(pass[3]!.status).toBe('PASS');
    expect(pass[4]).toMatchObject({ status: 'PASS', measured: '511 MiB' });
    const fail = evaluateTargets([], { status: 'measured', runs: [run(20, 24, 0), run(300, 306, 50), run(3000, 3005, 60, 538)] });
    expect(fail[3]!.status).toBe('FAIL');
    expect(fail[4]).toMatchObject({ status: 'FAIL', measured: '538 MiB' });
    const broken = evaluateTargets([], { status: 'failed', reason: '3000-file PR: no completed check run\n--- app output ---', runs: [run(20, 24, 0)] });
    expect(broken[3]).toMatchObject({ status: 'FAIL', measured: 'failed: 3000-file PR: no completed check run' });
    expect(broken[4]).toMatchObject({ status: 'FAIL', measured: 'the 3,000-file PR did not complete' });
  });

  it('reports in-process cold and warm ratios beside the whole-process one', () => {
    const ratios = computeRatios([measured('corpus', 'raw', 1000, 200, 400, 100), measured('corpus', 'analyzer', 1800, 200, 600, 300)]);
    expect(ratios.analyzerVsRaw.whole).toBeCloseTo(1.8);
    expect(ratios.analyzerVsRaw.cold).toBeCloseTo(1.5);
    expect(ratios.analyzerVsRaw.warm).toBeCloseTo(3);
    expect(ratios.eslintVsAnalyzer.whole).toBeUndefined();
  });
});

describe('bench targets when a method could not be measured', () => {
  it('fails the targets that needed a crashed method and names the cause', () => {
    const crashed: Measurement = { set: 'corpus', method: 'analyzer', files: 10, bytes: 1000, counters: {}, failure: 'stopped after 10 minutes' };
    const results = evaluateTargets([measured('corpus', 'raw', 1000), crashed, measured('corpus-js', 'analyzer', 1500), measured('corpus-js', 'eslint', 6000)], skippedPr);
    expect(results[0]!.status).toBe('FAIL');
    expect(results[0]!.measured).toContain('stopped after 10 minutes');
    // The ESLint comparison needs the whole-corpus analyzer that crashed.
    expect(results[1]!.status).toBe('FAIL');
    expect(results[1]!.measured).toContain('stopped after 10 minutes');
    expect(results[2]!.status).toBe('SKIPPED');
  });
});

describe('agreement with the generated PR', () => {
  it('counts found, missed and unplanted files per rule', () => {
    const files = [
      { path: 'a.ts', mistakes: ['missing-pkce'] },
      { path: 'b.ts', mistakes: ['missing-pkce', 'broad-scope'] },
      { path: 'c.ts', mistakes: [] },
    ];
    const rows = seededAgreement(files, { 'a.ts': ['missing-pkce'], 'b.ts': ['broad-scope'], 'c.ts': ['token-logged', 'missing-pkce'] });
    expect(rows).toEqual([
      { ruleId: 'broad-scope', seeded: 1, reported: 1, found: 1, missed: 0, unplanted: 0 },
      { ruleId: 'missing-pkce', seeded: 2, reported: 2, found: 1, missed: 1, unplanted: 1 },
      { ruleId: 'token-logged', seeded: 0, reported: 1, found: 0, missed: 0, unplanted: 1 },
    ]);
  });
});
