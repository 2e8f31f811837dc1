/** `// mcp-oauth-guard-ignore <rule-id>[, <rule-id>]: <reason>` on a finding's line or the line above. */

export interface SuppressionDirective {
  /** 1-based line of the comment. */
  line: number;
  column: number;
  endColumn: number;
  ruleIds: string[];
  /** Empty when the author gave none; such a directive suppresses nothing. */
  reason: string;
}

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
    });
  });
  return directives;
}

/** The directive that suppresses a rule on a line, if any (reasonless directives never do). */
export function suppressionFor(directives: SuppressionDirective[], ruleId: string, line: number): SuppressionDirective | undefined {
  return directives.find(
    (directive) => directive.reason !== '' && (directive.line === line || directive.line === line - 1) && directive.ruleIds.includes(ruleId),
  );
}
