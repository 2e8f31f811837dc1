import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ts } from 'ts-morph';
import { defineRule } from '../../src/analyzer/rules/define.js';
import type { JsonReport } from '../../src/report/json.js';
import type { SarifLog } from '../../src/report/sarif.js';
import { analyzeCollected, exitCodeFor, readRuleDocs, renderReport, runCli, useColor, type CliIo } from '../../src/cli/scan.js';
import { defaultConfig } from '../../src/config/types.js';
import { CLEAN_SOURCE, makeProject, NOTE_ONLY_SOURCE } from './temp-project.js';

function fakeIo(cwd: string, env: Record<string, string> = {}, isTTY = false) {
  const out: string[] = [];
  const err: string[] = [];
  const written = new Map<string, string>();
  let clock = 1000;
  const io: CliIo = {
    cwd,
    env,
    stdout: { write: (text: string) => out.push(text), isTTY },
    stderr: { write: (text: string) => err.push(text) },
    now: () => (clock += 5),
    writeFile: async (path, text) => {
      written.set(path, text);
    },
  };
  return { io, stdout: () => out.join(''), stderr: () => err.join(''), written };
}

describe('runCli', () => {
  const project = makeProject({
    'src/server.ts': NOTE_ONLY_SOURCE,
    'src/clean.ts': CLEAN_SOURCE,
    'assets/logo.js': Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]),
    'src/latin1.js': Uint8Array.from([0x2f, 0x2f, 0x20, 0xe9, 0x0a]),
    'src/bundle.js': `// ${'x'.repeat(3000)}\n`,
    '.mcp-oauth-guard.yml': 'max_file_size: 2KB\n',
    'strict.yml': 'fail_on: note\n',
    'broken.yml': 'fail_on: high\nrules:\n  token-loged: off\n',
  });
  afterAll(() => project.cleanup());

  test('--format json: one object; NUL-byte and non-UTF-8 files are analysed with a note, oversized files are errors and the scan goes on', async () => {
    const run = fakeIo(project.root);
    expect(await runCli(['scan', '--format', 'json'], run.io)).toBe(0);
    const report = JSON.parse(run.stdout()) as JsonReport;
    expect(report.tool.name).toBe('mcp-oauth-guard');
    // Files with NUL bytes or invalid UTF-8 are analysed (with a note); only the oversized file is not scanned.
    expect(report.stats.files).toBe(4);
    expect(report.stats.durationMs).toBeGreaterThan(0);
    expect(report.findings.map((finding) => [finding.ruleId, finding.severity, finding.file, finding.line, finding.column])).toEqual([
      ['suppression-missing-reason', 'note', 'src/server.ts', 3, 1],
    ]);
    expect(report.errors).toEqual([
      { file: 'assets/logo.js', message: 'contains NUL bytes: analysed with each NUL read as a space; not valid UTF-8: analysed with the invalid bytes replaced by U+FFFD' },
      { file: 'src/bundle.js', message: 'skipped: 2.9 KB is over the 2.0 KB limit (max_file_size)' },
      { file: 'src/latin1.js', message: 'not valid UTF-8: analysed with the invalid bytes replaced by U+FFFD' },
    ]);
    expect(run.stderr()).toBe('');
  });

  test.each([
    [['scan'], 0],
    [['scan', '--fail-on', 'warning'], 0],
    [['scan', '--fail-on', 'note'], 1],
    [['scan', '--config', 'strict.yml'], 1],
    [['scan', '--config', 'strict.yml', '--fail-on', 'never'], 0],
    [['scan', 'src/clean.ts', '--fail-on', 'note'], 0],
  ])('%p exits %i', async (argv, code) => {
    expect(await runCli(argv, fakeIo(project.root).io)).toBe(code);
  });

  test('--format sarif carries the finding with its line hash and the file errors', async () => {
    const run = fakeIo(project.root);
    expect(await runCli(['scan', '--format', 'sarif', '--fail-on', 'note'], run.io)).toBe(1);
    const sarif = JSON.parse(run.stdout()) as SarifLog;
    const [result] = sarif.runs[0]!.results;
    expect(result).toMatchObject({ ruleId: 'suppression-missing-reason', level: 'note' });
    expect(result!.partialFingerprints.primaryLocationLineHash).toMatch(/^[0-9a-f]+:1$/);
    expect(result!.locations[0]!.physicalLocation.artifactLocation).toEqual({ uri: 'src/server.ts', uriBaseId: '%SRCROOT%' });
    expect(sarif.runs[0]!.invocations[0]!.toolExecutionNotifications).toHaveLength(3);
  });

  test('--format text shows the code line and the summary; no colour off a TTY', async () => {
    const run = fakeIo(project.root);
    await runCli(['scan'], run.io);
    expect(run.stdout()).toContain('src/server.ts\n  3:1  note     Suppression of');
    expect(run.stdout()).toContain('// mcp-oauth-guard-ignore token-logged\n');
    expect(run.stdout()).toMatch(/1 problem \(1 note\) in 1 file; 0 at or above fail-on 'error' \(4 files scanned, 3 file errors, /);
    expect(run.stdout()).toContain('Config: .mcp-oauth-guard.yml\n');
    expect(run.stdout()).not.toContain('\u001b[');
    const tty = fakeIo(project.root, {}, true);
    await runCli(['scan'], tty.io);
    expect(tty.stdout()).toContain('\u001b[');
    const noColor = fakeIo(project.root, { NO_COLOR: '1' }, true);
    await runCli(['scan'], noColor.io);
    expect(noColor.stdout()).not.toContain('\u001b[');
  });

  test('--output writes the report to the file instead of stdout', async () => {
    const run = fakeIo(project.root, {}, true);
    expect(await runCli(['scan', '--format', 'json', '--output', 'out/report.json'], run.io)).toBe(0);
    expect(run.stdout()).toBe('');
    const text = run.written.get(join(project.root, 'out/report.json'))!;
    expect((JSON.parse(text) as JsonReport).findings).toHaveLength(1);
  });

  test('a bad config exits 2 and names each key with its expected form and an example', async () => {
    const run = fakeIo(project.root);
    expect(await runCli(['scan', '--config', 'broken.yml'], run.io)).toBe(2);
    expect(run.stdout()).toBe('');
    expect(run.stderr().split('\n')[0]).toBe('mcp-oauth-guard: invalid config in broken.yml:');
    expect(run.stderr()).toContain("  fail_on (line 1): must be one of error, warning, note, never (got 'high')\n    example:\n      fail_on: warning\n");
    expect(run.stderr()).toContain("  rules.token-loged (line 3): is not a rule id (did you mean 'token-logged'?)");
  });

  test.each([
    [['scan', '--config', 'missing.yml'], "cannot read config file 'missing.yml': no such file"],
    [['scan', 'does/not/exist'], 'no such file or directory: does/not/exist'],
    [['scan', '--format', 'html'], "--format must be one of text, json, sarif (got 'html')"],
    [['check'], "unknown command 'check'"],
  ])('%p exits 2: %s', async (argv, message) => {
    const run = fakeIo(project.root);
    expect(await runCli(argv, run.io)).toBe(2);
    expect(run.stderr()).toContain(message);
    // A file that cannot be read is not an invalid config.
    expect(run.stderr()).not.toContain('invalid config');
    expect(run.stdout()).toBe('');
  });

  test('a walk that finds nothing exits 2 and names the skipped dist/ to scan; --allow-empty accepts it', async () => {
    const nothing = makeProject({ 'node_modules/pkg/dist/index.js': CLEAN_SOURCE, 'node_modules/pkg/README.md': '# pkg\n' });
    try {
      const scan = fakeIo(nothing.root);
      expect(await runCli(['scan', 'node_modules/pkg', '--format', 'json'], scan.io)).toBe(2);
      expect(scan.stdout()).toBe('');
      expect(scan.stderr()).toBe(
        [
          'mcp-oauth-guard: no JavaScript or TypeScript file to scan in node_modules/pkg.',
          '  Skipped node_modules/pkg/dist/ (node_modules, dist, build and .gitignored directories are not walked).',
          '  To scan node_modules/pkg/dist/, name it: mcp-oauth-guard scan node_modules/pkg/dist',
          '  Or walk everything: --no-ignore.',
          '  Exiting 2; --allow-empty accepts a scan of nothing.',
          '',
        ].join('\n'),
      );
      const allowed = fakeIo(nothing.root);
      expect(await runCli(['scan', 'node_modules/pkg', '--format', 'json', '--allow-empty'], allowed.io)).toBe(0);
      expect((JSON.parse(allowed.stdout()) as JsonReport).stats.files).toBe(0);
      expect(allowed.stderr()).toContain('--allow-empty: exiting 0.');
      const named = fakeIo(nothing.root);
      expect(await runCli(['scan', 'node_modules/pkg/dist', '--format', 'json'], named.io)).toBe(0);
      expect((JSON.parse(named.stdout()) as JsonReport).stats.files).toBe(1);
      const all = fakeIo(nothing.root);
      await runCli(['scan', 'node_modules/pkg', '--format', 'json', '--no-ignore'], all.io);
      expect((JSON.parse(all.stdout()) as JsonReport).stats.files).toBe(1);
      expect(all.stderr()).toBe('');
    } finally {
      nothing.cleanup();
    }
  });

  test('--help and --version print to stdout and exit 0', async () => {
    const help = fakeIo(project.root);
    expect(await runCli(['--help'], help.io)).toBe(0);
    expect(help.stdout()).toContain('Usage: mcp-oauth-guard scan [PATH...]');
    const version = fakeIo(project.root);
    expect(await runCli(['--version'], version.io)).toBe(0);
    const { version: packageVersion } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    expect(version.stdout()).toBe(`mcp-oauth-guard ${packageVersion}\n`);
  });
});

describe('pure CLI decisions', () => {
  test('exit code follows fail-on', () => {
    const note = { findings: [{ severity: 'note' as const }] } as Parameters<typeof exitCodeFor>[0];
    expect(exitCodeFor(note, 'error')).toBe(0);
    expect(exitCodeFor(note, 'note')).toBe(1);
    expect(exitCodeFor({ findings: [] }, 'note')).toBe(0);
  });

  test.each([
    [{}, true, false, true],
    [{}, false, false, false],
    [{}, true, true, false],
    [{ NO_COLOR: '1' }, true, false, false],
    [{ NO_COLOR: '' }, true, false, true],
    [{ FORCE_COLOR: '1' }, false, false, true],
    [{ FORCE_COLOR: '0' }, true, false, false],
    [{ TERM: 'dumb' }, true, false, false],
  ])('useColor(%p, tty=%p, file=%p) → %p', (env, isTTY, toFile, expected) => {
    expect(useColor(env, isTTY, toFile)).toBe(expected);
  });
});

describe('analyzeCollected with a stand-in rule (independent of the real rules)', () => {
  // Reports every console.log call as token-logged, so suppression flows through the CLI.
  const everyConsoleLog = defineRule({
    meta: { id: 'token-logged', description: 'Stand-in.', defaultSeverity: 'error', cwe: ['CWE-532'], securitySeverity: '7.5', precision: 'high', messages: { logged: "Call to '{{callee}}'." } },
    create: (context) => ({
      [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => {
        if (node.expression.getText(context.sourceFile) === 'console.log') context.report({ node, messageId: 'logged', data: { callee: 'console.log' } });
      },
    }),
  });
  const project = makeProject({
    'src/debug.ts': "console.log('a');\n// mcp-oauth-guard-ignore token-logged: prints a fixed string, no credential\nconsole.log('b');\n",
  });
  afterAll(() => project.cleanup());

  test('findings, suppressed findings with reasons, unreadable files and kept sources', async () => {
    const files = [
      { absolutePath: join(project.root, 'src/debug.ts'), path: 'src/debug.ts', explicit: false },
      { absolutePath: join(project.root, 'src/deleted.ts'), path: 'src/deleted.ts', explicit: false },
    ];
    const { result, sources } = await analyzeCollected(files, defaultConfig(), [everyConsoleLog]);
    expect(result.findings.map((finding) => [finding.ruleId, finding.line])).toEqual([['token-logged', 1]]);
    expect(result.suppressed.map((finding) => [finding.line, finding.reason])).toEqual([[3, 'prints a fixed string, no credential']]);
    expect(result.errors).toEqual([{ file: 'src/deleted.ts', message: 'could not be read: no such file', fatal: true }]);
    expect(result.stats).toEqual({ files: 1, analyzed: 1 });
    expect([...sources.keys()]).toEqual(['src/debug.ts']);

    const json = JSON.parse(renderReport({ result, sources, durationMs: 3 }, { format: 'json', config: defaultConfig(), failOn: 'error', color: false, cwd: project.root, ruleDocs: new Map() })) as JsonReport;
    expect(json.suppressed[0]!.reason).toBe('prints a fixed string, no credential');
    expect(exitCodeFor(result, 'error')).toBe(1);
  });
});

describe('readRuleDocs', () => {
  const project = makeProject({ 'docs/rules/token-logged.md': '# token-logged\n\nA token reaches a log.\n' });
  afterAll(() => project.cleanup());
  test('reads docs/rules/<id>.md from the package root, skipping missing docs', async () => {
    const docs = await readRuleDocs(project.root);
    expect([...docs.keys()]).toEqual(['token-logged']);
    expect(docs.get('token-logged')).toContain('A token reaches a log.');
  });
});
