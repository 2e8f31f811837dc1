import { buildJsonReport, formatJsonReport } from '../../src/report/json.js';
import { TOOL_VERSION } from '../../src/version.js';
import { sampleResult } from './sample.js';

describe('JSON report', () => {
  const report = buildJsonReport(sampleResult(), { durationMs: 12.6 });

  test('has exactly the documented top-level shape', () => {
    expect(Object.keys(report)).toEqual(['tool', 'findings', 'suppressed', 'errors', 'stats']);
    expect(report.tool).toEqual({ name: 'mcp-oauth-guard', version: TOOL_VERSION });
    expect(TOOL_VERSION).toMatch(/^\d+\.\d+\.\d+/);
    expect(report.stats).toEqual({ files: 5, durationMs: 13 });
  });

  test('findings carry exactly the documented fields, sorted by file and position', () => {
    expect(report.findings.map((finding) => `${finding.file}:${finding.line}`)).toEqual(['src/auth/github.ts:4', 'src/auth/github.ts:7', 'src/store.js:2']);
    expect(report.findings[1]).toEqual({
      ruleId: 'token-logged',
      severity: 'error',
      file: 'src/auth/github.ts',
      line: 7,
      column: 14,
      endLine: 7,
      endColumn: 33,
      message: "Token 'tokens.access_token' reaches 'console.log'.",
      fingerprint: 'token-logged-src/auth/github.ts-7',
    });
  });

  test('suppressed findings keep their reason; errors keep file and message only', () => {
    expect(report.suppressed).toHaveLength(1);
    expect(Object.keys(report.suppressed[0]!)).toEqual(['ruleId', 'severity', 'file', 'line', 'column', 'endLine', 'endColumn', 'message', 'fingerprint', 'reason']);
    expect(report.suppressed[0]!.reason).toBe('local debugging build only, stripped in release');
    expect(report.errors).toEqual([
      { file: 'assets/logo.js', message: 'skipped: binary content (NUL bytes)' },
      { file: 'src/broken.ts', message: '1 syntax error(s), first at line 3' },
    ]);
  });

  test('formats as exactly one JSON object', () => {
    const text = formatJsonReport(report);
    expect(JSON.parse(text)).toEqual(report);
    expect(text.trim().startsWith('{') && text.trim().endsWith('}')).toBe(true);
  });
});
