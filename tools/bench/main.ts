/**
 * `npm run bench`: measures, in one run and on the same files, (a) the raw TypeScript parse+walk
 * floor, (b) the analyzer and (c) ESLint with the two security plugins; whole-process (a fresh
 * child per run, as the CLI runs) and in-process (cold then warm pass, as the app runs). Then the
 * PR figures against the GitHub simulator when it and the app exist. Writes docs/bench/latest.{json,md}.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { defaultConfig } from '../../src/config/types.js';
import { BIG_PR_FILES, BIG_PR_SEED, generateBigPr, type GeneratedFile } from './big-pr.js';
import type { ChildJob, ChildResult } from './child.js';
import { growthFile } from './scaling.js';
import { collectCorpus, CORPUS_PACKAGES, isJavaScriptPath, type Corpus, type CorpusFile } from './corpus.js';
import { METHOD_LABELS, type MethodId } from './methods.js';
import { measurePullRequests } from './pr.js';
import { checkPrefilter, prefilterLine } from './prefilter-check.js';
import {
  agreementLines,
  computeRatios,
  evaluateScaling,
  evaluateTargets,
  inProcessTable,
  machineLine,
  megabytes,
  passFigures,
  prLines,
  ratioLines,
  seededAgreement,
  SET_LABELS,
  slowestFilesLines,
  targetLines,
  wholeProcessTable,
  type GrowthFigures,
  type Machine,
  type Measurement,
  type SeededAgreement,
  type SetId,
  type WholeProcessFigures,
} from './report.js';
import { median, medianRun, megabytesPerSecond, summarizeTimings } from './stats.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const CHILD_SCRIPT = fileURLToPath(new URL('./child.js', import.meta.url));
const RESULTS_DIR = join(REPO_ROOT, 'docs', 'bench');

interface Options {
  /** Whole-process repeats of the cheap methods; ESLint gets min(this, 3). */
  repeats: number;
  /** Rounds after the first are dropped when they would take the bench past this. */
  budgetSeconds: number;
  write: boolean;
  pr: boolean;
}

/** Time kept back for the PR figures (three app runs against the simulator). */
const PR_RESERVE_MS = 90_000;
/** A child that runs longer than this is stopped and its method reported as not measured. */
const CHILD_TIMEOUT_MS = 10 * 60_000;

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { repeats: 5, budgetSeconds: 540, write: true, pr: true };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '--quick') options.repeats = 1;
    else if (arg === '--repeats') options.repeats = Math.max(1, Number.parseInt(argv[++index] ?? '', 10) || 1);
    else if (arg === '--budget') options.budgetSeconds = Math.max(1, Number.parseInt(argv[++index] ?? '', 10) || 1);
    else if (arg === '--no-write') options.write = false;
    else if (arg === '--no-pr') options.pr = false;
    else if (arg === '--help' || arg === '-h') {
      process.stdout.write('usage: npm run bench [-- --quick | --repeats N] [--budget SECONDS] [--no-write] [--no-pr]\n');
      process.exit(0);
    } else throw new Error(`unknown option '${arg}' (try --help)`);
  }
  return options;
}

interface Plan {
  set: SetId;
  method: MethodId;
  files: CorpusFile[];
  repeats: number;
  inProcess: boolean;
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const machine: Machine = {
    cores: availableParallelism(),
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGiB: totalmem() / 1024 ** 3,
    node: process.versions.node,
    platform: `${process.platform}-${process.arch}`,
    date: new Date().toISOString(),
  };
  const log = (line = '') => process.stdout.write(`${line}\n`);
  log(`mcp-oauth-guard bench: ${machineLine(machine)}`);

  const config = defaultConfig();
  const corpus = collectCorpus(join(REPO_ROOT, 'node_modules'), CORPUS_PACKAGES, config.maxFileBytes);
  const workDir = mkdtempSync(join(tmpdir(), 'mcp-oauth-guard-bench-'));
  try {
    const bigPr = generateBigPr(BIG_PR_FILES, BIG_PR_SEED);
    const bigPrFiles = writeGeneratedFiles(join(workDir, 'big-pr'), bigPr);
    const jsFiles = corpus.files.filter((file) => isJavaScriptPath(file.path));
    describeInputs(log, corpus, jsFiles, bigPr, bigPrFiles);

    const eslintRepeats = Math.min(options.repeats, 3);
    const plans: Plan[] = [
      { set: 'corpus', method: 'raw', files: corpus.files, repeats: options.repeats, inProcess: true },
      { set: 'corpus', method: 'analyzer', files: corpus.files, repeats: options.repeats, inProcess: true },
      { set: 'corpus-js', method: 'raw', files: jsFiles, repeats: options.repeats, inProcess: true },
      { set: 'corpus-js', method: 'analyzer', files: jsFiles, repeats: options.repeats, inProcess: true },
      { set: 'corpus-js', method: 'eslint', files: jsFiles, repeats: eslintRepeats, inProcess: true },
      { set: 'corpus', method: 'eslint-ts', files: corpus.files, repeats: eslintRepeats, inProcess: true },
      { set: 'big-pr', method: 'raw', files: bigPrFiles, repeats: options.repeats, inProcess: true },
      { set: 'big-pr', method: 'analyzer', files: bigPrFiles, repeats: options.repeats, inProcess: true },
    ];
    if (existsSync(join(REPO_ROOT, 'lib', 'pool', 'analysis-pool.js'))) {
      for (const [set, files] of [['corpus', corpus.files], ['big-pr', bigPrFiles]] as const) {
        // Informational (no target depends on it), so one run keeps the budget for the repeats that matter.
        plans.push({ set, method: 'analyzer-pool', files, repeats: 1, inProcess: false });
      }
    }

    const whole = new Map<Plan, { wallMs: number; result: ChildResult }[]>();
    const failures = new Map<Plan, string>();
    const notes: string[] = [];
    let rounds = Math.max(...plans.map((plan) => plan.repeats));
    // Rounds interleave the methods, so drift on a shared machine hits all of them alike.
    for (let round = 0; round < rounds; round++) {
      let repeatedMs = 0;
      log(`whole-process round ${round + 1}/${rounds}...`);
      for (const plan of plans) {
        if (round >= plan.repeats || failures.has(plan)) continue;
        try {
          const run = await runChild(workDir, plan, 1);
          if (plan.repeats > 1) repeatedMs += run.wallMs;
          whole.set(plan, [...(whole.get(plan) ?? []), run]);
        } catch (error) {
          failures.set(plan, error instanceof Error ? error.message : String(error));
          log(`  ${METHOD_LABELS[plan.method]} on ${plan.set}: ${failures.get(plan)}`);
        }
      }
      if (round === 0) {
        // The in-process pass pair costs about two rounds; keep the whole bench inside the budget.
        // Later rounds repeat only the plans with more than one run.
        const roundMs = Math.max(1, repeatedMs);
        const spentMs = performance.now() - started;
        const prReserveMs = options.pr ? PR_RESERVE_MS : 0;
        const affordable = Math.max(1, Math.floor((options.budgetSeconds * 1000 - spentMs - 2 * roundMs - prReserveMs) / roundMs) + 1);
        if (affordable < rounds) {
          notes.push(`Whole-process repeats cut from ${rounds} to ${affordable}: one round took ${(roundMs / 1000).toFixed(0)} s and the bench budget is ${options.budgetSeconds} s.`);
          log(`  ${notes.at(-1)}`);
          rounds = affordable;
        }
      }
    }
    log('in-process cold and warm passes...');
    const inProcess = new Map<Plan, ChildResult>();
    for (const plan of plans.filter((item) => item.inProcess && !failures.has(item))) {
      try {
        inProcess.set(plan, (await runChild(workDir, plan, 2)).result);
      } catch (error) {
        failures.set(plan, error instanceof Error ? error.message : String(error));
      }
    }

    const measurements: Measurement[] = plans.map((plan) => toMeasurement(plan, whole.get(plan) ?? [], inProcess.get(plan), failures.get(plan)));
    const bigPrAnalyzer = plans.find((plan) => plan.set === 'big-pr' && plan.method === 'analyzer');
    const bigPrRules = bigPrAnalyzer ? (whole.get(bigPrAnalyzer)?.[0]?.result.rulesByFile ?? inProcess.get(bigPrAnalyzer)?.rulesByFile) : undefined;
    const agreement = bigPrRules ? seededAgreement(bigPr, bigPrRules) : [];
    log('checking that the prefilter changes no finding...');
    const prefilterChecks = [checkPrefilter('real corpus', corpus.files), checkPrefilter('generated PR', bigPrFiles)];
    log('growth check: the same generated module at 100k and 200k lines...');
    const growth = await measureGrowth(workDir, Math.min(options.repeats, 3));
    const pr = options.pr ? await measurePullRequests(REPO_ROOT, bigPr, log) : ({ status: 'skipped', reason: 'disabled with --no-pr' } as const);
    const ratios = computeRatios(measurements);
    const targets = [...evaluateTargets(measurements, pr), ...evaluateScaling(measurements, growth)];
    const differing = prefilterChecks.reduce((sum, check) => sum + check.differing.length, 0);
    targets.push({
      name: 'detection unchanged by the speed work (prefilter on and off, real corpus and generated PR)',
      target: 'no file differs',
      measured: `${differing} of ${prefilterChecks.reduce((sum, check) => sum + check.files, 0)} files differ`,
      status: differing === 0 ? 'PASS' : 'FAIL',
    });
    notes.push(...prefilterChecks.map(prefilterLine));
    const benchSeconds = (performance.now() - started) / 1000;

    const report = renderReport(machine, corpus, jsFiles.length, bigPrFiles, measurements, ratios, targets, pr, benchSeconds, notes, agreement);
    log();
    log(report.join('\n'));
    if (options.write) {
      mkdirSync(RESULTS_DIR, { recursive: true });
      const json = {
        machine,
        benchSeconds,
        options,
        corpus: {
          packages: corpus.packages,
          files: corpus.files.length,
          bytes: sumBytes(corpus.files),
          javascriptFiles: jsFiles.length,
          javascriptBytes: sumBytes(jsFiles),
          skipped: corpus.skipped,
        },
        bigPr: { seed: BIG_PR_SEED, files: bigPrFiles.length, bytes: sumBytes(bigPrFiles), seededMistakes: countMistakes(bigPr), agreement },
        notes,
        measurements,
        ratios,
        targets,
        pullRequests: pr,
      };
      writeFileSync(join(RESULTS_DIR, 'latest.json'), `${JSON.stringify(json, null, 2)}\n`);
      writeFileSync(join(RESULTS_DIR, 'latest.md'), `${report.join('\n')}\n`);
      log(`\nwrote docs/bench/latest.json and docs/bench/latest.md`);
    }
    if (targets.some((target) => target.status === 'FAIL')) process.exitCode = 1;
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

const GROWTH_LINES = [100_000, 200_000] as const;

/**
 * The analyzer alone on one generated module at each size, in fresh processes (as the CLI runs one
 * file), sizes alternating, median per-file time of each. The size limit is raised for these files.
 */
async function measureGrowth(workDir: string, repeats: number): Promise<GrowthFigures | { failure: string }> {
  const files = GROWTH_LINES.map((lines) => {
    const text = growthFile(lines);
    const absolutePath = join(workDir, `growth-${lines}.ts`);
    writeFileSync(absolutePath, text);
    const bytes = Buffer.byteLength(text, 'utf8');
    return { absolutePath, path: `growth-${lines}.ts`, bytes, packageName: 'generated', moduleType: 'module' as const };
  });
  const times: number[][] = files.map(() => []);
  try {
    for (let run = 0; run < repeats; run++) {
      for (const [index, file] of files.entries()) {
        const plan: Plan = { set: 'big-pr', method: 'analyzer', files: [file], repeats: 1, inProcess: false };
        const { result } = await runChild(workDir, plan, 1, 64 * 1024 * 1024);
        times[index]!.push(result.passes[0]!.timings[0]!.ms);
      }
    }
  } catch (error) {
    return { failure: error instanceof Error ? error.message : String(error) };
  }
  return { smallLines: GROWTH_LINES[0], largeLines: GROWTH_LINES[1], smallMs: median(times[0]!), largeMs: median(times[1]!), runs: repeats };
}

function writeGeneratedFiles(root: string, files: readonly GeneratedFile[]): CorpusFile[] {
  // The generated server is an ESM package, so `.js` would load as ESM (it only uses .ts/.mjs/.cjs).
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'generated-mcp-server', private: true, type: 'module' }));
  return files.map((file) => {
    const absolutePath = join(root, file.path);
    mkdirSync(dirname(absolutePath), { recursive: true });
    writeFileSync(absolutePath, file.text);
    return {
      absolutePath,
      path: file.path,
      bytes: Buffer.byteLength(file.text, 'utf8'),
      packageName: 'generated-mcp-server',
      moduleType: file.path.endsWith('.cjs') ? 'commonjs' : 'module',
    };
  });
}

function runChild(workDir: string, plan: Plan, passes: number, maxFileBytes?: number): Promise<{ wallMs: number; result: ChildResult }> {
  const id = `${plan.set}-${plan.method}-${passes}-${Math.random().toString(36).slice(2, 8)}`;
  const jobPath = join(workDir, `${id}.job.json`);
  const resultPath = join(workDir, `${id}.result.json`);
  const job: ChildJob = {
    method: plan.method,
    files: plan.files.map(({ absolutePath, path, bytes, moduleType }) => ({ absolutePath, path, bytes, moduleType })),
    passes,
    resultPath,
    cwd: REPO_ROOT,
    threads: availableParallelism(),
    ...(maxFileBytes === undefined ? {} : { maxFileBytes }),
  };
  writeFileSync(jobPath, JSON.stringify(job));
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [CHILD_SCRIPT, jobPath], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    const timer = setTimeout(() => child.kill('SIGKILL'), CHILD_TIMEOUT_MS);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const wallMs = performance.now() - start;
      if (signal === 'SIGKILL' && wallMs >= CHILD_TIMEOUT_MS) {
        reject(new Error(`stopped after ${CHILD_TIMEOUT_MS / 60_000} minutes`));
        return;
      }
      if (code !== 0) {
        reject(new Error(`exited with ${code ?? signal}: ${stderr.trim().slice(-2000)}`));
        return;
      }
      const result = JSON.parse(readFileSync(resultPath, 'utf8')) as ChildResult;
      rmSync(jobPath, { force: true });
      rmSync(resultPath, { force: true });
      resolvePromise({ wallMs, result });
    });
  });
}

function toMeasurement(plan: Plan, runs: { wallMs: number; result: ChildResult }[], inProcess: ChildResult | undefined, failure: string | undefined): Measurement {
  const bytes = sumBytes(plan.files);
  const measurement: Measurement = { set: plan.set, method: plan.method, files: plan.files.length, bytes, counters: {} };
  if (failure) measurement.failure = failure;
  if (runs.length > 0) {
    const middle = medianRun(runs);
    const pass = middle.result.passes[0]!;
    const rss = runs.map((run) => run.result.maxRssKiB / 1024);
    const figures: WholeProcessFigures = {
      repeats: runs.length,
      wallMs: runs.map((run) => run.wallMs),
      medianWallMs: median(runs.map((run) => run.wallMs)),
      mbPerSecond: megabytesPerSecond(bytes, median(runs.map((run) => run.wallMs))),
      medianRssMiB: median(rss),
      maxRssMiB: Math.max(...rss),
      pass: passFigures(summarizeTimings(pass.timings), pass.wallMs),
    };
    measurement.whole = figures;
    measurement.counters = middle.result.counters;
  }
  if (inProcess) {
    const [cold, warm] = inProcess.passes;
    measurement.inProcess = {
      cold: passFigures(summarizeTimings(cold!.timings), cold!.wallMs),
      warm: passFigures(summarizeTimings(warm!.timings), warm!.wallMs),
      rssMiB: inProcess.maxRssKiB / 1024,
    };
    if (runs.length === 0) measurement.counters = inProcess.counters;
  }
  return measurement;
}

function describeInputs(log: (line?: string) => void, corpus: Corpus, jsFiles: CorpusFile[], bigPr: GeneratedFile[], bigPrFiles: CorpusFile[]): void {
  log(`corpus: ${corpus.files.length} files, ${megabytes(sumBytes(corpus.files))} from ${corpus.packages.length} packages (${jsFiles.length} JavaScript files, ${megabytes(sumBytes(jsFiles))})`);
  if (corpus.skipped.length > 0) log(`  left out: ${corpus.skipped.length} files over the analyzer's size limit`);
  const mistakes = countMistakes(bigPr);
  log(`generated PR: ${bigPrFiles.length} files, ${megabytes(sumBytes(bigPrFiles))}, seed ${BIG_PR_SEED}, seeded mistakes ${JSON.stringify(mistakes)}`);
}

function renderReport(
  machine: Machine,
  corpus: Corpus,
  jsCount: number,
  bigPrFiles: CorpusFile[],
  measurements: Measurement[],
  ratios: ReturnType<typeof computeRatios>,
  targets: ReturnType<typeof evaluateTargets>,
  pr: Awaited<ReturnType<typeof measurePullRequests>>,
  benchSeconds: number,
  notes: readonly string[],
  agreement: readonly SeededAgreement[],
): string[] {
  const lines: string[] = [
    '# mcp-oauth-guard benchmark',
    '',
    `Machine: ${machineLine(machine)}. Bench took ${benchSeconds.toFixed(0)} s.`,
    '',
    `Corpus: ${corpus.files.length} files (${jsCount} JavaScript), ${megabytes(sumBytes(corpus.files))}, from ${corpus.packages.length} installed packages: ` +
      corpus.packages.map((item) => `${item.name}@${item.version}`).join(', ') +
      '. Declaration files, source maps and `.min.js` are left out.',
    `Generated PR: ${bigPrFiles.length} files, ${megabytes(sumBytes(bigPrFiles))} (seed ${BIG_PR_SEED}).`,
    'ESLint 9 runs every rule of eslint-plugin-security and @microsoft/eslint-plugin-sdl twice: with @typescript-eslint/parser (no type information) on every corpus file, as a TypeScript MCP server lints and as the issue measured it (on TS and JS files), which is the judged setup; and with espree, which reads only the JavaScript files, shown for comparison under Ratios. Each ESLint ratio is taken against the analyzer on the same files.',
    ...notes,
    ...measurements.filter((item) => item.failure).map((item) => `Not measured: ${METHOD_LABELS[item.method]} on ${item.set}: ${item.failure}`),
    '',
    '## Targets (issue 9)',
    '',
    ...targetLines(targets),
    '',
    '## Ratios',
    '',
    ...ratioLines(ratios).map((line) => `- ${line}`),
    '',
  ];
  for (const set of ['corpus', 'corpus-js', 'big-pr'] as const) {
    lines.push(`## ${SET_LABELS[set]}`, '', 'Whole process (a fresh Node process per run, as the CLI runs; wall time from spawn to exit):', '');
    lines.push(...wholeProcessTable(measurements, set), '');
    lines.push('In process (one process; cold = first pass, warm = second pass, as the long-lived app runs):', '');
    lines.push(...inProcessTable(measurements, set), '');
    lines.push('```', ...slowestFilesLines(measurements, set), '```', '');
    if (set === 'big-pr' && agreement.length > 0) {
      lines.push('Analyzer findings against the mistakes the generator planted (files; a sanity check of the analysed work, not a precision figure):', '');
      lines.push(...agreementLines(agreement), '');
    }
  }
  lines.push('## Counters (median whole-process run)', '', '```');
  for (const measurement of measurements) lines.push(`${measurement.set} / ${METHOD_LABELS[measurement.method]}: ${JSON.stringify(measurement.counters)}`);
  lines.push('```', '', '## Pull requests against the GitHub simulator', '', ...prLines(pr));
  return lines;
}

function sumBytes(files: readonly { bytes: number }[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}

function countMistakes(files: readonly GeneratedFile[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const file of files) for (const mistake of file.mistakes) counts[mistake] = (counts[mistake] ?? 0) + 1;
  return counts;
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(2);
});
