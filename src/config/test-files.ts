import picomatch from 'picomatch';
import type { AnalysisResult, Finding } from '../analyzer/types.js';

/**
 * What to do with findings in test code (`test_files` in the config): fake tokens and mocked OAuth
 * flows in tests are rarely a risk, so by default they are reported as notes, which the default
 * `fail_on: error` does not fail on. `report` keeps their severity; `skip` leaves them out.
 */
export type TestFilesPolicy = 'report' | 'note' | 'skip';
export const TEST_FILES_POLICIES: readonly TestFilesPolicy[] = ['report', 'note', 'skip'];
export const DEFAULT_TEST_FILES_POLICY: TestFilesPolicy = 'note';

/** Conventional test locations across JavaScript test runners. */
export const TEST_FILE_GLOBS: readonly string[] = ['**/test/**', '**/tests/**', '**/__tests__/**', '**/*.test.*', '**/*.spec.*', '**/fixtures/**'];

const matchesTestGlob = picomatch([...TEST_FILE_GLOBS], { dot: true });

/** `test/a.ts`, `src/__tests__/a.ts`, `src/a.spec.ts`, `fixtures/x.js` → true; `src/testing.ts` → false. */
export function isTestFile(path: string): boolean {
  return matchesTestGlob(path.replace(/\\/g, '/').replace(/^(\.\/)+/, ''));
}

/** How many findings the policy changed, for the report summary. */
export interface TestFilesOutcome {
  policy: TestFilesPolicy;
  /** Findings in test files lowered to notes (`note`). */
  downgraded: number;
  /** Findings in test files left out (`skip`). */
  skipped: number;
}

/** Applies the policy to a run's findings. Pure: returns a new result and leaves the input untouched. */
export function applyTestFilesPolicy(result: AnalysisResult, policy: TestFilesPolicy): { result: AnalysisResult; testFiles: TestFilesOutcome } {
  const testFiles: TestFilesOutcome = { policy, downgraded: 0, skipped: 0 };
  if (policy === 'report') return { result, testFiles };
  const findings: Finding[] = [];
  for (const finding of result.findings) {
    if (!isTestFile(finding.file)) findings.push(finding);
    else if (policy === 'skip') testFiles.skipped++;
    else if (finding.severity === 'note') findings.push(finding);
    else {
      testFiles.downgraded++;
      findings.push({ ...finding, severity: 'note' });
    }
  }
  return { result: { ...result, findings }, testFiles };
}

/** "2 findings in test files reported as notes (test_files: note)"; undefined when the policy changed nothing. */
export function describeTestFilesOutcome(outcome: TestFilesOutcome | undefined): string | undefined {
  if (!outcome) return undefined;
  const findings = (count: number): string => `${count} ${count === 1 ? 'finding' : 'findings'}`;
  if (outcome.downgraded > 0) return `${findings(outcome.downgraded)} in test files reported as notes (test_files: note)`;
  if (outcome.skipped > 0) return `${findings(outcome.skipped)} in test files not reported (test_files: skip)`;
  return undefined;
}
