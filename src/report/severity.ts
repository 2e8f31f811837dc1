import { SEVERITY_RANK, type AnalysisResult, type Finding, type Severity } from '../analyzer/types.js';
import type { FailOn } from '../config/types.js';

/** Does a finding of this severity fail a run gated at `failOn`? `never` fails nothing. */
export function meetsFailOn(severity: Severity, failOn: FailOn): boolean {
  return failOn !== 'never' && SEVERITY_RANK[severity] >= SEVERITY_RANK[failOn];
}

/** The findings that decide the outcome; suppressed findings never count. */
export function failingFindings(result: Pick<AnalysisResult, 'findings'>, failOn: FailOn): Finding[] {
  return result.findings.filter((finding) => meetsFailOn(finding.severity, failOn));
}

export type SeverityCounts = Record<Severity, number>;

export function countBySeverity(findings: readonly Pick<Finding, 'severity'>[]): SeverityCounts {
  const counts: SeverityCounts = { error: 0, warning: 0, note: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** By file, then position, then rule: the order reports list findings in. */
export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
