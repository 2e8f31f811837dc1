/**
 * Fixture expectations in the fixture itself, Semgrep style:
 *   // ruleid: <id>:<messageId>[@<column>][, …]  the next code line must be reported by that rule, with that
 *                                               messageId (and, when given, starting at that 1-based column)
 *   // ok: <id>                  the next code line must not be reported by that rule
 *   // todoruleid: <id>          a known miss: the next line is not reported today (and must not be, or promote it)
 *   // fixture-config: {json}    partial config for this fixture (merged over the defaults)
 * Annotations stack: several lines of them apply to the next line that is not an annotation.
 * A line reported twice by one rule (two messages) carries the rule twice: `ruleid: a:x, a:y`.
 */
export interface Expectation {
  kind: 'ruleid' | 'ok' | 'todoruleid';
  ruleId: string;
  /** Required for `ruleid`: the finding's messageId. */
  messageId?: string;
  /** 1-based start column, when the fixture pins it. */
  column?: number;
  /** 1-based line the expectation is about. */
  line: number;
  /** 1-based line of the annotation comment. */
  annotationLine: number;
}

const ITEM = '[a-z0-9-]+(?::[A-Za-z][A-Za-z0-9]*)?(?:@\\d+)?';
const ANNOTATION = new RegExp(`^\\s*(?:\\/\\/|\\/\\*|\\{\\s*\\/\\*)\\s*(ruleid|ok|todoruleid)\\s*:\\s*(${ITEM}(?:\\s*,\\s*${ITEM})*)`);
const ITEM_PARTS = /^([a-z0-9-]+)(?::([A-Za-z][A-Za-z0-9]*))?(?:@(\d+))?$/;
const CONFIG = /^\s*\/\/\s*fixture-config:\s*(\{.*\})\s*$/;

export function parseExpectations(text: string): { expectations: Expectation[]; config?: Record<string, unknown> } {
  const lines = text.split(/\r\n|\r|\n/);
  const expectations: Expectation[] = [];
  let pending: Omit<Expectation, 'line'>[] = [];
  let config: Record<string, unknown> | undefined;
  lines.forEach((lineText, index) => {
    const configMatch = CONFIG.exec(lineText);
    if (configMatch) {
      config = JSON.parse(configMatch[1]!) as Record<string, unknown>;
      return;
    }
    const match = ANNOTATION.exec(lineText);
    if (match) {
      const kind = match[1] as Expectation['kind'];
      for (const item of match[2]!.split(',').map((part) => part.trim())) {
        const [, ruleId, messageId, column] = ITEM_PARTS.exec(item)!;
        if (kind !== 'ruleid' && (messageId || column)) {
          throw new Error(`line ${index + 1}: '${kind}: ${item}' — only ruleid annotations name a messageId or column`);
        }
        pending.push({ kind, ruleId: ruleId!, messageId, column: column ? Number(column) : undefined, annotationLine: index + 1 });
      }
      return;
    }
    if (pending.length && lineText.trim() !== '') {
      expectations.push(...pending.map((item) => ({ ...item, line: index + 1 })));
      pending = [];
    }
  });
  if (pending.length) throw new Error(`annotation at line ${pending[0]!.annotationLine} is not followed by code`);
  return { expectations, config };
}
