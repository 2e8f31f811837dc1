import type { ts } from './typescript.js';
import type { RuleId, Severity } from '../types.js';
import type { RuleContext } from './context.js';
import type { TextRequirement } from '../knowledge/prefilter.js';

/** The shape of a rule as the engine runs it; rules are written with `defineRule` (rules/define.ts). */
export interface RuleMeta<MessageId extends string> {
  id: RuleId;
  /** One line, shown in SARIF and the README's rule table. */
  description: string;
  defaultSeverity: Severity;
  /** e.g. ['CWE-532']; SARIF tags them as `external/cwe/cwe-532`. */
  cwe: string[];
  /** "0.0"–"10.0" as GitHub code scanning reads `security-severity`. */
  securitySeverity: string;
  precision: 'very-high' | 'high' | 'medium' | 'low';
  /**
   * Text (case-insensitive) a file must contain for the rule to report anything; checked before
   * parsing, see `knowledge/prefilter.ts`. Omitted: the rule runs on every file.
   */
  requiresText?: TextRequirement;
  /** Templates with `{{name}}` placeholders; program elements go in 'single quotes'. */
  messages: Record<MessageId, string>;
}

type NodeVisitor = (node: any) => void;
/** Visitors keyed by `ts.SyntaxKind`, called in document order after the file's one walk; `end` runs last. */
export type RuleVisitors = { [kind: number]: NodeVisitor } & { end?: () => void };

export interface RuleModule<MessageId extends string = string> {
  meta: RuleMeta<MessageId>;
  create(context: RuleContext<MessageId>): RuleVisitors;
}
