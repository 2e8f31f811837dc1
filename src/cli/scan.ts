import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Analyzer, ALL_RULES, mergeFileAnalysis, type RuleModule } from '../analyzer/index.js';
import type { AnalysisResult } from '../analyzer/types.js';
import type { FailOn, GuardConfig } from '../config/types.js';
import { buildJsonReport, formatJsonReport } from '../report/json.js';
import { buildSarif } from '../report/sarif.js';
import { failingFindings } from '../report/severity.js';
import { formatTextReport } from '../report/text.js';
import { PACKAGE_ROOT, TOOL_NAME, TOOL_VERSION } from '../version.js';
import { parseCommandLine, USAGE, type OutputFormat, type ScanCommand } from './args.js';
import { formatConfigErrors, loadConfig } from './config-file.js';
import { collectFiles, type CollectedFile } from './files.js';
import { readSourceFile } from './read.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;
/** A file's analysis ran past the per-file budget: the scan is incomplete, whatever else it found. */
export const EXIT_ANALYSIS_ERROR = 3;
/**
 * CPU milliseconds one file's analysis may take in the CLI; over it, the file is an error entry,
 * never silence. CPU time, not wall time, so a busy machine does not turn a normal file into an error.
 */
export const CLI_FILE_BUDGET_MS = 2_000;
const cpuMilliseconds = (): number => {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
};

/** Everything the CLI touches outside the file tree, passed in so tests can hand in fakes. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown; isTTY?: boolean };
  stderr: { write(text: string): unknown };
  now(): number;
  writeFile(path: string, text: string): Promise<void>;
}

/** 3 when a file ran past its analysis budget; else 1 when any unsuppressed finding is at or above fail-on, else 0. Pure. */
export function exitCodeFor(result: Pick<AnalysisResult, 'findings'> & Partial<Pick<AnalysisResult, 'errors'>>, failOn: FailOn): number {
  if (result.errors?.some((error) => error.budgetExceeded)) return EXIT_ANALYSIS_ERROR;
  return failingFindings(result, failOn).length > 0 ? EXIT_FINDINGS : EXIT_OK;
}

/** Colour only for a terminal, never with NO_COLOR (any value) or into a file; FORCE_COLOR forces it. Pure. */
export function useColor(env: CliIo['env'], isTTY: boolean | undefined, toFile: boolean): boolean {
  if (toFile) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return isTTY === true && env.TERM !== 'dumb';
}

export interface ScanOutcome {
  result: AnalysisResult;
  /** Texts of the files that have findings, for code lines and line hashes. */
  sources: Map<string, string>;
  durationMs: number;
}

/** Reads and analyses the collected files one by one; a file that cannot be read becomes an error entry. */
export async function analyzeCollected(
  files: readonly CollectedFile[],
  config: GuardConfig,
  rules: readonly RuleModule[] = ALL_RULES,
  fileBudgetMs: number = CLI_FILE_BUDGET_MS,
): Promise<Omit<ScanOutcome, 'durationMs'>> {
  const analyzer = new Analyzer(config, rules, { fileBudgetMs, now: cpuMilliseconds });
  const result: AnalysisResult = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
  const sources = new Map<string, string>();
  for (const file of files) {
    const read = await readSourceFile(file.absolutePath, config.maxFileBytes);
    if (!read.ok) {
      result.errors.push({ file: file.path, message: read.message, fatal: true });
      continue;
    }
    if (read.note) result.errors.push({ file: file.path, message: read.note, fatal: false });
    let analysis;
    try {
      analysis = analyzer.analyzeFile({ path: file.path, text: read.text });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      analysis = { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message: `analysis failed: ${message}`, fatal: true }], analyzed: false };
    }
    mergeFileAnalysis(result, analysis);
    if (analysis.findings.length > 0 || analysis.suppressed.length > 0) sources.set(file.path, read.text);
  }
  return { result, sources };
}

/** `docs/rules/<id>.md` from the installed package, for SARIF help; a missing doc falls back to the description. */
export async function readRuleDocs(packageRoot: string = PACKAGE_ROOT): Promise<Map<string, string>> {
  const docs = new Map<string, string>();
  for (const rule of ALL_RULES) {
    const text = await readFile(join(packageRoot, 'docs', 'rules', `${rule.meta.id}.md`), 'utf8').catch(() => undefined);
    if (text !== undefined) docs.set(rule.meta.id, text);
  }
  return docs;
}

export interface RenderOptions {
  format: OutputFormat;
  config: GuardConfig;
  failOn: FailOn;
  color: boolean;
  cwd: string;
  ruleDocs: ReadonlyMap<string, string>;
}

/** The report text for a format. Pure. */
export function renderReport(outcome: ScanOutcome, options: RenderOptions): string {
  const sourceText = (file: string): string | undefined => outcome.sources.get(file);
  switch (options.format) {
    case 'json':
      return formatJsonReport(buildJsonReport(outcome.result, { durationMs: outcome.durationMs }));
    case 'sarif': {
      const sarif = buildSarif(outcome.result, {
        rules: ALL_RULES.map((rule) => rule.meta),
        ruleDocs: options.ruleDocs,
        sourceText,
        config: options.config,
        srcRootUri: pathToFileURL(options.cwd.endsWith('/') ? options.cwd : `${options.cwd}/`).href,
      });
      return `${JSON.stringify(sarif, null, 2)}\n`;
    }
    case 'text':
      return formatTextReport(outcome.result, { color: options.color, sourceText, failOn: options.failOn, durationMs: outcome.durationMs });
  }
}

/** The whole CLI: argv in, exit code out; all output goes through `io`. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCommandLine(argv);
  switch (command.kind) {
    case 'help':
      io.stdout.write(USAGE);
      return EXIT_OK;
    case 'version':
      io.stdout.write(`${TOOL_NAME} ${TOOL_VERSION}\n`);
      return EXIT_OK;
    case 'usage-error':
      io.stderr.write(`${TOOL_NAME}: ${command.message}\nRun '${TOOL_NAME} --help' for usage.\n`);
      return EXIT_USAGE;
    case 'scan':
      return runScan(command, io);
  }
}

async function runScan(command: ScanCommand, io: CliIo): Promise<number> {
  const started = io.now();
  const loaded = await loadConfig(io.cwd, command.configPath);
  for (const note of loaded.notes) io.stderr.write(`${TOOL_NAME}: note: ${note}\n`);
  if (!loaded.result.ok) {
    io.stderr.write(formatConfigErrors(loaded.source, loaded.result.errors));
    return EXIT_USAGE;
  }
  const config = loaded.result.config;
  const failOn = command.failOn ?? config.failOn;

  const collected = await collectFiles(command.paths, { cwd: io.cwd, config, noIgnore: command.noIgnore });
  if (collected.missing.length > 0) {
    for (const path of collected.missing) io.stderr.write(`${TOOL_NAME}: no such file or directory: ${path}\n`);
    return EXIT_USAGE;
  }

  if (collected.files.length === 0 && !command.noIgnore) {
    io.stderr.write(`${TOOL_NAME}: no JavaScript or TypeScript files to scan in ${command.paths.join(', ')}; node_modules, .git, dist, build, minified and .gitignored files are skipped (--no-ignore walks them too)\n`);
  }
  const analysed = await analyzeCollected(collected.files, config);
  const outcome: ScanOutcome = { ...analysed, durationMs: io.now() - started };
  const report = renderReport(outcome, {
    format: command.format,
    config,
    failOn,
    color: command.format === 'text' && useColor(io.env, io.stdout.isTTY, command.outputPath !== undefined),
    cwd: io.cwd,
    ruleDocs: command.format === 'sarif' ? await readRuleDocs() : new Map(),
  });

  if (command.outputPath !== undefined) {
    try {
      await io.writeFile(resolve(io.cwd, command.outputPath), report);
    } catch (error) {
      io.stderr.write(`${TOOL_NAME}: cannot write ${command.outputPath}: ${error instanceof Error ? error.message : String(error)}\n`);
      return EXIT_USAGE;
    }
  } else {
    io.stdout.write(report);
  }
  return exitCodeFor(outcome.result, failOn);
}
