import { Analyzer, ALL_RULES, type Finding, type RuleModule } from '../../src/analyzer/index.js';
import type { Project } from '../../src/analyzer/engine/project.js';
import { defaultConfig, type GuardConfig } from '../../src/config/types.js';
import { parseExpectations, type Expectation } from './annotations.js';

/** Whether a finding is the one a `ruleid` annotation describes: rule, line, messageId and (when pinned) column. */
function matches(expectation: Expectation, finding: Finding): boolean {
  return finding.ruleId === expectation.ruleId && finding.line === expectation.line && finding.messageId === expectation.messageId &&
    (expectation.column === undefined || finding.column === expectation.column);
}

/**
 * Everything wrong with one fixture's analysis against its annotations: each `ruleid` claims one
 * finding (rule, line, messageId, column when given); every finding must be claimed; `ok` and
 * `todoruleid` lines must have no finding of their rule; any analysis error (a rule that threw,
 * a parse failure) is a problem, so a crashing rule cannot pass on the fixtures it leaves silent.
 * With `project` (the files of a multi-file fixture folder), imports resolve to the folder's files.
 */
export function fixtureProblems(text: string, path: string, rules: readonly RuleModule[] = ALL_RULES, project?: Project): string[] {
  const { expectations, config: override } = parseExpectations(text);
  const analysis = new Analyzer({ ...defaultConfig(), ...(override as Partial<GuardConfig> | undefined) }, rules).analyzeFile({ path, text }, project);
  const problems = analysis.errors.map((error) => `analysis error${error.fatal ? ' (fatal)' : ''}: ${error.message}`);
  const unclaimed = [...analysis.findings];
  for (const expectation of expectations.filter((item) => item.kind === 'ruleid')) {
    if (!expectation.messageId) {
      const reported = analysis.findings.filter((finding) => finding.ruleId === expectation.ruleId && finding.line === expectation.line);
      problems.push(`line ${expectation.line}: 'ruleid: ${expectation.ruleId}' names no messageId (reported: ${reported.map((finding) => `${finding.ruleId}:${finding.messageId}@${finding.column}`).join(', ') || 'nothing'})`);
      continue;
    }
    const index = unclaimed.findIndex((finding) => matches(expectation, finding));
    if (index >= 0) unclaimed.splice(index, 1);
    else {
      const near = analysis.findings.filter((finding) => finding.ruleId === expectation.ruleId && finding.line === expectation.line);
      problems.push(`line ${expectation.line}: expected '${expectation.ruleId}:${expectation.messageId}${expectation.column ? `@${expectation.column}` : ''}', ` +
        (near.length ? `reported as ${near.map((finding) => `${finding.messageId}@${finding.column}`).join(', ')}` : 'not reported'));
    }
  }
  for (const expectation of expectations.filter((item) => item.kind !== 'ruleid')) {
    if (analysis.findings.some((finding) => finding.ruleId === expectation.ruleId && finding.line === expectation.line)) {
      problems.push(`line ${expectation.line}: '${expectation.ruleId}' reported but annotated '${expectation.kind}'`);
    }
  }
  for (const finding of unclaimed) {
    if (!expectations.some((item) => item.kind !== 'ruleid' && item.ruleId === finding.ruleId && item.line === finding.line)) {
      problems.push(`line ${finding.line}: unexpected '${finding.ruleId}:${finding.messageId}@${finding.column}': ${finding.message}`);
    }
  }
  return problems;
}
