import type { AnalysisResult, Finding, Severity, SuppressedFinding } from '../analyzer/types.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { compareFindings } from './severity.js';

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  message: string;
  fingerprint: string;
}

export interface JsonReport {
  tool: { name: string; version: string };
  findings: JsonFinding[];
  suppressed: (JsonFinding & { reason: string })[];
  errors: { file: string; message: string }[];
  stats: { files: number; durationMs: number };
}

export interface JsonReportOptions {
  durationMs: number;
  version?: string;
}

/** The CLI's `--format json` object; paths are already relative with `/` separators. */
export function buildJsonReport(result: AnalysisResult, options: JsonReportOptions): JsonReport {
  return {
    tool: { name: TOOL_NAME, version: options.version ?? TOOL_VERSION },
    findings: [...result.findings].sort(compareFindings).map(toJsonFinding),
    suppressed: [...result.suppressed].sort(compareFindings).map((finding: SuppressedFinding) => ({ ...toJsonFinding(finding), reason: finding.reason })),
    errors: result.errors.map((error) => ({ file: error.file, message: error.message })),
    stats: { files: result.stats.files, durationMs: Math.round(options.durationMs) },
  };
}

export function formatJsonReport(report: JsonReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}

function toJsonFinding(finding: Finding): JsonFinding {
  return {
    ruleId: finding.ruleId,
    severity: finding.severity,
    file: finding.file,
    line: finding.line,
    column: finding.column,
    endLine: finding.endLine,
    endColumn: finding.endColumn,
    message: finding.message,
    fingerprint: finding.fingerprint,
  };
}
