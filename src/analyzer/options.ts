import type { RuleId, Severity } from './types.js';

/**
 * What the analyzer needs to know of a project's settings. The CLI's and the app's config
 * (`GuardConfig`) is mapped onto this, so the analyzer depends on no config, CLI or app module.
 */
export interface AnalyzerOptions {
  /** Per rule: off, or its severity changed. A rule not named runs at its default severity. */
  rules: Partial<Record<RuleId, { enabled: boolean; severity?: Severity }>>;
  /** Scopes the project has accepted, each with its reason (broad-scope skips them). */
  allowedScopes: ReadonlyArray<{ scope: string; reason: string }>;
  /** Files larger than this are skipped and reported, never analysed. */
  maxFileBytes: number;
  /** Which clients the server's own authorization server issues refresh tokens to (RFC 9700 §4.14.2 vs FAPI 2.0). */
  clientTypes: 'public' | 'confidential' | 'both';
}

/** How one analyzer instance runs, apart from what it checks. */
export interface AnalyzerRuntime {
  /**
   * Skip the rules whose required text a file lacks, and do not parse a file that no rule
   * applies to (default on). Off only to check that it changes nothing.
   */
  prefilter?: boolean;
  /**
   * Milliseconds one file's analysis may take (parse, walk, every rule); a file over budget
   * becomes a fatal error entry for that file, never a silent pass. Needs `now`.
   */
  fileBudgetMs?: number;
  /** The clock the budget is measured with (`performance.now`, CPU time); the analyzer reads none of its own. */
  now?: () => number;
}

export function defaultAnalyzerOptions(): AnalyzerOptions {
  return { rules: {}, allowedScopes: [], maxFileBytes: 1024 * 1024, clientTypes: 'public' };
}
