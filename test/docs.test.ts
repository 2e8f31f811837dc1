import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Analyzer, ALL_RULES } from '../src/analyzer/index.js';
import { defaultConfig } from '../src/config/types.js';

/** The repository checks itself: every rule has metadata, a doc whose examples really behave, and fixtures. */

const HEADINGS = ['## Why it matters', '## How to fix', '## Examples', '### Wrong', '### Right', '## Options', '## References'];
const MIN_FIXTURES: Record<string, number> = { 'suppression-missing-reason': 3 };

function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start < 0) return '';
  const rest = markdown.slice(start + heading.length + 2);
  const next = rest.search(/\n#{2,3} /);
  return next < 0 ? rest : rest.slice(0, next);
}

function onlyCodeBlock(text: string): { language: string; code: string } {
  const blocks = [...text.matchAll(/```(\w+)\n([\s\S]*?)```/g)];
  expect(blocks).toHaveLength(1);
  return { language: blocks[0]![1]!, code: blocks[0]![2]! };
}

const extensionFor = (language: string) => ({ ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js', tsx: 'tsx', mjs: 'mjs', cjs: 'cjs' })[language] ?? 'ts';

describe.each(ALL_RULES.map((rule) => [rule.meta.id, rule] as const))('rule %s', (id, rule) => {
  const docPath = join(process.cwd(), 'docs', 'rules', `${id}.md`);

  test('has complete metadata', () => {
    expect(rule.meta.description).toMatch(/^[A-Z].*\.$/);
    expect(Number(rule.meta.securitySeverity)).toBeGreaterThanOrEqual(0);
    expect(Number(rule.meta.securitySeverity)).toBeLessThanOrEqual(10);
    expect(rule.meta.securitySeverity).toMatch(/^\d+\.\d$/);
    for (const cwe of rule.meta.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    expect(Object.keys(rule.meta.messages).length).toBeGreaterThan(0);
    for (const message of Object.values(rule.meta.messages)) expect(message).not.toMatch(/TODO/);
  });

  test('has a doc with the fixed headings whose first paragraph is the description', () => {
    expect(existsSync(docPath)).toBe(true);
    const markdown = readFileSync(docPath, 'utf8');
    expect(markdown.startsWith(`# ${id}\n`)).toBe(true);
    const firstParagraph = markdown.split('\n\n')[1] ?? '';
    expect(firstParagraph.startsWith(rule.meta.description)).toBe(true);
    let position = 0;
    for (const heading of HEADINGS) {
      const found = markdown.indexOf(`\n${heading}\n`, position);
      expect({ heading, found: found >= 0 }).toEqual({ heading, found: true });
      position = found;
    }
  });

  test("the doc's Wrong example is reported and its Right example is clean", () => {
    const markdown = readFileSync(docPath, 'utf8');
    const analyzer = new Analyzer(defaultConfig());
    const wrong = onlyCodeBlock(section(markdown, '### Wrong'));
    const right = onlyCodeBlock(section(markdown, '### Right'));
    const wrongFindings = analyzer.analyzeFile({ path: `docs-example-wrong.${extensionFor(wrong.language)}`, text: wrong.code }).findings;
    expect(wrongFindings.filter((finding) => finding.ruleId === id).length).toBeGreaterThan(0);
    const rightFindings = analyzer.analyzeFile({ path: `docs-example-right.${extensionFor(right.language)}`, text: right.code }).findings;
    expect(rightFindings.map((finding) => `${finding.ruleId}: ${finding.message}`)).toEqual([]);
  });

  test('has enough fixtures', () => {
    const dir = join(process.cwd(), 'test', 'fixtures', id);
    const count = existsSync(dir) ? readdirSync(dir, { recursive: true }).filter((name) => /\.[cm]?[jt]sx?$/.test(String(name))).length : 0;
    expect(count).toBeGreaterThanOrEqual(MIN_FIXTURES[id] ?? 15);
  });
});
