/**
 * Fixture expectations in the fixture itself, Semgrep style:
 *   // ruleid: <id>[, <id>]      the next code line must be reported by each rule named
 *   // ok: <id>                  the next code line must not be reported by that rule
 *   // todoruleid: <id>          a known miss: the next line is not reported today (and must not be, or promote it)
 *   // fixture-config: {json}    partial config for this fixture (merged over the defaults)
 * Annotations stack: several lines of them apply to the next line that is not an annotation.
 */
export interface Expectation {
  kind: 'ruleid' | 'ok' | 'todoruleid';
  ruleId: string;
  /** 1-based line the expectation is about. */
  line: number;
  /** 1-based line of the annotation comment. */
  annotationLine: number;
}

const ANNOTATION = /^\s*(?:\/\/|\/\*|\{\s*\/\*)\s*(ruleid|ok|todoruleid)\s*:\s*([a-z0-9-]+(?:\s*,\s*[a-z0-9-]+)*)/;
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
      for (const ruleId of match[2]!.split(',').map((id) => id.trim())) {
        pending.push({ kind: match[1] as Expectation['kind'], ruleId, annotationLine: index + 1 });
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
