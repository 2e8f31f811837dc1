/**
 * Audit #15: PR authors could add links, images and HTML to the check summary through
 * suppression reasons, forge headings through file names with newlines, and rewrite the
 * terminal through ANSI/OSC escapes in file names printed by the CLI's text report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planCheckRun, type CheckRunInput } from '../../src/report/check-run.js';
import { formatTextReport, printable } from '../../src/report/text.js';

const FIXTURE = join(process.cwd(), 'test', 'fixtures', 'check-run-plans', 'skips-suppressions-and-parser-notes', 'input.json');
const HOSTILE_REASON = 'approved by security, see [the signed exception](https://evil.example/login) ![x](https://evil.example/pixel.png) <img src=x> `code` | extra cell';
const HOSTILE_PATH = 'src/a\n\n## ✅ Security review: approved by @acme-security\n\nb.ts';

describe('the check summary', () => {
  const input = JSON.parse(readFileSync(FIXTURE, 'utf8')) as CheckRunInput;
  const suppressed = { ...input.suppressed[0]!, reason: HOSTILE_REASON, file: HOSTILE_PATH };
  const summary = planCheckRun({ ...input, suppressed: [suppressed], skipped: [...input.skipped, { path: HOSTILE_PATH, reason: 'too-large', detail: 'over the limit' }] }).summary;

  test('a suppression reason cannot add a link, an image, HTML or a table cell', () => {
    const row = summary.split('\n').find((line) => line.includes('approved by security'))!;
    expect(row).toBeDefined();
    expect(row).not.toMatch(/(?<!\\)\[the signed exception(?<!\\)\]\(/);
    expect(row).not.toContain('<img');
    expect(row).toContain('&lt;img src=x&gt;');
    expect(row).toContain('\\[the signed exception\\]');
    // Four columns: the pipe inside the reason is escaped.
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });

  test('a file name with newlines cannot start a heading', () => {
    expect(summary).not.toMatch(/^## ✅ Security review/m);
    expect(summary).toContain('`src/a\uFFFD\uFFFD## ✅ Security review: approved by @acme-security\uFFFD\uFFFDb.ts`');
  });
});

describe('the CLI text report', () => {
  test('file names and messages lose their terminal control characters', () => {
    const file = 'src/\u001b]0;pwned\u0007\u001b[2J\u001b[31mevil.ts';
    const text = formatTextReport(
      {
        findings: [{ ruleId: 'token-logged', severity: 'error', file, line: 1, column: 1, endLine: 1, endColumn: 4, message: 'm\u001b[8m', messageId: 'x', fingerprint: 'f' }],
        suppressed: [],
        errors: [{ file: 'x\u001b[2K.ts', message: 'could not be read', fatal: true }],
        stats: { files: 2, analyzed: 1 },
      } as never,
      { color: false, failOn: 'error', durationMs: 1, sourceText: () => 'abc\u001b[2Jdef' } as never,
    );
    expect(text).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(text).toContain('src/\uFFFD]0;pwned\uFFFD\uFFFD[2J\uFFFD[31mevil.ts');
  });

  test('printable keeps tabs only in code lines and keeps one column per character', () => {
    expect(printable('a\tb\u001bc', true)).toBe('a\tb\uFFFDc');
    expect(printable('a\tb\nc')).toBe('a\uFFFDb\uFFFDc');
  });
});
