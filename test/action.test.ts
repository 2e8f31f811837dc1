/**
 * The GitHub Action's entry point (`lib/cli/github-action.js`, what action.yml runs), spawned with
 * the environment a runner sets: GITHUB_WORKSPACE, GITHUB_STEP_SUMMARY, GITHUB_OUTPUT and INPUT_*.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { annotationCommands, escapeData, parseInputs } from '../src/cli/github-action.js';
import type { SarifLog } from '../src/report/sarif.js';

const PROJECT = resolve('.');
const ENTRY = join(PROJECT, 'lib', 'cli', 'github-action.js');

let workspace: string;
let runnerFiles: string;

beforeAll(() => {
  workspace = mkdtempSync(join(tmpdir(), 'mcp-oauth-guard-action-'));
  runnerFiles = mkdtempSync(join(tmpdir(), 'mcp-oauth-guard-runner-'));
  cpSync(join(PROJECT, 'examples', 'vulnerable-server', 'src'), join(workspace, 'server', 'src'), { recursive: true });
  // The same leaky code in a test file: a note by default, so it does not fail the gate.
  cpSync(join(PROJECT, 'examples', 'vulnerable-server', 'src', 'token-store.ts'), join(workspace, 'test', 'token-store.test.ts'));
});

afterAll(() => {
  rmSync(workspace, { recursive: true, force: true });
  rmSync(runnerFiles, { recursive: true, force: true });
});

function runAction(name: string, inputs: Record<string, string>) {
  const summary = join(runnerFiles, `${name}.summary.md`);
  const output = join(runnerFiles, `${name}.output`);
  writeFileSync(summary, '');
  writeFileSync(output, 'earlier=kept\n');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_STEP_SUMMARY: summary,
    GITHUB_OUTPUT: output,
  };
  // The runner's form: upper case, hyphens kept (INPUT_FAIL-ON).
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
  // A different cwd: everything must be relative to GITHUB_WORKSPACE.
  const child = spawnSync(process.execPath, [ENTRY], { cwd: runnerFiles, env, encoding: 'utf8', timeout: 60_000 });
  const outputs = Object.fromEntries(
    readFileSync(output, 'utf8')
      .trim()
      .split('\n')
      .map((line) => line.split('=') as [string, string]),
  );
  return { status: child.status, stdout: child.stdout, stderr: child.stderr, summary: readFileSync(summary, 'utf8'), outputs };
}

describe('the action entry point with GitHub’s environment', () => {
  test('sarif-file: writes SARIF, the job summary and the counts; exits 1 on errors at the default fail-on', () => {
    const run = runAction('sarif', { paths: 'server\ntest', 'sarif-file': 'results/guard.sarif', 'fail-on': '', config: '' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const sarif = JSON.parse(readFileSync(join(workspace, 'results', 'guard.sarif'), 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const results = sarif.runs[0]!.results;
    // broad-scope's two findings are errors: the scan follows the tools into the example's other modules, so the scopes are judged from its calls.
    expect(results.filter((result) => result.level === 'error')).toHaveLength(10);
    expect(results.filter((result) => result.ruleId === 'broad-scope').map((result) => result.level)).toEqual(['error', 'error']);
    expect(results.filter((result) => result.ruleId === 'broad-scope').map((result) => result.message.text).join('\n')).toMatch(/The tools call .*calendar\.events\.readonly/s);
    expect(results.filter((result) => result.level === 'note').map((result) => result.locations[0]!.physicalLocation.artifactLocation.uri)).toEqual(
      expect.arrayContaining(['test/token-store.test.ts']),
    );
    expect(run.outputs).toMatchObject({ earlier: 'kept', errors: '10', warnings: '0', failing: '10', 'files-scanned': '5', 'sarif-file': 'results/guard.sarif' });
    expect(Number(run.outputs.notes)).toBeGreaterThan(0);
    expect(run.outputs.findings).toBe(String(results.filter((result) => !result.suppressions).length));
    expect(run.summary).toContain('## mcp-oauth-guard');
    expect(run.summary).toContain('**Failed:** 10 findings at or above `fail-on: error`.');
    expect(run.summary).toContain('| Severity | File | Line | Rule | Message |');
    expect(run.summary).toMatch(/\| error \| `server\/src\/token-store\.ts` \| \d+ \| `plaintext-token-storage` \|/);
    expect(run.summary).toMatch(/findings? in test files reported as notes \(test_files: note\)/);
    // SARIF upload annotates the PR; no workflow-command annotations as well.
    expect(run.stdout).not.toMatch(/^::error file=/m);
    expect(run.stdout).toContain('Config: none found, the defaults apply.');
  });

  test('without sarif-file: annotations through workflow commands; fail-on never exits 0', () => {
    const run = runAction('annotations', { paths: 'server', 'fail-on': 'never' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^::error file=server\/src\/token-store\.ts,line=\d+,endLine=\d+,col=\d+,endColumn=\d+,title=mcp-oauth-guard%3A plaintext-token-storage::/m);
    expect(existsSync(join(workspace, 'results', 'none.sarif'))).toBe(false);
    expect(run.outputs).toMatchObject({ errors: '10', failing: '0' });
    expect(run.outputs['sarif-file']).toBeUndefined();
    expect(run.summary).toContain('**Passed:** no finding at or above `fail-on: never`');
  });

  test('only test files: notes, exit 0 at fail-on error, 1 at fail-on note', () => {
    expect(runAction('tests-error', { paths: 'test' }).status).toBe(0);
    expect(runAction('tests-note', { paths: 'test', 'fail-on': 'note' }).status).toBe(1);
  });

  test('a config file in the workspace is used; test_files: report makes test findings fail again', () => {
    writeFileSync(join(workspace, 'guard.yml'), 'test_files: report\n');
    const run = runAction('config', { paths: 'test', config: 'guard.yml' });
    expect(run.status).toBe(1);
    expect(run.summary).toContain('Config: `guard.yml`.');
  });

  test.each([
    [{ 'fail-on': 'sometimes' }, "input fail-on must be one of error, warning, note, never (got 'sometimes')"],
    [{ config: 'missing.yml' }, "cannot read config file 'missing.yml': no such file"],
    [{ paths: 'nowhere' }, 'no such file or directory: nowhere'],
  ])('bad input %p exits 2 with an ::error', (inputs, message) => {
    const run = runAction('bad', inputs);
    expect(run.status).toBe(2);
    expect(run.stdout).toContain(`::error title=mcp-oauth-guard::${message}`);
  });
});

describe('action.yml', () => {
  const action = parseYaml(readFileSync(join(PROJECT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, unknown>;
    outputs: Record<string, { value: string }>;
    runs: { using: string; steps: { run?: string; env?: Record<string, string> }[] };
  };

  test('declares the inputs and passes each to the entry point it runs', () => {
    expect(Object.keys(action.inputs).sort()).toEqual(['config', 'fail-on', 'paths', 'sarif-file']);
    expect(action.runs.using).toBe('composite');
    const scan = action.runs.steps.find((step) => step.run?.includes('lib/cli/github-action.js'))!;
    for (const input of Object.keys(action.inputs)) {
      const variable = `INPUT_${input.toUpperCase().replace(/-/g, '_')}`;
      expect(scan.env?.[variable]).toBe(`\${{ inputs.${input} }}`);
      expect(parseInputs({ [variable]: 'x' }).ok || input === 'fail-on').toBe(true);
    }
  });

  test('every output is one the entry point writes', () => {
    for (const [name, output] of Object.entries(action.outputs)) expect(output.value).toBe(`\${{ steps.scan.outputs.${name} }}`);
  });
});

describe('workflow commands', () => {
  test('messages and properties are escaped as the runner expects', () => {
    expect(escapeData('100% done\nnext')).toBe('100%25 done%0Anext');
    const commands = annotationCommands([
      { ruleId: 'token-logged', severity: 'note', file: 'a,b:c.ts', line: 2, column: 3, endLine: 4, endColumn: 1, message: 'one\ntwo', messageId: 'm', fingerprint: 'f' },
    ]);
    expect(commands).toBe('::notice file=a%2Cb%3Ac.ts,line=2,endLine=4,title=mcp-oauth-guard%3A token-logged::one%0Atwo\n');
  });
});
