/**
 * The README's rule table, generated from each rule's `meta` (as eslint-doc-generator does):
 * `npm run docs:rules` rewrites it between the markers; test/readme.test.ts fails when it is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RuleMeta } from '../../src/analyzer/rules/define.js';
import { ALL_RULES } from '../../src/analyzer/rules/index.js';

export const TABLE_START = '<!-- begin auto-generated rules list: npm run docs:rules -->';
export const TABLE_END = '<!-- end auto-generated rules list -->';

/** One Markdown table, one row per rule in report order. Pure. */
export function renderRulesTable(rules: readonly Pick<RuleMeta<string>, 'id' | 'description' | 'defaultSeverity' | 'cwe' | 'securitySeverity'>[]): string {
  const cell = (text: string): string => text.replace(/\|/g, '\\|');
  const rows = rules.map(
    (meta) => `| [\`${meta.id}\`](docs/rules/${meta.id}.md) | ${cell(meta.description)} | \`${meta.defaultSeverity}\` | ${meta.cwe.join(', ') || 'none'} | ${meta.securitySeverity} |`,
  );
  return ['| Rule | What it reports | Default severity | CWE | security-severity |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

/** The markdown with the table between the markers replaced; throws when the markers are missing. Pure. */
export function withRulesTable(markdown: string, table: string): string {
  const start = markdown.indexOf(TABLE_START);
  const end = markdown.indexOf(TABLE_END);
  if (start < 0 || end < start) throw new Error(`README.md needs the markers ${TABLE_START} and ${TABLE_END}`);
  return `${markdown.slice(0, start + TABLE_START.length)}\n\n${table}\n\n${markdown.slice(end)}`;
}

if (import.meta.url === `file://${process.argv[1]}` || fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = new URL('../../../README.md', import.meta.url);
  const before = readFileSync(readme, 'utf8');
  const after = withRulesTable(before, renderRulesTable(ALL_RULES.map((rule) => rule.meta)));
  if (after !== before) writeFileSync(readme, after);
  process.stdout.write(after === before ? 'README.md: the rule table is up to date\n' : 'README.md: rule table regenerated\n');
}
