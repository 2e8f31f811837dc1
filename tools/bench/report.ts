import { METHOD_LABELS, type MethodId } from './methods.js';
import { megabytesPerSecond, ratio, type TimingSummary } from './stats.js';

export type SetId = 'corpus' | 'corpus-js' | 'big-pr';

export const SET_LABELS: Record<SetId, string> = {
  corpus: 'real corpus, all files (TS and JS)',
  'corpus-js': 'real corpus, JavaScript files only (what ESLint with espree can read)',
  'big-pr': 'generated 3,000-file PR',
};

export interface PassFigures extends TimingSummary {
  /** Wall time of the pass, in process (excludes Node start-up and module loading). */
  wallMs: number;
  mbPerSecond: number;
}

export interface WholeProcessFigures {
  repeats: number;
  wallMs: number[];
  medianWallMs: number;
  mbPerSecond: number;
  medianRssMiB: number;
  maxRssMiB: number;
  /** Per-file figures of the median run's single pass. */
  pass: PassFigures;
}

export interface InProcessFigures {
  cold: PassFigures;
  warm: PassFigures;
  rssMiB: number;
}

export interface Measurement {
  set: SetId;
  method: MethodId;
  files: number;
  bytes: number;
  whole?: WholeProcessFigures;
  inProcess?: InProcessFigures;
  counters: Record<string, number>;
  /** Why the method has no figures (a crash or a run past the time limit). */
  failure?: string;
}

export interface Machine {
  cores: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  platform: string;
  date: string;
}

export interface PrFigure {
  files: number;
  /** What the PR changes and how warm the app is ('added files, app just started'). */
  kind: string;
  /** Downloads outside the API (the tarball from codeload): not API calls, shown for completeness. */
  downloads: number;
  wallMs: number;
  apiCalls: Record<string, number>;
  totalApiCalls: number;
  annotations: number;
  allowedApiCalls: number;
  appPeakRssMiB: number;
  conclusion: string;
}

export type PrFigures =
  | { status: 'measured'; runs: PrFigure[] }
  | { status: 'skipped'; reason: string }
  /** The simulator and app exist but a PR run broke: the API target fails. */
  | { status: 'failed'; reason: string; runs: PrFigure[] };

export interface TargetResult {
  name: string;
  target: string;
  measured: string;
  status: 'PASS' | 'FAIL' | 'SKIPPED';
}

export interface Ratios {
  /** (b) analyzer ÷ (a) raw parse+walk on the whole corpus. */
  analyzerVsRaw: { whole?: number; cold?: number; warm?: number };
  /** (c) ESLint ÷ (b) analyzer on the corpus's JavaScript files (espree). */
  eslintVsAnalyzer: { whole?: number; cold?: number; warm?: number };
  /** (c) ESLint with typescript-eslint's parser ÷ (b) analyzer on every corpus file. */
  eslintTsVsAnalyzer: { whole?: number; cold?: number; warm?: number };
  /** The same two on the generated PR, for information. */
  bigPrAnalyzerVsRaw: { whole?: number; cold?: number; warm?: number };
}

/** Issue 9's bounds (issue 4 asked for 2.0× and 4×; issue 9 tightened the first and set the second to 3.3×). */
export const TARGETS = {
  maxAnalyzerVsRaw: 1.5,
  minEslintVsAnalyzer: 3.3,
  maxBigPrRssMiB: 512,
  /** A 200k-line file may take at most this many times a 100k-line one. */
  maxGrowth: 2.2,
  /** No file's analysis may take longer (the CLI's per-file budget). */
  maxFileMs: 2000,
} as const;

/** The growth check: the same generated module at two sizes, each analysed alone (median per-file time). */
export interface GrowthFigures {
  smallLines: number;
  largeLines: number;
  smallMs: number;
  largeMs: number;
  runs: number;
}

/** Judges linear growth and the slowest file of the real corpus (median run). */
export function evaluateScaling(measurements: readonly Measurement[], growth: GrowthFigures | { failure: string }): TargetResult[] {
  const results: TargetResult[] = [];
  const name = `growth linear in file size (${TARGETS.maxGrowth}× for twice the lines, local names repeated across functions)`;
  if ('failure' in growth) results.push({ name, target: `large/small ≤ ${TARGETS.maxGrowth}`, measured: `not measured: ${growth.failure}`, status: 'FAIL' });
  else {
    const value = growth.largeMs / growth.smallMs;
    results.push({
      name,
      target: `large/small ≤ ${TARGETS.maxGrowth}`,
      measured: `${value.toFixed(2)}× (${growth.largeLines.toLocaleString('en')} lines ${(growth.largeMs / 1000).toFixed(2)} s, ${growth.smallLines.toLocaleString('en')} lines ${(growth.smallMs / 1000).toFixed(2)} s)`,
      status: value <= TARGETS.maxGrowth ? 'PASS' : 'FAIL',
    });
  }
  // The real corpus only: in the generated PR, the first file that needs the pass over the whole scan
  // (broad-scope's tool call graph) carries that shared pass, which the CLI's per-file budget leaves out.
  const slowest = find(measurements, 'corpus', 'analyzer')?.whole?.pass.slowest[0];
  results.push({
    name: 'no file over the CLI per-file budget (slowest file of the real corpus, in process)',
    target: `≤ ${TARGETS.maxFileMs} ms`,
    measured: slowest ? `${slowest.ms.toFixed(0)} ms (${slowest.path})` : 'not measured',
    status: slowest ? (slowest.ms <= TARGETS.maxFileMs ? 'PASS' : 'FAIL') : 'FAIL',
  });
  return results;
}

export function find(measurements: readonly Measurement[], set: SetId, method: MethodId): Measurement | undefined {
  return measurements.find((measurement) => measurement.set === set && measurement.method === method);
}

function ratiosOf(numerator: Measurement | undefined, denominator: Measurement | undefined): { whole?: number; cold?: number; warm?: number } {
  return {
    whole: ratio(numerator?.whole?.medianWallMs, denominator?.whole?.medianWallMs),
    cold: ratio(numerator?.inProcess?.cold.wallMs, denominator?.inProcess?.cold.wallMs),
    warm: ratio(numerator?.inProcess?.warm.wallMs, denominator?.inProcess?.warm.wallMs),
  };
}

export function computeRatios(measurements: readonly Measurement[]): Ratios {
  return {
    analyzerVsRaw: ratiosOf(find(measurements, 'corpus', 'analyzer'), find(measurements, 'corpus', 'raw')),
    eslintVsAnalyzer: ratiosOf(find(measurements, 'corpus-js', 'eslint'), find(measurements, 'corpus-js', 'analyzer')),
    eslintTsVsAnalyzer: ratiosOf(find(measurements, 'corpus', 'eslint-ts'), find(measurements, 'corpus', 'analyzer')),
    bigPrAnalyzerVsRaw: ratiosOf(find(measurements, 'big-pr', 'analyzer'), find(measurements, 'big-pr', 'raw')),
  };
}

/**
 * The speed and memory targets (issue 9's bounds), judged on the whole-process medians (a fresh process per
 * run, as the CLI runs); the in-process ratios are printed beside them for information.
 */
export function evaluateTargets(measurements: readonly Measurement[], pr: PrFigures): TargetResult[] {
  const ratios = computeRatios(measurements);
  const results: TargetResult[] = [];
  const judged = (
    name: string,
    target: string,
    needs: [SetId, MethodId][],
    value: number | undefined,
    pass: (value: number) => boolean,
    show: (value: number) => string,
  ) => {
    if (value !== undefined) {
      results.push({ name, target, measured: show(value), status: pass(value) ? 'PASS' : 'FAIL' });
      return;
    }
    // A method that crashed or ran out of time fails the targets it was needed for.
    const failed = needs.map(([set, method]) => find(measurements, set, method)).filter((item) => item?.failure);
    results.push({
      name,
      target,
      measured: failed.length ? `not measured: ${failed.map((item) => `${item!.method} on ${item!.set}: ${item!.failure}`).join('; ')}` : 'not measured',
      status: failed.length ? 'FAIL' : 'SKIPPED',
    });
  };
  judged(
    `analyzer within ${TARGETS.maxAnalyzerVsRaw.toFixed(1)}× of raw parse+walk (real corpus, whole process)`,
    `b/a ≤ ${TARGETS.maxAnalyzerVsRaw.toFixed(1)}`,
    [['corpus', 'analyzer'], ['corpus', 'raw']],
    ratios.analyzerVsRaw.whole,
    (value) => value <= TARGETS.maxAnalyzerVsRaw,
    (value) => `${value.toFixed(2)}×`,
  );
  // The issue measured ESLint on TS and JS files, which takes typescript-eslint's parser; espree
  // reads only the JavaScript files, so that comparison is printed with the ratios, not judged.
  judged(
    `at least ${TARGETS.minEslintVsAnalyzer.toFixed(1)}× faster than ESLint + security + sdl (typescript-eslint parser, every corpus file, TS and JS, whole process)`,
    `c/b ≥ ${TARGETS.minEslintVsAnalyzer.toFixed(1)}`,
    [['corpus', 'eslint-ts'], ['corpus', 'analyzer']],
    ratios.eslintTsVsAnalyzer.whole,
    (value) => value >= TARGETS.minEslintVsAnalyzer,
    (value) => `${value.toFixed(2)}×`,
  );
  judged(
    '3,000-file PR analysed with peak RSS under 512 MiB (analyzer process, as the CLI runs)',
    `peak RSS < ${TARGETS.maxBigPrRssMiB} MiB`,
    [['big-pr', 'analyzer']],
    find(measurements, 'big-pr', 'analyzer')?.whole?.maxRssMiB,
    (value) => value < TARGETS.maxBigPrRssMiB,
    (value) => `${value.toFixed(0)} MiB`,
  );
  const apiTarget = 'calls ≤ files + 4 + ⌈annotations/50⌉';
  if (pr.status === 'skipped') {
    results.push({ name: 'GitHub API calls per PR', target: apiTarget, measured: `skipped: ${pr.reason}`, status: 'SKIPPED' });
  } else if (pr.status === 'failed' || pr.runs.length === 0) {
    const reason = pr.status === 'failed' ? pr.reason.split('\n')[0]! : 'no PR runs';
    results.push({ name: 'GitHub API calls per PR', target: apiTarget, measured: `failed: ${reason}`, status: 'FAIL' });
  } else {
    const worst = pr.runs.find((run) => run.totalApiCalls > run.allowedApiCalls);
    results.push({
      name: 'GitHub API calls per PR',
      target: apiTarget,
      measured: pr.runs.map((run) => `${run.files} ${run.kind}: ${run.totalApiCalls}/${run.allowedApiCalls}`).join('; '),
      status: worst ? 'FAIL' : 'PASS',
    });
  }
  const biggestPr = pr.status === 'skipped' ? undefined : pr.runs.filter((run) => run.files >= 3000).sort((a, b) => b.appPeakRssMiB - a.appPeakRssMiB)[0];
  if (pr.status === 'skipped') {
    results.push({ name: '3,000-file PR through the app with peak RSS under 512 MiB', target: `app peak RSS < ${TARGETS.maxBigPrRssMiB} MiB`, measured: `skipped: ${pr.reason}`, status: 'SKIPPED' });
  } else {
    const value = biggestPr?.appPeakRssMiB;
    const known = value !== undefined && Number.isFinite(value);
    results.push({
      name: '3,000-file PR through the app with peak RSS under 512 MiB',
      target: `app peak RSS < ${TARGETS.maxBigPrRssMiB} MiB`,
      measured: known ? `${value.toFixed(0)} MiB` : biggestPr ? 'peak RSS unreadable (no /proc)' : 'the 3,000-file PR did not complete',
      status: known ? (value < TARGETS.maxBigPrRssMiB ? 'PASS' : 'FAIL') : biggestPr ? 'SKIPPED' : 'FAIL',
    });
  }
  return results;
}

/** API calls the acceptance allows for a PR: one per file, four fixed, one per 50 annotations. */
export function allowedApiCalls(files: number, annotations: number): number {
  return files + 4 + Math.ceil(annotations / 50);
}

export function passFigures(summary: TimingSummary, wallMs: number): PassFigures {
  return { ...summary, wallMs, mbPerSecond: megabytesPerSecond(summary.bytes, wallMs) };
}

// ---- text output ------------------------------------------------------------------------

const seconds = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`);
const millis = (ms: number | undefined) => (ms === undefined || !Number.isFinite(ms) ? '—' : ms >= 10 ? `${ms.toFixed(0)} ms` : `${ms.toFixed(2)} ms`);
const times = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(2)}×`);
const mib = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : `${value.toFixed(0)} MiB`);
const rate = (value: number | undefined) => (value === undefined || !Number.isFinite(value) ? '—' : value.toFixed(2));
export const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(2)} MB`;

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)];
}

/** The whole-process table of one file set, with ratios against that set's raw parse+walk. */
export function wholeProcessTable(measurements: readonly Measurement[], set: SetId): string[] {
  const rows = measurements.filter((measurement) => measurement.set === set && measurement.whole);
  const raw = find(measurements, set, 'raw');
  return table(
    ['method', 'files', 'MB', 'wall (median)', 'runs', 'MB/s', '× raw', 'peak RSS (median / max)', 'p50 / p99 per file'],
    rows.map((measurement) => {
      const whole = measurement.whole!;
      return [
        METHOD_LABELS[measurement.method],
        String(measurement.files),
        (measurement.bytes / 1e6).toFixed(2),
        seconds(whole.medianWallMs),
        String(whole.repeats),
        rate(whole.mbPerSecond),
        times(ratio(whole.medianWallMs, raw?.whole?.medianWallMs)),
        `${mib(whole.medianRssMiB)} / ${mib(whole.maxRssMiB)}`,
        measurement.method === 'analyzer-pool' ? '— (overlapping)' : `${millis(whole.pass.p50Ms)} / ${millis(whole.pass.p99Ms)}`,
      ];
    }),
  );
}

/** Cold (first) and warm (second) pass in one process, as the long-lived app runs. */
export function inProcessTable(measurements: readonly Measurement[], set: SetId): string[] {
  const rows = measurements.filter((measurement) => measurement.set === set && measurement.inProcess);
  const raw = find(measurements, set, 'raw');
  return table(
    ['method', 'cold pass', 'warm pass', 'MB/s cold / warm', '× raw cold / warm', 'p50 cold / warm', 'p99 cold / warm', 'RSS after both'],
    rows.map((measurement) => {
      const { cold, warm, rssMiB } = measurement.inProcess!;
      return [
        METHOD_LABELS[measurement.method],
        seconds(cold.wallMs),
        seconds(warm.wallMs),
        `${rate(cold.mbPerSecond)} / ${rate(warm.mbPerSecond)}`,
        `${times(ratio(cold.wallMs, raw?.inProcess?.cold.wallMs))} / ${times(ratio(warm.wallMs, raw?.inProcess?.warm.wallMs))}`,
        `${millis(cold.p50Ms)} / ${millis(warm.p50Ms)}`,
        `${millis(cold.p99Ms)} / ${millis(warm.p99Ms)}`,
        mib(rssMiB),
      ];
    }),
  );
}

export function slowestFilesLines(measurements: readonly Measurement[], set: SetId): string[] {
  const lines: string[] = [];
  for (const measurement of measurements.filter((item) => item.set === set && item.inProcess && item.method !== 'analyzer-pool')) {
    const { cold, warm } = measurement.inProcess!;
    lines.push(`${METHOD_LABELS[measurement.method]}, five slowest files (cold; warm):`);
    for (const slow of cold.slowest) {
      const warmTiming = warm.slowest.find((item) => item.path === slow.path);
      lines.push(`  ${millis(slow.ms).padStart(8)}${warmTiming ? ` (warm ${millis(warmTiming.ms)})` : ''}  ${slow.path} (${(slow.bytes / 1024).toFixed(0)} KiB)`);
    }
  }
  return lines;
}

export function ratioLines(ratios: Ratios): string[] {
  const line = (label: string, values: { whole?: number; cold?: number; warm?: number }) =>
    `${label}: whole process ${times(values.whole)}, in process cold ${times(values.cold)}, warm ${times(values.warm)}`;
  return [
    line('b/a analyzer ÷ raw parse+walk (real corpus)', ratios.analyzerVsRaw),
    line('c/b ESLint (typescript-eslint) ÷ analyzer (every corpus file)', ratios.eslintTsVsAnalyzer),
    line('c/b ESLint (espree) ÷ analyzer (corpus JS files)', ratios.eslintVsAnalyzer),
    line('b/a analyzer ÷ raw parse+walk (generated PR)', ratios.bigPrAnalyzerVsRaw),
  ];
}

export function targetLines(targets: readonly TargetResult[]): string[] {
  return table(
    ['target', 'required', 'measured', 'result'],
    targets.map((target) => [target.name, target.target, target.measured, target.status]),
  );
}

export function prLines(pr: PrFigures): string[] {
  if (pr.status === 'skipped') return [`skipped: ${pr.reason}`];
  const rows = pr.runs.map((run) => [
    String(run.files),
    run.kind,
    seconds(run.wallMs),
    run.conclusion,
    `${run.totalApiCalls} (${run.allowedApiCalls})`,
    String(run.annotations),
    Object.entries(run.apiCalls)
      .sort((left, right) => right[1] - left[1])
      .map(([endpoint, count]) => `${endpoint} ×${count}`)
      .join('; '),
    mib(run.appPeakRssMiB),
    String(run.downloads),
  ]);
  const failure = pr.status === 'failed' ? ['', 'Failed:', '```', pr.reason, '```'] : [];
  return [
    ...table(['PR files', 'PR', 'webhook → completed run', 'conclusion', 'API calls (allowed)', 'annotations', 'calls by endpoint', 'app peak RSS', 'downloads'], rows),
    ...failure,
  ];
}

export function machineLine(machine: Machine): string {
  return `${machine.cores} cores (${machine.cpuModel}), ${machine.memoryGiB.toFixed(1)} GiB memory, Node ${machine.node} on ${machine.platform}, ${machine.date}`;
}

// ---- agreement with the generated PR's planted mistakes ---------------------------------

export interface SeededAgreement {
  ruleId: string;
  /** Files the generator planted this mistake in. */
  seeded: number;
  /** Files the analyzer reported this rule in. */
  reported: number;
  /** Planted and reported. */
  found: number;
  /** Planted, not reported. */
  missed: number;
  /** Reported where nothing of the kind was planted: a false positive, or a real case the generator did not label. */
  unplanted: number;
}

/** Per rule, how the analyzer's per-file results line up with the generator's labels (file level). */
export function seededAgreement(files: readonly { path: string; mistakes: readonly string[] }[], rulesByFile: Readonly<Record<string, readonly string[]>>): SeededAgreement[] {
  const ruleIds = new Set<string>();
  for (const file of files) for (const mistake of file.mistakes) ruleIds.add(mistake);
  for (const rules of Object.values(rulesByFile)) for (const rule of rules) ruleIds.add(rule);
  return [...ruleIds].sort().map((ruleId) => {
    const row: SeededAgreement = { ruleId, seeded: 0, reported: 0, found: 0, missed: 0, unplanted: 0 };
    for (const file of files) {
      const planted = file.mistakes.includes(ruleId);
      const reported = (rulesByFile[file.path] ?? []).includes(ruleId);
      if (planted) row.seeded++;
      if (reported) row.reported++;
      if (planted && reported) row.found++;
      if (planted && !reported) row.missed++;
      if (!planted && reported) row.unplanted++;
    }
    return row;
  });
}

export function agreementLines(rows: readonly SeededAgreement[]): string[] {
  return table(
    ['rule', 'files planted', 'files reported', 'found', 'missed', 'reported, not planted'],
    rows.map((row) => [row.ruleId, String(row.seeded), String(row.reported), String(row.found), String(row.missed), String(row.unplanted)]),
  );
}
