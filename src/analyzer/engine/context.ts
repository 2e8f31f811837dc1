import { ts } from 'ts-morph';
import type { GuardConfig } from '../../config/types.js';
import type { RuleId, Severity, Span } from '../types.js';
import type { TokenModel } from '../tokens.js';
import type { ValueResolver } from './values.js';

export interface Report<MessageId extends string> {
  node: ts.Node;
  messageId: MessageId;
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity for this finding (e.g. a warning-level variant). */
  severity?: Severity;
}

/** Everything a rule sees of one file. */
export interface RuleContext<MessageId extends string = string> {
  ruleId: RuleId;
  path: string;
  sourceFile: ts.SourceFile;
  values: ValueResolver;
  tokens: TokenModel;
  config: GuardConfig;
  report(report: Report<MessageId>): void;
}

export interface RawFinding {
  ruleId: RuleId;
  messageId: string;
  message: string;
  severity: Severity;
  span: Span;
}

export function spanOf(node: ts.Node, sourceFile: ts.SourceFile): Span {
  const start = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile));
  const end = sourceFile.getLineAndCharacterOfPosition(node.getEnd());
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
