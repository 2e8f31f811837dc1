/** Renders evaluation results: terminal text, Markdown for docs/eval/latest.md, and JSON. Pure. */
import { CORE_RULES, type Split } from './labels.js';
import type { RuleScore, SplitScore } from './score.js';

export interface FileProblem {
  package: string;
  file: string;
  message: string;
  timedOut: boolean;
  fatal: boolean;
}

export interface SplitRun {
  split: Split;
  /** Label files in the split directory (scored or not). */
  labelFiles: number;
  score: SplitScore;
  scannedFiles: number;
  problems: FileProblem[];
  notScored: { package: string; version: string; reason: string }[];
}

export interface EvalRun {
  commit: string;
  date: string;
  node: string;
  budgetMs: number;
  seconds: { fetch: number; analysis: number; total: number };
  splits: Partial<Record<Split, SplitRun>>;
  /** Splits not run in this invocation, with why. */
  skipped: Partial<Record<Split, string>>;
  slowest: { package: string; file: string; milliseconds: number }[];
}

export function ratio(value: number | null): string {
  return value === null ? '–' : value.toFixed(2);
}

const COLUMNS = ['rule', 'labels', 'TP', 'FP', 'FN', 'dup', 'unjudged', 'precision', 'recall', 'F1'];

function cells(row: RuleScore): string[] {
  const name = row.implemented ? row.rule : `${row.rule} (not implemented)`;
  return [name, `${row.labels}`, `${row.truePositives}`, `${row.falseAlarms}`, `${row.falseNegatives}`, `${row.duplicates}`, `${row.unjudged}`, ratio(row.precision), ratio(row.recall), ratio(row.f1)];
}

function tableRows(score: SplitScore): RuleScore[] {
  return [...score.rules, score.core];
}

/**
 * The issues' acceptance bars, judged on one split: the four core rules together (issue 9), broad-scope
 * (issue 10), and false alarms per 20 packages of each MCP authorization rule (issue 11).
 */
export function barLines(score: SplitScore): string[] {
  const met = (ok: boolean | null) => (ok === null ? 'not measurable (no labels)' : ok ? 'met' : 'not met');
  const pr = (row: RuleScore, precision: number, recall: number) =>
    row.labels === 0 ? null : row.precision !== null && row.precision >= precision && row.recall !== null && row.recall >= recall;
  const lines = [`core four rules (issue 9: precision ≥ 0.90, recall ≥ 0.80): ${ratio(score.core.precision)} / ${ratio(score.core.recall)}, ${met(pr(score.core, 0.9, 0.8))}`];
  const scope = score.rules.find((row) => row.rule === 'broad-scope');
  if (scope) {
    const verdict = scope.labels === 0 ? `${scope.falseAlarms} false alarms, no labels` : `${ratio(scope.precision)} / ${ratio(scope.recall)}, ${met(pr(scope, 0.9, 0.85))}`;
    lines.push(`broad-scope (issue 10: precision ≥ 0.90, recall ≥ 0.85): ${verdict}`);
  }
  const mcp = score.rules.filter((row) => row.rule !== 'broad-scope' && !(CORE_RULES as readonly string[]).includes(row.rule));
  if (mcp.length > 0 && score.packages > 0) {
    const per20 = (row: RuleScore) => (row.falseAlarms * 20) / score.packages;
    const over = mcp.filter((row) => per20(row) > 1);
    lines.push(
      `MCP authorization rules (issue 11: at most 1 false alarm per 20 packages): ${mcp.map((row) => `${row.rule} ${per20(row).toFixed(2)}`).join(', ')}; ` +
        (over.length === 0 ? 'met by every rule' : `not met by ${over.map((row) => row.rule).join(', ')}`),
    );
  }
  return lines;
}

export function renderText(run: EvalRun, showBlind: boolean): string {
  const out: string[] = [];
  out.push(`mcp-oauth-guard eval: analyzer ${run.commit}, ${run.date}, node ${run.node}, per-file budget ${run.budgetMs} ms`);
  for (const split of ['tune', 'blind'] as const) {
    const result = run.splits[split];
    if (!result) {
      if (run.skipped[split]) out.push('', `Split ${split}: ${run.skipped[split]}`);
      continue;
    }
    const { score } = result;
    out.push('', `Split ${split}: ${score.packages} of ${result.labelFiles} packages scored, ${score.labels} labels, ${result.scannedFiles} files scanned, ${result.problems.length} file errors`);
    const rows = tableRows(score).map(cells);
    const widths = COLUMNS.map((title, index) => Math.max(title.length, ...rows.map((row) => row[index]!.length)));
    const line = (row: string[]) => row.map((cell, index) => (index === 0 ? cell.padEnd(widths[index]!) : cell.padStart(widths[index]!))).join('  ');
    out.push(line(COLUMNS));
    for (const row of rows) out.push(line(row));
    out.push('', 'Bars:', ...barLines(score).map((bar) => `  ${bar}`));
    const listed = split === 'tune' || showBlind;
    if (listed) {
      out.push('', `Misses (${split}, ${score.misses.length}):`);
      for (const miss of score.misses) out.push(`  ${miss.rule}  ${miss.package}  ${miss.file}:${miss.line}${miss.endLine ? `-${miss.endLine}` : ''}  ${miss.why}`);
      out.push('', `False alarms (${split}, ${score.falseAlarms.length}):`);
      for (const alarm of score.falseAlarms) out.push(`  ${alarm.ruleId}  ${alarm.package}  ${alarm.file}:${alarm.line}  ${alarm.message}`);
      const byFile = new Map<string, number>();
      for (const finding of score.unjudged) byFile.set(`${finding.package}  ${finding.file}`, (byFile.get(`${finding.package}  ${finding.file}`) ?? 0) + 1);
      out.push('', `Unjudged findings (${split}, ${score.unjudged.length}, in files outside 'reviewed'):`);
      for (const [where, count] of byFile) out.push(`  ${where}: ${count}`);
    } else {
      out.push(`(blind split: misses and false alarms are not shown; --show-blind lists them, and the blind split must then move to tune)`);
    }
    if (result.problems.length > 0) {
      out.push('', `File errors (${split}):`);
      for (const problem of result.problems) out.push(`  ${problem.package}  ${problem.file}: ${problem.message}`);
    }
  }
  const notScored = (['tune', 'blind'] as const).flatMap((split) => run.splits[split]?.notScored ?? []);
  if (notScored.length > 0) {
    out.push('', `NOT SCORED (${notScored.length} packages; their labels are missing from the figures above):`);
    for (const item of notScored) out.push(`  ${item.package}@${item.version}: ${item.reason}`);
  }
  if (run.slowest.length > 0) {
    out.push('', 'Slowest files:');
    for (const slow of run.slowest) out.push(`  ${(slow.milliseconds / 1000).toFixed(2)} s  ${slow.package}  ${slow.file}`);
  }
  out.push('', `Time: fetch ${run.seconds.fetch.toFixed(1)} s, analysis ${run.seconds.analysis.toFixed(1)} s, total ${run.seconds.total.toFixed(1)} s`);
  return out.join('\n') + '\n';
}

export function renderMarkdown(run: EvalRun): string {
  const out: string[] = [];
  out.push('# Evaluation: latest figures', '');
  out.push('Written by `npm run eval -- --write docs/eval/latest.md` (tools/eval; data format in tools/eval/FORMAT.md).', '');
  out.push(`- Analyzer commit: \`${run.commit}\``);
  out.push(`- Date: ${run.date}`);
  out.push(`- Node ${run.node}; per-file budget ${run.budgetMs} ms; time: fetch ${run.seconds.fetch.toFixed(1)} s, analysis ${run.seconds.analysis.toFixed(1)} s, total ${run.seconds.total.toFixed(1)} s`);
  out.push('- A finding matches a label when rule and file agree and it starts within 2 lines of the labelled range. Precision = TP / (TP + FP), recall = TP / labels. "unjudged" are findings in files the labeller did not read completely.');
  for (const split of ['tune', 'blind'] as const) {
    out.push('', `## ${split === 'tune' ? 'Tune split' : 'Blind split'}`, '');
    const result = run.splits[split];
    if (!result) {
      out.push(run.skipped[split] ?? 'Not run.');
      continue;
    }
    const { score } = result;
    out.push(`${score.packages} packages scored (of ${result.labelFiles} label files), ${score.labels} labels, ${result.scannedFiles} files scanned, ${result.problems.length} file errors (${result.problems.filter((problem) => problem.timedOut).length} over the time budget).`, '');
    out.push(`| ${COLUMNS.join(' | ')} |`, `|${COLUMNS.map((_, index) => (index === 0 ? ' --- ' : ' ---: ')).join('|')}|`);
    for (const row of tableRows(score)) {
      const values = cells(row);
      if (row === score.core) values[0] = `**${values[0]}**`;
      out.push(`| ${values.join(' | ')} |`);
    }
    out.push('', 'Against the issues\' bars:', '', ...barLines(score).map((bar) => `- ${bar}`));
    const missing = score.rules.filter((row) => !row.implemented);
    if (missing.length > 0) out.push('', `Labelled but not implemented by the analyzer (all their labels are misses): ${missing.map((row) => `${row.rule} (${row.labels})`).join(', ')}.`);
    if (result.notScored.length > 0) {
      out.push('', `Not scored: ${result.notScored.map((item) => `${item.package}@${item.version} (${item.reason})`).join('; ')}.`);
    }
    if (result.problems.length > 0) {
      out.push('', 'File errors:', '');
      for (const problem of result.problems) out.push(`- ${problem.package} \`${problem.file}\`: ${problem.message}`);
    }
  }
  return out.join('\n') + '\n';
}

/** JSON output; the blind split's lists are left out unless asked for. */
export function toJson(run: EvalRun, showBlind: boolean): unknown {
  const splits: Record<string, unknown> = {};
  for (const split of ['tune', 'blind'] as const) {
    const result = run.splits[split];
    if (!result) continue;
    const listed = split === 'tune' || showBlind;
    const { misses, falseAlarms, unjudged, ...figures } = result.score;
    splits[split] = { ...result, score: listed ? result.score : figures };
  }
  return { ...run, splits };
}
