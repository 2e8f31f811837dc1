import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Analyzer, ALL_RULES, mergeFileAnalysis, type RuleModule } from '../analyzer/index.js';
import type { AnalysisResult } from '../analyzer/types.js';
import { applyTestFilesPolicy, type TestFilesOutcome } from '../config/test-files.js';
import type { FailOn, GuardConfig } from '../config/types.js';
import { buildJsonReport, formatJsonReport } from '../report/json.js';
import { buildSarif } from '../report/sarif.js';
import { failingFindings } from '../report/severity.js';
import { formatTextReport } from '../report/text.js';
import { PACKAGE_ROOT, TOOL_NAME, TOOL_VERSION } from '../version.js';
import { parseCommandLine, USAGE, type OutputFormat, type ScanCommand } from './args.js';
import { formatConfigErrors, loadConfig } from './config-file.js';
import { collectFiles, type CollectedFile } from './files.js';
import { readSourceFile, readSourceFileSync } from './read.js';
import { Project } from '../analyzer/index.js';

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
  /** What `test_files` did to findings in test locations. */
  testFiles?: TestFilesOutcome;
  /** The config file read, as the user named it; undefined when the defaults applied. */
  configFile?: string;
}

/** Reads and analyses the collected files one by one; a file that cannot be read becomes an error entry. */
export async function analyzeCollected(
  files: readonly CollectedFile[],
  config: GuardConfig,
  rules: readonly RuleModule[] = ALL_RULES,
  fileBudgetMs: number = CLI_FILE_BUDGET_MS,
): Promise<Pick<ScanOutcome, 'result' | 'sources'>> {
  const analyzer = new Analyzer(config, rules, { fileBudgetMs, now: cpuMilliseconds });
  const project = scanProject(files, config.maxFileBytes);
  const result: AnalysisResult = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
  const sources = new Map<string, string>();
  for (const file of files) {
    const read = await readSourceFile(file.absolutePath, config.maxFileBytes);
    if (!read.ok) {
      // Listed under the file errors, not counted as scanned.
      result.stats.files--;
      result.errors.push({ file: file.path, message: read.message, fatal: true });
      continue;
    }
    if (read.note) result.errors.push({ file: file.path, message: read.note, fatal: false });
    let analysis;
    try {
      analysis = analyzer.analyzeFile({ path: file.path, text: read.text }, project);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      analysis = { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message: `analysis failed: ${message}`, fatal: true }], analyzed: false };
    }
    mergeFileAnalysis(result, analysis);
    if (analysis.findings.length > 0 || analysis.suppressed.length > 0) sources.set(file.path, read.text);
  }
  return { result, sources };
}

/**
 * The scanned files as one project: an analysed file's relative imports are followed into the
 * others (read when first imported; one that cannot be read is simply not followed).
 */
export function scanProject(files: readonly CollectedFile[], maxFileBytes: number): Project {
  const absolute = new Map(files.map((file) => [file.path, file.absolutePath]));
  return new Project(
    {
      paths: () => absolute.keys(),
      read: (path) => {
        const location = absolute.get(path);
        const read = location === undefined ? undefined : readSourceFileSync(location, maxFileBytes);
        return read?.ok ? read.text : undefined;
      },
    },
    { maxModuleBytes: maxFileBytes },
  );
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
      return formatTextReport(outcome.result, {
        color: options.color,
        sourceText,
        failOn: options.failOn,
        durationMs: outcome.durationMs,
        configFile: outcome.configFile ?? null,
        ...(outcome.testFiles ? { testFiles: outcome.testFiles } : {}),
      });
  }
}

/** The whole CLI: argv in, exit code out; all output goes through `io`. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  if (argv[0] === 'scopes') return (await import('./scopes.js')).runScopesCli(argv.slice(1), io);
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
  if (loaded.readError !== undefined) {
    io.stderr.write(`${TOOL_NAME}: ${loaded.readError}\n`);
    return EXIT_USAGE;
  }
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

  if (collected.files.length === 0) {
    io.stderr.write(emptyScanMessage(command.paths, collected.skippedDirectories, command));
    if (!command.allowEmpty) return EXIT_USAGE;
  }
  const analysed = await analyzeCollected(collected.files, config);
  const { result, testFiles } = applyTestFilesPolicy(analysed.result, config.testFiles);
  const outcome: ScanOutcome = {
    result,
    sources: analysed.sources,
    durationMs: io.now() - started,
    testFiles,
    ...(loaded.source !== undefined ? { configFile: loaded.source } : {}),
  };
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

/**
 * Why a scan found nothing, and the exact command that would scan what the walk skipped (a package
 * that ships only `dist/` is the common case). Pure.
 */
export function emptyScanMessage(paths: readonly string[], skippedDirectories: readonly string[], options: { noIgnore: boolean; allowEmpty: boolean }): string {
  const lines = [`${TOOL_NAME}: no JavaScript or TypeScript file to scan in ${paths.join(', ')}.`];
  // Build output first: it is what a published package ships; dependencies last.
  const rank = (path: string): number => (/(^|\/)(dist|build)$/.test(path) ? 0 : /(^|\/)node_modules$/.test(path) ? 2 : 1);
  const candidates = [...skippedDirectories].sort((a, b) => rank(a) - rank(b));
  if (options.noIgnore) {
    lines.push('  --no-ignore walked every directory; these paths hold no .ts, .tsx, .mts, .cts, .js, .jsx, .mjs or .cjs file.');
  } else if (candidates.length > 0) {
    const shown = candidates.slice(0, 5).map((path) => `${path}/`);
    lines.push(`  Skipped ${shown.join(', ')}${candidates.length > shown.length ? ` and ${candidates.length - shown.length} more` : ''} (node_modules, dist, build and .gitignored directories are not walked).`);
    lines.push(`  To scan ${shown[0]}, name it: ${TOOL_NAME} scan ${quoteArgument(candidates[0]!)}`);
    lines.push('  Or walk everything: --no-ignore.');
  } else {
    lines.push('  Files are found by extension: .ts, .tsx, .mts, .cts, .js, .jsx, .mjs, .cjs (minified files are skipped).');
  }
  lines.push(options.allowEmpty ? '  --allow-empty: exiting 0.' : '  Exiting 2; --allow-empty accepts a scan of nothing.');
  return `${lines.join('\n')}\n`;
}

function quoteArgument(path: string): string {
  return /^[\w./@+-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;
}
