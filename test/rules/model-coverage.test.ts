/**
 * Issue 9, item 6: every model record has at least one `ruleid` and one `ok` fixture that
 * exercises it. The records are read from the knowledge tables themselves, so a record added
 * there without fixtures fails here.
 *
 * What "exercises" means, per record kind (a fixture folder under test/fixtures/<rule>/<case>/
 * is one scan, so its files are read together):
 *   - library records (loggers, stores, JWT verifiers, OAuth library calls): the fixture
 *     imports the record's module, and the annotated line lies inside a call (or `new`) of one
 *     of the record's methods: the finding, or its absence, is at the record's own call;
 *   - protection records (module-level encryption): the fixture imports the module and calls
 *     one of its functions; the `ok` line stores the protected value and the `ruleid` line a
 *     value that was not protected (the barrier holds for its value only, not for the file);
 *   - MCP SDK provider hooks: the fixture declares the hook and the annotated line lies inside
 *     it (for PKCE, also on the provider's `skipLocalPkceValidation` switch);
 *   - oauth2orize grants: the annotated line lies inside the `grant.code(…)`/`exchange.code(…)` call;
 *   - credential types (Slack's `Installation`): the fixture imports the type and logs or stores;
 *   - provider records: the annotated `broad-scope` line names one of the provider's
 *     catalogued broad scopes (`ruleid`) or one of its known narrow scopes (`ok`).
 * No record is exempt: each has both fixtures.
 * The fixture runner (test/rules.fixtures.test.ts) checks that the annotations hold.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ts } from 'ts-morph';
import { OAUTH2ORIZE_CODE_EXCHANGE, OAUTH2ORIZE_CODE_GRANT, SDK_EXCHANGE_METHOD, SDK_SKIP_PKCE_OPTION } from '../../src/analyzer/knowledge/authorization-server.js';
import { MODULE_CREDENTIAL_TYPES } from '../../src/analyzer/knowledge/credential-names.js';
import { MODULE_ENCRYPT_FUNCTIONS } from '../../src/analyzer/knowledge/encryption.js';
import { LOGGER_LIBRARIES, LOGGER_METHODS } from '../../src/analyzer/knowledge/log-sinks.js';
import { JWT_VERIFIERS } from '../../src/analyzer/knowledge/mcp-authorization.js';
import { LIBRARY_CALLS } from '../../src/analyzer/knowledge/oauth-endpoints.js';
import { moduleMatches } from '../../src/analyzer/models/oauth-client.js';
import { PROVIDERS } from '../../src/analyzer/knowledge/providers/index.js';
import { SDK_REFRESH_METHOD } from '../../src/analyzer/knowledge/refresh-handlers.js';
import { BROWSER_KV_MODULES, CONFIG_STORE_CONSTRUCTORS, CONFIG_STORE_WRITE_METHODS, KEY_VALUE_STORES, PLATFORM_STORE_MODULES } from '../../src/analyzer/knowledge/storage-sinks.js';
import { classifyScope } from '../../src/analyzer/models/scope-breadth.js';
import { parseExpectations, type Expectation } from '../helpers/annotations.js';

const FIXTURES = join(process.cwd(), 'test', 'fixtures');
const SOURCE = /\.(ts|tsx|mts|cts|js|jsx|mjs|cjs)$/;

interface Call {
  /** The callee's last name: `logger.info` → 'info', `new arctic.GitHub` → 'GitHub'. */
  name: string;
  /** The callee as written: `server.exchange`. */
  callee: string;
  isNew: boolean;
  firstLine: number;
  lastLine: number;
}

/** A named declaration: method, function, or object property (`exchangeAuthorizationCode(…) { … }`). */
interface Member {
  name: string;
  firstLine: number;
  lastLine: number;
}

interface FixtureFile {
  path: string;
  text: string;
  expectations: Expectation[];
  calls: Call[];
  members: Member[];
  /** Import specifiers of the file and, in a multi-file case, of its sibling files. */
  modules: Set<string>;
}

function walkFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walkFiles(path) : [path];
  });
}

function calleeName(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isElementAccessExpression(expression) && ts.isStringLiteralLike(expression.argumentExpression)) return expression.argumentExpression.text;
  if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression) || ts.isAsExpression(expression)) return calleeName(expression.expression);
  return undefined;
}

/** The calls, declarations and imports of one file. */
function parseFixture(path: string, text: string): { calls: Call[]; members: Member[]; ownModules: Set<string> } {
  const kind = /\.(tsx|jsx)$/.test(path) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line + 1;
  const calls: Call[] = [];
  const members: Member[] = [];
  const ownModules = new Set<string>();
  const visit = (node: ts.Node): void => {
    if ((ts.isMethodDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isPropertyAssignment(node) || ts.isPropertyDeclaration(node)) && node.name && ts.isIdentifier(node.name)) {
      members.push({ name: node.name.text, firstLine: lineOf(node.getStart(source)), lastLine: lineOf(node.getEnd()) });
    }
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) ownModules.add(node.moduleSpecifier.text);
    if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) ownModules.add(node.moduleReference.expression.text);
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const first = node.arguments?.[0];
      const isLoader = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
      if (isLoader && first && ts.isStringLiteralLike(first)) ownModules.add(first.text);
      const name = calleeName(node.expression);
      if (name) calls.push({ name, callee: node.expression.getText(source), isNew: ts.isNewExpression(node), firstLine: lineOf(node.getStart(source)), lastLine: lineOf(node.getEnd()) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { calls, members, ownModules };
}

function readFixture(path: string): Omit<FixtureFile, 'modules'> & { ownModules: Set<string> } {
  const text = readFileSync(path, 'utf8');
  return { path: relative(FIXTURES, path), text, expectations: parseExpectations(text).expectations, ...parseFixture(path, text) };
}

function loadFixtures(): FixtureFile[] {
  const read = walkFiles(FIXTURES).filter((path) => SOURCE.test(path)).map(readFixture);
  // A folder below a rule's folder is one multi-file scan: an import in one file serves its siblings.
  const caseOf = (path: string) => path.split(/[\\/]/).slice(0, 2).join('/');
  return read.map((file) => {
    const parts = file.path.split(/[\\/]/);
    const siblings = parts.length >= 3 ? read.filter((other) => other.path.split(/[\\/]/).length >= 3 && caseOf(other.path) === caseOf(file.path)) : [file];
    return { ...file, modules: new Set(siblings.flatMap((sibling) => [...sibling.ownModules])) };
  });
}

/** Whether an import specifier is the module or one of its subpaths (a module ending in '/' is a scope prefix). */
function importsModule(file: FixtureFile, modules: readonly string[]): boolean {
  return [...file.modules].some((imported) => modules.some((module) => moduleMatches(imported, module)));
}

type Kind = 'ruleid' | 'ok';

interface ModelRecord {
  kind: string;
  name: string;
  /** Whether the fixture exercises the record with an annotation of this kind. */
  exercisedBy(file: FixtureFile, kind: Kind): boolean;
}

/** An annotation of `kind` for one of `rules` on a line inside a call of one of `callees` (`'*'`: any). */
function annotatedCall(file: FixtureFile, kind: Kind, rules: readonly string[], callees: ReadonlySet<string> | '*', onlyNew = false): boolean {
  return file.expectations.some(
    (expectation) =>
      expectation.kind === kind &&
      rules.includes(expectation.ruleId) &&
      file.calls.some((call) => (!onlyNew || call.isNew) && (callees === '*' || callees.has(call.name)) && call.firstLine <= expectation.line && expectation.line <= call.lastLine),
  );
}

function libraryRecord(kind: string, name: string, rules: readonly string[], modules: readonly string[], callees: ReadonlySet<string> | '*', options: { onlyNew?: boolean; evidence?: RegExp } = {}): ModelRecord {
  return {
    kind,
    name,
    exercisedBy: (file, annotation) =>
      (modules.length > 0 ? importsModule(file, modules) : true) &&
      (!options.evidence || options.evidence.test(file.text)) &&
      annotatedCall(file, annotation, rules, callees, options.onlyNew),
  };
}

const words = (names: readonly string[]): RegExp => new RegExp(`\\b(${names.map((name) => name.replace(/[.$]/g, '\\$&')).join('|')})\\b`);

const LOGGING = ['token-logged'];
const STORAGE = ['plaintext-token-storage'];
const OAUTH_CLIENT = ['missing-pkce', 'broad-scope'];

const RECORDS: ModelRecord[] = [
  ...LOGGER_LIBRARIES.map((record) => libraryRecord('log-sinks: logging library', record.module, LOGGING, [record.module], LOGGER_METHODS)),

  // A store known by its module is exercised through that module; one known only by its type (Workers KV, R2) or opener (Deno KV) through those.
  ...KEY_VALUE_STORES.map((record) =>
    libraryRecord('storage-sinks: key-value store', record.store, STORAGE, record.modules ?? [], new Set(record.writeMethods), {
      evidence: record.modules ? undefined : words([...record.types, ...(record.openers ?? [])]),
    }),
  ),
  ...Object.entries(PLATFORM_STORE_MODULES).map(([module, record]) => libraryRecord('storage-sinks: platform store', module, STORAGE, [module], record.methods)),
  ...Object.keys(CONFIG_STORE_CONSTRUCTORS).map((module) => libraryRecord('storage-sinks: config store', module, STORAGE, [module], CONFIG_STORE_WRITE_METHODS)),
  ...Object.entries(BROWSER_KV_MODULES).map(([module, methods]) => libraryRecord('storage-sinks: browser store', module, STORAGE, [module], new Set(Object.keys(methods)))),

  ...Object.entries(MODULE_ENCRYPT_FUNCTIONS).map(([module, functions]): ModelRecord => ({
    kind: 'protection: encryption module',
    name: module,
    exercisedBy: (file, annotation) =>
      importsModule(file, [module]) && file.calls.some((call) => functions.has(call.name)) && file.expectations.some((expectation) => expectation.kind === annotation && STORAGE.includes(expectation.ruleId)),
  })),

  ...JWT_VERIFIERS.map((record) => libraryRecord('mcp-authorization: JWT verifier', record.module, ['token-audience-not-validated'], [record.module], new Set(record.names))),

  // One record per library call shape; a shape that needs a particular receiver class needs the class in the fixture too.
  ...LIBRARY_CALLS.map((record) => {
    const classes = record.receiverClasses?.filter((name) => name !== '*') ?? [];
    const name = `${record.library} ${record.call === 'constructor' ? `new ${record.name}` : record.name}${classes.length ? ` on ${classes.join('|')}` : record.receiverClasses ? ` on any class but ${record.exceptClasses?.join('|')}` : ''}${record.modules.length > 1 || record.modules[0] !== record.library ? ` (${record.modules.join(', ')})` : ''}`;
    return libraryRecord('oauth-endpoints: OAuth library call', name, OAUTH_CLIENT, record.modules, record.name === '*' ? '*' : new Set([record.name]), {
      onlyNew: record.call === 'constructor',
      evidence: classes.length ? words(classes) : undefined,
    });
  }),

  // Authorization servers built on the MCP SDK's provider interface: the fixture declares the hook, and the finding, or its
  // absence, is inside it (or, for PKCE, on the provider's `skipLocalPkceValidation` switch that hands the check to the hook).
  ...([[SDK_EXCHANGE_METHOD, 'missing-pkce', [SDK_EXCHANGE_METHOD, SDK_SKIP_PKCE_OPTION]], [SDK_REFRESH_METHOD, 'refresh-token-not-rotated', [SDK_REFRESH_METHOD]]] as const).map(([hook, rule, sites]): ModelRecord => ({
    kind: 'authorization-server: MCP SDK provider hook',
    name: hook,
    exercisedBy: (file, annotation) =>
      file.members.some((member) => member.name === hook) &&
      file.expectations.some((expectation) => expectation.kind === annotation && expectation.ruleId === rule && file.members.some((member) => (sites as readonly string[]).includes(member.name) && member.firstLine <= expectation.line && expectation.line <= member.lastLine)),
  })),
  // oauth2orize's code grant and code exchange: the annotated line inside the `server.grant(oauth2orize.grant.code(…))` / `exchange.code(…)` call.
  ...([['oauth2orize code exchange', OAUTH2ORIZE_CODE_EXCHANGE], ['oauth2orize code grant', OAUTH2ORIZE_CODE_GRANT]] as const).map(([name, pattern]): ModelRecord => ({
    kind: 'authorization-server: OAuth server library',
    name,
    exercisedBy: (file, annotation) =>
      importsModule(file, ['oauth2orize']) &&
      file.expectations.some((expectation) => expectation.kind === annotation && expectation.ruleId === 'missing-pkce' && file.calls.some((call) => pattern.test(call.callee) && call.firstLine <= expectation.line && expectation.line <= call.lastLine)),
  })),

  // Types that hold credentials by the module that declares them (Slack's `Installation`): the fixture imports the type and stores or logs a value of it.
  ...[...MODULE_CREDENTIAL_TYPES].map(([module, types]) => ({
    kind: 'credentials: credential type',
    name: `${types.join('|')} from ${module}`,
    exercisedBy: (file: FixtureFile, annotation: Kind) =>
      importsModule(file, [module]) && words(types).test(file.text) && file.expectations.some((expectation) => expectation.kind === annotation && [...LOGGING, ...STORAGE].includes(expectation.ruleId)),
  })),

  // Provider records: the scope catalogue, judged on the annotated line's scope strings.
  ...PROVIDERS.map((record): ModelRecord => ({
    kind: 'providers: scope catalogue',
    name: record.id,
    exercisedBy: (file, annotation) => {
      const lines = file.text.split(/\r\n|\r|\n/);
      return file.expectations.some((expectation) => {
        if (expectation.kind !== annotation || expectation.ruleId !== 'broad-scope') return false;
        const scopes = [...(lines[expectation.line - 1] ?? '').matchAll(/(['"`])((?:(?!\1).)*)\1/g)].flatMap((match) => match[2]!.split(/[\s,]+/)).filter(Boolean);
        if (annotation === 'ruleid') return scopes.some((scope) => { const verdict = classifyScope(scope, record.id); return verdict?.kind === 'catalogued' && verdict.entry.provider === record.id; });
        return scopes.some((scope) => record.scopes.narrow.some((narrow) => (typeof narrow === 'string' ? narrow === scope : narrow.test(scope))));
      });
    },
  })),
];

const fixtures = loadFixtures();

describe('every model record has a ruleid and an ok fixture that exercise it', () => {
  test('the records are read from the knowledge tables (not an empty list)', () => {
    expect(RECORDS.length).toBeGreaterThan(40);
    expect(fixtures.length).toBeGreaterThan(100);
  });

  test.each(RECORDS.map((record) => [`${record.kind}: ${record.name}`, record] as const))('%s', (_label, record) => {
    const exercised = (kind: Kind): boolean => fixtures.some((file) => record.exercisedBy(file, kind));
    expect({ ruleid: exercised('ruleid'), ok: exercised('ok') }).toEqual({ ruleid: true, ok: true });
  });
});

describe('the coverage check cannot pass vacuously', () => {
  const fake = (text: string, modules: string[]): FixtureFile => ({ path: 'x.ts', text, expectations: parseExpectations(text).expectations, ...parseFixture('x.ts', text), modules: new Set(modules) });
  const pino = RECORDS.find((record) => record.name === 'pino')!;

  test('a logger fixture counts only with the module imported and the annotation on its call', () => {
    const text = "const log = pino();\nconst token = await getToken();\n// ruleid: token-logged:tokenLogged\nlog.info(token);\n";
    expect(pino.exercisedBy(fake(text, ['pino']), 'ruleid')).toBe(true);
    expect(pino.exercisedBy(fake(text, ['winston']), 'ruleid')).toBe(false);
    expect(pino.exercisedBy(fake(text, ['pino']), 'ok')).toBe(false);
    expect(pino.exercisedBy(fake(text.replace('log.info(token)', 'send(token)'), ['pino']), 'ruleid')).toBe(false);
  });

  test("a provider's catalogue counts only for a scope of that provider on the annotated line", () => {
    const github = RECORDS.find((record) => record.kind === 'providers: scope catalogue' && record.name === 'github')!;
    const gitlab = RECORDS.find((record) => record.kind === 'providers: scope catalogue' && record.name === 'gitlab')!;
    const text = "const url = buildUrl({\n  // ruleid: broad-scope:catalogued\n  scope: 'repo',\n  // ok: broad-scope\n  other: 'read:org',\n});\n";
    expect(github.exercisedBy(fake(text, []), 'ruleid')).toBe(true);
    expect(github.exercisedBy(fake(text, []), 'ok')).toBe(true);
    expect(gitlab.exercisedBy(fake(text, []), 'ruleid')).toBe(false);
    expect(gitlab.exercisedBy(fake(text, []), 'ok')).toBe(false);
  });
});
