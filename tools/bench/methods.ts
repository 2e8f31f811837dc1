import type { FileAnalysis } from '../../src/analyzer/types.js';
import type { ModuleType } from './corpus.js';

/** What one file looks like to a measured method, its text already in memory. */
export interface LoadedFile {
  path: string;
  absolutePath: string;
  text: string;
  bytes: number;
  moduleType: ModuleType;
}

export type MethodId = 'raw' | 'analyzer' | 'analyzer-pool' | 'eslint' | 'eslint-ts';

export const METHOD_LABELS: Record<MethodId, string> = {
  raw: '(a) raw TypeScript parse+walk',
  analyzer: '(b) mcp-oauth-guard analyzer',
  'analyzer-pool': '(b) analyzer, worker pool',
  eslint: '(c) ESLint + security + sdl',
  'eslint-ts': '(c) ESLint + security + sdl, typescript-eslint parser',
};

/** Counters a method keeps while it runs, so a run that did no real work shows it. */
export interface MethodCounters {
  [name: string]: number;
}

export interface MethodRunner {
  /** Processes one file; the caller times it. */
  run(file: LoadedFile): Promise<void> | void;
  /** Told the files of the set before each pass: the analyzer follows imports between them, as the CLI does. */
  startPass?(files: readonly LoadedFile[]): void;
  /** Optional batch form, for a method whose unit of work is the whole set (a worker pool). */
  runAll?(files: readonly LoadedFile[]): Promise<void>;
  counters: MethodCounters;
  /** Rule ids reported per file (analyzer methods), to compare with the generated PR's planted mistakes. */
  rulesByFile?: Map<string, string[]>;
  close?(): Promise<void>;
}

/** The same script kinds the analyzer's parser uses, so (a) parses exactly what (b) parses. */
export async function createRawParseWalk(): Promise<MethodRunner> {
  const { ts } = await import('ts-morph');
  const counters: MethodCounters = { nodes: 0, parseDiagnostics: 0 };
  const scriptKindFor = (path: string): import('ts-morph').ts.ScriptKind => {
    const lower = path.toLowerCase();
    if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
    if (lower.endsWith('.jsx')) return ts.ScriptKind.JSX;
    if (lower.endsWith('.js') || lower.endsWith('.mjs') || lower.endsWith('.cjs')) return ts.ScriptKind.JS;
    return ts.ScriptKind.TS;
  };
  let nodes = 0;
  const visit = (node: import('ts-morph').ts.Node): void => {
    nodes++;
    ts.forEachChild(node, visit);
  };
  return {
    counters,
    run(file) {
      const sourceFile = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.ES2022, false, scriptKindFor(file.path));
      nodes = 0;
      visit(sourceFile);
      counters.nodes! += nodes;
      counters.parseDiagnostics! += (sourceFile as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
    },
  };
}

function countAnalysis(counters: MethodCounters, analysis: FileAnalysis, rulesByFile: Map<string, string[]>): void {
  rulesByFile.set(analysis.file, [...new Set(analysis.findings.map((finding) => finding.ruleId))].sort());
  counters.findings! += analysis.findings.length;
  counters.suppressed! += analysis.suppressed.length;
  counters.errors! += analysis.errors.length;
  if (!analysis.analyzed) counters.notAnalyzed! += 1;
  for (const finding of analysis.findings) counters[`rule:${finding.ruleId}`] = (counters[`rule:${finding.ruleId}`] ?? 0) + 1;
}

/** The analyzer as the CLI calls it: one `Analyzer`, file by file, the set as one project (a fresh one each pass). */
export async function createAnalyzer(maxFileBytes?: number): Promise<MethodRunner> {
  const { Analyzer, Project } = await import('../../src/analyzer/index.js');
  const { defaultConfig } = await import('../../src/config/types.js');
  const config = defaultConfig();
  const analyzer = new Analyzer(maxFileBytes === undefined ? config : { ...config, maxFileBytes });
  const counters: MethodCounters = { findings: 0, suppressed: 0, errors: 0, notAnalyzed: 0 };
  const rulesByFile = new Map<string, string[]>();
  let project: InstanceType<typeof Project> | undefined;
  return {
    counters,
    rulesByFile,
    startPass(files) {
      project = Project.of(files.map((file) => ({ path: file.path, text: file.text })));
    },
    run(file) {
      countAnalysis(counters, analyzer.analyzeFile({ path: file.path, text: file.text }, project), rulesByFile);
    },
  };
}

/** The worker pool (reliability issue), all cores; only a whole-set time is meaningful here. */
export async function createAnalyzerPool(threads: number): Promise<MethodRunner> {
  const { AnalysisPool } = await import('../../src/pool/analysis-pool.js');
  const { defaultConfig } = await import('../../src/config/types.js');
  const pool = new AnalysisPool({ threads });
  const config = defaultConfig();
  const counters: MethodCounters = { findings: 0, suppressed: 0, errors: 0, notAnalyzed: 0, threads };
  const rulesByFile = new Map<string, string[]>();
  return {
    counters,
    rulesByFile,
    async run(file) {
      countAnalysis(counters, await pool.analyzeFile({ path: file.path, text: file.text }, config), rulesByFile);
    },
    async runAll(files) {
      const analyses = await Promise.all(files.map((file) => pool.analyzeFile({ path: file.path, text: file.text }, config)));
      for (const analysis of analyses) countAnalysis(counters, analysis, rulesByFile);
    },
    close: () => pool.close(),
  };
}

/**
 * ESLint 9, flat config, with every rule of eslint-plugin-security and @microsoft/eslint-plugin-sdl
 * on. `.js` files get the `sourceType` Node would load them with. With `parser: 'espree'` only
 * JavaScript can be read; with `parser: 'typescript-eslint'` (@typescript-eslint/parser, no type
 * information, as a TypeScript MCP server would lint) every corpus file is read, as (a) and (b) read them.
 */
export async function createEslint(cwd: string, parser: 'espree' | 'typescript-eslint' = 'espree'): Promise<MethodRunner> {
  const { ESLint } = await import('eslint');
  const security = (await import('eslint-plugin-security')).default;
  const sdl = (await import('@microsoft/eslint-plugin-sdl')).default;
  const tsParser = parser === 'typescript-eslint' ? (await import('@typescript-eslint/parser')).default : undefined;
  const rules: Record<string, 'error'> = {};
  for (const name of Object.keys(security.rules)) rules[`security/${name}`] = 'error';
  for (const name of Object.keys(sdl.rules)) rules[`@microsoft/sdl/${name}`] = 'error';
  const counters: MethodCounters = { rules: Object.keys(rules).length, messages: 0, fatalParseErrors: 0, ignored: 0, ruleCrashes: 0 };
  const make = (sourceType: ModuleType) =>
    new ESLint({
      cwd,
      overrideConfigFile: true,
      // The corpus lives in node_modules, which ESLint ignores by default.
      ignorePatterns: ['!**/node_modules/'],
      overrideConfig: [
        {
          files: ['**/*.js', '**/*.mjs', '**/*.cjs', '**/*.jsx', '**/*.ts', '**/*.mts', '**/*.cts', '**/*.tsx'],
          plugins: { security: security as never, '@microsoft/sdl': sdl as never },
          languageOptions: { ecmaVersion: 'latest', sourceType, ...(tsParser ? { parser: tsParser as never } : {}) },
          rules,
        },
        { files: ['**/*.jsx', '**/*.tsx'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
      ],
    });
  const byType: Record<ModuleType, InstanceType<typeof ESLint>> = { module: make('module'), commonjs: make('commonjs') };
  return {
    counters,
    async run(file) {
      let results;
      try {
        results = await byType[file.moduleType].lintText(file.text, { filePath: file.absolutePath });
      } catch {
        // A plugin rule threw (e.g. sdl's no-insecure-random on `require(variable)`); ESLint stops that file.
        counters.ruleCrashes!++;
        return;
      }
      const [result] = results;
      if (!result) return;
      for (const message of result.messages) {
        if (message.ruleId === null && /file ignored/i.test(message.message)) counters.ignored!++;
        else if (message.fatal) counters.fatalParseErrors!++;
        else counters.messages!++;
      }
    },
  };
}
