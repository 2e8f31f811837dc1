import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeFiles, ALL_RULES, type AnalysisResult } from '../src/analyzer/index.js';
import { USAGE } from '../src/cli/args.js';
import { emptyScanMessage } from '../src/cli/scan.js';
import { formatConfigErrors } from '../src/cli/config-file.js';
import { CONFIG_KEYS, parseByteSize, parseConfigText } from '../src/config/load.js';
import { DEFAULT_EXCLUDE, DEFAULT_INCLUDE, defaultConfig } from '../src/config/types.js';
import { buildJsonReport, formatJsonReport } from '../src/report/json.js';
import { formatTextReport } from '../src/report/text.js';
import { parse as parseYaml } from 'yaml';
import { renderRulesTable, withRulesTable } from '../tools/docs/rules-table.js';

/**
 * The README and docs/ promise what the product does: the rule table, each rule's wrong example and what
 * the CLI prints for it (docs/rules), the CLI's usage (docs/cli.md), the config keys and their defaults and
 * a config error (docs/configuration.md). This fails when either side drifts.
 */

const README = readFileSync(join(process.cwd(), 'README.md'), 'utf8');
const CLI_DOC = readFileSync(join(process.cwd(), 'docs', 'cli.md'), 'utf8');
const CONFIG_DOC = readFileSync(join(process.cwd(), 'docs', 'configuration.md'), 'utf8');
const PACKAGE_JSON = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8')) as { scripts: Record<string, string> };
/** The file name the README's CLI outputs were produced with (`mcp-oauth-guard scan wrong.ts`). */
const EXAMPLE_FILE = 'wrong.ts';
const DOCS_TEST_EXTENSIONS: Record<string, string> = { ts: 'ts', typescript: 'ts', js: 'js', javascript: 'js', tsx: 'tsx', mjs: 'mjs', cjs: 'cjs' };

interface CodeBlock {
  language: string;
  code: string;
}

/** From a line equal to `heading` up to the next heading of the same or a higher level (`#` lines inside code blocks are not headings). */
function markdownSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.split('\n');
  let inFence = false;
  const isHeading = lines.map((line) => {
    if (line.startsWith('```')) inFence = !inFence;
    return !inFence && /^#+ /.test(line);
  });
  const start = lines.findIndex((line, index) => isHeading[index] && line === heading);
  if (start < 0) return undefined;
  const level = /^#+/.exec(heading)![0].length;
  const end = lines.findIndex((line, index) => index > start && isHeading[index] && /^#+/.exec(line)![0].length <= level);
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n');
}

/** The first fenced block after a line that is exactly `label` (a bold label or an HTML comment marker). */
function blockAfter(text: string, label: string): CodeBlock | undefined {
  const at = text.split('\n').indexOf(label);
  if (at < 0) return undefined;
  const rest = text.split('\n').slice(at + 1).join('\n');
  const match = /^\s*```(\w+)\n([\s\S]*?)```/.exec(rest);
  return match ? { language: match[1]!, code: match[2]! } : undefined;
}

/** The text line right before the first fenced block of a section (the label blockAfter looks for). */
function blockLabel(section: string): string {
  const lines = section.split('\n');
  const fence = lines.findIndex((line) => line.startsWith('```'));
  return fence > 1 ? lines[fence - 2]! : '';
}

function docExample(id: string, heading: '### Wrong' | '### Right'): CodeBlock {
  const doc = readFileSync(join(process.cwd(), 'docs', 'rules', `${id}.md`), 'utf8');
  const section = markdownSection(doc, heading) ?? '';
  const match = /```(\w+)\n([\s\S]*?)```/.exec(section);
  if (!match) throw new Error(`docs/rules/${id}.md has no code block under '${heading}'`);
  return { language: match[1]!, code: match[2]! };
}

/** The timing at the end of the summary line differs from run to run. */
const withoutTiming = (text: string): string => text.replace(/, \d+\.\d{2} s\)\.$/m, ', <time> s).');

/** A README table row `| `key` | … |` as its cells. */
function tableRow(markdown: string, firstCell: string): string[] | undefined {
  const line = markdown.split('\n').find((candidate) => candidate.startsWith(`| ${firstCell} |`));
  return line
    ?.split(/(?<!\\)\|/)
    .slice(1, -1)
    .map((cell) => cell.trim());
}

describe('README: the two commands', () => {
  test.each(['npm ci && npm run demo', 'npm ci && npm test'])('shows `%s` as a command of its own', (command) => {
    expect(README).toContain(`\`\`\`sh\n${command}\n\`\`\``);
  });

  test('the scripts those commands run exist', () => {
    expect(PACKAGE_JSON.scripts.demo).toEqual(expect.any(String));
    expect(PACKAGE_JSON.scripts.test).toEqual(expect.any(String));
  });
});

describe('README: short, with the rule table generated from the rules\' meta', () => {
  test('is at most 250 lines', () => {
    expect(README.split('\n').length).toBeLessThanOrEqual(250);
  });

  test('the rule table is what `npm run docs:rules` generates from each rule\'s meta', () => {
    expect(withRulesTable(README, renderRulesTable(ALL_RULES.map((rule) => rule.meta)))).toBe(README);
  });

  test('every relative link points at a file that exists', () => {
    const targets = [...README.matchAll(/\]\(((?!https?:|#)[^)#\s]+)(?:#[^)]*)?\)/g)].map((match) => match[1]!);
    expect(targets.length).toBeGreaterThan(5);
    expect(targets.filter((target) => !existsSync(join(process.cwd(), target)))).toEqual([]);
  });

  test('the workflow example uses the action pinned to a commit, with inputs action.yml declares', () => {
    const workflow = /```yaml\n(# \.github\/workflows\/mcp-oauth-guard\.yml[\s\S]*?)```/.exec(README)?.[1] ?? '';
    const steps = (parseYaml(workflow) as { jobs: { scan: { steps: { uses?: string; with?: Record<string, string> }[] } } }).jobs.scan.steps;
    const guard = steps.find((step) => /\/mcp-oauth-guard@/.test(step.uses ?? ''))!;
    expect(guard.uses).toMatch(/@[0-9a-f]{40}$/);
    const action = parseYaml(readFileSync(join(process.cwd(), 'action.yml'), 'utf8')) as { inputs: Record<string, unknown> };
    expect(Object.keys(guard.with ?? {}).filter((input) => !(input in action.inputs))).toEqual([]);
    expect(steps.some((step) => /^github\/codeql-action\/upload-sarif@v\d+$/.test(step.uses ?? ''))).toBe(true);
  });
});

describe.each(ALL_RULES.map((rule) => [rule.meta.id, rule] as const))('docs/rules/%s.md: what the CLI prints for the Wrong example', (id) => {
  const doc = readFileSync(join(process.cwd(), 'docs', 'rules', `${id}.md`), 'utf8');
  const wrong = docExample(id, '### Wrong');
  const shown = blockAfter(markdownSection(doc, '### What the CLI prints') ?? '', blockLabel(markdownSection(doc, '### What the CLI prints') ?? ''));
  const command = `$ mcp-oauth-guard scan ${EXAMPLE_FILE}\n`;
  const printed = shown?.code.startsWith(command) ? shown.code.slice(command.length) : '';
  let result: AnalysisResult;

  beforeAll(() => {
    expect(DOCS_TEST_EXTENSIONS[wrong.language]).toBe('ts');
    result = analyzeFiles([{ path: EXAMPLE_FILE, text: wrong.code }], defaultConfig());
  });

  test('as a text block that starts with the command', () => {
    expect(shown?.language).toBe('text');
    expect(shown?.code.startsWith(command)).toBe(true);
  });

  test('naming the rule, with the message the analyzer produces today for each finding', () => {
    expect(result.findings.some((finding) => finding.ruleId === id)).toBe(true);
    const findingLines = printed.split('\n').filter((line) => /  \[[a-z-]+\]$/.test(line));
    expect(findingLines).toHaveLength(result.findings.length);
    for (const finding of result.findings) {
      const expected = `${finding.line}:${finding.column}|${finding.severity}|${finding.message}|[${finding.ruleId}]`;
      const matching = findingLines.filter((line) => line.includes(`  ${finding.message}  [${finding.ruleId}]`) && line.trimStart().startsWith(`${finding.line}:${finding.column} `));
      expect({ expected, shown: matching.length }).toEqual({ expected, shown: 1 });
    }
  });

  test('exactly as the text report prints it with no config file (apart from the timing)', () => {
    const report = formatTextReport(result, { color: false, sourceText: () => wrong.code, failOn: defaultConfig().failOn, durationMs: 0, configFile: null });
    expect(withoutTiming(printed)).toBe(withoutTiming(report));
  });
});

describe('docs/cli.md', () => {
  const cliChapter = CLI_DOC;

  test("shows the CLI's usage text verbatim", () => {
    expect(cliChapter).toContain(`\`\`\`text\n${USAGE}\`\`\``);
  });

  const flags = [...new Set(USAGE.match(/(?<![\w-])--?[a-z][a-z-]*/g) ?? [])];
  const outsideUsage = CLI_DOC.replace(USAGE, '');

  test('USAGE lists flags', () => {
    expect(flags).toEqual(expect.arrayContaining(['--format', '--config', '--fail-on', '--output', '--no-ignore']));
  });

  test.each(flags)('mentions %s', (flag) => {
    expect(CLI_DOC).toMatch(new RegExp(`(?<![\\w-])${flag}(?![\\w-])`));
  });

  test.each(flags.filter((flag) => flag.startsWith('--')))('explains or uses %s outside the usage text', (flag) => {
    expect(outsideUsage).toMatch(new RegExp(`(?<![\\w-])${flag}(?![\\w-])`));
  });

  test('the JSON report shown is what the CLI prints for the suppressed example', () => {
    const shown = blockAfter(cliChapter, '<!-- readme-test: json-report -->');
    const example = blockAfter(markdownSection(CLI_DOC, '## Suppressing a finding') ?? '', '<!-- readme-test: suppressed-example -->');
    expect(shown?.language).toBe('json');
    const parsed = JSON.parse(shown!.code) as { stats: { durationMs: number } };
    const result = analyzeFiles([{ path: 'server.ts', text: example!.code }], defaultConfig());
    expect(shown!.code).toBe(formatJsonReport(buildJsonReport(result, { durationMs: parsed.stats.durationMs })));
  });

  test('the empty-scan message shown is what the CLI prints for a package that ships only dist/', () => {
    const shown = blockAfter(cliChapter, '<!-- readme-test: empty-scan -->');
    const [command, ...printed] = shown!.code.split('\n');
    expect(command).toBe('$ mcp-oauth-guard scan node_modules/some-pkg');
    expect(printed.join('\n')).toBe(emptyScanMessage(['node_modules/some-pkg'], ['node_modules/some-pkg/dist'], { noIgnore: false, allowEmpty: false }));
  });

  test('shows a SARIF upload to GitHub code scanning', () => {
    expect(cliChapter).toMatch(/uses: github\/codeql-action\/upload-sarif@v\d+/);
    expect(cliChapter).toContain('--format sarif');
  });
});

describe('docs/configuration.md', () => {
  const chapter = CONFIG_DOC;
  const defaults = defaultConfig();
  const globList = (globs: readonly string[]) => `\`[${globs.map((glob) => JSON.stringify(glob)).join(', ')}]\``;

  test.each([...CONFIG_KEYS])('has a table row for `%s`', (key) => {
    expect(tableRow(chapter, `\`${key}\``)).toBeDefined();
  });

  test('the table states the real defaults', () => {
    const defaultOf = (key: string) => tableRow(chapter, `\`${key}\``)?.[1];
    expect(defaultOf('fail_on')).toBe(`\`${defaults.failOn}\``);
    expect(defaultOf('gate')).toBe(`\`${defaults.gate}\``);
    expect(defaultOf('on_error')).toBe(`\`${defaults.onError}\``);
    expect(defaultOf('client_types')).toBe(`\`${defaults.clientTypes}\``);
    expect(defaultOf('test_files')).toBe(`\`${defaults.testFiles}\``);
    expect(defaultOf('include')).toBe(globList(DEFAULT_INCLUDE));
    expect(defaultOf('exclude')).toBe(globList(DEFAULT_EXCLUDE));
    expect(defaultOf('allowed_scopes')).toBe(`\`${JSON.stringify(defaults.allowedScopes)}\``);
    expect(parseByteSize(defaultOf('max_file_size')?.replace(/`/g, ''))).toBe(defaults.maxFileBytes);
  });

  test('the complete example is a valid config', () => {
    const example = blockAfter(chapter, 'A complete example:');
    expect(example?.language).toBe('yaml');
    const result = parseConfigText(example!.code, '.github/mcp-oauth-guard.yml');
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  test('the invalid config example gives exactly the errors shown', () => {
    const config = blockAfter(chapter, '<!-- readme-test: invalid-config -->');
    const shown = blockAfter(chapter, '<!-- readme-test: invalid-config-output -->');
    expect(config?.language).toBe('yaml');
    const result = parseConfigText(config!.code, '.mcp-oauth-guard.yml');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(shown?.code).toBe(formatConfigErrors('.mcp-oauth-guard.yml', result.errors));
  });
});

describe('docs/cli.md: suppressions', () => {
  const chapter = markdownSection(CLI_DOC, '## Suppressing a finding') ?? '';

  test('the suppressed example is suppressed with its reason, not reported', () => {
    const example = blockAfter(chapter, '<!-- readme-test: suppressed-example -->');
    expect(example?.language).toBe('ts');
    const result = analyzeFiles([{ path: 'server.ts', text: example!.code }], defaultConfig());
    expect(result.findings).toEqual([]);
    expect(result.suppressed.map((finding) => [finding.ruleId, finding.reason])).toEqual([['token-logged', 'the smoke script passes a fake token that is never valid']]);
  });
});
