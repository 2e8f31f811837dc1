import { ts } from 'ts-morph';
import { Analyzer, analyzeFiles } from '../../src/analyzer/index.js';
import { defineRule } from '../../src/analyzer/rules/define.js';
import { defaultConfig } from '../../src/config/types.js';

/** A probe rule, so engine behaviour is tested apart from the real rules' judgement. */
const reportsConsoleLog = defineRule({
  meta: {
    id: 'token-logged',
    description: 'Probe rule for engine tests.',
    defaultSeverity: 'error',
    cwe: [],
    securitySeverity: '5.0',
    precision: 'high',
    messages: { found: "Call to '{{callee}}'." },
  },
  create: (context) => ({
    [ts.SyntaxKind.CallExpression]: (node: ts.CallExpression) => {
      if (node.expression.getText() === 'console.log') context.report({ node, messageId: 'found', data: { callee: 'console.log' } });
    },
  }),
});

const analyzer = (config = defaultConfig()) => new Analyzer(config, [reportsConsoleLog]);

describe('suppressions', () => {
  test('a directive with a reason suppresses the next code line and keeps the reason', () => {
    const text = ['// mcp-oauth-guard-ignore token-logged: fake token in a local script', '// another comment', 'console.log(1);'].join('\n');
    const result = analyzer().analyzeFile({ path: 'a.ts', text });
    expect(result.findings).toEqual([]);
    expect(result.suppressed).toMatchObject([{ ruleId: 'token-logged', line: 3, reason: 'fake token in a local script' }]);
  });

  test('a trailing directive suppresses its own line only', () => {
    const text = 'console.log(1); // mcp-oauth-guard-ignore token-logged: reviewed\nconsole.log(2);';
    const result = analyzer().analyzeFile({ path: 'a.ts', text });
    expect(result.suppressed.map((finding) => finding.line)).toEqual([1]);
    expect(result.findings.map((finding) => finding.line)).toEqual([2]);
  });

  test('a directive without a reason suppresses nothing and is reported as a note', () => {
    const text = '// mcp-oauth-guard-ignore token-logged\nconsole.log(1);';
    const result = analyzer().analyzeFile({ path: 'a.ts', text });
    expect(result.findings.map((finding) => [finding.ruleId, finding.severity, finding.line])).toEqual([
      ['suppression-missing-reason', 'note', 1],
      ['token-logged', 'error', 2],
    ]);
  });

  test('a directive for another rule does not suppress', () => {
    const result = analyzer().analyzeFile({ path: 'a.ts', text: '// mcp-oauth-guard-ignore broad-scope: not this one\nconsole.log(1);' });
    expect(result.findings.map((finding) => finding.ruleId)).toEqual(['token-logged']);
  });
});

describe('findings', () => {
  test('carry 1-based positions, a formatted message and a stable fingerprint', () => {
    const result = analyzer().analyzeFile({ path: 'src/a.ts', text: 'const x = 1;\n  console.log(x);\n' });
    expect(result.findings).toMatchObject([
      { ruleId: 'token-logged', file: 'src/a.ts', line: 2, column: 3, endLine: 2, endColumn: 17, message: "Call to 'console.log'." },
    ]);
    const moved = analyzer().analyzeFile({ path: 'src/a.ts', text: '// added line\nconst x = 1;\n  console.log(x);\n' });
    expect(moved.findings[0]!.fingerprint).toBe(result.findings[0]!.fingerprint);
  });

  test('identical lines get distinct fingerprints', () => {
    const result = analyzer().analyzeFile({ path: 'a.ts', text: 'console.log(1);\nconsole.log(1);\n' });
    expect(new Set(result.findings.map((finding) => finding.fingerprint)).size).toBe(2);
  });

  test('config can switch a rule off or change its severity', () => {
    const off = analyzer({ ...defaultConfig(), rules: { 'token-logged': { enabled: false } } }).analyzeFile({ path: 'a.ts', text: 'console.log(1);' });
    expect(off.findings).toEqual([]);
    const warning = analyzer({ ...defaultConfig(), rules: { 'token-logged': { enabled: true, severity: 'warning' } } }).analyzeFile({ path: 'a.ts', text: 'console.log(1);' });
    expect(warning.findings[0]!.severity).toBe('warning');
  });
});

describe('bad input becomes an error entry, never an exception', () => {
  test('syntax errors: analysed as far as the parser recovers, with a non-fatal entry', () => {
    const result = analyzer().analyzeFile({ path: 'broken.ts', text: 'const a = ;\n}\nconsole.log(1);\n' });
    expect(result.analyzed).toBe(true);
    expect(result.findings.map((finding) => finding.line)).toEqual([3]);
    expect(result.errors).toMatchObject([{ file: 'broken.ts', fatal: false }]);
    expect(result.errors[0]!.message).toMatch(/syntax error/);
  });

  test('a binary file with a .ts name', () => {
    const result = analyzer().analyzeFile({ path: 'logo.ts', text: 'PNG\u0000\u0001\u0002' });
    expect(result).toMatchObject({ analyzed: false, errors: [{ fatal: true, message: expect.stringMatching(/binary/) }] });
  });

  test('a file over the size limit', () => {
    const result = analyzer({ ...defaultConfig(), maxFileBytes: 100 }).analyzeFile({ path: 'big.js', text: 'x'.repeat(101) });
    expect(result).toMatchObject({ analyzed: false, errors: [{ fatal: true, message: expect.stringMatching(/over the .* limit/) }] });
  });

  test('a BOM and CRLF line endings keep positions right', () => {
    const result = analyzer().analyzeFile({ path: 'a.ts', text: '\uFEFFconst a = 1;\r\nconsole.log(a);\r\n' });
    expect(result.findings).toMatchObject([{ line: 2, column: 1 }]);
  });

  test('an unsupported extension is refused, and one failing file does not stop the others', () => {
    const result = analyzeFiles([
      { path: 'README.md', text: '# hi' },
      { path: 'ok.ts', text: 'export const a = 1;' },
    ]);
    expect(result.stats).toEqual({ files: 2, analyzed: 1 });
    expect(result.errors).toMatchObject([{ file: 'README.md', fatal: true }]);
  });

  test('expressions nested 10,000 deep', () => {
    const text = `const x = ${'('.repeat(10000)}1${')'.repeat(10000)};\nconsole.log(x);`;
    const result = analyzer().analyzeFile({ path: 'deep.ts', text });
    expect(result.analyzed || result.errors.length > 0).toBe(true);
  });
});

describe('per-file budget', () => {
  /** A file whose token-logged check follows a long chain of member writes and reads. */
  const busy = ['export function f(accessToken: string) {', '  const h: any = {};',
    ...Array.from({ length: 300 }, (_, i) => `  h.k${i} = ${i};`), '  h.auth = accessToken;',
    ...Array.from({ length: 300 }, () => '  console.log(h);'), '}'].join('\n');

  test('a file that spends its budget is an error for that file, with no partial findings', () => {
    let clock = 0;
    const now = () => (clock += 10);
    const result = new Analyzer(defaultConfig(), undefined, { fileBudgetMs: 20, now }).analyzeFile({ path: 'busy.ts', text: busy });
    expect(result).toEqual({
      file: 'busy.ts', findings: [], suppressed: [], analyzed: false,
      errors: [{ file: 'busy.ts', fatal: true, budgetExceeded: true, message: 'analysis took longer than the 20 ms per-file budget' }],
    });
  });

  test('within budget, the findings are the same as without one', () => {
    const unbounded = new Analyzer(defaultConfig()).analyzeFile({ path: 'busy.ts', text: busy });
    const bounded = new Analyzer(defaultConfig(), undefined, { fileBudgetMs: 60_000, now: () => performance.now() }).analyzeFile({ path: 'busy.ts', text: busy });
    expect(unbounded.findings.length).toBe(300);
    expect(bounded).toEqual(unbounded);
  });
});
