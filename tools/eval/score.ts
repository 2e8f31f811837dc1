/**
 * Scoring of tools/eval/FORMAT.md, as a pure function: labelled packages and the analyzer's
 * findings in, per-rule figures and the lists behind them out.
 */
import { CORE_RULES, reviewedMatcher, type Label, type PackageLabels } from './labels.js';

/** The part of an analyzer finding the score needs. */
export interface ScoredFinding {
  ruleId: string;
  file: string;
  line: number;
  message: string;
}

export interface ScoredPackage {
  labels: PackageLabels;
  findings: readonly ScoredFinding[];
}

export interface RuleScore {
  rule: string;
  /** false: labels name the rule but the analyzer has no such rule (its labels are all misses). */
  implemented: boolean;
  labels: number;
  truePositives: number;
  falseNegatives: number;
  falseAlarms: number;
  /** Further findings on a label that another finding already matched: not counted against precision. */
  duplicates: number;
  /** Findings in files outside `reviewed`. */
  unjudged: number;
  precision: number | null;
  recall: number | null;
  f1: number | null;
}

export interface Miss extends Label {
  package: string;
}

export interface JudgedFinding extends ScoredFinding {
  package: string;
}

export interface SplitScore {
  packages: number;
  labels: number;
  /** One row per rule the analyzer implements or a label names, in a stable order. */
  rules: RuleScore[];
  /** The acceptance figure: missing-pkce, refresh-token-not-rotated, token-logged, plaintext-token-storage together. */
  core: RuleScore;
  misses: Miss[];
  falseAlarms: JudgedFinding[];
  unjudged: JudgedFinding[];
}

/** Lines a finding may start on to match a label: line − 2 … (endLine ?? line) + 2. */
export const LINE_SLACK = 2;

export function findingMatchesLabel(finding: ScoredFinding, label: Label): boolean {
  return (
    finding.ruleId === label.rule &&
    finding.file === label.file &&
    finding.line >= label.line - LINE_SLACK &&
    finding.line <= (label.endLine ?? label.line) + LINE_SLACK
  );
}

/**
 * Scores one split. `implementedRules` are the analyzer's rule ids that are judged (a rule with
 * findings counts as implemented too); rules that only labels name are reported as not implemented.
 */
export function scoreSplit(packages: readonly ScoredPackage[], implementedRules: readonly string[]): SplitScore {
  const implemented = new Set(implementedRules);
  for (const { findings } of packages) for (const finding of findings) implemented.add(finding.ruleId);
  const ruleOrder = [...implemented];
  for (const { labels } of packages) for (const label of labels.labels) if (!ruleOrder.includes(label.rule)) ruleOrder.push(label.rule);

  const rows = new Map<string, RuleScore>(ruleOrder.map((rule) => [rule, emptyRow(rule, implemented.has(rule))]));
  const misses: Miss[] = [];
  const falseAlarms: JudgedFinding[] = [];
  const unjudged: JudgedFinding[] = [];

  for (const { labels: data, findings } of packages) {
    const isReviewed = reviewedMatcher(data.reviewed);
    const problems = problemsOf(data.labels);
    const matched = new Set<Label[]>();
    for (const problem of problems) rows.get(problem[0].rule)!.labels += 1;
    const ordered = [...findings].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.ruleId.localeCompare(b.ruleId));
    for (const finding of ordered) {
      const row = rows.get(finding.ruleId)!;
      const hits = problems.filter((problem) => problem.some((label) => findingMatchesLabel(finding, label)));
      if (hits.length === 0) {
        if (isReviewed(finding.file)) {
          row.falseAlarms += 1;
          falseAlarms.push({ package: data.package, ...pick(finding) });
        } else {
          row.unjudged += 1;
          unjudged.push({ package: data.package, ...pick(finding) });
        }
        continue;
      }
      const fresh = hits.filter((problem) => !matched.has(problem));
      if (fresh.length === 0) row.duplicates += 1;
      for (const problem of fresh) {
        matched.add(problem);
        row.truePositives += 1;
      }
    }
    for (const problem of problems) {
      if (!matched.has(problem)) {
        rows.get(problem[0].rule)!.falseNegatives += 1;
        misses.push({ package: data.package, ...problem[0] });
      }
    }
  }

  const rules = [...rows.values()].map(withRatios);
  const core = withRatios(
    rules
      .filter((row) => (CORE_RULES as readonly string[]).includes(row.rule))
      .reduce((sum, row) => {
        sum.labels += row.labels;
        sum.truePositives += row.truePositives;
        sum.falseNegatives += row.falseNegatives;
        sum.falseAlarms += row.falseAlarms;
        sum.duplicates += row.duplicates;
        sum.unjudged += row.unjudged;
        return sum;
      }, emptyRow('core (4 rules)', true)),
  );
  return {
    packages: packages.length,
    labels: packages.reduce((sum, { labels }) => sum + problemsOf(labels.labels).length, 0),
    rules,
    core,
    misses,
    falseAlarms,
    unjudged,
  };
}

/**
 * One problem per label, except labels sharing a `group`: one problem a reviewer could fix at any
 * of their lines (a finding at any of them matches it, and it is missed only when none is reported).
 */
export function problemsOf(labels: readonly Label[]): Label[][] {
  const problems: Label[][] = [];
  const groups = new Map<string, Label[]>();
  for (const label of labels) {
    if (label.group === undefined) {
      problems.push([label]);
      continue;
    }
    const key = `${label.rule}\u0000${label.group}`;
    let problem = groups.get(key);
    if (!problem) {
      problem = [];
      groups.set(key, problem);
      problems.push(problem);
    }
    problem.push(label);
  }
  return problems;
}

function emptyRow(rule: string, implemented: boolean): RuleScore {
  return { rule, implemented, labels: 0, truePositives: 0, falseNegatives: 0, falseAlarms: 0, duplicates: 0, unjudged: 0, precision: null, recall: null, f1: null };
}

function withRatios(row: RuleScore): RuleScore {
  const flagged = row.truePositives + row.falseAlarms;
  const precision = flagged === 0 ? null : row.truePositives / flagged;
  const recall = row.labels === 0 ? null : row.truePositives / row.labels;
  const f1 = precision === null || recall === null ? null : precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { ...row, precision, recall, f1 };
}

function pick(finding: ScoredFinding): ScoredFinding {
  return { ruleId: finding.ruleId, file: finding.file, line: finding.line, message: finding.message };
}
