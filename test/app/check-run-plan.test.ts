/**
 * The "findings to check run" decision, from recorded inputs in test/fixtures/check-run-plans:
 * each folder's input.json must plan exactly its expected.json. To accept a deliberate change,
 * regenerate with UPDATE_CHECK_RUN_PLANS=1 and review the diff of the expected.json files.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  changedLinesOfPatch,
  isGating,
  MAX_OUTPUT_CHARS,
  planAnalysisError,
  planCheckRun,
  planInvalidConfig,
  planSuperseded,
  type CheckRunInput,
  type CheckRunPlan,
} from '../../src/report/check-run.js';
import type { Finding } from '../../src/analyzer/types.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'check-run-plans');
const UPDATE = process.env.UPDATE_CHECK_RUN_PLANS === '1';
const cases = readdirSync(FIXTURES, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();

function load(name: string): CheckRunInput {
  return JSON.parse(readFileSync(join(FIXTURES, name, 'input.json'), 'utf8')) as CheckRunInput;
}

describe('check-run plans from recorded inputs', () => {
  it('has fixture folders to run', () => {
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  it.each(cases)('%s', (name) => {
    const plan = planCheckRun(load(name));
    const expectedPath = join(FIXTURES, name, 'expected.json');
    if (UPDATE || !existsSync(expectedPath)) {
      if (!UPDATE) throw new Error(`${name}: no expected.json; run with UPDATE_CHECK_RUN_PLANS=1 and review it`);
      writeFileSync(expectedPath, JSON.stringify(plan, null, 2) + '\n');
    }
    expect(plan).toEqual(JSON.parse(readFileSync(expectedPath, 'utf8')) as CheckRunPlan);
  });
});

/** The properties the snapshots encode, stated outright so a careless regeneration cannot hide a regression. */
describe('what the plans promise', () => {
  const conclusions: Record<string, CheckRunPlan['conclusion']> = {
    'error-on-changed-line-fails': 'failure',
    'findings-only-on-unchanged-lines-are-neutral': 'neutral',
    'changed-files-gate-fails-on-old-code': 'failure',
    'file-without-patch-counts-every-line': 'failure',
    'multi-line-finding-touching-a-changed-line': 'failure',
    'warnings-below-fail-on-are-neutral': 'neutral',
    'fail-on-warning-gates-warnings': 'failure',
    'clean-pull-request-succeeds': 'success',
    'unreadable-blob-fails-closed': 'failure',
    'unreadable-blob-with-on-error-neutral': 'neutral',
    'skips-suppressions-and-parser-notes': 'failure',
    'one-hundred-twenty-findings-in-three-batches': 'failure',
    'annotation-cap-is-stated': 'failure',
    'more-files-than-github-lists': 'failure',
    'scope-table-per-provider': 'failure',
  };

  it.each(Object.entries(conclusions))('%s concludes %s', (name, conclusion) => {
    expect(planCheckRun(load(name)).conclusion).toBe(conclusion);
  });

  it('titles count findings by severity and the files they are in', () => {
    expect(planCheckRun(load('error-on-changed-line-fails')).title).toBe('2 errors, 1 warning in 2 files');
    expect(planCheckRun(load('clean-pull-request-succeeds')).title).toBe('No OAuth problems found in 12 files');
    expect(planCheckRun(load('findings-only-on-unchanged-lines-are-neutral')).title).toBe('1 error in 1 file (none on changed lines)');
  });

  it('puts the findings that gate first, in the summary and in the annotations', () => {
    const plan = planCheckRun(load('error-on-changed-line-fails'));
    const gatingHeading = plan.summary.indexOf('### Findings that fail this check (1)');
    const otherHeading = plan.summary.indexOf('### Other findings (2)');
    expect(gatingHeading).toBeGreaterThan(-1);
    expect(otherHeading).toBeGreaterThan(gatingHeading);
    expect(plan.summary.slice(gatingHeading, otherHeading)).toContain('| 13 |');
    const first = plan.annotationBatches[0]![0]!;
    expect(first).toMatchObject({ path: 'src/server.ts', start_line: 13, end_line: 13, start_column: 17, end_column: 35, annotation_level: 'failure', title: 'token-logged' });
    expect(first.raw_details).toContain('How to fix:');
    expect(plan.annotationBatches[0]![1]!.title).toBe('token-logged (does not fail this check)');
  });

  it('shows the scope report as a table per provider: each requested scope with its verdict and the calls behind it', () => {
    const { summary } = planCheckRun(load('scope-table-per-provider'));
    const section = summary.slice(summary.indexOf('### OAuth scopes'), summary.indexOf('### Files'));
    expect(section).toContain('**Google**');
    expect(section).toContain('| `https://mail.google.com/` | narrow: request `gmail.readonly` `gmail.send` instead |');
    expect(section).toContain('| `calendar.readonly` | drop: no call needs it |');
    expect(section).toContain('| `gmail.send` | needed, not requested | gmail users.messages.send (tools: send_mail) | |');
    expect(section).toContain('| `repo` | needed | issues.create (tools: create_issue) |');
    expect(section).toContain('1 call could not be pinned to a method (first: `src/tools/any.ts`:14, the route is not a constant).');
    expect(section).toContain('Not judged: 1 call(s) could not be pinned to a method');
    // Scope strings and paths come from the pull request: a pipe or backtick cannot break the table.
    expect(section).toContain("`src/github\\|auth.ts`:9");
    expect(section).toContain("| `read:'org'` |");
  });

  it('has no scope section when there is no scope report', () => {
    expect(planCheckRun(load('error-on-changed-line-fails')).summary).not.toContain('### OAuth scopes');
  });

  it('sends 120 findings as batches of 50, 50 and 20', () => {
    const plan = planCheckRun(load('one-hundred-twenty-findings-in-three-batches'));
    expect(plan.annotationBatches.map((batch) => batch.length)).toEqual([50, 50, 20]);
  });

  it('caps the annotations and says so', () => {
    const plan = planCheckRun(load('annotation-cap-is-stated'));
    expect(plan.annotationBatches.flat()).toHaveLength(60);
    expect(plan.summary).toContain('Only the first 60 of 120 findings are annotated inline');
  });

  it('gives columns only to one-line annotations', () => {
    const plan = planCheckRun(load('multi-line-finding-touching-a-changed-line'));
    const annotation = plan.annotationBatches[0]![0]!;
    expect(annotation).toMatchObject({ start_line: 20, end_line: 24 });
    expect(annotation).not.toHaveProperty('start_column');
    expect(annotation).not.toHaveProperty('end_column');
  });

  it('names every skipped file, every suppression with its reason, and where the config came from', () => {
    const { summary } = planCheckRun(load('skips-suppressions-and-parser-notes'));
    for (const text of [
      '`libs/shared`: a submodule, not a file',
      '`assets/logo.ts`: binary content',
      '`vendor/big-sdk.js`: 2.4 MB is over the 1.0 MB limit',
      'dev-only fixture file, never deployed',
      'Codertocat/Hello-World/.github/mcp-oauth-guard.yml',
      'Codertocat/.github/.github/mcp-oauth-guard.yml',
      'Variable declaration expected',
      'GitHub lists at most 3,000 files',
    ]) {
      expect(summary).toContain(text);
    }
  });

  it('says why an incomplete analysis did not pass', () => {
    const { summary, title } = planCheckRun(load('unreadable-blob-fails-closed'));
    expect(title).toBe('No OAuth problems found in 1 file; some files could not be analysed');
    expect(summary).toContain('`src/auth.ts` could not be read: GitHub answered HTTP 500');
    expect(summary).toContain('Re-run');
  });

  it('keeps the summary under GitHub\'s limit however many findings there are', () => {
    const input = load('one-hundred-twenty-findings-in-three-batches');
    const long = 'x'.repeat(2_000);
    input.findings = Array.from({ length: 3_000 }, (_, i) => ({ ...input.findings[0]!, line: (i % 30) + 1, message: `${long} ${i}` }));
    input.suppressed = input.findings.map((finding) => ({ ...finding, reason: long }));
    const plan = planCheckRun(input);
    expect(plan.summary.length).toBeLessThanOrEqual(MAX_OUTPUT_CHARS);
    expect(plan.annotationBatches.flat()).toHaveLength(500);
  });

  it('keeps author-controlled text from breaking the summary table', () => {
    const input = load('error-on-changed-line-fails');
    input.findings[0] = { ...input.findings[0]!, message: 'a | b\n| c' };
    const { summary } = planCheckRun(input);
    expect(summary).toContain('a \\| b \\| c');
  });
});

describe('changed lines from a patch', () => {
  it('counts added and replaced lines at their new-file numbers, across hunks', () => {
    const patch = ['@@ -3,4 +3,5 @@ function f() {', ' a', '-b', '+B', '+B2', ' c', '@@ -40,2 +41,3 @@', ' x', '+y', ' z', '\\ No newline at end of file'].join('\n');
    expect([...changedLinesOfPatch(patch)].sort((a, b) => a - b)).toEqual([4, 5, 42]);
  });

  it('handles hunks without counts and pure deletions', () => {
    expect([...changedLinesOfPatch('@@ -1 +1 @@\n-old\n+new')]).toEqual([1]);
    expect([...changedLinesOfPatch('@@ -5,2 +4,0 @@\n-gone\n-gone')]).toEqual([]);
  });

  it('gates a finding by any line it spans', () => {
    const finding = { severity: 'error', line: 10, endLine: 12 } as Finding;
    expect(isGating(finding, 'error', 'changed-lines', new Set([12]))).toBe(true);
    expect(isGating(finding, 'error', 'changed-lines', new Set([9, 13]))).toBe(false);
    expect(isGating(finding, 'never', 'changed-files', 'all')).toBe(false);
    expect(isGating(finding, 'error', 'changed-lines', undefined)).toBe(false);
  });
});

describe('plans without an analysis', () => {
  it('names the bad config key, what is wrong and an example', () => {
    const plan = planInvalidConfig([{ key: 'fail_on', message: "must be one of error, warning, note, never (got 'errors')", example: 'fail_on: warning' }], { files: ['o/r/.github/mcp-oauth-guard.yml'] });
    expect(plan.conclusion).toBe('failure');
    expect(plan.summary).toContain('`fail_on`: must be one of error, warning, note, never');
    expect(plan.summary).toContain('fail_on: warning');
  });

  it('fails closed on an error unless on_error is neutral', () => {
    expect(planAnalysisError('GitHub answered HTTP 502', 'failure').conclusion).toBe('failure');
    const neutral = planAnalysisError('GitHub answered HTTP 502', 'neutral');
    expect(neutral.conclusion).toBe('neutral');
    expect(neutral.summary).toContain('Re-run');
  });

  it('points a superseded run at the newer commit', () => {
    const plan = planSuperseded('a'.repeat(40));
    expect(plan.conclusion).toBe('cancelled');
    expect(plan.summary).toContain('a'.repeat(40));
  });
});

describe('summary table cells', () => {
  test('a long message is cut after a whole word, never mid-word', () => {
    const words = Array.from({ length: 80 }, (_, index) => `word${index}`).join(' ');
    const plan = planCheckRun({
      headSha: 'b'.repeat(40),
      findings: [{ ruleId: 'broad-scope', severity: 'error', file: 'src/a.ts', line: 1, column: 1, endLine: 1, endColumn: 2, message: words, messageId: 'm', fingerprint: 'f' }],
      suppressed: [],
      errors: [],
      analyzedFiles: 1,
      changedFiles: [],
      skipped: [],
      unread: [],
      ignored: { removed: 0, unsupported: 0, excluded: 0 },
      settings: { failOn: 'error', gate: 'changed-files', onError: 'failure' },
      configSource: { files: [] },
      ruleHelp: {},
      durationMs: 1,
    });
    const row = plan.summary.split('\n').find((line) => line.includes('word0 word1'))!;
    const cell = row.split(' | ').at(-1)!.replace(/ \|$/, '');
    expect(cell.length).toBeLessThanOrEqual(300);
    expect(cell).toMatch(/ word\d+…$/);
  });
});
