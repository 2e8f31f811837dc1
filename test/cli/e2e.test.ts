import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JsonReport } from '../../src/report/json.js';
import type { SarifLog } from '../../src/report/sarif.js';
import { CLEAN_SOURCE, makeProject, NOTE_ONLY_SOURCE } from './temp-project.js';

// The real bin, as `npx mcp-oauth-guard` runs it; test/global-setup.js builds lib/ before the run.
const BIN = resolve('lib/cli/main.js');

function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  if (!existsSync(BIN)) throw new Error(`${BIN} is missing: run 'npm run build' (test/global-setup.js normally does)`);
});

describe('mcp-oauth-guard (spawned)', () => {
  const project = makeProject({
    '.gitignore': 'generated/\n',
    'src/server.ts': NOTE_ONLY_SOURCE,
    'src/math.ts': CLEAN_SOURCE,
    'generated/client.ts': NOTE_ONLY_SOURCE,
    'node_modules/dep/index.js': NOTE_ONLY_SOURCE,
    'assets/icon.js': Uint8Array.from([0x00, 0x01, 0x02]),
    'bad/.mcp-oauth-guard.yml': 'fail_on: high\nallowed_scopes:\n  - scope: repo\n',
  });
  afterAll(() => project.cleanup());

  test('the bin starts with a node shebang', () => {
    expect(readFileSync(BIN, 'utf8').split('\n')[0]).toBe('#!/usr/bin/env node');
  });

  test('--version and --help exit 0', () => {
    const version = cli(['--version'], project.root);
    expect(version.code).toBe(0);
    expect(version.stdout).toMatch(/^mcp-oauth-guard \d+\.\d+\.\d+/);
    const help = cli(['--help'], project.root);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('--format text|json|sarif');
  });

  test('scan --format json prints exactly one JSON object; .gitignore and node_modules are skipped; a file with NUL bytes is analysed with a note', () => {
    const run = cli(['scan', '--format', 'json'], project.root);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as JsonReport;
    // The file with NUL bytes is analysed (NUL read as a space), so it is scanned, with a note as a file error.
    expect(report.stats.files).toBe(3);
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.severity}`)).toEqual([
      'src/server.ts:3:1 suppression-missing-reason note',
    ]);
    expect(report.errors).toEqual([{ file: 'assets/icon.js', message: 'contains NUL bytes: analysed with each NUL read as a space' }]);
  });

  test('exit 1 when a finding is at or above --fail-on; paths stay relative to the cwd', () => {
    const run = cli(['scan', 'src', '--format', 'json', '--fail-on', 'note'], project.root);
    expect(run.code).toBe(1);
    expect((JSON.parse(run.stdout) as JsonReport).findings[0]!.file).toBe('src/server.ts');
    const inside = cli(['scan', '.', '--format', 'json', '--fail-on', 'note'], join(project.root, 'src'));
    expect((JSON.parse(inside.stdout) as JsonReport).findings[0]!.file).toBe('server.ts');
  });

  test('scan --format sarif --output writes SARIF for code scanning', () => {
    const run = cli(['scan', '--format', 'sarif', '--output', 'results.sarif'], project.root);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(project.root, 'results.sarif'), 'utf8')) as SarifLog;
    expect(sarif.version).toBe('2.1.0');
    const driver = sarif.runs[0]!.tool.driver;
    for (const rule of driver.rules) {
      expect(rule.help.markdown).toContain(`# ${rule.id}`);
      expect(rule.properties['security-severity']).toMatch(/^\d+\.\d$/);
    }
    const [result] = sarif.runs[0]!.results;
    expect(result).toMatchObject({ ruleId: 'suppression-missing-reason', level: 'note', message: { text: expect.stringContaining('no reason') } });
    expect(driver.rules[result!.ruleIndex]!.id).toBe(result!.ruleId);
    expect(result!.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
  });

  test('scan --format text groups by file with the code line', () => {
    const run = cli(['scan'], project.root, { FORCE_COLOR: '0' });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('src/server.ts\n  3:1  note');
    expect(run.stdout).toContain('       // mcp-oauth-guard-ignore token-logged\n       ^~~~');
    expect(run.stdout).toContain('3 files scanned, 1 file error');
    expect(run.stdout).toContain('Config: none found, the defaults apply.');
  });

  test('a bad config exits 2 with each key on stderr', () => {
    const run = cli(['scan', '.'], join(project.root, 'bad'));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain("fail_on (line 1): must be one of error, warning, note, never (got 'high')");
    expect(run.stderr).toContain('allowed_scopes[0].reason (line 3): is missing');
    expect(run.stderr).toContain('example:');
  });

  test('a usage error exits 2', () => {
    const run = cli(['scan', '--format', 'yaml'], project.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--format must be one of text, json, sarif (got 'yaml')");
  });

  // Depends on the token-logged rule: the one end-to-end check that a real OAuth mistake fails the gate.
  test('a token from a token response written to console.log fails the scan', () => {
    const leaky = makeProject({
      'server.mjs': `export async function finishLogin(code) {
  const response = await fetch('https://github.com/login/oauth/access_token', { method: 'POST', headers: { accept: 'application/json' }, body: new URLSearchParams({ code, code_verifier: verifier }) });
  const tokens = await response.json();
  console.log(tokens.access_token);
  return tokens;
}
`,
    });
    try {
      const run = cli(['scan', '--format', 'json'], leaky.root);
      const report = JSON.parse(run.stdout) as JsonReport;
      expect(report.findings.map((finding) => `${finding.ruleId}@${finding.line}`)).toContain('token-logged@4');
      expect(run.code).toBe(1);
    } finally {
      leaky.cleanup();
    }
  });
});
