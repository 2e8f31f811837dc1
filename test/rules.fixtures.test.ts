import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ALL_RULES } from '../src/analyzer/index.js';
import { defineRule } from '../src/analyzer/rules/define.js';
import { parseExpectations } from './helpers/annotations.js';
import { Project } from '../src/analyzer/engine/project.js';
import { fixtureProblems } from './helpers/fixture-check.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const RULE_IDS = ALL_RULES.map((rule) => rule.meta.id);

function fixtureFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? fixtureFiles(path) : [path];
  });
}

const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;
const files = fixtureFiles(FIXTURES).filter((path) => SOURCE.test(path));

/**
 * A folder inside a rule's fixtures is one multi-file case (`test/fixtures/<rule>/<case>/…`):
 * its files are one scan, so imports between them resolve; each file still carries its own expectations.
 */
const projects = new Map<string, Project>();
function projectFor(path: string): { project: Project; path: string } | undefined {
  const parts = relative(FIXTURES, path).split(/[\\/]/);
  if (parts.length < 3) return undefined;
  const folder = join(FIXTURES, parts[0]!, parts[1]!);
  let project = projects.get(folder);
  if (!project) {
    const members = fixtureFiles(folder).filter((member) => SOURCE.test(member)).map((member) => ({ path: relative(folder, member).split('\\').join('/'), text: readFileSync(member, 'utf8') }));
    projects.set(folder, (project = Project.of(members)));
  }
  return { project, path: relative(folder, path).split('\\').join('/') };
}

describe('rule fixtures carry their own expectations', () => {
  test.each(files.map((path) => [relative(FIXTURES, path), path]))('%s', (_name, path) => {
    const text = readFileSync(path, 'utf8');
    const { expectations } = parseExpectations(text);
    // A fixture that expects nothing must say so with `ok:` lines; an empty file proves nothing.
    expect(expectations.length).toBeGreaterThan(0);
    for (const expectation of expectations) expect(RULE_IDS).toContain(expectation.ruleId);
    const inProject = projectFor(path);
    if (inProject) expect(fixtureProblems(text, inProject.path, undefined, inProject.project)).toEqual([]);
    else expect(fixtureProblems(text, relative(FIXTURES, path).split('\\').join('/'))).toEqual([]);
  });
});

describe('the fixture runner fails what it should', () => {
  const logCall = 'const accessToken = await getToken();\n// ruleid: token-logged:tokenLogged\nconsole.log(accessToken);\n';

  test('a finding with the annotated rule, line and messageId passes', () => {
    expect(fixtureProblems(logCall, 'server.ts')).toEqual([]);
  });

  test('another messageId on the annotated line fails', () => {
    expect(fixtureProblems(logCall.replace(':tokenLogged', ':headerLogged'), 'server.ts')).toEqual([
      "line 3: expected 'token-logged:headerLogged', reported as tokenLogged@13",
      expect.stringMatching(/^line 3: unexpected 'token-logged:tokenLogged@13'/),
    ]);
  });

  test('a pinned column must match', () => {
    expect(fixtureProblems(logCall.replace(':tokenLogged', ':tokenLogged@13'), 'server.ts')).toEqual([]);
    expect(fixtureProblems(logCall.replace(':tokenLogged', ':tokenLogged@1'), 'server.ts')[0]).toBe(
      "line 3: expected 'token-logged:tokenLogged@1', reported as tokenLogged@13",
    );
  });

  test('a ruleid without a messageId fails and says what was reported', () => {
    expect(fixtureProblems(logCall.replace(':tokenLogged', ''), 'server.ts')[0]).toBe(
      "line 3: 'ruleid: token-logged' names no messageId (reported: token-logged:tokenLogged@13)",
    );
  });

  test('a rule that throws fails the fixture even where it was expected to be silent', () => {
    const throwing = defineRule({
      meta: { ...ALL_RULES.find((rule) => rule.meta.id === 'missing-pkce')!.meta, requiresText: undefined, messages: {} },
      create: () => ({ end: () => { throw new Error('boom'); } }),
    });
    expect(fixtureProblems('// ok: missing-pkce\nconst x = 1;\n', 'server.ts', [throwing])).toEqual([
      "analysis error: rule 'missing-pkce' failed: boom",
    ]);
  });
});
