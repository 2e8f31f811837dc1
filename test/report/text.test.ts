import { codeWithMarker, formatTextReport } from '../../src/report/text.js';
import { SAMPLE_SOURCES, sampleResult } from './sample.js';

const sourceText = (file: string) => SAMPLE_SOURCES.get(file);

describe('text report', () => {
  const text = formatTextReport(sampleResult(), { color: false, sourceText, failOn: 'error', durationMs: 1234 });

  test('groups findings by file with position, severity, message and rule id', () => {
    const lines = text.split('\n');
    const github = lines.indexOf('src/auth/github.ts');
    const store = lines.indexOf('src/store.js');
    expect(github).toBeGreaterThanOrEqual(0);
    expect(store).toBeGreaterThan(github);
    expect(lines[github + 1]).toBe("  4:81  error    Scope 'repo' grants write access to all private repositories; 'public_repo' covers reading public repositories.  [broad-scope]");
    expect(text).toContain("  7:14  error    Token 'tokens.access_token' reaches 'console.log'.  [token-logged]");
    expect(text).toContain("  2:1  warning  Token 'tokens' is written to 'tokens.json' unencrypted.  [plaintext-token-storage]");
  });

  test('shows the code line with a marker under the span, keeping tabs aligned', () => {
    const lines = text.split('\n');
    const index = lines.findIndex((line) => line.includes('console.log(tokens.access_token)'));
    expect(lines[index]).toBe('        \tconsole.log(tokens.access_token);');
    expect(lines[index + 1]).toBe(`        \t            ^${'~'.repeat('tokens.access_token'.length - 1)}`);
    expect(lines[index + 1]!.indexOf('^')).toBe(lines[index]!.indexOf('tokens'));
  });

  test('lists file errors and a summary with counts, suppressed and the gate', () => {
    expect(text).toContain('Could not fully analyse 2 files:\n  assets/logo.js: skipped: binary content (NUL bytes)\n');
    expect(text.trimEnd().split('\n').pop()).toBe(
      "3 problems (2 errors, 1 warning) in 2 files; 2 at or above fail-on 'error' (5 files scanned, 1 suppressed, 2 file errors, 1.23 s).",
    );
    // A suppressed finding is counted, not listed.
    expect(text).not.toContain('refresh_token');
  });

  test('no findings', () => {
    const clean = formatTextReport({ findings: [], suppressed: [], errors: [], stats: { files: 3, analyzed: 3 } }, { color: false, failOn: 'error' });
    expect(clean).toBe('No problems found (3 files scanned).\n');
  });

  test('colour only when asked', () => {
    expect(text).not.toContain('\u001b[');
    const coloured = formatTextReport(sampleResult(), { color: true, sourceText, failOn: 'error' });
    expect(coloured).toContain('\u001b[31merror');
    expect(coloured).toContain('\u001b[33mwarning');
  });

  test('works without source text', () => {
    const bare = formatTextReport(sampleResult(), { color: false, failOn: 'never' });
    expect(bare).toContain('[token-logged]');
    expect(bare).not.toContain('^');
    expect(bare).toContain('fail-on never');
  });
});

describe('codeWithMarker', () => {
  test('multi-line spans are marked to the end of the first line', () => {
    expect(codeWithMarker('  log({', { line: 1, column: 3, endLine: 3, endColumn: 2 }).marker).toBe('  ^~~~~');
  });

  test('a long minified line is cut around the finding', () => {
    const line = `${'a'.repeat(500)}TOKEN${'b'.repeat(500)}`;
    const { text, marker } = codeWithMarker(line, { line: 1, column: 501, endLine: 1, endColumn: 506 });
    expect(text.length).toBeLessThan(170);
    expect(text[marker.indexOf('^')]).toBe('T');
    expect(marker.endsWith('^~~~~')).toBe(true);
  });
});
