import type { AnalysisResult, Finding, Severity } from '../../src/analyzer/types.js';
import { parseConfigText } from '../../src/config/load.js';
import { applyTestFilesPolicy, describeTestFilesOutcome, isTestFile } from '../../src/config/test-files.js';
import { defaultConfig } from '../../src/config/types.js';
import { planCheckRun } from '../../src/report/check-run.js';
import { formatTextReport } from '../../src/report/text.js';

const finding = (file: string, severity: Severity): Finding => ({
  ruleId: 'token-logged',
  severity,
  file,
  message: `m ${file}`,
  messageId: 'm',
  fingerprint: `f ${file}`,
  line: 1,
  column: 1,
  endLine: 1,
  endColumn: 2,
});

const resultOf = (findings: Finding[]): AnalysisResult => ({ findings, suppressed: [], errors: [], stats: { files: 4, analyzed: 4 } });

describe('isTestFile: conventional test locations', () => {
  test.each([
    ['test/auth.ts', true],
    ['packages/server/test/helpers/mock.ts', true],
    ['tests/e2e.js', true],
    ['src/__tests__/oauth.tsx', true],
    ['src/oauth.test.ts', true],
    ['src/oauth.spec.mjs', true],
    ['fixtures/token.js', true],
    ['packages/a/fixtures/deep/token.js', true],
    ['.\\src\\oauth.test.ts', true],
    ['src/oauth.ts', false],
    ['src/testing.ts', false],
    ['src/latest/index.ts', false],
    ['src/contest.ts', false],
    ['src/fixture.ts', false],
  ])('%s → %p', (path, expected) => {
    expect(isTestFile(path)).toBe(expected);
  });
});

describe('applyTestFilesPolicy', () => {
  const findings = [finding('src/server.ts', 'error'), finding('test/server.test.ts', 'error'), finding('src/a.spec.ts', 'warning'), finding('tests/x.ts', 'note')];

  test('note (the default): errors and warnings in test files become notes and are counted; the input is untouched', () => {
    const input = resultOf(findings);
    const { result, testFiles } = applyTestFilesPolicy(input, defaultConfig().testFiles);
    expect(result.findings.map((item) => `${item.file} ${item.severity}`)).toEqual(['src/server.ts error', 'test/server.test.ts note', 'src/a.spec.ts note', 'tests/x.ts note']);
    expect(testFiles).toEqual({ policy: 'note', downgraded: 2, skipped: 0 });
    expect(input.findings[1]!.severity).toBe('error');
    expect(describeTestFilesOutcome(testFiles)).toBe('2 findings in test files reported as notes (test_files: note)');
  });

  test('report keeps every severity; skip leaves test findings out and counts them', () => {
    expect(applyTestFilesPolicy(resultOf(findings), 'report').result.findings).toEqual(findings);
    const skipped = applyTestFilesPolicy(resultOf(findings), 'skip');
    expect(skipped.result.findings.map((item) => item.file)).toEqual(['src/server.ts']);
    expect(skipped.testFiles).toEqual({ policy: 'skip', downgraded: 0, skipped: 3 });
    expect(describeTestFilesOutcome(skipped.testFiles)).toBe('3 findings in test files not reported (test_files: skip)');
    expect(describeTestFilesOutcome({ policy: 'note', downgraded: 0, skipped: 0 })).toBeUndefined();
  });

  test('the config key takes report, note or skip and nothing else', () => {
    const ok = parseConfigText('test_files: skip\n', 'c.yml');
    expect(ok.ok && ok.config.testFiles).toBe('skip');
    const bad = parseConfigText('fail_on: error\ntest_files: ignore\n', 'c.yml');
    expect(bad).toEqual({ ok: false, errors: [{ key: 'test_files', message: "must be one of report, note, skip (got 'ignore')", example: 'test_files: report', line: 2 }] });
  });

  test('the CLI text summary and the check run summary say how many were downgraded', () => {
    const { result, testFiles } = applyTestFilesPolicy(resultOf(findings), 'note');
    const text = formatTextReport(result, { color: false, failOn: 'error', testFiles });
    expect(text).toContain('2 findings in test files reported as notes (test_files: note)');
    expect(text).toMatch(/1 at or above fail-on 'error'/);
    const plan = planCheckRun({
      headSha: 'a'.repeat(40),
      findings: result.findings,
      suppressed: [],
      errors: [],
      analyzedFiles: 4,
      changedFiles: [],
      skipped: [],
      unread: [],
      ignored: { removed: 0, unsupported: 0, excluded: 0 },
      settings: { failOn: 'error', gate: 'changed-files', onError: 'failure' },
      configSource: { files: [] },
      ruleHelp: {},
      durationMs: 5,
      testFiles,
    });
    expect(plan.summary).toContain('2 findings in test files reported as notes (test_files: note): test code rarely holds real credentials.');
    expect(plan.summary).toContain('`test_files: note`');
  });
});
