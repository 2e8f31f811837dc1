import { ALL_RULES } from '../../src/analyzer/index.js';
import type { RuleMeta } from '../../src/analyzer/rules/define.js';
import { defaultConfig } from '../../src/config/types.js';
import { lineHashes } from '../../src/report/fingerprint.js';
import { buildSarif, firstParagraph, toUri, type SarifLog } from '../../src/report/sarif.js';
import { finding, SAMPLE_SOURCES, sampleResult } from './sample.js';

const TOKEN_LOGGED_DOC = `# token-logged

A token reaches a log. Logs are read by many.

## Why it matters
Logs are shipped to third parties.

## How to fix
Log \`Boolean(token)\` instead.
`;

const ruleDocs = new Map([['token-logged', TOKEN_LOGGED_DOC]]);
const metas = ALL_RULES.map((rule) => rule.meta);

function build(overrides: Partial<Parameters<typeof buildSarif>[1]> = {}): SarifLog {
  return buildSarif(sampleResult(), { rules: metas, ruleDocs, sourceText: (file) => SAMPLE_SOURCES.get(file), srcRootUri: 'file:///work/repo', ...overrides });
}

describe('SARIF 2.1.0 for GitHub code scanning', () => {
  const sarif = build();
  const run = sarif.runs[0]!;

  test('log and tool driver', () => {
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs).toHaveLength(1);
    expect(run.tool.driver.name).toBe('mcp-oauth-guard');
    expect(run.tool.driver.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(run.tool.driver.informationUri).toMatch(/^https:\/\//);
    expect(run.originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///work/repo/' } });
  });

  test('every rule carries id, name, descriptions, help, level, tags, precision and security-severity', () => {
    expect(run.tool.driver.rules.map((rule) => rule.id)).toEqual(metas.map((meta) => meta.id));
    for (const [index, rule] of run.tool.driver.rules.entries()) {
      const meta = metas[index]!;
      expect(rule.name).toMatch(/^[A-Z][A-Za-z]+$/);
      expect(rule.shortDescription.text).toBe(meta.description);
      expect(rule.fullDescription.text.length).toBeGreaterThan(0);
      expect(rule.help.markdown.length).toBeGreaterThan(0);
      expect(rule.help.text.length).toBeGreaterThan(0);
      expect(rule.defaultConfiguration.level).toBe(meta.defaultSeverity);
      expect(rule.properties['security-severity']).toMatch(/^(10|\d)\.\d$/);
      expect(rule.properties.precision).toBe(meta.precision);
      expect(Array.isArray(rule.properties.tags)).toBe(true);
    }
  });

  test('help comes from the rule doc', () => {
    const rule = run.tool.driver.rules.find((candidate) => candidate.id === 'token-logged')!;
    expect(rule.help.markdown).toBe(TOKEN_LOGGED_DOC);
    expect(rule.help.text).toContain('Why it matters');
    expect(rule.help.text).not.toContain('## ');
    expect(rule.fullDescription.text).toBe('A token reaches a log. Logs are read by many.');
  });

  test('CWE ids become external/cwe tags next to security', () => {
    const meta: RuleMeta<string> = { ...metas[0]!, cwe: ['CWE-532', 'CWE-312'], securitySeverity: '7.5' };
    const [rule] = buildSarif(sampleResult(), { rules: [meta, ...metas.slice(1)] }).runs[0]!.tool.driver.rules;
    expect(rule!.properties.tags).toEqual(['security', 'external/cwe/cwe-532', 'external/cwe/cwe-312']);
    expect(rule!.properties['security-severity']).toBe('7.5');
  });

  test('config overrides show as the rule default configuration', () => {
    const config = { ...defaultConfig(), rules: { 'broad-scope': { enabled: true, severity: 'note' as const }, 'token-logged': { enabled: false } } };
    const rules = build({ config }).runs[0]!.tool.driver.rules;
    expect(rules.find((rule) => rule.id === 'broad-scope')!.defaultConfiguration).toEqual({ enabled: true, level: 'note' });
    expect(rules.find((rule) => rule.id === 'token-logged')!.defaultConfiguration.enabled).toBe(false);
  });

  test('results carry ruleId, ruleIndex, level, message, location and the line hash', () => {
    expect(run.results).toHaveLength(4);
    const logged = run.results.find((result) => result.ruleId === 'token-logged' && !result.suppressions)!;
    expect(run.tool.driver.rules[logged.ruleIndex]!.id).toBe('token-logged');
    expect(logged.level).toBe('error');
    expect(logged.message.text).toBe("Token 'tokens.access_token' reaches 'console.log'.");
    expect(logged.locations).toEqual([
      {
        physicalLocation: {
          artifactLocation: { uri: 'src/auth/github.ts', uriBaseId: '%SRCROOT%' },
          region: { startLine: 7, startColumn: 14, endLine: 7, endColumn: 33 },
        },
      },
    ]);
    const expectedHash = lineHashes(SAMPLE_SOURCES.get('src/auth/github.ts')!).get(7);
    expect(logged.partialFingerprints.primaryLocationLineHash).toBe(expectedHash);
    expect(expectedHash).toMatch(/^[0-9a-f]+:1$/);
    const warning = run.results.find((result) => result.ruleId === 'plaintext-token-storage')!;
    expect(warning.level).toBe('warning');
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  test('suppressed findings are results with an in-source suppression and its justification', () => {
    const suppressed = run.results.filter((result) => result.suppressions);
    expect(suppressed).toHaveLength(1);
    expect(suppressed[0]!.suppressions).toEqual([{ kind: 'inSource', justification: 'local debugging build only, stripped in release' }]);
    expect(suppressed[0]!.locations[0]!.physicalLocation.region.startLine).toBe(9);
  });

  test('file errors become tool execution notifications', () => {
    expect(run.invocations).toHaveLength(1);
    expect(run.invocations[0]!.executionSuccessful).toBe(true);
    expect(run.invocations[0]!.toolExecutionNotifications).toEqual([
      { level: 'error', message: { text: 'skipped: binary content (NUL bytes)' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'assets/logo.js', uriBaseId: '%SRCROOT%' } } }] },
      { level: 'warning', message: { text: '1 syntax error(s), first at line 3' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'src/broken.ts', uriBaseId: '%SRCROOT%' } } }] },
    ]);
  });

  test('without the source text the line hash is left to the upload action', () => {
    const results = build({ sourceText: () => undefined }).runs[0]!.results;
    for (const result of results) {
      expect(result.partialFingerprints.primaryLocationLineHash).toBeUndefined();
      expect(Object.keys(result.partialFingerprints)).toHaveLength(1);
    }
  });

  test('paths become URI references', () => {
    expect(toUri('src/my server/ä#1.ts')).toBe('src/my%20server/%C3%A4%231.ts');
  });

  test('a finding of a rule missing from the list is a programming error, not a silent drop', () => {
    const result = { ...sampleResult(), findings: [finding('broad-scope', 'error', 'a.ts', 1, 1, 2, 'x')] };
    expect(() => buildSarif(result, { rules: metas.filter((meta) => meta.id !== 'broad-scope') })).toThrow(/broad-scope/);
  });

  test('firstParagraph skips the title', () => {
    expect(firstParagraph('# x\n\nFirst sentence\ncontinues.\n\n## Next')).toBe('First sentence continues.');
  });
});
