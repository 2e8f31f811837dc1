import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Analyzer, ALL_RULES } from '../src/analyzer/index.js';
import { defaultConfig, type GuardConfig } from '../src/config/types.js';
import { parseExpectations } from './helpers/annotations.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const RULE_IDS = ALL_RULES.map((rule) => rule.meta.id);

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : [path];
  });
}

const files = fixtureFiles(FIXTURES).filter((path) => /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(path));

describe('rule fixtures carry their own expectations', () => {
  test.each(files.map((path) => [relative(FIXTURES, path), path]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const { expectations, config: override } = parseExpectations(text);
    // A fixture that expects nothing must say so with `ok:` lines; an empty file proves nothing.
    expect(expectations.length).toBeGreaterThan(0);
    for (const expectation of expectations) expect(RULE_IDS).toContain(expectation.ruleId);

    const config: GuardConfig = { ...defaultConfig(), ...(override as Partial<GuardConfig> | undefined) };
    const analysis = new Analyzer(config).analyzeFile({ path: relative(FIXTURES, path).split('\\').join('/'), text });
    expect(analysis.errors.filter((error) => error.fatal)).toEqual([]);
    const reported = new Set(analysis.findings.map((finding) => `${finding.ruleId}@${finding.line}`));

    const problems: string[] = [];
    const claimed = new Set<string>();
    for (const expectation of expectations) {
      const key = `${expectation.ruleId}@${expectation.line}`;
      if (expectation.kind === 'ruleid') {
        claimed.add(key);
        if (!reported.has(key)) problems.push(`line ${expectation.line}: expected '${expectation.ruleId}', not reported`);
      } else if (reported.has(key)) {
        problems.push(`line ${expectation.line}: '${expectation.ruleId}' reported but annotated '${expectation.kind}'`);
      }
    }
    for (const finding of analysis.findings) {
      if (!claimed.has(`${finding.ruleId}@${finding.line}`)) {
        problems.push(`line ${finding.line}: unexpected '${finding.ruleId}': ${finding.message}`);
      }
    }
    expect(problems).toEqual([]);
  });
});
