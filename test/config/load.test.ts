import { parseByteSize, parseConfigText, validateConfig, type ConfigError, type ConfigResult } from '../../src/config/load.js';
import { DEFAULT_EXCLUDE, defaultConfig } from '../../src/config/types.js';

function errorsOf(result: ConfigResult): ConfigError[] {
  if (result.ok) throw new Error(`expected errors, got a valid config: ${JSON.stringify(result.config)}`);
  return result.errors;
}

function configOf(result: ConfigResult) {
  if (!result.ok) throw new Error(`expected a valid config, got ${JSON.stringify(result.errors)}`);
  return result.config;
}

describe('parseConfigText: valid files', () => {
  test.each([
    ['an empty file', ''],
    ['a file with only comments', '# nothing configured yet\n'],
    ['an explicit null', 'null\n'],
    ['an empty JSON object', '{}'],
  ])('%s means the defaults', (_name, text) => {
    expect(configOf(parseConfigText(text, '.mcp-oauth-guard.yml'))).toEqual(defaultConfig());
  });

  test('the documented example maps every snake_case key onto GuardConfig', () => {
    const config = configOf(
      parseConfigText(
        `rules:
  broad-scope: warning
  token-logged: off
  missing-pkce: { enabled: true, severity: note }
  plaintext-token-storage: { enabled: false }
allowed_scopes:
  - scope: repo
    reason: "The 'push_fix' tool writes to private repositories."
include: ["src/**"]
exclude: ["**/*.test.ts"]
fail_on: warning
max_file_size: 500KB
gate: changed-files
on_error: neutral
client_types: both
test_files: report
`,
        '.github/mcp-oauth-guard.yml',
      ),
    );
    expect(config).toEqual({
      rules: {
        'broad-scope': { enabled: true, severity: 'warning' },
        'token-logged': { enabled: false },
        'missing-pkce': { enabled: true, severity: 'note' },
        'plaintext-token-storage': { enabled: false },
      },
      allowedScopes: [{ scope: 'repo', reason: "The 'push_fix' tool writes to private repositories." }],
      include: ['src/**'],
      exclude: [...DEFAULT_EXCLUDE, '**/*.test.ts'],
      failOn: 'warning',
      maxFileBytes: 500 * 1024,
      gate: 'changed-files',
      onError: 'neutral',
      clientTypes: 'both',
      testFiles: 'report',
    });
  });

  test('JSON is read too', () => {
    const config = configOf(parseConfigText('{ "fail_on": "never", "rules": { "token-logged": "error" }, "max_file_size": 2048 }', '.mcp-oauth-guard.json'));
    expect(config.failOn).toBe('never');
    expect(config.rules['token-logged']).toEqual({ enabled: true, severity: 'error' });
    expect(config.maxFileBytes).toBe(2048);
  });

  test('exclude adds to the default exclusions instead of replacing them', () => {
    const config = configOf(parseConfigText('exclude: ["**/*.spec.ts", "**/node_modules/**"]', 'x.yml'));
    expect(config.exclude).toEqual([...DEFAULT_EXCLUDE, '**/*.spec.ts']);
  });
});

describe('parseConfigText: errors name the key, the expected form and an example', () => {
  test('a wrong enum value', () => {
    expect(errorsOf(parseConfigText('fail_on: high\n', 'c.yml'))).toEqual([
      { key: 'fail_on', message: "must be one of error, warning, note, never (got 'high')", example: 'fail_on: warning', line: 1 },
    ]);
  });

  test('an unknown key suggests the snake_case spelling', () => {
    const [error] = errorsOf(parseConfigText('gate: changed-lines\nfailOn: error\n', 'c.yml'));
    expect(error).toMatchObject({ key: 'failOn', line: 2, example: 'fail_on: warning' });
    expect(error!.message).toContain("did you mean 'fail_on'?");
  });

  test('an unknown rule id is named with its dotted path and the known ids', () => {
    const [error] = errorsOf(parseConfigText('rules:\n  broad-scopes: off\n', 'c.yml'));
    expect(error!.key).toBe('rules.broad-scopes');
    expect(error!.line).toBe(2);
    expect(error!.message).toContain("did you mean 'broad-scope'?");
    expect(error!.message).toContain('missing-pkce');
    expect(error!.example).toContain('broad-scope: warning');
  });

  test('a wrong rule level and a wrong nested severity', () => {
    const errors = errorsOf(parseConfigText('rules:\n  token-logged: warn\n  missing-pkce:\n    severity: high\n    enable: false\n', 'c.yml'));
    expect(errors.map((error) => [error.key, error.line])).toEqual([
      ['rules.token-logged', 2],
      ['rules.missing-pkce.severity', 4],
      ['rules.missing-pkce.enable', 5],
    ]);
    expect(errors[0]!.message).toBe("must be one of off, error, warning, note (got 'warn')");
    expect(errors[1]!.message).toBe("must be one of error, warning, note (got 'high')");
    expect(errors[2]!.message).toContain("did you mean 'enabled'?");
  });

  test('an allowed scope without a reason is refused, naming the entry', () => {
    const errors = errorsOf(parseConfigText('allowed_scopes:\n  - scope: repo\n  - scope: admin:org\n    reason: "  "\n', 'c.yml'));
    expect(errors.map((error) => error.key)).toEqual(['allowed_scopes[0].reason', 'allowed_scopes[1].reason']);
    expect(errors[0]!.message).toMatch(/^is missing: every allowed scope needs a non-empty reason/);
    expect(errors[1]!.line).toBe(4);
    expect(errors[0]!.example).toContain('reason:');
  });

  test.each([
    ['include: "src/**"', 'include', 'must be a list of glob patterns'],
    ['exclude: [1]', 'exclude[0]', 'must be a non-empty glob string'],
    ['max_file_size: huge', 'max_file_size', 'must be a positive number of bytes'],
    ['max_file_size: -5', 'max_file_size', 'must be a positive number of bytes'],
    ['gate: all-lines', 'gate', 'must be one of changed-lines, changed-files'],
    ['on_error: ignore', 'on_error', 'must be one of failure, neutral'],
    ['client_types: private', 'client_types', 'must be one of public, confidential, both'],
    ['rules: [broad-scope]', 'rules', 'must be a mapping of rule id'],
    ['allowed_scopes: repo', 'allowed_scopes', 'must be a list of { scope, reason } entries'],
    ['fail_on:', 'fail_on', 'has no value'],
  ])('%s → %s', (text, key, message) => {
    const [error] = errorsOf(parseConfigText(`${text}\n`, 'c.yml'));
    expect(error!.key).toBe(key);
    expect(error!.message).toContain(message);
    expect(error!.example).toBeTruthy();
  });

  test('every problem in a file is reported at once', () => {
    const errors = errorsOf(parseConfigText('fail_on: high\ngate: nope\nextra: 1\n', 'c.yml'));
    expect(errors.map((error) => error.key)).toEqual(['fail_on', 'gate', 'extra']);
  });

  test('a file that is not a mapping', () => {
    const [error] = errorsOf(parseConfigText('- fail_on: error\n', 'c.yml'));
    expect(error!.key).toBe('');
    expect(error!.message).toContain('must be a mapping');
  });

  test('a YAML syntax error carries its line and column', () => {
    const [error] = errorsOf(parseConfigText('fail_on: error\nrules: { broad-scope: off\n', '.mcp-oauth-guard.yml'));
    expect(error!.key).toBe('');
    expect(error!.message).toMatch(/^\.mcp-oauth-guard\.yml is not valid YAML or JSON at line \d+, column \d+: /);
    expect(error!.line).toBeGreaterThanOrEqual(2);
  });

  test('a duplicate key is a syntax error, not a silent override', () => {
    const errors = errorsOf(parseConfigText('fail_on: error\nfail_on: never\n', 'c.yml'));
    expect(errors[0]!.message).toMatch(/line 2/);
  });
});

describe('validateConfig: the parsed object the GitHub App receives', () => {
  test('null and undefined mean defaults', () => {
    expect(configOf(validateConfig(null))).toEqual(defaultConfig());
    expect(configOf(validateConfig(undefined))).toEqual(defaultConfig());
  });

  test('errors have no line numbers without text', () => {
    expect(errorsOf(validateConfig({ fail_on: 3 }))).toEqual([
      { key: 'fail_on', message: 'must be one of error, warning, note, never (got number 3)', example: 'fail_on: warning' },
    ]);
  });

  test('does not share state between calls', () => {
    const first = configOf(validateConfig({ allowed_scopes: [{ scope: 'repo', reason: 'writes fixes' }] }));
    const second = configOf(validateConfig({}));
    expect(first.allowedScopes).toHaveLength(1);
    expect(second.allowedScopes).toEqual([]);
  });
});

describe('parseByteSize', () => {
  test.each([
    [1024, 1024],
    ['2048', 2048],
    ['500KB', 512000],
    ['1MB', 1048576],
    ['1.5 mb', 1572864],
    ['2MiB', 2097152],
    ['0', undefined],
    [0.5, undefined],
    ['10 parsecs', undefined],
    [true, undefined],
  ])('%p → %p', (input, bytes) => {
    expect(parseByteSize(input)).toBe(bytes);
  });
});

describe('parseConfigText: where the cause is', () => {
  test('an unclosed quote or bracket is reported at the line that opened it, not where the parser noticed', () => {
    const quote = parseConfigText('fail_on: error\nrules:\n  broad-scope: "warning\n  token-logged: off\ngate: changed-files\n', 'c.yml');
    expect(quote).toEqual({
      ok: false,
      errors: [{ key: '', line: 3, message: 'c.yml is not valid YAML or JSON at line 3, column 16: Missing closing "quote (opened here, never closed; noticed at line 6)' }],
    });
    const bracket = parseConfigText('include: [src/**, lib/**\nfail_on: error\n', 'c.yml');
    expect(bracket.ok === false && bracket.errors[0]!.line).toBe(1);
  });

  test('an unknown key with a near miss gets the example of the key meant; without one, no unrelated example', () => {
    const result = parseConfigText('failOn: error\ncolour: red\n', 'c.yml');
    expect(result.ok === false && result.errors.map(({ key, example, line }) => ({ key, example, line }))).toEqual([
      { key: 'failOn', example: 'fail_on: warning', line: 1 },
      { key: 'colour', example: undefined, line: 2 },
    ]);
  });
});
