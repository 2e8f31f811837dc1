import { ts } from 'ts-morph';
import { Analyzer, analyzeFiles, Project, type InputFile } from '../../src/analyzer/index.js';
import { normalisedModuleRefOf } from '../../src/analyzer/engine/modules.js';
import { Parser } from '../../src/analyzer/engine/parse.js';
import { ModuleLinker } from '../../src/analyzer/engine/project.js';
import { Flow } from '../../src/analyzer/engine/flow.js';
import { UNKNOWN, ValueResolver } from '../../src/analyzer/engine/values.js';
import { walkFile } from '../../src/analyzer/engine/walk.js';
import { defaultConfig } from '../../src/config/types.js';

/** A resolver for `path` of `files`, linked to the others, and the argument of its last `probe(...)` call. */
function probeIn(files: Record<string, string>, path: string, limits?: ConstructorParameters<typeof ModuleLinker>[5]) {
  const reads: string[] = [];
  const project = new Project({ paths: () => Object.keys(files), read: (name) => (reads.push(name), files[name]) });
  const { sourceFile } = new Parser().parse(path, files[path]!);
  const walked = walkFile(sourceFile, new Set([ts.SyntaxKind.CallExpression]));
  const linker = new ModuleLinker(project, path, sourceFile, walked, undefined, limits);
  const values = new ValueResolver(walked, new Flow(), linker);
  const calls = (walked.nodesByKind.get(ts.SyntaxKind.CallExpression) ?? []) as ts.CallExpression[];
  const call = calls.filter((c) => ts.isIdentifier(c.expression) && c.expression.text === 'probe').pop()!;
  return { values, linker, reads, argument: call.arguments[0]! };
}

describe('Project.resolve: relative specifiers to files of the scan', () => {
  const project = Project.of(['src/server.ts', 'src/store.ts', 'src/lib/index.ts', 'src/util.mjs', 'src/legacy.js', 'src/types.d.ts', 'README.md'].map((path) => ({ path, text: '' })));

  test.each([
    ['./store.js', 'src/store.ts'], // a TypeScript project imports its sources by their output name
    ['./store', 'src/store.ts'],
    ['./store.ts', 'src/store.ts'],
    ['./lib', 'src/lib/index.ts'],
    ['./lib/index.js', 'src/lib/index.ts'],
    ['./util.mjs', 'src/util.mjs'],
    ['./legacy', 'src/legacy.js'],
    ['../src/store.js', 'src/store.ts'],
  ])('%s from src/server.ts → %s', (specifier, expected) => {
    expect(project.resolve('src/server.ts', specifier)).toBe(expected);
  });

  test('files named outside the working directory resolve among themselves', () => {
    const outside = Project.of(['../shared/auth/login.ts', '../shared/store.ts'].map((path) => ({ path, text: '' })));
    expect(outside.resolve('../shared/auth/login.ts', '../store.js')).toBe('../shared/store.ts');
    expect(outside.resolve('../shared/auth/login.ts', '../../../elsewhere/store.js')).toBeUndefined();
  });

  test.each([['pino'], ['node:fs'], ['./missing.js'], ['../../outside.js'], ['./types'], ['../README.md']])('%s resolves to nothing', (specifier) => {
    expect(project.resolve('src/server.ts', specifier)).toBeUndefined();
  });
});

describe('values across modules', () => {
  test('an imported constant, through a re-export and a namespace import', () => {
    const { values, argument } = probeIn({
      'config.ts': `export const AUTHORIZE = 'https://github.com/login/oauth/authorize';`,
      'index.ts': `export { AUTHORIZE as endpoint } from './config.js'; export * from './more.js';`,
      'more.ts': `export const SCOPE = 'read:user';`,
      'main.ts': `import * as settings from './index.js'; probe(\`\${settings.endpoint}?scope=\${settings.SCOPE}\`);`,
    }, 'main.ts');
    expect(values.stringValues(argument)).toEqual(['https://github.com/login/oauth/authorize?scope=read:user']);
  });

  test('CommonJS: module.exports objects and exports.name assignments, through require and destructuring', () => {
    const { values, argument } = probeIn({
      'lib/urls.js': `const base = 'https://slack.com/oauth/v2/authorize'; module.exports = { base };`,
      'lib/scopes.js': `exports.scope = 'chat:write';`,
      'app.js': `const { base } = require('./lib/urls'); const scopes = require('./lib/scopes'); probe(base + '?scope=' + scopes.scope);`,
    }, 'app.js');
    expect(values.stringValues(argument)).toEqual(['https://slack.com/oauth/v2/authorize?scope=chat:write']);
  });

  test('what an imported helper returns, and its declaration in its own module', () => {
    const { values, argument } = probeIn({
      'helpers.ts': `const PREFIX = 'Bearer '; export function header(token: string) { return PREFIX + token; }`,
      'main.ts': `import { header as authHeader } from './helpers.js'; probe(authHeader(process.env.TOKEN));`,
    }, 'main.ts');
    const fn = values.calledFunction(argument as ts.CallExpression)!;
    expect(fn.getSourceFile().fileName).toBe('helpers.ts');
    expect(values.stringValues(argument)).toEqual([`Bearer ${UNKNOWN}`]);
  });

  test('a logger made in another module is that library\'s logger', () => {
    const { values, argument } = probeIn({
      'log.ts': `import pino from 'pino'; export const log = pino({ level: 'info' }); export default log;`,
      'main.ts': `import audit from './log.js'; probe(audit.info);`,
    }, 'main.ts');
    expect(normalisedModuleRefOf(argument, values)).toEqual({ module: 'pino', path: ['()', 'info'] });
  });

  test('an import cycle between modules ends, and the value stays unknown', () => {
    const { values, argument } = probeIn({
      'a.ts': `import { b } from './b.js'; export const a = b; probe(a);`,
      'b.ts': `import { a } from './a.js'; export const b = a;`,
    }, 'a.ts');
    expect(values.stringValues(argument)).toBeUndefined();
    expect(values.origins(argument).length).toBeGreaterThan(0);
  });

  test('an `export * from` cycle ends', () => {
    const { values, argument } = probeIn({
      'a.ts': `export * from './b.js';`,
      'b.ts': `export * from './a.js';`,
      'main.ts': `import { missing } from './a.js'; probe(missing);`,
    }, 'main.ts');
    expect(values.stringValues(argument)).toBeUndefined();
  });

  test('one file opens at most the configured number of modules, however long the re-export chain', () => {
    const files: Record<string, string> = { 'main.ts': `import { value } from './m0.js'; probe(value);` };
    for (let index = 0; index < 50; index++) files[`m${index}.ts`] = `export { value } from './m${index + 1}.js';`;
    files['m50.ts'] = `export const value = 'deep';`;
    const { values, argument, reads } = probeIn(files, 'main.ts', { modules: 10, reexportHops: 100 });
    expect(values.stringValues(argument)).toBeUndefined();
    expect(reads.length).toBeLessThanOrEqual(10);
  });

  test('an import of a module outside the scan stays unresolved', () => {
    const { values, argument, reads } = probeIn({ 'main.ts': `import { AUTHORIZE } from './config.js'; probe(AUTHORIZE);` }, 'main.ts');
    expect(values.stringValues(argument)).toBeUndefined();
    expect(values.origins(argument)).toEqual([argument]);
    expect(reads).toEqual([]);
  });
});

describe('the engine with a project', () => {
  const store = `import fs from 'node:fs';\nexport function save(key: string, value: string) {\n  fs.writeFileSync('/tmp/' + key, value);\n}\n`;
  const caller = `import { save } from './store.js';\nexport function onTokens(tokens: { refresh_token: string }) {\n  save('google', tokens.refresh_token);\n}\n`;

  test('a finding through an imported helper is reported in the analysed file, and never inside the helper', () => {
    const result = analyzeFiles([{ path: 'store.ts', text: store }, { path: 'callback.ts', text: caller }], defaultConfig());
    expect(result.findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`)).toEqual(['callback.ts:3 plaintext-token-storage']);
  });

  test('the same helper imported from a module that is not in the scan is not evidence', () => {
    const result = analyzeFiles([{ path: 'callback.ts', text: caller }], defaultConfig());
    expect(result.findings).toEqual([]);
  });

  test('a module imported by many files is read and parsed once per scan', () => {
    const files: InputFile[] = [{ path: 'store.ts', text: store }];
    for (let index = 0; index < 5; index++) files.push({ path: `callback${index}.ts`, text: caller });
    const reads: string[] = [];
    const texts = new Map(files.map((file) => [file.path, file.text]));
    const project = new Project({ paths: () => texts.keys(), read: (path) => (reads.push(path), texts.get(path)) });
    const analyzer = new Analyzer(defaultConfig());
    const findings = files.flatMap((file) => analyzer.analyzeFile(file, project).findings);
    expect(findings).toHaveLength(5);
    expect(reads.filter((path) => path === 'store.ts')).toHaveLength(1);
  });

  test('each file of a scan is parsed once, whether an import opens it before or after its own analysis', () => {
    const logger = `import pino from 'pino';\nexport const log = pino();\nexport function redact(token: string) { return token.slice(0, 4); }\n`;
    const first = `import { log } from './logger.js';\nexport function onToken(token: string) {\n  log.info(token);\n}\n`;
    const files: InputFile[] = [{ path: 'a.ts', text: first }, { path: 'logger.ts', text: logger }, { path: 'z.ts', text: first }];
    const parsed: string[] = [];
    const original = Parser.prototype.parse;
    Parser.prototype.parse = function (path, text) {
      parsed.push(path);
      return original.call(this, path, text);
    };
    try {
      const project = Project.of(files);
      const analyzer = new Analyzer(defaultConfig());
      const findings = files.flatMap((file) => analyzer.analyzeFile(file, project).findings.map((finding) => `${finding.file}:${finding.line} ${finding.ruleId}`));
      expect(findings).toEqual(['a.ts:3 token-logged', 'z.ts:3 token-logged']);
    } finally {
      Parser.prototype.parse = original;
    }
    expect(parsed.sort()).toEqual(['a.ts', 'logger.ts', 'z.ts']);
  });

  test('a file over its budget with a project is an error entry, never silence', () => {
    let clock = 0;
    const files: InputFile[] = [{ path: 'store.ts', text: store }, { path: 'callback.ts', text: caller }];
    // Every reading of the clock moves it on by a second: any file that reads it past the parse is over a 1.5 s budget.
    const analyzer = new Analyzer(defaultConfig(), undefined, { fileBudgetMs: 1500, now: () => (clock += 1000) });
    const analysis = analyzer.analyzeFile(files[1]!, Project.of(files));
    expect(analysis.findings).toEqual([]);
    expect(analysis.errors[0]).toMatchObject({ budgetExceeded: true, fatal: true });
  });
});
