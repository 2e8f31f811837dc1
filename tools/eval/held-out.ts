/**
 * Held-out cases (tools/eval/held-out/<rule-id>/…): small MCP-server files written from the
 * specification, never tuned to the analyzer. Annotations in the files say where a finding is
 * expected; this module reads them, runs the analyzer on each case and scores every rule on its own
 * folder. Parsing and scoring are pure; only `loadHeldOutCases` reads the disk.
 */
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { didYouMean } from '../../src/did-you-mean.js';
import { isSupportedPath } from '../../src/analyzer/paths.js';
import type { AnalysisResult, InputFile } from '../../src/analyzer/types.js';
import { ratio } from './report.js';

/** A finding on the annotated line or one line either side matches the annotation. */
export const LINE_TOLERANCE = 1;
/** A case folder whose name ends so is one project: its files are analysed together (imports between them followed). */
export const PROJECT_SUFFIX = '.project';

const MARKER = /^\s*\/\/\s*held-out:(.*)$/;
/** Anything that looks like a marker but is not a `// held-out: …` line comment of its own. */
const NEAR_MARKER = /held[-_ ]?out\s*:|\/\/\s*held[-_ ]?out\b/i;

export interface Annotation {
  rule: string;
  /** 1-based line the annotation points at (the first non-annotation line below it). */
  line: number;
  /** 1-based line of the comment itself. */
  commentLine: number;
}

export interface ParsedCaseFile {
  path: string;
  /** The first line is `// held-out: clean …`: no finding of the folder's rule is expected in this file. */
  clean: boolean;
  annotations: Annotation[];
  problems: string[];
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/** Reads the `// held-out:` comments of one case file. Unknown rule ids and malformed markers are problems, never skipped. */
export function parseCaseFile(path: string, text: string, knownRules: readonly string[]): ParsedCaseFile {
  const lines = splitLines(text);
  const parsed: ParsedCaseFile = { path, clean: false, annotations: [], problems: [] };
  const pending: { rule: string; commentLine: number }[] = [];
  lines.forEach((content, index) => {
    const lineNumber = index + 1;
    const match = MARKER.exec(content);
    if (!match) {
      if (NEAR_MARKER.test(content)) {
        parsed.problems.push(`${path}:${lineNumber}: malformed held-out marker '${content.trim()}' (write '// held-out: <rule-id>' on a line of its own, or '// held-out: clean' as the first line)`);
      } else if (pending.length > 0) {
        if (content.trim() === '') parsed.problems.push(`${path}:${pending[0]!.commentLine}: '// held-out: ${pending[0]!.rule}' stands above a blank line; put it directly above the line a reviewer would change`);
        else for (const item of pending) parsed.annotations.push({ rule: item.rule, line: lineNumber, commentLine: item.commentLine });
        pending.length = 0;
      }
      return;
    }
    const value = match[1]!.trim();
    const id = /^[^\s]+/.exec(value)?.[0] ?? '';
    if (id === '') {
      parsed.problems.push(`${path}:${lineNumber}: '// held-out:' names no rule id (write '// held-out: <rule-id>' or '// held-out: clean')`);
    } else if (id === 'clean') {
      if (index === 0) parsed.clean = true;
      else parsed.problems.push(`${path}:${lineNumber}: '// held-out: clean' must be the file's first line`);
    } else if (!knownRules.includes(id)) {
      parsed.problems.push(`${path}:${lineNumber}: unknown rule id '${id}' in a held-out annotation${didYouMean(id, knownRules)}`);
    } else if (value !== id) {
      parsed.problems.push(`${path}:${lineNumber}: text after the rule id in '${content.trim()}' (an annotation is exactly '// held-out: ${id}')`);
    } else {
      pending.push({ rule: id, commentLine: lineNumber });
    }
  });
  if (pending.length > 0) parsed.problems.push(`${path}:${pending[0]!.commentLine}: '// held-out: ${pending[0]!.rule}' has no line below it`);
  return parsed;
}

export interface HeldOutCase {
  /** The folder's rule: the only rule judged in this case. */
  rule: string;
  /** Path of the case (file or project folder) relative to the held-out root, `/`-separated. */
  name: string;
  project: boolean;
  files: InputFile[];
  parsed: ParsedCaseFile[];
  /** Annotated for the folder's rule (otherwise the case is clean). */
  positive: boolean;
}

/**
 * Checks one case (a file, or the files of a project folder) for its folder's rule: a positive case
 * has at least one annotation of that rule and none in a clean-marked file; a clean case has the
 * marker (on every single file; on at least one file of a project) and no annotation of that rule.
 */
export function buildCase(rule: string, name: string, project: boolean, files: InputFile[], knownRules: readonly string[]): { heldOutCase?: HeldOutCase; problems: string[] } {
  const problems: string[] = [];
  if (!knownRules.includes(rule)) return { problems: [`${name}: folder '${rule}' is not a rule id${didYouMean(rule, knownRules)}`] };
  if (files.length === 0) return { problems: [`${name}: project folder has no source files`] };
  const parsed = files.map((file) => parseCaseFile(file.path, file.text, knownRules));
  for (const file of parsed) {
    problems.push(...file.problems);
    const own = file.annotations.filter((annotation) => annotation.rule === rule);
    if (file.clean && own.length > 0) problems.push(`${file.path}: marked '// held-out: clean' but annotated '// held-out: ${rule}' on line ${own[0]!.commentLine}`);
    if (!project && !file.clean && own.length === 0) problems.push(`${file.path}: no '// held-out: ${rule}' annotation and no '// held-out: clean' first line (a positive file needs at least one annotation)`);
  }
  const positive = parsed.some((file) => file.annotations.some((annotation) => annotation.rule === rule));
  if (project && !positive && !parsed.some((file) => file.clean)) {
    problems.push(`${name}: project has no '// held-out: ${rule}' annotation and no file marked '// held-out: clean'`);
  }
  if (problems.length > 0) return { problems };
  return { heldOutCase: { rule, name, project, files, parsed, positive }, problems };
}

function toSlash(path: string): string {
  return path.split(sep).join('/');
}

async function listSourceFiles(folder: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    const full = join(folder, entry.name);
    if (entry.isDirectory()) out.push(...(await listSourceFiles(full)));
    else if (entry.isFile() && isSupportedPath(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name)) out.push(full);
  }
  return out.sort();
}

/** Reads every case under `root` (`<rule-id>/<case>.<ext>` or `<rule-id>/<case>.project/…`). Every problem is reported; a bad case is left out, never guessed at. */
export async function loadHeldOutCases(root: string, knownRules: readonly string[]): Promise<{ cases: HeldOutCase[]; problems: string[] }> {
  const cases: HeldOutCase[] = [];
  const problems: string[] = [];
  let ruleFolders;
  try {
    ruleFolders = await fs.readdir(root, { withFileTypes: true });
  } catch (error) {
    return { cases, problems: [`cannot read the held-out cases at ${root}: ${(error as Error).message}`] };
  }
  for (const ruleFolder of ruleFolders.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!ruleFolder.isDirectory()) {
      problems.push(`${ruleFolder.name}: only rule folders belong at the top of the held-out cases`);
      continue;
    }
    const rule = ruleFolder.name;
    const folder = join(root, rule);
    for (const entry of (await fs.readdir(folder, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      const name = `${rule}/${entry.name}`;
      let paths: string[];
      let project: boolean;
      if (entry.isDirectory() && entry.name.endsWith(PROJECT_SUFFIX)) {
        paths = await listSourceFiles(join(folder, entry.name));
        project = true;
      } else if (entry.isFile() && isSupportedPath(entry.name)) {
        paths = [join(folder, entry.name)];
        project = false;
      } else {
        problems.push(`${name}: not a case (a case is a .ts/.js/.mjs/.cjs… file or a folder named '<case>${PROJECT_SUFFIX}')`);
        continue;
      }
      const files: InputFile[] = [];
      for (const path of paths) files.push({ path: toSlash(relative(root, path)), text: await fs.readFile(path, 'utf8') });
      const built = buildCase(rule, name, project, files, knownRules);
      problems.push(...built.problems);
      if (built.heldOutCase) cases.push(built.heldOutCase);
    }
  }
  return { cases, problems };
}

export interface CaseFinding {
  ruleId: string;
  file: string;
  line: number;
  message: string;
}

export interface CaseAnalysis {
  findings: CaseFinding[];
  /** The analyzer's errors for the case's files (a fatal one means a file was not analysed). */
  errors: { file: string; message: string; fatal: boolean }[];
}

/** What an analysis of a case's files returns (the analyzer's `AnalysisResult`, or the budgeted worker's per-file results merged). */
export type CaseAnalyzer = (files: readonly InputFile[]) => Promise<Pick<AnalysisResult, 'findings' | 'errors'>> | Pick<AnalysisResult, 'findings' | 'errors'>;

/** Runs the analyzer on one case: a file alone, or a project's files as one scan. */
export async function analyzeCase(heldOutCase: HeldOutCase, analyze: CaseAnalyzer): Promise<CaseAnalysis> {
  const result = await analyze(heldOutCase.files);
  return {
    findings: result.findings.map((finding) => ({ ruleId: finding.ruleId, file: finding.file, line: finding.line, message: finding.message })),
    errors: result.errors.map((error) => ({ file: error.file, message: error.message, fatal: error.fatal })),
  };
}

export interface HeldOutMiss {
  rule: string;
  file: string;
  line: number;
}

export interface HeldOutRuleScore {
  rule: string;
  positiveCases: number;
  cleanCases: number;
  annotations: number;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface HeldOutScore {
  rules: HeldOutRuleScore[];
  misses: HeldOutMiss[];
  falseAlarms: CaseFinding[];
  errors: { file: string; message: string; fatal: boolean }[];
}

function near(finding: CaseFinding, annotation: Annotation): boolean {
  return Math.abs(finding.line - annotation.line) <= LINE_TOLERANCE;
}

/**
 * Per rule, over the cases in its folder only: an annotation of the folder's rule with a finding of
 * that rule within LINE_TOLERANCE lines is a true positive, without one a false negative; a finding
 * of the folder's rule near no such annotation is a false positive. Other rules' findings are not judged.
 */
export function scoreHeldOut(cases: readonly HeldOutCase[], analyses: ReadonlyMap<string, CaseAnalysis>): HeldOutScore {
  const byRule = new Map<string, HeldOutRuleScore>();
  const score: HeldOutScore = { rules: [], misses: [], falseAlarms: [], errors: [] };
  for (const heldOutCase of cases) {
    const { rule } = heldOutCase;
    let row = byRule.get(rule);
    if (!row) {
      row = { rule, positiveCases: 0, cleanCases: 0, annotations: 0, truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: null, recall: null, f1: null };
      byRule.set(rule, row);
    }
    if (heldOutCase.positive) row.positiveCases += 1;
    else row.cleanCases += 1;
    const analysis = analyses.get(heldOutCase.name);
    if (!analysis) throw new Error(`held-out case ${heldOutCase.name} was not analysed`);
    score.errors.push(...analysis.errors);
    const findings = analysis.findings.filter((finding) => finding.ruleId === rule);
    for (const file of heldOutCase.parsed) {
      const annotations = file.annotations.filter((annotation) => annotation.rule === rule);
      const inFile = findings.filter((finding) => finding.file === file.path);
      for (const annotation of annotations) {
        row.annotations += 1;
        if (inFile.some((finding) => near(finding, annotation))) row.truePositives += 1;
        else {
          row.falseNegatives += 1;
          score.misses.push({ rule, file: file.path, line: annotation.line });
        }
      }
      for (const finding of inFile) {
        if (annotations.some((annotation) => near(finding, annotation))) continue;
        row.falsePositives += 1;
        score.falseAlarms.push(finding);
      }
    }
    // A finding on a path outside the case's own files cannot be matched to an annotation: count it against precision.
    const casePaths = new Set(heldOutCase.files.map((file) => file.path));
    for (const finding of findings) {
      if (casePaths.has(finding.file)) continue;
      row.falsePositives += 1;
      score.falseAlarms.push(finding);
    }
  }
  for (const row of byRule.values()) {
    const flagged = row.truePositives + row.falsePositives;
    row.precision = flagged === 0 ? null : row.truePositives / flagged;
    row.recall = row.annotations === 0 ? null : row.truePositives / row.annotations;
    row.f1 = row.precision === null || row.recall === null || row.precision + row.recall === 0 ? null : (2 * row.precision * row.recall) / (row.precision + row.recall);
    score.rules.push(row);
  }
  score.rules.sort((a, b) => a.rule.localeCompare(b.rule));
  return score;
}

const COLUMNS = ['rule', 'cases (pos/clean)', 'annotations', 'TP', 'FP', 'FN', 'precision', 'recall', 'F1'];

function cells(row: HeldOutRuleScore): string[] {
  return [row.rule, `${row.positiveCases}/${row.cleanCases}`, `${row.annotations}`, `${row.truePositives}`, `${row.falsePositives}`, `${row.falseNegatives}`, ratio(row.precision), ratio(row.recall), ratio(row.f1)];
}

export function renderHeldOutText(score: HeldOutScore, showDetails: boolean, folder = 'tools/eval/held-out'): string {
  const out: string[] = [`Held-out cases (${folder}; each rule judged on its own folder; a finding matches within 1 line of an annotation)`];
  const rows = score.rules.map(cells);
  const widths = COLUMNS.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
  const line = (row: string[]) => row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
  out.push(line(COLUMNS));
  for (const row of rows) out.push(line(row));
  if (showDetails) {
    out.push('', `Misses (${score.misses.length}):`);
    for (const miss of score.misses) out.push(`  ${miss.rule}  ${miss.file}:${miss.line}`);
    out.push('', `False alarms (${score.falseAlarms.length}):`);
    for (const alarm of score.falseAlarms) out.push(`  ${alarm.ruleId}  ${alarm.file}:${alarm.line}  ${alarm.message}`);
  } else {
    out.push('(misses and false alarms are not listed: held-out cases are not triaged; --show-held-out lists them)');
  }
  if (score.errors.length > 0) {
    out.push('', `Analyzer errors (${score.errors.length}):`);
    for (const error of score.errors) out.push(`  ${error.file}: ${error.message}${error.fatal ? ' (not analysed)' : ''}`);
  }
  return out.join('\n') + '\n';
}

export const HELD_OUT_HEADING = '## Held-out cases';

/** The "Held-out cases" section of docs/eval/latest.md (heading included, no trailing newline). */
export function renderHeldOutMarkdown(score: HeldOutScore, run: { commit: string; date: string }): string {
  const out: string[] = [HELD_OUT_HEADING, ''];
  out.push(`Written by \`npm run eval -- --held-out --write docs/eval/latest.md\`; analyzer commit \`${run.commit}\`, ${run.date}.`);
  out.push('Cases in tools/eval/held-out/<rule>/ are written from the specification, not from the analyzer, and are not triaged (tools/eval/FORMAT.md). Each rule is judged only on its own folder: an annotated line with a finding of the rule within 1 line is a TP, without one an FN; a finding of the rule on any other line of the folder is an FP.', '');
  out.push(`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
  for (const row of score.rules) out.push(`| ${cells(row).join(' | ')} |`);
  const fatal = score.errors.filter((error) => error.fatal);
  if (fatal.length > 0) {
    out.push('', 'Case files the analyzer could not analyse (their annotations count as misses):', '');
    for (const error of fatal) out.push(`- \`${error.file}\`: ${error.message}`);
  }
  return out.join('\n');
}

/**
 * Puts `section` (which starts with its own `## ` heading) in place of the document's section of the
 * same heading, up to the next `## ` heading, or appends it; the other sections stay as they are.
 */
export function replaceMarkdownSection(document: string, section: string): string {
  const heading = section.split('\n', 1)[0]!;
  const lines = document.replace(/\s+$/, '').split('\n');
  const start = lines.findIndex((line) => line === heading);
  const body = section.replace(/\s+$/, '').split('\n');
  if (start === -1) return [...lines, '', ...body].join('\n') + '\n';
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (end === -1) end = lines.length;
  const after = lines.slice(end);
  return [...lines.slice(0, start), ...body, ...(after.length > 0 ? ['', ...after] : [])].join('\n') + '\n';
}

/** The held-out section of a previously written document, if it has one (kept when the splits rewrite the file). */
export function extractMarkdownSection(document: string, heading: string): string | undefined {
  const lines = document.replace(/\s+$/, '').split('\n');
  const start = lines.findIndex((line) => line === heading);
  if (start === -1) return undefined;
  let end = lines.findIndex((line, index) => index > start && line.startsWith('## '));
  if (end === -1) end = lines.length;
  return lines.slice(start, end).join('\n').replace(/\s+$/, '');
}
