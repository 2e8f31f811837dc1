/**
 * `npm run eval`: fetches the labelled packages of tools/eval/splits/, runs the analyzer on them
 * and scores its findings against the labels (tools/eval/FORMAT.md).
 */
import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ALL_RULES } from '../../src/analyzer/index.js';
import { defaultCacheDir, fetchPackage, isScannedPath, listFiles } from './fetch.js';
import { checkAgainstPackage, checkSplitsDisjoint, parseLabelFile, SPLITS, type LabelFile, type Split } from './labels.js';
import { renderMarkdown, renderText, toJson, type EvalRun, type FileProblem, type SplitRun } from './report.js';
import { analyzeCase, extractMarkdownSection, HELD_OUT_HEADING, loadHeldOutCases, renderHeldOutMarkdown, renderHeldOutText, replaceMarkdownSection, scoreHeldOut, type CaseAnalysis, type CaseAnalyzer } from './held-out.js';
import { BudgetedAnalyzer } from './run-analyzer.js';
import { scoreSplit, type ScoredFinding, type ScoredPackage } from './score.js';

const USAGE = `usage: npm run eval -- [options]
  --split tune|blind|all   which split to score (default all)
  --json                   print the results as JSON
  --write <file.md>        write the figures as Markdown (e.g. docs/eval/latest.md)
  --show-blind             also list the blind split's misses and false alarms (then move it to tune)
  --held-out               score the held-out cases of tools/eval/held-out instead of the splits
  --show-held-out          with --held-out: also list their misses and false alarms (they are not triaged)
  --held-out-tune          score the already-used held-out cases of tools/eval/held-out-tune, misses listed (for triage)
  --check                  validate the label files (fetching the packages) without running the analyzer
  --budget-ms <n>          per-file analysis time budget (default 20000)
  --cache <dir>            package cache (default $MCP_GUARD_EVAL_CACHE or ~/.cache/mcp-oauth-guard-eval)`;

/** The engine's own diagnostic is not an OAuth finding. */
const JUDGED_RULES: string[] = ALL_RULES.map((rule): string => rule.meta.id).filter((id) => id !== 'suppression-missing-reason');

interface Options {
  splits: Split[];
  json: boolean;
  write?: string;
  showBlind: boolean;
  heldOut: boolean;
  heldOutTune: boolean;
  showHeldOut: boolean;
  check: boolean;
  budgetMs: number;
  cache: string;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { splits: [...SPLITS], json: false, showBlind: false, heldOut: false, heldOutTune: false, showHeldOut: false, check: false, budgetMs: 20_000, cache: defaultCacheDir() };
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    const value = () => {
      const next = argv[++index];
      if (next === undefined || next.startsWith('--')) throw new Error(`${arg} needs a value`);
      return next;
    };
    try {
      if (arg === '--split') {
        const split = value();
        if (split === 'all') options.splits = [...SPLITS];
        else if ((SPLITS as readonly string[]).includes(split)) options.splits = [split as Split];
        else return `--split must be tune, blind or all, not '${split}'`;
      } else if (arg === '--json') options.json = true;
      else if (arg === '--write') options.write = value();
      else if (arg === '--show-blind') options.showBlind = true;
      else if (arg === '--held-out') options.heldOut = true;
      else if (arg === '--show-held-out') options.showHeldOut = true;
      else if (arg === '--held-out-tune') options.heldOutTune = true;
      else if (arg === '--check') options.check = true;
      else if (arg === '--budget-ms') {
        const budget = Number(value());
        if (!Number.isInteger(budget) || budget < 100) return '--budget-ms must be a whole number of milliseconds, at least 100';
        options.budgetMs = budget;
      } else if (arg === '--cache') options.cache = resolve(value());
      else if (arg === '--help' || arg === '-h') return USAGE;
      else return `unknown option '${arg}'\n${USAGE}`;
    } catch (error) {
      return (error as Error).message;
    }
  }
  if (options.showHeldOut && !options.heldOut) return '--show-held-out needs --held-out';
  if (options.heldOut && (options.check || options.showBlind)) return '--held-out runs only the held-out cases; --check and --show-blind belong to the splits';
  if (options.heldOutTune && (options.heldOut || options.check || options.showBlind || options.write)) return '--held-out-tune runs only the used held-out cases and lists their misses; it writes no figures';
  return options;
}

/** The repository root: build/tools/eval/main.js sits three folders below it. */
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function loadLabelFiles(): Promise<{ files: LabelFile[]; problems: string[]; bySplit: Record<Split, number> }> {
  const files: LabelFile[] = [];
  const problems: string[] = [];
  const bySplit: Record<Split, number> = { tune: 0, blind: 0 };
  for (const split of SPLITS) {
    const folder = join(REPO_ROOT, 'tools', 'eval', 'splits', split);
    const names = (await fs.readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
    for (const name of names) {
      const shown = `tools/eval/splits/${split}/${name}`;
      bySplit[split] += 1;
      let json: unknown;
      try {
        json = JSON.parse(await fs.readFile(join(folder, name), 'utf8'));
      } catch (error) {
        problems.push(`${shown}: not valid JSON: ${(error as Error).message}`);
        continue;
      }
      const parsed = parseLabelFile(shown, split, json);
      if (parsed.file) files.push(parsed.file);
      else problems.push(...parsed.problems);
    }
  }
  problems.push(...checkSplitsDisjoint(files));
  return { files, problems, bySplit };
}

interface FetchedPackage {
  file: LabelFile;
  root: string;
  scanned: string[];
  texts: Map<string, string>;
}

function lineCount(text: string): number {
  if (text === '') return 0;
  const lines = text.split(/\r\n|\r|\n/).length;
  return /(?:\r\n|\r|\n)$/.test(text) ? lines - 1 : lines;
}

function analyzerCommit(): string {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', 'src'], { cwd: REPO_ROOT, encoding: 'utf8' }).trim();
    return dirty ? `${commit} (with uncommitted changes in src/)` : commit;
  } catch {
    return 'unknown (not a git checkout)';
  }
}

/**
 * `--held-out`: every case analysed alone (a `.project` folder as one scan), each rule scored on its own folder.
 * `--held-out-tune` scores the cases of an earlier measurement, which may be triaged, and lists their misses.
 */
async function runHeldOut(options: Options, log: (line: string) => void): Promise<number> {
  const root = join(REPO_ROOT, 'tools', 'eval', options.heldOutTune ? 'held-out-tune' : 'held-out');
  const showMisses = options.showHeldOut || options.heldOutTune;
  const { cases, problems } = await loadHeldOutCases(root, JUDGED_RULES);
  if (problems.length > 0) {
    log(`The held-out cases are not valid (${problems.length} problems):`);
    for (const problem of problems) log(`  ${problem}`);
    return 1;
  }
  if (cases.length === 0) {
    log(`no held-out cases under ${root}`);
    return 1;
  }
  const analyzer = new BudgetedAnalyzer(options.budgetMs);
  const analyze: CaseAnalyzer = async (files) => {
    analyzer.setProject([...files]);
    const merged: Awaited<ReturnType<CaseAnalyzer>> = { findings: [], errors: [] };
    for (const file of files) {
      const { analysis } = await analyzer.analyze(file);
      merged.findings.push(...analysis.findings);
      merged.errors.push(...analysis.errors);
    }
    return merged;
  };
  const analyses = new Map<string, CaseAnalysis>();
  try {
    for (const heldOutCase of cases) analyses.set(heldOutCase.name, await analyzeCase(heldOutCase, analyze));
  } finally {
    await analyzer.close();
  }
  const score = scoreHeldOut(cases, analyses);
  const run = { commit: analyzerCommit(), date: new Date().toISOString().replace(/\.\d+Z$/, 'Z') };
  if (options.json) {
    const { misses, falseAlarms, ...figures } = score;
    process.stdout.write(`${JSON.stringify({ ...run, heldOut: showMisses ? score : figures }, null, 2)}\n`);
  } else {
    process.stdout.write(`mcp-oauth-guard eval: analyzer ${run.commit}, ${run.date}, ${cases.length} held-out cases\n\n${renderHeldOutText(score, showMisses, `tools/eval/${options.heldOutTune ? 'held-out-tune' : 'held-out'}`)}`);
  }
  if (options.write) {
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), options.write);
    const previous = await fs.readFile(target, 'utf8').catch(() => '# Evaluation: latest figures\n');
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, replaceMarkdownSection(previous, renderHeldOutMarkdown(score, run)));
    log(`wrote the held-out section of ${target}`);
  }
  const fatal = score.errors.filter((error) => error.fatal);
  if (fatal.length > 0) {
    log(`\n${fatal.length} held-out case file(s) were NOT analysed: ${fatal.map((error) => error.file).join(', ')}`);
    return 1;
  }
  return 0;
}

async function main(): Promise<number> {
  const started = performance.now();
  const options = parseArgs(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  if (options.heldOut || options.heldOutTune) return runHeldOut(options, log);

  const loaded = await loadLabelFiles();
  const problems = [...loaded.problems];
  const warnings: string[] = [];
  const selected = loaded.files.filter((file) => options.splits.includes(file.directory));

  const fetchStarted = performance.now();
  const fetched: FetchedPackage[] = [];
  const notScored = new Map<Split, SplitRun['notScored']>(SPLITS.map((split) => [split, []]));
  for (const file of selected) {
    const { package: name, version, integrity } = file.labels;
    const result = await fetchPackage(name, version, integrity, options.cache);
    if (!result.ok) {
      log(`error: ${name}@${version}: ${result.error}`);
      notScored.get(file.directory)!.push({ package: name, version, reason: result.error });
      continue;
    }
    log(`${result.fromCache ? 'cached ' : 'fetched'} ${name}@${version}`);
    const all = await listFiles(result.root);
    const texts = new Map<string, string>();
    const lines = new Map<string, { lines: number }>();
    for (const path of all) {
      const text = await fs.readFile(join(result.root, path), 'utf8');
      texts.set(path, text);
      lines.set(path, { lines: lineCount(text) });
    }
    const scanned = all.filter(isScannedPath);
    const check = checkAgainstPackage(file, { files: lines, scanned: new Set(scanned) });
    problems.push(...check.errors);
    warnings.push(...check.warnings);
    fetched.push({ file, root: result.root, scanned, texts });
  }
  const fetchSeconds = (performance.now() - fetchStarted) / 1000;

  for (const warning of warnings) log(`warning: ${warning}`);
  if (problems.length > 0) {
    log(`\nThe label files are not valid (${problems.length} problems):`);
    for (const problem of problems) log(`  ${problem}`);
    return 1;
  }
  const unscoredCount = [...notScored.values()].reduce((sum, list) => sum + list.length, 0);
  if (options.check) {
    log(`label files valid: ${selected.length} checked${unscoredCount ? `, ${unscoredCount} could not be fetched` : ''}`);
    return unscoredCount ? 1 : 0;
  }

  const analysisStarted = performance.now();
  const analyzer = new BudgetedAnalyzer(options.budgetMs);
  const scored = new Map<Split, ScoredPackage[]>(SPLITS.map((split) => [split, []]));
  const fileProblems = new Map<Split, FileProblem[]>(SPLITS.map((split) => [split, []]));
  const scannedCounts = new Map<Split, number>(SPLITS.map((split) => [split, 0]));
  const timings: EvalRun['slowest'] = [];
  try {
    for (const { file, scanned, texts } of fetched) {
      const name = file.labels.package;
      const findings: ScoredFinding[] = [];
      analyzer.setProject(scanned.map((path) => ({ path, text: texts.get(path)! })));
      for (const path of scanned) {
        const { analysis, milliseconds, timedOut } = await analyzer.analyze({ path, text: texts.get(path)! });
        timings.push({ package: name, file: path, milliseconds });
        for (const error of analysis.errors) {
          fileProblems.get(file.directory)!.push({ package: name, file: path, message: error.message, timedOut, fatal: error.fatal });
        }
        for (const finding of analysis.findings) {
          if (JUDGED_RULES.includes(finding.ruleId)) findings.push({ ruleId: finding.ruleId, file: finding.file, line: finding.line, message: finding.message });
        }
      }
      scannedCounts.set(file.directory, scannedCounts.get(file.directory)! + scanned.length);
      scored.get(file.directory)!.push({ labels: file.labels, findings });
      log(`analysed ${name}@${file.labels.version}: ${scanned.length} files, ${findings.length} findings`);
    }
  } finally {
    await analyzer.close();
  }
  const analysisSeconds = (performance.now() - analysisStarted) / 1000;

  const run: EvalRun = {
    commit: analyzerCommit(),
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    node: process.versions.node,
    budgetMs: options.budgetMs,
    seconds: { fetch: fetchSeconds, analysis: analysisSeconds, total: (performance.now() - started) / 1000 },
    splits: {},
    skipped: {},
    slowest: timings.sort((a, b) => b.milliseconds - a.milliseconds).slice(0, 5),
  };
  for (const split of SPLITS) {
    if (!options.splits.includes(split)) {
      run.skipped[split] = loaded.bySplit[split] === 0 ? `No ${split} labels in this branch.` : `Not run in this invocation (--split ${options.splits.join(',')}).`;
      continue;
    }
    if (loaded.bySplit[split] === 0) {
      run.skipped[split] = `No ${split} labels in this branch.`;
      continue;
    }
    run.splits[split] = {
      split,
      labelFiles: loaded.bySplit[split],
      score: scoreSplit(scored.get(split)!, JUDGED_RULES),
      scannedFiles: scannedCounts.get(split)!,
      problems: fileProblems.get(split)!,
      notScored: notScored.get(split)!,
    };
  }

  process.stdout.write(options.json ? `${JSON.stringify(toJson(run, options.showBlind), null, 2)}\n` : renderText(run, options.showBlind));
  if (options.write) {
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), options.write);
    // The held-out section is written by --held-out runs; a splits run keeps it.
    const kept = extractMarkdownSection(await fs.readFile(target, 'utf8').catch(() => ''), HELD_OUT_HEADING);
    await fs.mkdir(dirname(target), { recursive: true });
    await fs.writeFile(target, kept ? replaceMarkdownSection(renderMarkdown(run), kept) : renderMarkdown(run));
    log(`wrote ${target}`);
  }
  if (unscoredCount > 0) {
    log(`\n${unscoredCount} package(s) were NOT scored: ${[...notScored.values()].flat().map((item) => `${item.package}@${item.version}`).join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`eval failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
