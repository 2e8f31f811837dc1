import { ts } from './typescript.js';
import type { AnalyzerOptions } from '../options.js';
import type { RuleId, Severity, Span } from '../types.js';
import type { ValueResolver } from './values.js';
import type { ScannedModule } from './project.js';

/** The other files of the scan, as a rule that needs the whole tree sees them. */
export interface ScanView {
  /** The same for every file of one scan: a rule keeps what it worked out for the scan under it. */
  readonly key: object;
  /** How many files the scan has (this one included). */
  readonly files: number;
  /** Visits each module of the scan whose text `mentions` accepts (its time is not charged to this file). */
  each(mentions: { test(text: string): boolean }, visit: (module: ScannedModule) => void): void;
}

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
  /** The file's value follower; models (models/*) are built on it. */
  values: ValueResolver;
  /** The analyzer's options (a project's config mapped onto them). */
  config: AnalyzerOptions;
  /** The other files of the scan, when the caller handed them in; findings are still this file's only. */
  scan?: ScanView;
  report(report: Report<MessageId>): void;
}

export interface RawFinding {
  ruleId: RuleId;
  messageId: string;
  message: string;
  severity: Severity;
  span: Span;
}

/**
 * Line starts as GitHub and git count lines: after LF, CRLF or a lone CR. (The compiler also
 * breaks lines at U+2028/U+2029, which would shift annotations away from the lines shown.)
 */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) this.starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }
}

export function spanOf(node: ts.Node, sourceFile: ts.SourceFile, lines: LineIndex): Span {
  const start = lines.position(node.getStart(sourceFile));
  const end = lines.position(node.getEnd());
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}
