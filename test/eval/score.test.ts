import { checkAgainstPackage, checkSplitsDisjoint, parseLabelFile, slugOf, type Label, type LabelFile, type PackageLabels } from '../../tools/eval/labels.js';
import { isScannedPath } from '../../tools/eval/fetch.js';
import { scoreSplit, type ScoredFinding } from '../../tools/eval/score.js';
import { barLines } from '../../tools/eval/report.js';

const INTEGRITY = `sha512-${'A'.repeat(86)}==`;
const RULES = ['broad-scope', 'missing-pkce', 'refresh-token-not-rotated', 'token-logged', 'plaintext-token-storage'];

function pkg(labels: Label[], reviewed = ['dist/**'], name = 'demo-server'): PackageLabels {
  return { package: name, version: '1.0.0', integrity: INTEGRITY, split: 'tune', labelledBy: 'reading', reviewed, labels };
}
const label = (rule: string, file: string, line: number, endLine?: number): Label => ({ rule, file, line, ...(endLine ? { endLine } : {}), why: 'a fact' });
const finding = (ruleId: string, file: string, line: number): ScoredFinding => ({ ruleId, file, line, message: `${ruleId} here` });
const row = (score: ReturnType<typeof scoreSplit>, rule: string) => score.rules.find((item) => item.rule === rule)!;

describe('scoreSplit: the matching window', () => {
  const labels = [label('token-logged', 'dist/a.js', 10), label('missing-pkce', 'dist/a.js', 40, 44)];

  test.each([
    [8, true],
    [12, true],
    [7, false],
    [13, false],
  ])('a finding on line %i matches a one-line label on line 10: %s', (line, matches) => {
    const score = scoreSplit([{ labels: pkg(labels), findings: [finding('token-logged', 'dist/a.js', line)] }], RULES);
    expect(row(score, 'token-logged').truePositives).toBe(matches ? 1 : 0);
    expect(row(score, 'token-logged').falseAlarms).toBe(matches ? 0 : 1);
  });

  test('a ranged label takes findings from line-2 to endLine+2', () => {
    const inside = scoreSplit([{ labels: pkg(labels), findings: [finding('missing-pkce', 'dist/a.js', 46)] }], RULES);
    expect(row(inside, 'missing-pkce').truePositives).toBe(1);
    const outside = scoreSplit([{ labels: pkg(labels), findings: [finding('missing-pkce', 'dist/a.js', 47)] }], RULES);
    expect(row(outside, 'missing-pkce')).toMatchObject({ truePositives: 0, falseAlarms: 1, falseNegatives: 1 });
  });

  test('rule and file must both agree', () => {
    const score = scoreSplit(
      [{ labels: pkg(labels), findings: [finding('plaintext-token-storage', 'dist/a.js', 10), finding('token-logged', 'dist/b.js', 10)] }],
      RULES,
    );
    expect(row(score, 'token-logged')).toMatchObject({ truePositives: 0, falseAlarms: 1, falseNegatives: 1 });
    expect(row(score, 'plaintext-token-storage')).toMatchObject({ truePositives: 0, falseAlarms: 1 });
    expect(score.misses.map((miss) => miss.rule).sort()).toEqual(['missing-pkce', 'token-logged']);
  });
});

describe('scoreSplit: counting', () => {
  test('further findings on a matched label are duplicates, not false alarms', () => {
    const score = scoreSplit(
      [{ labels: pkg([label('token-logged', 'dist/a.js', 10)]), findings: [finding('token-logged', 'dist/a.js', 10), finding('token-logged', 'dist/a.js', 11)] }],
      RULES,
    );
    expect(row(score, 'token-logged')).toMatchObject({ truePositives: 1, duplicates: 1, falseAlarms: 0, precision: 1, recall: 1, f1: 1 });
  });

  test('labels sharing a group are one problem: a finding at any of their lines matches it, a second is a duplicate', () => {
    const authorize = { ...label('missing-pkce', 'dist/server.js', 40), group: 'server-pkce' };
    const grant = { ...label('missing-pkce', 'dist/server.js', 90), group: 'server-pkce' };
    const atGrant = scoreSplit([{ labels: pkg([authorize, grant]), findings: [finding('missing-pkce', 'dist/server.js', 90)] }], RULES);
    expect(row(atGrant, 'missing-pkce')).toMatchObject({ labels: 1, truePositives: 1, falseNegatives: 0, recall: 1 });
    const atBoth = scoreSplit(
      [{ labels: pkg([authorize, grant]), findings: [finding('missing-pkce', 'dist/server.js', 40), finding('missing-pkce', 'dist/server.js', 90)] }],
      RULES,
    );
    expect(row(atBoth, 'missing-pkce')).toMatchObject({ labels: 1, truePositives: 1, duplicates: 1, falseAlarms: 0 });
    const atNeither = scoreSplit([{ labels: pkg([authorize, grant]), findings: [] }], RULES);
    expect(row(atNeither, 'missing-pkce')).toMatchObject({ labels: 1, falseNegatives: 1 });
    expect(atNeither.misses).toHaveLength(1);
  });

  test('findings outside the reviewed files are unjudged and listed', () => {
    const score = scoreSplit([{ labels: pkg([], ['dist/auth.js']), findings: [finding('token-logged', 'dist/cli.js', 3), finding('token-logged', 'dist/auth.js', 3)] }], RULES);
    expect(row(score, 'token-logged')).toMatchObject({ falseAlarms: 1, unjudged: 1, precision: 0, recall: null, f1: null });
    expect(score.unjudged).toEqual([{ package: 'demo-server', ruleId: 'token-logged', file: 'dist/cli.js', line: 3, message: 'token-logged here' }]);
    expect(score.falseAlarms.map((alarm) => alarm.file)).toEqual(['dist/auth.js']);
  });

  test('a label outside the reviewed files still counts for recall', () => {
    const score = scoreSplit([{ labels: pkg([label('token-logged', 'lib/x.js', 5)], ['dist/**']), findings: [] }], RULES);
    expect(row(score, 'token-logged')).toMatchObject({ labels: 1, falseNegatives: 1, recall: 0, precision: null });
  });

  test('per-rule precision, recall and F1, and the core aggregate over the four rules', () => {
    const labels = [label('token-logged', 'dist/a.js', 10), label('token-logged', 'dist/a.js', 30), label('missing-pkce', 'dist/a.js', 50), label('broad-scope', 'dist/a.js', 70)];
    const findings = [finding('token-logged', 'dist/a.js', 10), finding('token-logged', 'dist/a.js', 90), finding('missing-pkce', 'dist/a.js', 51), finding('broad-scope', 'dist/a.js', 100)];
    const score = scoreSplit([{ labels: pkg(labels), findings }], RULES);
    const logged = row(score, 'token-logged');
    expect(logged).toMatchObject({ labels: 2, truePositives: 1, falseAlarms: 1, falseNegatives: 1, precision: 0.5, recall: 0.5 });
    expect(logged.f1).toBeCloseTo(0.5);
    // broad-scope is reported but not part of the core figure.
    expect(score.core).toMatchObject({ labels: 3, truePositives: 2, falseAlarms: 1, falseNegatives: 1 });
    expect(score.core.precision).toBeCloseTo(2 / 3);
    expect(score.core.recall).toBeCloseTo(2 / 3);
    expect(score.labels).toBe(4);
    expect(score.packages).toBe(1);
  });

  test('rules with no findings and no labels get empty ratios, not zeros', () => {
    const score = scoreSplit([{ labels: pkg([]), findings: [] }], RULES);
    expect(row(score, 'refresh-token-not-rotated')).toMatchObject({ precision: null, recall: null, f1: null, implemented: true });
  });

  test('a labelled rule the analyzer does not implement is reported as not implemented, its labels as misses', () => {
    const score = scoreSplit([{ labels: pkg([label('token-passthrough', 'dist/a.js', 5), label('token-logged', 'dist/a.js', 9)]), findings: [] }], RULES);
    expect(row(score, 'token-passthrough')).toMatchObject({ implemented: false, labels: 1, falseNegatives: 1, recall: 0 });
    expect(score.misses.map((miss) => miss.rule)).toContain('token-passthrough');
    expect(score.rules.map((item) => item.rule)).toEqual([...RULES, 'token-passthrough']);
  });

  test('labels of packages are kept apart: a finding in one package does not match a label of another', () => {
    const score = scoreSplit(
      [
        { labels: pkg([label('token-logged', 'dist/a.js', 10)], ['dist/**'], 'one'), findings: [] },
        { labels: pkg([], ['dist/**'], 'two'), findings: [finding('token-logged', 'dist/a.js', 10)] },
      ],
      RULES,
    );
    expect(row(score, 'token-logged')).toMatchObject({ truePositives: 0, falseAlarms: 1, falseNegatives: 1 });
  });
});

describe('label files', () => {
  const valid = () => ({ ...pkg([label('token-logged', 'dist/a.js', 3)]), notes: 'n' });
  const path = 'tools/eval/splits/tune/demo-server@1.0.0.json';

  test('a valid file parses', () => {
    expect(parseLabelFile(path, 'tune', valid()).problems).toEqual([]);
  });

  test.each([
    ['an unknown rule id', { labels: [{ ...label('token-logs', 'dist/a.js', 3) }] }, "'token-logs' is not a rule id"],
    ['a line of 0', { labels: [label('token-logged', 'dist/a.js', 0)] }, 'labels[0].line: must be a line number'],
    ['endLine before line', { labels: [label('token-logged', 'dist/a.js', 5, 4)] }, 'labels[0].endLine'],
    ['a typo in a field', { labels: [{ ...label('token-logged', 'dist/a.js', 3), endline: 4 }] }, 'labels[0].endline: unknown field'],
    ['a split that is not its directory', { split: 'blind' }, 'split: must be "tune"'],
    ['an integrity that is not SRI sha512', { integrity: 'sha1-abc' }, 'integrity:'],
    ['no reviewed files', { reviewed: [] }, 'reviewed: must list'],
    ['a file name that is not the package', { package: 'other' }, 'must be named other@1.0.0.json'],
    ['a repeated label', { labels: [label('token-logged', 'dist/a.js', 3), label('token-logged', 'dist/a.js', 3)] }, 'repeats the label'],
  ])('rejects %s', (_, change, message) => {
    const result = parseLabelFile(path, 'tune', { ...valid(), ...change });
    expect(result.problems.join('\n')).toContain(message);
  });

  test('blind labels must be written by reading', () => {
    const blind = { ...valid(), split: 'blind', labelledBy: 'reading+findings' };
    expect(parseLabelFile('tools/eval/splits/blind/demo-server@1.0.0.json', 'blind', blind).problems.join('\n')).toContain('blind labels must be "reading"');
  });

  test('the slug of a scoped package', () => {
    expect(slugOf('@scope/name')).toBe('scope__name');
  });

  const asFile = (data: PackageLabels, directory: 'tune' | 'blind' = 'tune'): LabelFile => ({ path: `${directory}/${data.package}`, directory, labels: data });

  test('the two splits may not share a package', () => {
    const problems = checkSplitsDisjoint([asFile(pkg([], ['x'], 'same')), asFile(pkg([], ['x'], 'same'), 'blind'), asFile(pkg([], ['x'], 'other'))]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain('package same is in both splits');
  });

  test('content checks: file exists and is scanned, line in range, globs match something', () => {
    const data = pkg(
      [label('token-logged', 'dist/a.js', 3), label('token-logged', 'dist/a.js', 30), label('token-logged', 'dist/gone.js', 1), label('token-logged', 'dist/a.d.ts', 1), label('token-logged', 'lib/b.js', 1)],
      ['dist/**', 'src/**'],
    );
    const files = new Map([
      ['dist/a.js', { lines: 20 }],
      ['dist/a.d.ts', { lines: 5 }],
      ['lib/b.js', { lines: 5 }],
    ]);
    const check = checkAgainstPackage(asFile(data), { files, scanned: new Set(['dist/a.js', 'lib/b.js']) });
    expect(check.errors.join('\n')).toContain('line 30 is past the end of the file (20 lines)');
    expect(check.errors.join('\n')).toContain('the package has no file dist/gone.js');
    expect(check.errors.join('\n')).toContain('dist/a.d.ts is not a scanned file');
    expect(check.errors.join('\n')).toContain("reviewed[1]: 'src/**' matches no file");
    expect(check.errors).toHaveLength(4);
    expect(check.warnings.join('\n')).toContain("lib/b.js:1): the file is not in 'reviewed'");
  });

  test.each([
    ['dist/index.js', true],
    ['src/auth.mts', true],
    ['dist/index.d.ts', false],
    ['dist/index.d.mts', false],
    ['dist/bundle.min.js', false],
    ['node_modules/x/index.js', false],
    ['dist/index.js.map', false],
    ['README.md', false],
  ])('scanned file %s: %s', (path, scanned) => {
    expect(isScannedPath(path)).toBe(scanned);
  });
});

describe('barLines: the issues\' bars on one split', () => {
  const ALL = [...RULES, 'token-passthrough', 'dns-rebinding-unprotected'];
  const packages = (count: number, findings: ScoredFinding[], labels: Label[]) =>
    Array.from({ length: count }, (_, index) => ({ labels: pkg(index === 0 ? labels : [], ['dist/**'], `server-${index}`), findings: index === 0 ? findings : [] }));

  test('the core bar is met at precision 0.90 and recall 0.80, and false alarms are counted per 20 packages', () => {
    const labels = Array.from({ length: 5 }, (_, index) => label('token-logged', 'dist/a.js', 10 * (index + 1)));
    const hits = labels.slice(0, 4).map((item) => finding('token-logged', 'dist/a.js', item.line));
    const met = barLines(scoreSplit(packages(40, hits, labels), ALL));
    expect(met[0]).toBe('core four rules (issue 9: precision ≥ 0.90, recall ≥ 0.80): 1.00 / 0.80, met');
    expect(met[1]).toBe('broad-scope (issue 10: precision ≥ 0.90, recall ≥ 0.85): 0 false alarms, no labels');
    expect(met[2]).toMatch(/token-passthrough 0\.00, dns-rebinding-unprotected 0\.00; met by every rule$/);

    const alarms = [finding('token-passthrough', 'dist/a.js', 200), finding('token-passthrough', 'dist/a.js', 300), finding('token-passthrough', 'dist/a.js', 400)];
    const missed = barLines(scoreSplit(packages(40, [...hits.slice(0, 3), ...alarms], labels), ALL));
    expect(missed[0]).toBe('core four rules (issue 9: precision ≥ 0.90, recall ≥ 0.80): 1.00 / 0.60, not met');
    expect(missed[2]).toMatch(/token-passthrough 1\.50, dns-rebinding-unprotected 0\.00; not met by token-passthrough$/);
  });
});
