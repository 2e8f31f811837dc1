import type { RuleId, Severity } from '../analyzer/types.js';
import { DEFAULT_TEST_FILES_POLICY, type TestFilesPolicy } from './test-files.js';

export type FailOn = Severity | 'never';
export type Gate = 'changed-lines' | 'changed-files';
export type OnError = 'failure' | 'neutral';
/** Which OAuth clients the server's own authorization server issues refresh tokens to (RFC 9700 §4.14.2 vs FAPI 2.0). */
export type ClientTypes = 'public' | 'confidential' | 'both';

export interface RuleSetting {
  enabled: boolean;
  /** Overrides the rule's default severity when set. */
  severity?: Severity;
}

export interface AllowedScope {
  scope: string;
  reason: string;
}

/** The validated configuration shared by the CLI and the app (`.github/mcp-oauth-guard.yml`). */
export interface GuardConfig {
  rules: Partial<Record<RuleId, RuleSetting>>;
  allowedScopes: AllowedScope[];
  include: string[];
  exclude: string[];
  failOn: FailOn;
  /** Files larger than this are skipped and reported, never analysed. */
  maxFileBytes: number;
  gate: Gate;
  onError: OnError;
  clientTypes: ClientTypes;
  /** Findings in test locations: reported as is, as notes, or not at all. */
  testFiles: TestFilesPolicy;
}

export const DEFAULT_INCLUDE = ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'];
/** Always applied; a config file's `exclude` list is added to these. */
export const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**', '**/dist/**', '**/build/**', '**/*.min.{js,mjs,cjs}'];

export function defaultConfig(): GuardConfig {
  return {
    rules: {},
    allowedScopes: [],
    include: [...DEFAULT_INCLUDE],
    exclude: [...DEFAULT_EXCLUDE],
    failOn: 'error',
    maxFileBytes: 1024 * 1024,
    gate: 'changed-lines',
    onError: 'failure',
    clientTypes: 'public',
    testFiles: DEFAULT_TEST_FILES_POLICY,
  };
}
