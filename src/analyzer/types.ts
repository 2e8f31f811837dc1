/** Shared data shapes of the pure analyzer: files in, findings out. */

export type Severity = 'error' | 'warning' | 'note';

/**
 * The five OAuth rules plus the engine's own diagnostic for malformed suppressions, in report
 * order. A plain list, so config validation need not load the rules (and the compiler they use).
 */
export const RULE_IDS = [
  'broad-scope',
  'missing-pkce',
  'refresh-token-not-rotated',
  'token-logged',
  'plaintext-token-storage',
  'suppression-missing-reason',
] as const;

export type RuleId = (typeof RULE_IDS)[number];

export interface InputFile {
  /** Path relative to the scanned root, with `/` separators. */
  path: string;
  text: string;
}

/** 1-based, inclusive start, exclusive-free end column (points at the last character + 1). */
export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface Finding extends Span {
  ruleId: RuleId;
  severity: Severity;
  file: string;
  message: string;
  messageId: string;
  /** Stable across unrelated edits: rule, file, the trimmed source line and its occurrence index. */
  fingerprint: string;
}

export interface SuppressedFinding extends Finding {
  reason: string;
}

export interface AnalysisError {
  file: string;
  message: string;
  /** true: the file was not analysed at all; false: analysed only as far as the parser recovered. */
  fatal: boolean;
  /** The file's analysis ran past its time budget (no findings of it are kept). */
  budgetExceeded?: boolean;
}

export interface FileAnalysis {
  file: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  errors: AnalysisError[];
  analyzed: boolean;
  /** No rule's required text is in the file, so it was not parsed (and cannot have findings). */
  prefiltered?: boolean;
}

export interface AnalysisResult {
  findings: Finding[];
  suppressed: SuppressedFinding[];
  errors: AnalysisError[];
  stats: { files: number; analyzed: number };
}

export const SEVERITY_RANK: Record<Severity, number> = { note: 1, warning: 2, error: 3 };
