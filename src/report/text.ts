import type { AnalysisResult, Finding, Severity } from '../analyzer/types.js';
import { describeTestFilesOutcome, type TestFilesOutcome } from '../config/test-files.js';
import type { FailOn } from '../config/types.js';
import { compareFindings, countBySeverity, failingFindings, plural } from './severity.js';

export interface TextReportOptions {
  /** ANSI colour; the CLI turns it on only for a TTY without NO_COLOR. */
  color: boolean;
  /** The text of a reported file, to show the code line under each finding. */
  sourceText?: (file: string) => string | undefined;
  failOn: FailOn;
  durationMs?: number;
  /** The config file used; null: none found, the defaults applied; undefined: not said. */
  configFile?: string | null;
  /** What `test_files` did, for the summary. */
  testFiles?: TestFilesOutcome;
}

const ANSI = { red: 31, yellow: 33, cyan: 36, gray: 90, bold: 1, underline: 4 } as const;
type Style = keyof typeof ANSI;
const SEVERITY_STYLE: Record<Severity, Style> = { error: 'red', warning: 'yellow', note: 'cyan' };
/** Long (minified) lines are cut to this many characters around the finding. */
const MAX_CODE_WIDTH = 160;

/** Human output: findings grouped by file, each with its code line and a `^~~~` marker, then a summary. */
export function formatTextReport(result: AnalysisResult, options: TextReportOptions): string {
  const paint = (style: Style, text: string): string => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const out: string[] = [];
  const byFile = new Map<string, Finding[]>();
  for (const finding of [...result.findings].sort(compareFindings)) {
    const list = byFile.get(finding.file) ?? [];
    list.push(finding);
    byFile.set(finding.file, list);
  }

  for (const [file, findings] of byFile) {
    out.push(paint('underline', printable(file)));
    const lines = splitLines(options.sourceText?.(file));
    const positionWidth = Math.max(...findings.map((finding) => `${finding.line}:${finding.column}`.length));
    for (const finding of findings) {
      const position = `${finding.line}:${finding.column}`.padEnd(positionWidth);
      out.push(`  ${paint('gray', position)}  ${paint(SEVERITY_STYLE[finding.severity], finding.severity.padEnd(7))}  ${printable(finding.message)}  ${paint('gray', `[${finding.ruleId}]`)}`);
      const code = lines?.[finding.line - 1];
      if (code !== undefined && code.trim() !== '') {
        const { text, marker } = codeWithMarker(code, finding);
        const indent = ' '.repeat(positionWidth + 4);
        out.push(`${indent}${printable(text, true)}`);
        out.push(`${indent}${paint(SEVERITY_STYLE[finding.severity], marker)}`);
      }
    }
    out.push('');
  }

  if (result.errors.length > 0) {
    out.push(paint('bold', `Could not fully analyse ${plural(result.errors.length, 'file')}:`));
    for (const error of result.errors) out.push(`  ${printable(error.file)}: ${printable(error.message)}`);
    out.push('');
  }

  if (options.configFile !== undefined) out.push(paint('gray', options.configFile === null ? 'Config: none found, the defaults apply.' : `Config: ${options.configFile}`));
  out.push(summaryLine(result, options, paint));
  return `${out.join('\n')}\n`;
}

function summaryLine(result: AnalysisResult, options: TextReportOptions, paint: (style: Style, text: string) => string): string {
  const counts = countBySeverity(result.findings);
  const files = new Set(result.findings.map((finding) => finding.file)).size;
  const details = [
    `${plural(result.stats.files, 'file')} scanned`,
    ...(result.suppressed.length > 0 ? [`${result.suppressed.length} suppressed`] : []),
    ...(describeTestFilesOutcome(options.testFiles) ? [describeTestFilesOutcome(options.testFiles)!] : []),
    ...(result.errors.length > 0 ? [plural(result.errors.length, 'file error')] : []),
    ...(options.durationMs !== undefined ? [`${(options.durationMs / 1000).toFixed(2)} s`] : []),
  ].join(', ');
  if (result.findings.length === 0) return `${paint('bold', 'No problems found')} (${details}).`;
  const bySeverity = (['error', 'warning', 'note'] as const)
    .filter((severity) => counts[severity] > 0)
    .map((severity) => paint(SEVERITY_STYLE[severity], plural(counts[severity], severity)))
    .join(', ');
  const failing = failingFindings(result, options.failOn).length;
  const gate = options.failOn === 'never' ? 'fail-on never' : `${failing} at or above fail-on '${options.failOn}'`;
  return `${paint('bold', `${plural(result.findings.length, 'problem')}`)} (${bySeverity}) in ${plural(files, 'file')}; ${gate} (${details}).`;
}

/** The code line (tabs kept so the marker lines up) and `^~~~` under the finding's span on that line. */
export function codeWithMarker(line: string, span: Pick<Finding, 'line' | 'column' | 'endLine' | 'endColumn'>): { text: string; marker: string } {
  const start = Math.min(Math.max(span.column - 1, 0), line.length);
  const end = span.endLine === span.line ? Math.min(Math.max(span.endColumn - 1, start + 1), line.length) : line.trimEnd().length;
  let from = 0;
  let to = line.length;
  if (line.length > MAX_CODE_WIDTH) {
    from = Math.max(0, start - 40);
    to = Math.min(line.length, from + MAX_CODE_WIDTH);
  }
  const text = `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}`;
  const prefix = (from > 0 ? ' ' : '') + line.slice(from, start).replace(/[^\t]/g, ' ');
  const width = Math.max(1, Math.min(end, to) - start);
  return { text, marker: `${prefix}^${'~'.repeat(width - 1)}` };
}

/**
 * Text from scanned files (names, code lines, messages quoting code) without terminal control
 * characters: an ESC or OSC sequence in a file name could recolour, retitle or rewrite the
 * terminal, a newline could forge report lines. Each becomes U+FFFD, one column wide, so the
 * `^~~~` marker under a code line stays aligned; tabs are kept in code lines.
 */
export function printable(text: string, keepTabs = false): string {
  return text.replace(keepTabs ? /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029]/g : /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, '\uFFFD');
}

function splitLines(text: string | undefined): string[] | undefined {
  // Finding columns are counted after the BOM, which the analyzer strips.
  return text?.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
}
