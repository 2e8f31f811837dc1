import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../analyzer/index.js';
import type { RuleId } from '../analyzer/types.js';
import type { RuleHelp } from '../report/check-run.js';
import { PACKAGE_ROOT } from '../version.js';

/**
 * Each rule's description, and the "How to fix" section of `docs/rules/<id>.md`, for the
 * annotations' details. A missing doc leaves only the description.
 */
export function loadRuleHelp(docsDir = join(PACKAGE_ROOT, 'docs', 'rules')): Partial<Record<RuleId, RuleHelp>> {
  const help: Partial<Record<RuleId, RuleHelp>> = {};
  for (const rule of ALL_RULES) {
    const entry: RuleHelp = { description: rule.meta.description };
    try {
      const howToFix = sectionOf(readFileSync(join(docsDir, `${rule.meta.id}.md`), 'utf8'), 'How to fix');
      if (howToFix) entry.howToFix = howToFix;
    } catch {
      // No doc for this rule in this install: the description alone still helps.
    }
    help[rule.meta.id] = entry;
  }
  return help;
}

/** The text under `## <heading>` up to the next heading of level 2 or above. */
export function sectionOf(markdown: string, heading: string): string | undefined {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim().toLowerCase() === `## ${heading.toLowerCase()}`);
  if (start < 0) return undefined;
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((line) => /^#{1,2}\s/.test(line));
  const text = (end < 0 ? rest : rest.slice(0, end)).join('\n').trim();
  return text || undefined;
}
