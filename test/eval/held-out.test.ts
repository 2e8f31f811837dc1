import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RULE_IDS } from '../../src/analyzer/types.js';
import {
  analyzeCase,
  buildCase,
  extractMarkdownSection,
  HELD_OUT_HEADING,
  loadHeldOutCases,
  parseCaseFile,
  renderHeldOutMarkdown,
  renderHeldOutText,
  replaceMarkdownSection,
  scoreHeldOut,
  type CaseAnalysis,
  type CaseFinding,
  type HeldOutCase,
} from '../../tools/eval/held-out.js';

const RULES = ['token-passthrough', 'bearer-token-in-query', 'dns-rebinding-unprotected'];
/** What the eval accepts: every rule id but the engine's own suppression diagnostic. */
const JUDGED = RULE_IDS.filter((id) => id !== 'suppression-missing-reason');

const lines = (...content: string[]) => content.join('\n') + '\n';
const finding = (ruleId: string, file: string, line: number): CaseFinding => ({ ruleId, file, line, message: `${ruleId} here` });

function singleCase(rule: string, path: string, text: string): HeldOutCase {
  const built = buildCase(rule, path, false, [{ path, text }], RULES);
  if (!built.heldOutCase) throw new Error(built.problems.join('\n'));
  return built.heldOutCase;
}

const analysis = (...findings: CaseFinding[]): CaseAnalysis => ({ findings, errors: [] });

describe('parseCaseFile: annotations', () => {
  test('an annotation points at the line directly below it; stacked annotations share that line', () => {
    const parsed = parseCaseFile(
      'r/a.ts',
      lines('// a positive case', 'const a = 1;', '// held-out: token-passthrough', 'fetch(url, { headers });', '// held-out: token-passthrough', '// held-out: bearer-token-in-query', 'other();'),
      RULES,
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.clean).toBe(false);
    expect(parsed.annotations).toEqual([
      { rule: 'token-passthrough', line: 4, commentLine: 3 },
      { rule: 'token-passthrough', line: 7, commentLine: 5 },
      { rule: 'bearer-token-in-query', line: 7, commentLine: 6 },
    ]);
  });

  test('indented annotations and CRLF line ends are read the same way', () => {
    const parsed = parseCaseFile('r/a.ts', '// x\r\nfunction f() {\r\n    //   held-out:   token-passthrough\r\n    send(token);\r\n}\r\n', RULES);
    expect(parsed.problems).toEqual([]);
    expect(parsed.annotations).toEqual([{ rule: 'token-passthrough', line: 4, commentLine: 3 }]);
  });

  test('a first-line clean marker (with its why) marks the file clean', () => {
    const parsed = parseCaseFile('r/b.ts', lines('// held-out: clean — the token is exchanged first', '// what it stands for', 'code();'), RULES);
    expect(parsed).toEqual({ path: 'r/b.ts', clean: true, annotations: [], problems: [] });
  });

  test.each([
    ['an unknown rule id, with a suggestion', lines('// x', '// held-out: token-pasthrough', 'a();'), "r/c.ts:2: unknown rule id 'token-pasthrough' in a held-out annotation (did you mean 'token-passthrough'?)"],
    ['an empty marker', lines('// x', '// held-out:', 'a();'), "r/c.ts:2: '// held-out:' names no rule id"],
    ['text after the rule id', lines('// x', '// held-out: token-passthrough second one', 'a();'), 'r/c.ts:2: text after the rule id'],
    ['a clean marker below the first line', lines('// x', '// held-out: clean', 'a();'), "r/c.ts:2: '// held-out: clean' must be the file's first line"],
    ['a trailing comment', lines('// x', 'a(); // held-out: token-passthrough'), 'r/c.ts:2: malformed held-out marker'],
    ['a block comment', lines('// x', '/* held-out: token-passthrough */', 'a();'), 'r/c.ts:2: malformed held-out marker'],
    ['a missing colon', lines('// x', '// held-out token-passthrough', 'a();'), 'r/c.ts:2: malformed held-out marker'],
    ['an annotation above a blank line', lines('// x', '// held-out: token-passthrough', '', 'a();'), "r/c.ts:2: '// held-out: token-passthrough' stands above a blank line"],
    ['an annotation on the last line', '// x\n// held-out: token-passthrough', "r/c.ts:2: '// held-out: token-passthrough' has no line below it"],
  ])('%s is a problem with a clear message', (_title, text, message) => {
    const parsed = parseCaseFile('r/c.ts', text, RULES);
    expect(parsed.problems).toHaveLength(1);
    expect(parsed.problems[0]).toContain(message);
    expect(parsed.annotations).toEqual([]);
  });
});

describe('buildCase: what a case must carry', () => {
  test('a file with neither an annotation of its folder rule nor a clean marker is refused', () => {
    const built = buildCase('token-passthrough', 'token-passthrough/a.ts', false, [{ path: 'token-passthrough/a.ts', text: lines('// x', '// held-out: bearer-token-in-query', 'a();') }], RULES);
    expect(built.heldOutCase).toBeUndefined();
    expect(built.problems).toEqual([expect.stringContaining("token-passthrough/a.ts: no '// held-out: token-passthrough' annotation and no '// held-out: clean' first line")]);
  });

  test('a clean file annotated for its own folder rule is refused; another rule annotated in it is ignored', () => {
    const contradicting = buildCase('token-passthrough', 'p/a.ts', false, [{ path: 'p/a.ts', text: lines('// held-out: clean', '// held-out: token-passthrough', 'a();') }], RULES);
    expect(contradicting.problems).toEqual([expect.stringContaining("marked '// held-out: clean' but annotated '// held-out: token-passthrough' on line 2")]);
    const other = buildCase('token-passthrough', 'p/b.ts', false, [{ path: 'p/b.ts', text: lines('// held-out: clean', '// held-out: bearer-token-in-query', 'a();') }], RULES);
    expect(other.problems).toEqual([]);
    expect(other.heldOutCase!.positive).toBe(false);
  });

  test('a folder that is not a rule id is refused with a suggestion', () => {
    const built = buildCase('dns-rebinding-unprotectd', 'dns-rebinding-unprotectd/a.ts', false, [{ path: 'dns-rebinding-unprotectd/a.ts', text: '// held-out: clean\n' }], RULES);
    expect(built.problems).toEqual(["dns-rebinding-unprotectd/a.ts: folder 'dns-rebinding-unprotectd' is not a rule id (did you mean 'dns-rebinding-unprotected'?)"]);
  });

  test('in a project, unmarked helper files are allowed; the project needs an annotation or a clean-marked file', () => {
    const helper = { path: 'r/p.project/helper.ts', text: lines('// helper', 'export const x = 1;') };
    const positive = buildCase('token-passthrough', 'r/p.project', true, [helper, { path: 'r/p.project/main.ts', text: lines('// x', '// held-out: token-passthrough', 'send();') }], RULES);
    expect(positive.problems).toEqual([]);
    expect(positive.heldOutCase!.positive).toBe(true);
    const unmarked = buildCase('token-passthrough', 'r/p.project', true, [helper], RULES);
    expect(unmarked.problems).toEqual(["r/p.project: project has no '// held-out: token-passthrough' annotation and no file marked '// held-out: clean'"]);
  });
});

describe('scoreHeldOut', () => {
  const text = lines('// x', 'const t = 1;', '// held-out: token-passthrough', 'send(t);', 'a();', 'b();', 'c();', 'd();');
  const positive = singleCase('token-passthrough', 'token-passthrough/a.ts', text);

  test.each([
    [3, true],
    [4, true],
    [5, true],
    [2, false],
    [6, false],
  ])('a finding on line %i matches the annotated line 4 (±1): %s', (line, matches) => {
    const score = scoreHeldOut([positive], new Map([[positive.name, analysis(finding('token-passthrough', positive.name, line))]]));
    expect(score.rules[0]).toMatchObject({ rule: 'token-passthrough', annotations: 1, truePositives: matches ? 1 : 0, falseNegatives: matches ? 0 : 1, falsePositives: matches ? 0 : 1 });
  });

  test('a second finding on the same annotation is neither a TP nor an FP; one far away is an FP', () => {
    const findings = [finding('token-passthrough', positive.name, 4), finding('token-passthrough', positive.name, 5), finding('token-passthrough', positive.name, 8)];
    const score = scoreHeldOut([positive], new Map([[positive.name, analysis(...findings)]]));
    expect(score.rules[0]).toMatchObject({ truePositives: 1, falsePositives: 1, falseNegatives: 0, precision: 0.5, recall: 1 });
    expect(score.falseAlarms).toEqual([findings[2]]);
  });

  test("only the folder's rule is judged: other rules' findings are neither TP nor FP", () => {
    const clean = singleCase('token-passthrough', 'token-passthrough/clean.ts', lines('// held-out: clean — why', 'code();'));
    const analyses = new Map([
      [positive.name, analysis(finding('token-passthrough', positive.name, 4), finding('bearer-token-in-query', positive.name, 7))],
      [clean.name, analysis(finding('dns-rebinding-unprotected', clean.name, 2))],
    ]);
    const score = scoreHeldOut([positive, clean], analyses);
    expect(score.rules).toHaveLength(1);
    expect(score.rules[0]).toMatchObject({ positiveCases: 1, cleanCases: 1, truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1, f1: 1 });
  });

  test('every finding of the rule in a clean file is an FP; a miss is listed with its file and line', () => {
    const clean = singleCase('token-passthrough', 'token-passthrough/clean.ts', lines('// held-out: clean — why', 'code();', 'more();'));
    const analyses = new Map([
      [positive.name, analysis()],
      [clean.name, analysis(finding('token-passthrough', clean.name, 2), finding('token-passthrough', clean.name, 3))],
    ]);
    const score = scoreHeldOut([positive, clean], analyses);
    expect(score.rules[0]).toMatchObject({ truePositives: 0, falsePositives: 2, falseNegatives: 1, precision: 0, recall: 0, f1: null });
    expect(score.misses).toEqual([{ rule: 'token-passthrough', file: 'token-passthrough/a.ts', line: 4 }]);
  });

  test('no findings at all: precision is undefined, recall 0', () => {
    const score = scoreHeldOut([positive], new Map([[positive.name, analysis()]]));
    expect(score.rules[0]).toMatchObject({ precision: null, recall: 0, f1: null });
  });

  test('an annotation matches findings in its own file only', () => {
    const built = buildCase('token-passthrough', 'token-passthrough/p.project', true, [
      { path: 'token-passthrough/p.project/a.ts', text },
      { path: 'token-passthrough/p.project/b.ts', text: lines('// held-out: clean — helper', 'x();', 'y();', 'z();') },
    ], RULES);
    const project = built.heldOutCase!;
    const score = scoreHeldOut([project], new Map([[project.name, analysis(finding('token-passthrough', 'token-passthrough/p.project/b.ts', 4))]]));
    expect(score.rules[0]).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 1 });
  });

  test('a case without an analysis is an error, not a silent pass', () => {
    expect(() => scoreHeldOut([positive], new Map())).toThrow('held-out case token-passthrough/a.ts was not analysed');
  });

  test('analyzeCase passes a project as one set of files and keeps the analyzer errors', async () => {
    const built = buildCase('token-passthrough', 'token-passthrough/p.project', true, [
      { path: 'token-passthrough/p.project/a.ts', text },
      { path: 'token-passthrough/p.project/b.ts', text: '// held-out: clean\n' },
    ], RULES);
    const seen: string[][] = [];
    const result = await analyzeCase(built.heldOutCase!, (files) => {
      seen.push(files.map((file) => file.path));
      return { findings: [], errors: [{ file: 'token-passthrough/p.project/b.ts', message: 'parse failed', fatal: true }] };
    });
    expect(seen).toEqual([['token-passthrough/p.project/a.ts', 'token-passthrough/p.project/b.ts']]);
    expect(result.errors).toEqual([{ file: 'token-passthrough/p.project/b.ts', message: 'parse failed', fatal: true }]);
  });

  test('the text lists misses and false alarms only when asked', () => {
    const score = scoreHeldOut([positive], new Map([[positive.name, analysis(finding('token-passthrough', positive.name, 8))]]));
    expect(renderHeldOutText(score, false)).not.toContain('token-passthrough/a.ts');
    const shown = renderHeldOutText(score, true);
    expect(shown).toContain('token-passthrough/a.ts:4');
    expect(shown).toContain('token-passthrough/a.ts:8  token-passthrough here');
  });
});

describe('the Held-out section of latest.md', () => {
  const score = scoreHeldOut([], new Map());
  const section = renderHeldOutMarkdown(score, { commit: 'abc123', date: '2026-12-02T03:00:00Z' });
  const document = ['# Evaluation: latest figures', '', 'intro', '', '## Tune split', '', 'tune table', '', '## Blind split', '', 'blind table', ''].join('\n');

  test('is appended when missing and replaced in place when present, the other sections kept', () => {
    const first = replaceMarkdownSection(document, section);
    expect(first.startsWith(document.trimEnd())).toBe(true);
    expect(first).toContain(`${HELD_OUT_HEADING}\n`);
    const again = replaceMarkdownSection(first, section.replace('abc123', 'def456'));
    expect(again).toContain('def456');
    expect(again).not.toContain('abc123');
    expect(again.split(HELD_OUT_HEADING)).toHaveLength(2);
    expect(again).toContain('## Tune split\n\ntune table');
    expect(again).toContain('## Blind split\n\nblind table');
  });

  test('a section in the middle is replaced up to the next heading; a splits rewrite keeps it', () => {
    const middle = ['# T', '', '## Tune split', 'tune', '', HELD_OUT_HEADING, 'STALE FIGURES', '', '## Blind split', 'blind', ''].join('\n');
    const replaced = replaceMarkdownSection(middle, section);
    expect(replaced).not.toContain('STALE FIGURES');
    expect(replaced.indexOf(HELD_OUT_HEADING)).toBeLessThan(replaced.indexOf('## Blind split'));
    const kept = extractMarkdownSection(replaced, HELD_OUT_HEADING)!;
    expect(kept).toBe(section);
    expect(extractMarkdownSection('# T\n\n## Tune split\n', HELD_OUT_HEADING)).toBeUndefined();
  });
});

describe('loadHeldOutCases on a folder', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'held-out-'));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  test('reads single files and .project folders, and reports stray entries', async () => {
    mkdirSync(join(root, 'token-passthrough', 'two.project', 'lib'), { recursive: true });
    writeFileSync(join(root, 'token-passthrough', 'one.ts'), lines('// x', '// held-out: token-passthrough', 'send();'));
    writeFileSync(join(root, 'token-passthrough', 'two.project', 'lib', 'a.mjs'), lines('// held-out: clean — why', 'ok();'));
    writeFileSync(join(root, 'token-passthrough', 'notes.md'), 'not a case');
    mkdirSync(join(root, 'token-passthrough', 'loose'));
    const { cases, problems } = await loadHeldOutCases(root, RULES);
    expect(cases.map((item) => [item.name, item.project, item.positive, item.files.map((file) => file.path)])).toEqual([
      ['token-passthrough/one.ts', false, true, ['token-passthrough/one.ts']],
      ['token-passthrough/two.project', true, false, ['token-passthrough/two.project/lib/a.mjs']],
    ]);
    expect(problems).toEqual([
      expect.stringContaining('token-passthrough/loose: not a case'),
      expect.stringContaining('token-passthrough/notes.md: not a case'),
    ]);
  });

  test('a missing root is a problem, not an empty pass', async () => {
    const { cases, problems } = await loadHeldOutCases(join(root, 'absent'), RULES);
    expect(cases).toEqual([]);
    expect(problems).toEqual([expect.stringContaining('cannot read the held-out cases')]);
  });
});

// The committed cases themselves: annotations valid and minimum counts met, without running the analyzer.
// held-out: the cases of the next measurement; held-out-tune: those of an earlier one, now open to triage.
describe.each(['held-out', 'held-out-tune'])('the committed cases of tools/eval/%s', (folder) => {
  const root = join(process.cwd(), 'tools', 'eval', folder);

  test('every case parses: known rule ids, every positive file annotated, every clean file marked', async () => {
    const { cases, problems } = await loadHeldOutCases(root, JUDGED);
    expect(problems).toEqual([]);
    expect(cases.length).toBeGreaterThan(0);
  });

  test('every rule folder has at least 10 positive and 6 clean cases, and every file says what it stands for', async () => {
    const { cases } = await loadHeldOutCases(root, JUDGED);
    const counts = new Map<string, { positive: number; clean: number }>();
    for (const item of cases) {
      const count = counts.get(item.rule) ?? { positive: 0, clean: 0 };
      if (item.positive) count.positive += 1;
      else count.clean += 1;
      counts.set(item.rule, count);
      for (const file of item.files) {
        const [first, second] = file.text.split(/\r?\n/);
        const description = file.text.startsWith('// held-out: clean') ? second : first;
        expect(`${file.path}: ${description?.startsWith('//') ? 'described' : 'no leading comment saying what it stands for'}`).toBe(`${file.path}: described`);
      }
    }
    for (const [rule, count] of counts) {
      expect(`${rule}: ${count.positive >= 10 ? 'ok' : `${count.positive} positive`} ${count.clean >= 6 ? 'ok' : `${count.clean} clean`}`).toBe(`${rule}: ok ok`);
    }
  });
});
