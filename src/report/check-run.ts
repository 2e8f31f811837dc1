/**
 * Pure: what one analysis of a pull request means for its check run. Findings, the PR's diff
 * and the gate settings go in; the title, the Markdown summary, the annotation batches and the
 * conclusion come out. No GitHub, clock or environment here, so every decision is testable
 * from recorded inputs (test/fixtures/check-run-plans).
 */
import type { AnalysisError, Finding, RuleId, Severity, SuppressedFinding } from '../analyzer/types.js';
import type { ConfigError } from '../config/load.js';
import { describeTestFilesOutcome, type TestFilesOutcome } from '../config/test-files.js';
import type { FailOn, Gate, OnError } from '../config/types.js';
import type { CallReport, ProviderScopeReport } from './scopes.js';
import { countBySeverity, meetsFailOn, plural } from './severity.js';

export const CHECK_RUN_NAME = 'MCP OAuth Guard';
/** GitHub's limits on check-run output (REFERENCE.md, Checks API). */
export const ANNOTATIONS_PER_REQUEST = 50;
export const MAX_OUTPUT_CHARS = 65_535;
export const MAX_ANNOTATION_TITLE_CHARS = 255;
export const MAX_ANNOTATION_TEXT_CHARS = 64 * 1024;
/** Beyond this a reviewer stops reading, and every batch is one more write request. */
export const DEFAULT_ANNOTATION_CAP = 500;
/** Some headroom under the hard limit for the notes appended after the fact. */
const SUMMARY_BUDGET = MAX_OUTPUT_CHARS - 2_000;
const TABLE_ROW_CAP = 50;

export type Conclusion = 'success' | 'failure' | 'neutral' | 'cancelled';
export type AnnotationLevel = 'notice' | 'warning' | 'failure';

export interface CheckRunAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: AnnotationLevel;
  title: string;
  message: string;
  raw_details?: string;
}

export interface CheckRunPlan {
  conclusion: Conclusion;
  title: string;
  summary: string;
  /** Sent in order; each batch is one update, and GitHub appends them. */
  annotationBatches: CheckRunAnnotation[][];
}

/** A file of the PR as `pulls.listFiles` describes it. */
export interface ChangedFile {
  path: string;
  status: string;
  /** Absent for binaries and diffs GitHub considers too large. */
  patch?: string;
  /** Lines added plus lines deleted. */
  changes: number;
}

export type SkipReason = 'too-large' | 'binary' | 'submodule';

/** A file deliberately not analysed by policy; it is named but does not change the conclusion. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  detail: string;
}

/** A file that should have been analysed but could not be: the result is incomplete. */
export interface UnreadFile {
  path: string;
  detail: string;
}

export interface RuleHelp {
  /** The rule's one-sentence description. */
  description: string;
  /** The "How to fix" text of the rule's doc, plain Markdown. */
  howToFix?: string;
}

export interface ConfigSource {
  /** e.g. ['Codertocat/Hello-World/.github/mcp-oauth-guard.yml']; empty when defaults were used. */
  files: string[];
}

export interface CheckRunInput {
  headSha: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Analyzer errors: non-fatal ones are notes; fatal ones make the analysis incomplete. */
  errors: AnalysisError[];
  /** Files handed to the analyzer. */
  analyzedFiles: number;
  /** Every file of the PR the list returned (used for the changed-lines gate). */
  changedFiles: ChangedFile[];
  skipped: SkippedFile[];
  unread: UnreadFile[];
  /** Counts of files the list returned that were never candidates. */
  ignored: { removed: number; unsupported: number; excluded: number };
  /** The list stopped at GitHub's limit; `total` is the PR's file count when known. */
  fileListLimit?: { listed: number; total?: number };
  settings: { failOn: FailOn; gate: Gate; onError: OnError; annotationCap?: number };
  configSource: ConfigSource;
  ruleHelp: Partial<Record<RuleId, RuleHelp>>;
  durationMs: number;
  /** What `test_files` did to findings in test locations (already applied to `findings`). */
  testFiles?: TestFilesOutcome;
  /** What the app read besides the changed files (modules they import) and why some were not read: one line each. */
  importedModules?: string[];
  /** The scope report of the analysed files (`mcp-oauth-guard scopes`), shown as a table per provider. */
  scopes?: ProviderScopeReport[];
}

/** Line numbers (1-based, in the new file) that a PR adds or changes; 'all' when there is no patch to read. */
export type ChangedLines = ReadonlySet<number> | 'all';

/**
 * The new-file lines a unified-diff patch adds or changes. Changed lines appear as `-old`/`+new`
 * pairs, so every `+` line counts. Hunk headers give the new-file start: `@@ -a,b +c,d @@`.
 */
export function changedLinesOfPatch(patch: string): Set<number> {
  const lines = new Set<number>();
  let next = 0;
  let inHunk = false;
  for (const line of patch.split('\n')) {
    const header = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,\d+)? @@/.exec(line);
    if (header) {
      next = Number(header[1]);
      inHunk = true;
      continue;
    }
    if (!inHunk) continue;
    if (line.startsWith('+')) lines.add(next++);
    else if (line.startsWith(' ') || line === '') next++;
    // '-' lines exist only in the old file; '\ No newline at end of file' is not a line.
  }
  return lines;
}

export function changedLinesOf(file: ChangedFile): ChangedLines {
  if (file.patch !== undefined) return changedLinesOfPatch(file.patch);
  // No patch (binary or too large to diff): every line counts as changed, unless nothing changed (a pure rename).
  return file.changes > 0 ? 'all' : new Set<number>();
}

/** Does the finding decide the conclusion under this gate? */
export function isGating(finding: Finding, failOn: FailOn, gate: Gate, changed: ChangedLines | undefined): boolean {
  if (!meetsFailOn(finding.severity, failOn)) return false;
  if (gate === 'changed-files') return true;
  if (changed === undefined) return false;
  if (changed === 'all') return true;
  for (let line = finding.line; line <= finding.endLine; line++) if (changed.has(line)) return true;
  return false;
}

const LEVEL_BY_SEVERITY: Record<Severity, AnnotationLevel> = { error: 'failure', warning: 'warning', note: 'notice' };
const SEVERITY_ORDER: readonly Severity[] = ['error', 'warning', 'note'];

export function planCheckRun(input: CheckRunInput): CheckRunPlan {
  const { failOn, gate, onError } = input.settings;
  const changedByPath = new Map(input.changedFiles.map((file) => [file.path, changedLinesOf(file)] as const));
  const gating: Finding[] = [];
  const other: Finding[] = [];
  for (const finding of input.findings) {
    (isGating(finding, failOn, gate, changedByPath.get(finding.file)) ? gating : other).push(finding);
  }
  gating.sort(compareForReview);
  other.sort(compareForReview);

  const fatalErrors = input.errors.filter((error) => error.fatal);
  const incompleteReasons = [
    ...input.unread.map((file) => `\`${code(file.path)}\` could not be read: ${inline(file.detail)}`),
    ...fatalErrors.map((error) => `\`${code(error.file)}\` was not analysed: ${inline(error.message)}`),
  ];
  const limit = input.fileListLimit;
  if (limit && limit.total !== undefined && limit.total > limit.listed) {
    incompleteReasons.push(`GitHub lists at most ${limit.listed.toLocaleString('en-US')} files of a pull request; this one has ${limit.total.toLocaleString('en-US')}, so ${(limit.total - limit.listed).toLocaleString('en-US')} were not analysed`);
  } else if (limit && limit.total === undefined) {
    // Unknown total at the limit: files past it may exist unseen, so this is no pass.
    incompleteReasons.push(`GitHub lists at most ${limit.listed.toLocaleString('en-US')} files of a pull request and this list reached that limit; the pull request's file count is unknown, so files beyond it may not have been analysed`);
  }

  let conclusion: Conclusion = gating.length > 0 ? 'failure' : input.findings.length > 0 ? 'neutral' : 'success';
  // An incomplete analysis may hide a finding: fail closed unless on_error says neutral.
  if (incompleteReasons.length > 0 && conclusion !== 'failure') conclusion = onError;

  const cap = input.settings.annotationCap ?? DEFAULT_ANNOTATION_CAP;
  const gatingSet = new Set(gating);
  const annotations = [...gating, ...other].slice(0, cap).map((finding) => toAnnotation(finding, gatingSet.has(finding), input.ruleHelp[finding.ruleId]));
  const annotationBatches: CheckRunAnnotation[][] = [];
  for (let i = 0; i < annotations.length; i += ANNOTATIONS_PER_REQUEST) annotationBatches.push(annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));

  const title = titleFor(input, gating.length, incompleteReasons.length > 0);
  const summary = summaryFor(input, { gating, other, conclusion, incompleteReasons, annotated: annotations.length });
  return { conclusion, title: clip(title, MAX_ANNOTATION_TITLE_CHARS), summary, annotationBatches };
}

/** The run cannot be analysed because the config file is wrong: say which key and how to fix it. */
export function planInvalidConfig(errors: readonly ConfigError[], source: ConfigSource): CheckRunPlan {
  const where = source.files.length > 0 ? source.files.map((file) => `\`${code(file)}\``).join(', ') : '`.github/mcp-oauth-guard.yml`';
  const lines = [
    `The configuration in ${where} is not valid, so this pull request was not analysed. Fix the ${errors.length === 1 ? 'key' : 'keys'} below on the default branch, then re-run this check.`,
    '',
  ];
  for (const error of errors.slice(0, TABLE_ROW_CAP)) {
    const key = error.key === '' ? 'the file' : `\`${code(error.key)}\``;
    lines.push(`- ${key}${error.line !== undefined ? ` (line ${error.line})` : ''}: ${error.message}`);
    if (error.example) lines.push('', '  For example:', '', '  ```yaml', ...error.example.split('\n').map((line) => `  ${line}`), '  ```', '');
  }
  if (errors.length > TABLE_ROW_CAP) lines.push(`- … and ${errors.length - TABLE_ROW_CAP} more`);
  return {
    conclusion: 'failure',
    title: `Invalid configuration: ${plural(errors.length, 'problem')} in .github/mcp-oauth-guard.yml`,
    summary: fitSummary(lines.join('\n')),
    annotationBatches: [],
  };
}

/** Something failed after the run was created: complete it anyway, fail closed by default. */
export function planAnalysisError(reason: string, onError: OnError): CheckRunPlan {
  return {
    conclusion: onError,
    title: 'The analysis could not be completed',
    summary: fitSummary(
      [
        `MCP OAuth Guard could not finish analysing this commit: ${reason}`,
        '',
        'Nothing was concluded about the code. Use **Re-run** on this check to try again; if it keeps failing, the reason above says what to look at.',
        '',
        `The conclusion is \`${onError}\` because \`on_error\` is \`${onError}\`${onError === 'failure' ? ' (the default: an unanalysed pull request does not pass)' : ''}.`,
      ].join('\n'),
    ),
    annotationBatches: [],
  };
}

/** A newer commit was pushed before this one was analysed: its own run decides. */
export function planSuperseded(newerSha: string): CheckRunPlan {
  return {
    conclusion: 'cancelled',
    title: `Superseded by ${newerSha.slice(0, 7)}`,
    summary: `A newer commit, ${newerSha}, was pushed to this pull request before this one was analysed. The check run on ${newerSha.slice(0, 7)} has the result.`,
    annotationBatches: [],
  };
}

function titleFor(input: CheckRunInput, gatingCount: number, incomplete: boolean): string {
  if (input.findings.length === 0) {
    const base = `No OAuth problems found in ${plural(input.analyzedFiles, 'file')}`;
    return incomplete ? `${base}; some files could not be analysed` : base;
  }
  const counts = countBySeverity(input.findings);
  const parts = SEVERITY_ORDER.filter((severity) => counts[severity] > 0).map((severity) => plural(counts[severity], severity));
  const files = new Set(input.findings.map((finding) => finding.file)).size;
  let title = `${parts.join(', ')} in ${plural(files, 'file')}`;
  if (gatingCount === 0 && input.findings.some((finding) => meetsFailOn(finding.severity, input.settings.failOn))) {
    title += ' (none on changed lines)';
  }
  if (incomplete) title += '; some files could not be analysed';
  return title;
}

interface SummaryParts {
  gating: Finding[];
  other: Finding[];
  conclusion: Conclusion;
  incompleteReasons: string[];
  annotated: number;
}

function summaryFor(input: CheckRunInput, parts: SummaryParts): string {
  const { failOn, gate, onError } = input.settings;
  const out: string[] = [];
  const where = gate === 'changed-lines' ? 'on a line this pull request adds or changes' : 'in a file this pull request changes';

  out.push(`**Conclusion: ${parts.conclusion}.** ${verdict(input, parts, where)}`, '');
  const testFiles = describeTestFilesOutcome(input.testFiles);
  if (testFiles) out.push(`${testFiles[0]!.toUpperCase()}${testFiles.slice(1)}: test code rarely holds real credentials.`, '');

  if (parts.incompleteReasons.length > 0) {
    out.push('### Not analysed', '', `The analysis is incomplete, so the conclusion is at least \`${onError}\` (\`on_error: ${onError}\`). Use **Re-run** on this check to try again.`, '');
    for (const reason of parts.incompleteReasons.slice(0, TABLE_ROW_CAP)) out.push(`- ${reason}`);
    if (parts.incompleteReasons.length > TABLE_ROW_CAP) out.push(`- … and ${parts.incompleteReasons.length - TABLE_ROW_CAP} more`);
    out.push('');
  }

  if (parts.gating.length > 0) {
    out.push(`### Findings that fail this check (${parts.gating.length})`, '', ...findingTable(parts.gating), '');
  }
  if (parts.other.length > 0) {
    const heading = parts.gating.length > 0 || input.findings.some((finding) => meetsFailOn(finding.severity, failOn)) ? 'Other findings' : 'Findings';
    out.push(`### ${heading} (${parts.other.length})`, '');
    out.push(`These are annotated but do not fail the check: they are below \`fail_on: ${failOn}\`${gate === 'changed-lines' ? ' or on lines this pull request does not change' : ''}.`, '');
    out.push(...findingTable(parts.other), '');
  }
  if (input.findings.length > 0 || input.suppressed.length > 0) {
    out.push('### Counts by rule', '', ...countTable(input), '');
  }
  if (parts.annotated < input.findings.length) {
    out.push(`Only the first ${parts.annotated} of ${input.findings.length} findings are annotated inline (the cap is ${input.settings.annotationCap ?? DEFAULT_ANNOTATION_CAP}); the tables above list them all by rule.`, '');
  }

  if (input.scopes && input.scopes.length > 0) out.push(...scopeTables(input.scopes));

  if (input.suppressed.length > 0) {
    out.push(`### Suppressions (${input.suppressed.length})`, '', 'Every exception, with the reason its author gave:', '');
    out.push('| File | Line | Rule | Reason |', '| --- | --- | --- | --- |');
    for (const item of input.suppressed.slice(0, TABLE_ROW_CAP)) out.push(`| \`${cell(code(item.file))}\` | ${item.line} | \`${item.ruleId}\` | ${cell(item.reason)} |`);
    if (input.suppressed.length > TABLE_ROW_CAP) out.push(`| … | | | and ${input.suppressed.length - TABLE_ROW_CAP} more |`);
    out.push('');
  }

  out.push('### Files', '', ...filesSection(input), '');
  if (input.importedModules && input.importedModules.length > 0) out.push('### Imported modules', '', ...input.importedModules.map((line) => `${line}\n`));

  const notes = input.errors.filter((error) => !error.fatal);
  if (notes.length > 0) {
    out.push('### Parser notes', '');
    for (const note of notes.slice(0, TABLE_ROW_CAP)) out.push(`- \`${code(note.file)}\`: ${inline(note.message)}`);
    if (notes.length > TABLE_ROW_CAP) out.push(`- … and ${notes.length - TABLE_ROW_CAP} more`);
    out.push('');
  }

  out.push('### Configuration', '');
  out.push(
    input.configSource.files.length > 0
      ? `Read from ${input.configSource.files.map((file) => `\`${code(file)}\``).join(', then ')} (default branch, so a pull request cannot change its own gate).`
      : 'No `.github/mcp-oauth-guard.yml` in this repository or the organisation\'s `.github` repository: the defaults apply.',
  );
  out.push('', `\`fail_on: ${failOn}\` · \`gate: ${gate}\` · \`on_error: ${onError}\`${input.testFiles ? ` · \`test_files: ${input.testFiles.policy}\`` : ''}`, '');
  out.push(`Analysed ${input.headSha} in ${formatDuration(input.durationMs)}.`);
  return fitSummary(out.join('\n'));
}

function verdict(input: CheckRunInput, parts: SummaryParts, where: string): string {
  const { failOn } = input.settings;
  if (parts.gating.length > 0) {
    return `${plural(parts.gating.length, 'finding')} at or above \`${failOn}\` ${parts.gating.length === 1 ? 'is' : 'are'} ${where}.`;
  }
  if (input.findings.length > 0) {
    return failOn === 'never'
      ? 'There are findings, but `fail_on: never` means none fails the check.'
      : `No finding at or above \`${failOn}\` is ${where}; the findings below are for information.`;
  }
  return `No OAuth problems found in ${plural(input.analyzedFiles, 'analysed file')}.`;
}

function findingTable(findings: readonly Finding[]): string[] {
  const rows = ['| Severity | File | Line | Rule | Message |', '| --- | --- | --- | --- | --- |'];
  for (const finding of findings.slice(0, TABLE_ROW_CAP)) {
    rows.push(`| ${finding.severity} | \`${cell(code(finding.file))}\` | ${lineRange(finding)} | \`${finding.ruleId}\` | ${cell(finding.message)} |`);
  }
  if (findings.length > TABLE_ROW_CAP) rows.push(`| | … | | | and ${findings.length - TABLE_ROW_CAP} more (see the annotations) |`);
  return rows;
}

function countTable(input: CheckRunInput): string[] {
  const rules = new Map<RuleId, { error: number; warning: number; note: number; suppressed: number }>();
  const row = (id: RuleId) => {
    let counts = rules.get(id);
    if (!counts) rules.set(id, (counts = { error: 0, warning: 0, note: 0, suppressed: 0 }));
    return counts;
  };
  for (const finding of input.findings) row(finding.ruleId)[finding.severity]++;
  for (const item of input.suppressed) row(item.ruleId).suppressed++;
  const lines = ['| Rule | Error | Warning | Note | Suppressed |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const [id, counts] of [...rules].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`| \`${id}\` | ${counts.error} | ${counts.warning} | ${counts.note} | ${counts.suppressed} |`);
  }
  return lines;
}

/**
 * The `scopes` command's report as Markdown: per provider, each requested scope with its verdict
 * and the calls (and tools) behind it, the scopes the calls need that were not requested, and
 * what kept a provider from being judged. Scopes, calls and tool names come from the PR's code.
 */
export function scopeTables(providers: readonly ProviderScopeReport[]): string[] {
  const out = ['### OAuth scopes', '', 'Per provider, the scopes the code requests against the API calls its tools make (what `mcp-oauth-guard scopes` prints).', ''];
  for (const provider of providers) {
    out.push(`**${provider.name}**`, '', '| Scope | Verdict | Calls behind it | Requested at |', '| --- | --- | --- | --- |');
    const neededCalls = new Map(provider.needed.map((item) => [item.scope, item.calls] as const));
    const rows: string[] = [];
    const requested = new Set<string>();
    for (const item of provider.requested) {
      requested.add(item.scope);
      const change = provider.changes.find((candidate) => candidate.scope === item.scope);
      const verdict = change?.kind === 'drop'
        ? 'drop: no call needs it'
        : change?.kind === 'narrow'
          ? `narrow: request ${change.replacement.map((scope) => `\`${cell(code(displayScope(scope)))}\``).join(' ')} instead`
          : neededCalls.has(item.scope)
            ? neededCalls.get(item.scope)!.length > 0 ? 'needed' : 'kept (no call seen needs it)'
            : 'not judged';
      rows.push(`| \`${cell(code(displayScope(item.scope)))}\` | ${verdict} | ${callCell(neededCalls.get(item.scope) ?? [])} | \`${cell(code(item.file))}\`:${item.line} |`);
    }
    for (const item of provider.needed) {
      if (requested.has(item.scope)) continue;
      rows.push(`| \`${cell(code(displayScope(item.scope)))}\` | needed, not requested | ${callCell(item.calls)} | |`);
    }
    out.push(...rows.slice(0, TABLE_ROW_CAP));
    if (rows.length > TABLE_ROW_CAP) out.push(`| … | and ${rows.length - TABLE_ROW_CAP} more | | |`);
    out.push('');
    if (provider.unserved.length > 0) out.push(`Calls the requested scopes do not serve: ${callCell(provider.unserved)}.`, '');
    if (provider.unresolved.length > 0) {
      const first = provider.unresolved[0]!;
      out.push(`${plural(provider.unresolved.length, 'call')} could not be pinned to a method (first: \`${cell(code(first.file))}\`:${first.line}, ${cell(first.reason)}).`, '');
    }
    if (provider.notJudged) out.push(`Not judged: ${cell(provider.notJudged)}.`, '');
  }
  return out;
}

/** A Google scope without its URL prefix, as the `scopes` command prints it (kept here so the webhook thread never loads the analyzer). */
function displayScope(scope: string): string {
  return scope.replace(/^https:\/\/www\.googleapis\.com\/auth\//, '');
}

/** 'gmail users.messages.list, users.messages.get (tools: list_mail)', escaped for a table cell. */
function callCell(calls: readonly CallReport[]): string {
  const labels = [...new Set(calls.map((call) => call.call))];
  if (labels.length === 0) return '';
  const tools = [...new Set(calls.flatMap((call) => call.tools))].sort();
  const shown = labels.length > 6 ? [...labels.slice(0, 6), `${labels.length - 6} more`] : labels;
  return cell(`${shown.join(', ')}${tools.length ? ` (tools: ${tools.join(', ')})` : ''}`);
}

function filesSection(input: CheckRunInput): string[] {
  const out = [`Analysed ${plural(input.analyzedFiles, 'file')}.`];
  if (input.skipped.length > 0) {
    out.push('', `Skipped ${plural(input.skipped.length, 'file')}:`, '');
    for (const file of input.skipped.slice(0, TABLE_ROW_CAP)) out.push(`- \`${code(file.path)}\`: ${file.detail}`);
    if (input.skipped.length > TABLE_ROW_CAP) out.push(`- … and ${input.skipped.length - TABLE_ROW_CAP} more`);
  }
  const { removed, unsupported, excluded } = input.ignored;
  const ignored = [
    removed > 0 ? `${removed} removed` : '',
    unsupported > 0 ? `${unsupported} not JavaScript or TypeScript` : '',
    excluded > 0 ? `${excluded} excluded by \`include\`/\`exclude\`` : '',
  ].filter(Boolean);
  if (ignored.length > 0) out.push('', `Not candidates: ${ignored.join(', ')}.`);
  return out;
}

function toAnnotation(finding: Finding, gating: boolean, help: RuleHelp | undefined): CheckRunAnnotation {
  const annotation: CheckRunAnnotation = {
    path: finding.file,
    start_line: finding.line,
    end_line: Math.max(finding.line, finding.endLine),
    annotation_level: LEVEL_BY_SEVERITY[finding.severity],
    title: clip(`${finding.ruleId}${gating ? '' : ' (does not fail this check)'}`, MAX_ANNOTATION_TITLE_CHARS),
    message: clip(finding.message, MAX_ANNOTATION_TEXT_CHARS),
  };
  // GitHub accepts columns only on one-line annotations; its end column is inclusive, ours is exclusive.
  if (finding.line === finding.endLine) {
    annotation.start_column = finding.column;
    annotation.end_column = Math.max(finding.column, finding.endColumn - 1);
  }
  const details = [
    help?.description,
    help?.howToFix ? `How to fix:\n${help.howToFix}` : undefined,
    `To accept this on purpose, put '// mcp-oauth-guard-ignore ${finding.ruleId}: <reason>' on the line above; the reason is shown to reviewers.`,
    `Fingerprint: ${finding.fingerprint}`,
  ].filter((part): part is string => Boolean(part));
  annotation.raw_details = clip(details.join('\n\n'), MAX_ANNOTATION_TEXT_CHARS);
  return annotation;
}

/** Gating first is done by the caller; within a group: severity, file, position. */
function compareForReview(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    a.file.localeCompare(b.file) ||
    a.line - b.line ||
    a.column - b.column ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

function lineRange(finding: Finding): string {
  return finding.endLine > finding.line ? `${finding.line}–${finding.endLine}` : String(finding.line);
}

/** Keeps text whole when it fits; otherwise cuts at a line and says so. */
export function fitSummary(text: string, limit = SUMMARY_BUDGET): string {
  if (text.length <= limit) return text;
  const note = '\n\n… The summary was shortened to fit GitHub\'s 65,535-character limit.';
  const cut = text.lastIndexOf('\n', limit - note.length);
  return text.slice(0, cut > 0 ? cut : limit - note.length) + note;
}

/** At most `limit` characters: cut after a whole word when one ends in the second half, with '…'. */
function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const space = text.lastIndexOf(' ', limit - 1);
  return `${(space > limit / 2 ? text.slice(0, space) : text.slice(0, limit - 1)).trimEnd()}…`;
}

/** Paths and messages come from the PR author: keep them from breaking out of a table cell or code span. */
/**
 * A table cell of text we do not control (a suppression reason, a finding message quoting code):
 * one line, with Markdown and HTML syntax escaped, so a PR author cannot add links, images, tags
 * or headings to the summary. Pipes would split the table.
 */
function cell(text: string): string {
  return clip(inline(text), 300);
}

/** One line of untrusted text, rendered literally by GitHub's Markdown. */
function inline(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`[\]|]/g, (character) => `\\${character}`);
}

/**
 * Text for a code span (a path, a key): backticks would end the span and a newline, or any
 * control character, would end the paragraph, so both are replaced; Markdown inside a code span
 * is literal.
 */
function code(text: string): string {
  return text.replace(/`/g, "'").replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}
