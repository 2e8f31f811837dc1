#!/usr/bin/env node
/**
 * The GitHub Action's entry (`action.yml`): the CLI's scan with GitHub's conventions. Inputs come
 * from `INPUT_*`, paths are relative to `GITHUB_WORKSPACE`; it writes SARIF for
 * github/codeql-action/upload-sarif (when `sarif-file` is set), a job summary to
 * `GITHUB_STEP_SUMMARY`, the finding counts to `GITHUB_OUTPUT`, and annotations through workflow
 * commands when no SARIF is written (SARIF upload annotates the PR itself). Exit 1 when a finding
 * is at or above fail-on, 2 for bad inputs or config, 0 otherwise.
 */
import { appendFile, mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../analyzer/types.js';
import { applyTestFilesPolicy, describeTestFilesOutcome } from '../config/test-files.js';
import type { FailOn } from '../config/types.js';
import { compareFindings, countBySeverity, failingFindings, meetsFailOn, plural } from '../report/severity.js';
import { TOOL_NAME } from '../version.js';
import { loadConfig } from './config-file.js';
import { collectFiles } from './files.js';
import { analyzeCollected, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, readRuleDocs, renderReport, type ScanOutcome } from './scan.js';

const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'never'];
/** Rows of the job summary's findings table; the counts and the SARIF have them all. */
const SUMMARY_ROW_CAP = 50;
/** GitHub shows at most 10 error, 10 warning and 10 notice annotations per step; more are noise in the log. */
const ANNOTATIONS_PER_LEVEL = 10;

export interface ActionInputs {
  paths: string[];
  failOn?: FailOn;
  config?: string;
  sarifFile?: string;
}

export interface ActionIo {
  env: Readonly<Record<string, string | undefined>>;
  stdout: { write(text: string): unknown };
  now(): number;
  writeFile(path: string, text: string): Promise<void>;
  appendFile(path: string, text: string): Promise<void>;
}

/** An input as the runner passes it: `INPUT_FAIL-ON` for `fail-on` (a composite action may set `INPUT_FAIL_ON`). */
export function readInput(env: ActionIo['env'], name: string): string {
  const upper = name.toUpperCase().replace(/ /g, '_');
  return (env[`INPUT_${upper}`] ?? env[`INPUT_${upper.replace(/-/g, '_')}`] ?? '').trim();
}

/** The inputs, or the message for a wrong one. Pure. */
export function parseInputs(env: ActionIo['env']): { ok: true; inputs: ActionInputs } | { ok: false; message: string } {
  const paths = readInput(env, 'paths').split(/[\n,]/).map((path) => path.trim()).filter(Boolean);
  const failOn = readInput(env, 'fail-on');
  if (failOn !== '' && !(FAIL_ON as readonly string[]).includes(failOn)) {
    return { ok: false, message: `input fail-on must be one of ${FAIL_ON.join(', ')} (got '${failOn}')` };
  }
  const config = readInput(env, 'config');
  const sarifFile = readInput(env, 'sarif-file');
  return {
    ok: true,
    inputs: {
      paths: paths.length > 0 ? paths : ['.'],
      ...(failOn !== '' ? { failOn: failOn as FailOn } : {}),
      ...(config !== '' ? { config } : {}),
      ...(sarifFile !== '' ? { sarifFile } : {}),
    },
  };
}

/** Workflow-command escaping (the runner's `toCommandValue` / `toCommandProperty`). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

const COMMAND_BY_SEVERITY: Record<Severity, 'error' | 'warning' | 'notice'> = { error: 'error', warning: 'warning', note: 'notice' };

/** `::error file=…,line=…::message` for each finding (at most ten per level, which is what GitHub shows). Pure. */
export function annotationCommands(findings: readonly Finding[]): string {
  const perLevel = new Map<Severity, number>();
  const lines: string[] = [];
  for (const finding of [...findings].sort(compareFindings)) {
    const count = (perLevel.get(finding.severity) ?? 0) + 1;
    perLevel.set(finding.severity, count);
    if (count > ANNOTATIONS_PER_LEVEL) continue;
    const properties = [
      `file=${escapeProperty(finding.file)}`,
      `line=${finding.line}`,
      `endLine=${Math.max(finding.line, finding.endLine)}`,
      ...(finding.line === finding.endLine ? [`col=${finding.column}`, `endColumn=${Math.max(finding.column, finding.endColumn - 1)}`] : []),
      `title=${escapeProperty(`${TOOL_NAME}: ${finding.ruleId}`)}`,
    ];
    lines.push(`::${COMMAND_BY_SEVERITY[finding.severity]} ${properties.join(',')}::${escapeData(finding.message)}`);
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

/** The job summary: verdict, counts, the findings table, files and config. Pure. */
export function jobSummary(outcome: ScanOutcome, failOn: FailOn): string {
  const { result } = outcome;
  const counts = countBySeverity(result.findings);
  const failing = failingFindings(result, failOn).length;
  const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ').replace(/[<>]/g, (char) => (char === '<' ? '&lt;' : '&gt;'));
  const out = [`## ${TOOL_NAME}`, ''];
  out.push(
    failing > 0
      ? `**Failed:** ${plural(failing, 'finding')} at or above \`fail-on: ${failOn}\`.`
      : result.findings.length > 0
        ? `**Passed:** no finding at or above \`fail-on: ${failOn}\`; the findings below are for information.`
        : `**Passed:** no OAuth problems found in ${plural(result.stats.files, 'file')}.`,
    '',
  );
  const testFiles = describeTestFilesOutcome(outcome.testFiles);
  if (testFiles) out.push(`${testFiles[0]!.toUpperCase()}${testFiles.slice(1)}.`, '');
  out.push('| Errors | Warnings | Notes | Suppressed | Files scanned |', '| ---: | ---: | ---: | ---: | ---: |');
  out.push(`| ${counts.error} | ${counts.warning} | ${counts.note} | ${result.suppressed.length} | ${result.stats.files} |`, '');
  if (result.findings.length > 0) {
    out.push('| Severity | File | Line | Rule | Message |', '| --- | --- | ---: | --- | --- |');
    const sorted = [...result.findings].sort((a, b) => Number(meetsFailOn(b.severity, failOn)) - Number(meetsFailOn(a.severity, failOn)) || compareFindings(a, b));
    for (const finding of sorted.slice(0, SUMMARY_ROW_CAP)) {
      out.push(`| ${finding.severity} | \`${cell(finding.file)}\` | ${finding.line} | \`${finding.ruleId}\` | ${cell(finding.message)} |`);
    }
    if (sorted.length > SUMMARY_ROW_CAP) out.push(`| | … | | | and ${sorted.length - SUMMARY_ROW_CAP} more (see the SARIF or the annotations) |`);
    out.push('');
  }
  if (result.errors.length > 0) {
    out.push(`Could not fully analyse ${plural(result.errors.length, 'file')}:`, '');
    for (const error of result.errors.slice(0, SUMMARY_ROW_CAP)) out.push(`- \`${cell(error.file)}\`: ${cell(error.message)}`);
    out.push('');
  }
  out.push(outcome.configFile ? `Config: \`${cell(outcome.configFile)}\`.` : 'Config: none found, the defaults apply.', '');
  return `${out.join('\n')}\n`;
}

/** The whole action: environment in, files written, exit code out. */
export async function runGitHubAction(io: ActionIo): Promise<number> {
  const started = io.now();
  const fail = (message: string): number => {
    io.stdout.write(`::error title=${TOOL_NAME}::${escapeData(message)}\n`);
    return EXIT_USAGE;
  };
  const parsed = parseInputs(io.env);
  if (!parsed.ok) return fail(parsed.message);
  const { inputs } = parsed;
  const workspace = io.env.GITHUB_WORKSPACE || process.cwd();

  const loaded = await loadConfig(workspace, inputs.config);
  for (const note of loaded.notes) io.stdout.write(`::notice title=${TOOL_NAME}::${escapeData(note)}\n`);
  if (loaded.readError !== undefined) return fail(loaded.readError);
  if (!loaded.result.ok) {
    const details = loaded.result.errors.map((error) => `${error.key ? `${error.key}${error.line !== undefined ? ` (line ${error.line})` : ''}: ` : ''}${error.message}`);
    return fail(`invalid config${loaded.source ? ` in ${loaded.source}` : ''}:\n${details.join('\n')}`);
  }
  const config = loaded.result.config;
  const failOn = inputs.failOn ?? config.failOn;

  const collected = await collectFiles(inputs.paths, { cwd: workspace, config, noIgnore: false });
  if (collected.missing.length > 0) return fail(`no such file or directory: ${collected.missing.join(', ')} (paths are relative to GITHUB_WORKSPACE)`);
  if (collected.files.length === 0) {
    const skipped = collected.skippedDirectories.length > 0 ? `; skipped ${collected.skippedDirectories.slice(0, 5).join(', ')} (name one in 'paths' to scan it)` : '';
    return fail(`no JavaScript or TypeScript file to scan in ${inputs.paths.join(', ')}${skipped}`);
  }

  const analysed = await analyzeCollected(collected.files, config);
  const { result, testFiles } = applyTestFilesPolicy(analysed.result, config.testFiles);
  const outcome: ScanOutcome = { result, sources: analysed.sources, durationMs: io.now() - started, testFiles, ...(loaded.source ? { configFile: loaded.source } : {}) };

  if (inputs.sarifFile) {
    const sarif = renderReport(outcome, { format: 'sarif', config, failOn, color: false, cwd: workspace, ruleDocs: await readRuleDocs() });
    const sarifPath = resolve(workspace, inputs.sarifFile);
    try {
      await io.writeFile(sarifPath, sarif);
    } catch (error) {
      return fail(`cannot write ${inputs.sarifFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    io.stdout.write(annotationCommands(result.findings));
  }
  io.stdout.write(renderReport(outcome, { format: 'text', config, failOn, color: false, cwd: workspace, ruleDocs: new Map() }));

  const counts = countBySeverity(result.findings);
  const failing = failingFindings(result, failOn).length;
  if (io.env.GITHUB_OUTPUT) {
    const outputs = {
      errors: counts.error,
      warnings: counts.warning,
      notes: counts.note,
      findings: result.findings.length,
      failing,
      suppressed: result.suppressed.length,
      'files-scanned': result.stats.files,
      ...(inputs.sarifFile ? { 'sarif-file': inputs.sarifFile } : {}),
    };
    await io.appendFile(io.env.GITHUB_OUTPUT, Object.entries(outputs).map(([key, value]) => `${key}=${value}\n`).join(''));
  }
  if (io.env.GITHUB_STEP_SUMMARY) await io.appendFile(io.env.GITHUB_STEP_SUMMARY, jobSummary(outcome, failOn));
  return failing > 0 ? EXIT_FINDINGS : EXIT_OK;
}

// Run only as the entry point, not when a test imports the module.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  runGitHubAction({
    env: process.env,
    stdout: process.stdout,
    now: () => performance.now(),
    writeFile: async (path, text) => {
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, text, 'utf8');
    },
    appendFile: (path, text) => appendFile(path, text, 'utf8'),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stdout.write(`::error title=${TOOL_NAME}::${escapeData(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)}\n`);
      process.exitCode = EXIT_USAGE;
    },
  );
}
