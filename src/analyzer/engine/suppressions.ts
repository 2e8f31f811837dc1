/**
 * `// mcp-oauth-guard-ignore <rule-id>[, <rule-id>]: <reason>` as a trailing comment on a
 * finding's line, or on a line above it (other comment lines may stand between).
 */

export interface SuppressionDirective {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  endColumn: number;
  ruleIds: string[];
  /** Empty when the author gave none; such a directive suppresses nothing. */
  reason: string;
  /** The code line the directive governs: its own if trailing code, else the next line that is not blank or only a comment. */
  nextCodeLine: number;
}

const COMMENT_ONLY = /^\s*(\/\/.*|\/\*.*\*\/\s*|\*.*)?$/;

const MARKER = 'mcp-oauth-guard-ignore';
const DIRECTIVE = /(?:\/\/|\/\*+|\*)\s*mcp-oauth-guard-ignore\b[ \t]*([A-Za-z0-9_-]+(?:[ \t]*,[ \t]*[A-Za-z0-9_-]+)*)?[ \t]*(?::[ \t]*(.*?))?[ \t]*(?:\*\/.*)?$/;

export function findSuppressions(text: string): SuppressionDirective[] {
  if (!text.includes(MARKER)) return [];
  const directives: SuppressionDirective[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((lineText, index) => {
    if (!lineText.includes(MARKER)) return;
    const match = DIRECTIVE.exec(lineText);
    if (!match) return;
    const start = match.index;
    directives.push({
      line: index + 1,
      column: start + 1,
      endColumn: lineText.length + 1,
      ruleIds: (match[1] ?? '').split(',').map((id) => id.trim()).filter(Boolean),
      reason: (match[2] ?? '').trim(),
      // A trailing directive governs only its own line.
      nextCodeLine: COMMENT_ONLY.test(lineText) ? nextCodeLine(lines, index + 1) : index + 1,
    });
  });
  return directives;
}

/** The directive that suppresses a rule on a line, if any (reasonless directives never do). */
export function suppressionFor(directives: SuppressionDirective[], ruleId: string, line: number): SuppressionDirective | undefined {
  return directives.find(
    (directive) => directive.reason !== '' && (directive.line === line || directive.nextCodeLine === line) && directive.ruleIds.includes(ruleId),
  );
}

/** 1-based number of the first line at or after `from` (0-based index) that holds code. */
function nextCodeLine(lines: string[], from: number): number {
  for (let index = from; index < lines.length; index++) {
    if (!COMMENT_ONLY.test(lines[index]!)) return index + 1;
  }
  return lines.length + 1;
}
