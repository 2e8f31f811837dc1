import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { Analyzer, ALL_RULES, type FileAnalysis } from '../../src/analyzer/index.js';
import { OAUTH_REQUEST_TEXT, REFRESH_TEXT, SUPPRESSION_TEXT, TextRequirement, TOKEN_TEXT } from '../../src/analyzer/knowledge/prefilter.js';
import { defaultConfig } from '../../src/config/types.js';

const ROOT = process.cwd();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/.test(name) ? [path] : [];
  });
}

/**
 * Blanks every comment except suppression directives, keeping line numbers. Fixture
 * annotations ('// ruleid: token-logged') and prose would otherwise satisfy the prefilter
 * by themselves and the comparison would prove nothing.
 */
function withoutComments(path: string, text: string): string {
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const ranges = new Map<number, number>();
  const collect = (position: number): void => {
    for (const range of ts.getLeadingCommentRanges(text, position) ?? []) ranges.set(range.pos, range.end);
    for (const range of ts.getTrailingCommentRanges(text, position) ?? []) ranges.set(range.pos, range.end);
  };
  const visit = (node: ts.Node): void => {
    collect(node.pos);
    collect(node.end);
    for (const child of node.getChildren(sourceFile)) visit(child);
  };
  visit(sourceFile);
  let result = text;
  for (const [start, end] of ranges) {
    const comment = text.slice(start, end);
    if (SUPPRESSION_TEXT.test(comment)) continue;
    result = result.slice(0, start) + comment.replace(/[^\r\n]/g, ' ') + result.slice(end);
  }
  return result;
}

const comparable = (analysis: FileAnalysis) => ({ findings: analysis.findings, suppressed: analysis.suppressed });

describe('the text prefilter changes no result', () => {
  const paths = [...sourceFiles(join(ROOT, 'test', 'fixtures')), ...sourceFiles(join(ROOT, 'examples')), ...sourceFiles(join(ROOT, 'src'))];
  const config = defaultConfig();
  const filtered = new Analyzer(config);
  const unfiltered = new Analyzer(config, undefined, { prefilter: false });
  const totals = { files: 0, findings: 0, prefiltered: 0, rulesSkipped: 0 };

  test.each(paths.map((path) => [relative(ROOT, path), path]))('%s, comments blanked', (name, path) => {
    const text = withoutComments(path, readFileSync(path, 'utf8'));
    const on = filtered.analyzeFile({ path: name, text });
    const off = unfiltered.analyzeFile({ path: name, text });
    expect(comparable(on)).toEqual(comparable(off));
    totals.files++;
    totals.findings += off.findings.length;
    if (on.prefiltered) totals.prefiltered++;
    totals.rulesSkipped += ALL_RULES.filter((rule) => rule.meta.requiresText && !rule.meta.requiresText.test(text)).length;
  });

  // The comparison above is only worth something if the files have findings and the prefilter skips work.
  afterAll(() => {
    expect(totals.files).toBe(paths.length);
    process.stdout.write(`prefilter comparison: ${JSON.stringify(totals)}\n`);
    expect(totals.findings).toBeGreaterThan(150);
    expect(totals.rulesSkipped).toBeGreaterThan(100);
    expect(totals.prefiltered).toBeGreaterThan(10);
  });
});

describe('rules the prefilter or the config can run apart share no cached values', () => {
  // Deep constant tables: the value resolver gives up part-way, and what one rule asked first must
  // not decide what another is told.
  const lexer = [
    "const GRAMMAR = { marks: { pairs: { square: { start: { glyph: '[' }, stop: { glyph: ']' } } } } };",
    'const SQUARE = GRAMMAR.marks.pairs.square;',
    'const BRACKET = SQUARE;',
    'export function leadingToken(source: string): string {',
    '  let token = SQUARE.start.glyph;',
    '  for (const glyph of source) {',
    '    switch (glyph) {',
    '      case BRACKET.start.glyph:',
    '        return glyph;',
    '      case BRACKET.stop.glyph:',
    '        return glyph;',
    '    }',
    '  }',
    '  console.debug(token);',
    '  return token;',
    '}',
  ].join('\n');
  const proxy = [
    "const UPSTREAMS = { slack: { oauth: { v2: { urls: { access: 'https://slack.com/api/oauth.v2.access' } } } } };",
    'const SLACK = UPSTREAMS.slack.oauth.v2.urls;',
    'const ROUTE = SLACK;',
    'export async function relay(path: string, code: string) {',
    '  switch (path) {',
    '    case ROUTE.access: {',
    "      const reply = await fetch(SLACK.access, { method: 'POST', body: new URLSearchParams({ code, grant_type: 'authorization_code' }) });",
    '      const granted = await reply.json();',
    '      console.log(granted);',
    '      return granted;',
    '    }',
    '  }',
    '  return undefined;',
    '}',
  ].join('\n');

  test.each([['a lexer switching over a nested table', lexer], ['a proxy routing a token exchange by a nested table', proxy]])('%s', (_name, text) => {
    const config = defaultConfig();
    const on = new Analyzer(config).analyzeFile({ path: 'src/a.ts', text });
    const off = new Analyzer(config, undefined, { prefilter: false }).analyzeFile({ path: 'src/a.ts', text });
    const withoutRequestRules = new Analyzer({ ...config, rules: { 'broad-scope': { enabled: false }, 'missing-pkce': { enabled: false } } }).analyzeFile({ path: 'src/a.ts', text });
    expect(comparable(off)).toEqual(comparable(on));
    expect(withoutRequestRules.findings.filter((finding) => finding.ruleId === 'token-logged')).toEqual(on.findings.filter((finding) => finding.ruleId === 'token-logged'));
  });

  test('the token response logged through the routing table is still found', () => {
    const analysis = new Analyzer(defaultConfig()).analyzeFile({ path: 'src/a.ts', text: proxy });
    expect(analysis.findings.map((finding) => `${finding.ruleId}@${finding.line}`)).toContain('token-logged@9');
  });
});

describe('text requirements', () => {
  test('names and strings spelled with escapes are read as the parser reads them', () => {
    expect(TOKEN_TEXT.test('const acc\\u0065ss_t\\u006Fken = 1;')).toBe(true);
    expect(OAUTH_REQUEST_TEXT.test("import x from 'google-auth-libr\\u0061ry';")).toBe(true);
    expect(REFRESH_TEXT.test("if (grant === 'r\\x65fresh_token') {}")).toBe(true);
  });

  test('credential phrases match in every spelling a name can take', () => {
    for (const name of ['apiKey', 'API_KEY', 'x-api-key', 'clientSecret', 'CODE_VERIFIER', 'privateKey', 'authCode']) {
      expect(TOKEN_TEXT.test(`const ${name.replace(/-/g, '_')}1 = 1;`)).toBe(true);
    }
  });

  test('unnamed carriers the token model knows satisfy the token requirement', () => {
    expect(TOKEN_TEXT.test('console.log(process.env)')).toBe(true);
    expect(TOKEN_TEXT.test('log(req.headers)')).toBe(true);
    expect(TOKEN_TEXT.test('catch (e) { console.error(e.config) }')).toBe(true);
  });

  test('code with none of the words is left out', () => {
    const plain = 'export function add(a: number, b: number) { return a + b; }\nconsole.log(add(1, 2));\n';
    for (const requirement of [TOKEN_TEXT, OAUTH_REQUEST_TEXT, REFRESH_TEXT, SUPPRESSION_TEXT]) expect(requirement.test(plain)).toBe(false);
  });

  test('an OAuth library import alone satisfies the request requirement', () => {
    expect(OAUTH_REQUEST_TEXT.test("import { OAuth2Client } from 'google-auth-library';")).toBe(true);
    expect(OAUTH_REQUEST_TEXT.test("const { InstallProvider } = require('@slack/oauth');")).toBe(true);
  });

  test('a word that contains another is found by the shorter one', () => {
    const requirement = new TextRequirement(['token', 'accessToken', 'secret']);
    expect(requirement.words).toEqual(['token', 'secret']);
    expect(requirement.test('const ACCESS_TOKEN = 1')).toBe(true);
  });
});

describe('files no rule applies to', () => {
  test('are not parsed, count as analysed, and have nothing to report', () => {
    const analysis = new Analyzer(defaultConfig()).analyzeFile({ path: 'src/math.ts', text: 'export const add = (a: number, b: number) => a + b;\n' });
    expect(analysis).toMatchObject({ analyzed: true, prefiltered: true, findings: [], errors: [] });
  });

  test('a suppression directive alone still gets its own check', () => {
    const analysis = new Analyzer(defaultConfig()).analyzeFile({ path: 'src/math.ts', text: 'export const add = (a: number, b: number) => a + b; // mcp-oauth-guard-ignore\n' });
    expect(analysis.prefiltered).toBeUndefined();
    expect(analysis.findings.map((finding) => finding.ruleId)).toEqual(['suppression-missing-reason']);
  });

  test('without the prefilter every file is parsed', () => {
    const analysis = new Analyzer(defaultConfig(), undefined, { prefilter: false }).analyzeFile({ path: 'src/math.ts', text: 'export const add = (a: number, b: number) => a +;\n' });
    expect(analysis.prefiltered).toBeUndefined();
    expect(analysis.errors).toHaveLength(1);
  });
});
