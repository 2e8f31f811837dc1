import { ts } from './typescript.js';
import type { InputFile } from '../types.js';
import { isSupportedPath, Parser } from './parse.js';
import { walkFile, type Declaration, type WalkResult } from './walk.js';
import { BudgetExceeded, FileBudget, Flow, type BudgetOptions } from './flow.js';
import { ValueResolver } from './values.js';
import { DEFAULT_LINK_LIMITS, normalisePath, relativeCandidates, type LinkLimits } from './specifiers.js';

export type { LinkLimits } from './specifiers.js';

/**
 * The project view of one scan: the set of files being analysed (a CLI scan of a tree, an eval
 * package, the head snapshot of a pull request), read and parsed only when an import of the file
 * being analysed leads there. Relative imports and requires resolve to files of the set; nothing
 * else does (a package from node_modules stays an external module, unresolved stays unresolved).
 */
export interface ProjectSource {
  /** The paths of the set: relative to the scanned root, with '/' separators. */
  paths(): Iterable<string>;
  /** A file's text, or undefined when it cannot be read (too large, gone, binary). */
  read(path: string): string | undefined;
}

/** A module of the project, parsed and indexed once per scan (within the cache's bound). */
export interface ProjectModule {
  path: string;
  sourceFile: ts.SourceFile;
  index: WalkResult;
}

/** What an export of a module is: a declaration of the module, an exported expression, or another module as a whole. */
export type ExportTarget =
  | { kind: 'declaration'; module: ProjectModule; declaration: Declaration }
  | { kind: 'value'; module: ProjectModule; value: ts.Expression }
  | { kind: 'namespace'; module: ProjectModule };

export interface ProjectLimits {
  /** Parsed modules kept between files (least recently used ones are dropped and re-parsed when needed). */
  cachedModules: number;
  /** A module larger than this is not read through an import (the analyzer's max file size). */
  maxModuleBytes: number;
}

const DEFAULT_LIMITS: ProjectLimits = { cachedModules: 64, maxModuleBytes: 1024 * 1024 };

/** Nothing is walked for rules in an imported module: its walk only sets parents and indexes declarations. */
const NO_KINDS: ReadonlySet<ts.SyntaxKind> = new Set();

export class Project {
  private readonly parser = new Parser();
  private readonly limits: ProjectLimits;
  private pathSet: Set<string> | undefined;
  private readonly modules = new Map<string, ProjectModule | null>();
  /** Indexes of every module this scan parsed, by its source file (a node knows its file, not its path). */
  private readonly indexes = new WeakMap<ts.SourceFile, WalkResult>();

  constructor(
    private readonly source: ProjectSource,
    limits: Partial<ProjectLimits> = {},
  ) {
    this.limits = { ...DEFAULT_LIMITS, ...limits };
  }

  /** A project of files already in memory (the eval package, a test's files). */
  static of(files: readonly InputFile[], limits: Partial<ProjectLimits> = {}): Project {
    const texts = new Map(files.map((file) => [file.path, file.text]));
    return new Project({ paths: () => texts.keys(), read: (path) => texts.get(path) }, limits);
  }

  private readonly resolved = new Map<string, string | null>();

  /** The paths of the set. */
  paths(): Set<string> {
    return (this.pathSet ??= new Set([...this.source.paths()].map(normalisePath)));
  }

  /**
   * The file of the set that `specifier`, written in the file at `fromPath`, loads: relative
   * specifiers only, with the extensions and `/index` files Node and TypeScript try, and a
   * `.js` specifier mapped to the `.ts` source. Undefined for packages and for files not in the set.
   */
  resolve(fromPath: string, specifier: string): string | undefined {
    // Asked again at every call through an import: the candidate list costs more than the answer.
    const key = `${fromPath}\0${specifier}`;
    if (this.resolved.has(key)) return this.resolved.get(key) ?? undefined;
    const paths = this.paths();
    let found: string | undefined;
    for (const candidate of relativeCandidates(fromPath, specifier)) {
      if (paths.has(candidate) && isSupportedPath(candidate)) {
        found = candidate;
        break;
      }
    }
    this.resolved.set(key, found ?? null);
    return found;
  }

  /** The parsed module at a path of the set; undefined when it is not in the set or cannot be read or parsed. */
  module(path: string): ProjectModule | undefined {
    const cached = this.modules.get(path);
    if (cached !== undefined) {
      // Least recently used last out: touch it.
      this.modules.delete(path);
      this.modules.set(path, cached);
      return cached ?? undefined;
    }
    const loaded = this.load(path);
    this.modules.set(path, loaded ?? null);
    while (this.modules.size > this.limits.cachedModules) this.modules.delete(this.modules.keys().next().value!);
    return loaded;
  }

  /**
   * A module for one visit of a pass over the whole scan: the kept parse when there is one, else
   * a fresh parse that is not kept. Such a pass reaches most files once, so keeping them would
   * only push out the modules the analysed files are using, and keep every tree alive long
   * enough to reach the old generation.
   */
  visitModule(path: string): ProjectModule | undefined {
    const cached = this.modules.get(path);
    if (cached !== undefined) return cached ?? undefined;
    return this.load(path);
  }

  /**
   * The parse of a file of the set that this project already holds (an import opened it, or it
   * was analysed), when it was parsed from `text`: the analysis of that file reuses it.
   */
  cachedParse(path: string, text: string): ProjectModule | undefined {
    const cached = this.modules.get(normalisePath(path));
    return cached && cached.sourceFile.text === text ? cached : undefined;
  }

  /**
   * Keeps a file the scan has just parsed for its own analysis, so that a later import of it is
   * not parsed again (within the cache's bound, as if an import had opened it).
   */
  remember(path: string, sourceFile: ts.SourceFile, index: WalkResult): void {
    const key = normalisePath(path);
    // The analysed text is the file's text in this scan (a module larger than imports may open is not kept).
    if (!this.paths().has(key) || !isSupportedPath(key) || Buffer.byteLength(sourceFile.text, 'utf8') > this.limits.maxModuleBytes) return;
    this.modules.delete(key);
    this.modules.set(key, { path: key, sourceFile, index });
    this.indexes.set(sourceFile, index);
    while (this.modules.size > this.limits.cachedModules) this.modules.delete(this.modules.keys().next().value!);
  }

  /** The declaration index of a source file this project parsed. */
  indexOf(sourceFile: ts.SourceFile): WalkResult | undefined {
    return this.indexes.get(sourceFile);
  }

  /** A source file's text as the scan would analyse it; undefined when not in the set, too large or binary. */
  read(path: string): string | undefined {
    if (!this.paths().has(path) || !isSupportedPath(path) || /\.d\.[cm]?ts$/.test(path)) return undefined;
    const raw = this.source.read(path);
    if (raw === undefined || Buffer.byteLength(raw, 'utf8') > this.limits.maxModuleBytes || raw.includes('\u0000')) return undefined;
    return raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  }

  private load(path: string): ProjectModule | undefined {
    const text = this.read(path);
    if (text === undefined) return undefined;
    try {
      const { sourceFile } = this.parser.parse(path, text);
      const index = walkFile(sourceFile, NO_KINDS);
      this.indexes.set(sourceFile, index);
      return { path, sourceFile, index };
    } catch {
      // A module too deep to walk is one this scan cannot follow into; the importer's analysis goes on.
      return undefined;
    }
  }
}

/**
 * One analysed file's window on the project: which module an import of it (or of a module it
 * reaches) denotes, and what a module exports under a name. Bounded per analysed file and
 * memoised per export, so following imports stays linear in what the file reaches.
 */
export class ModuleLinker {
  private readonly opened = new Map<string, ProjectModule | undefined>();
  private readonly exportMemo = new Map<string, ExportTarget | null>();
  private readonly home: ProjectModule;
  private readonly limits: LinkLimits;
  /** Imported functions by the local names the analysed file calls them by (`import { save as persist }`). */
  private readonly localNames = new Map<ts.Node, Set<string>>();

  constructor(
    readonly project: Project,
    path: string,
    sourceFile: ts.SourceFile,
    index: WalkResult,
    /** Counts one step of the analysed file's budget (loading a module is work of that file). */
    private readonly charge: () => void = () => {},
    limits: Partial<LinkLimits> = {},
  ) {
    this.home = { path: normalisePath(path), sourceFile, index };
    this.limits = { ...DEFAULT_LINK_LIMITS, ...limits };
  }

  /** The analysed file. */
  get homeFile(): ts.SourceFile {
    return this.home.sourceFile;
  }

  /** Whether any other module has been opened (until then, every node is the analysed file's). */
  get crossed(): boolean {
    return this.opened.size > 0;
  }

  /** The declaration index for a source file: the analysed file's, or an opened module's. */
  indexOf(sourceFile: ts.SourceFile): WalkResult | undefined {
    return sourceFile === this.home.sourceFile ? this.home.index : this.project.indexOf(sourceFile);
  }

  /** The module of the set that `specifier`, written in `from`, loads. */
  moduleFor(from: ts.SourceFile, specifier: string): ProjectModule | undefined {
    const fromPath = from === this.home.sourceFile ? this.home.path : from.fileName;
    const path = this.project.resolve(fromPath, specifier);
    if (path === undefined) return undefined;
    if (path === this.home.path) return this.home;
    if (this.opened.has(path)) return this.opened.get(path);
    if (this.opened.size >= this.limits.modules) return undefined;
    this.charge();
    const module = this.project.module(path);
    this.opened.set(path, module);
    return module;
  }

  /**
   * What an import binding of any opened module denotes: the exported declaration or value
   * (through re-exports), or the whole module for `import * as ns` and `import x = require()`.
   */
  importTarget(binding: ts.Node): ExportTarget | undefined {
    let declaration: ts.ImportDeclaration | ts.JSDocImportTag | undefined;
    if (ts.isImportEqualsDeclaration(binding)) {
      const reference = binding.moduleReference;
      if (!ts.isExternalModuleReference(reference) || !ts.isStringLiteral(reference.expression)) return undefined;
      const module = this.moduleFor(binding.getSourceFile(), reference.expression.text);
      return module && this.moduleValue(module);
    }
    if (ts.isImportSpecifier(binding)) declaration = binding.parent.parent.parent;
    else if (ts.isNamespaceImport(binding)) declaration = binding.parent.parent;
    else if (ts.isImportClause(binding)) declaration = binding.parent;
    if (!declaration || !ts.isImportDeclaration(declaration) || !ts.isStringLiteral(declaration.moduleSpecifier)) return undefined;
    const module = this.moduleFor(binding.getSourceFile(), declaration.moduleSpecifier.text);
    if (!module) return undefined;
    if (ts.isNamespaceImport(binding)) return { kind: 'namespace', module };
    const name = ts.isImportSpecifier(binding) ? (binding.propertyName ?? binding.name).text : 'default';
    const target = this.exportOf(module, name);
    if (target?.kind === 'declaration' && (target.declaration.kind === 'function' || target.declaration.kind === 'variable')) {
      const local = (binding as ts.ImportSpecifier | ts.ImportClause).name?.text;
      if (local) this.rememberLocalName(target.declaration.node, local);
    }
    return target;
  }

  /** The module `require('./x')` or `import('./x')` loads, when it is one of the set. */
  requiredModule(call: ts.CallExpression): ProjectModule | undefined {
    const first = call.arguments[0];
    if (!first || !ts.isStringLiteralLike(first)) return undefined;
    const callee = call.expression;
    const loads = callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && (callee.text === 'require' || callee.text === '__require'));
    return loads ? this.moduleFor(call.getSourceFile(), first.text) : undefined;
  }

  /** A module as a value (`require('./x')`): what `module.exports =` assigns, else the module as a namespace. */
  moduleValue(module: ProjectModule): ExportTarget {
    const assigned = commonJsExports(module).whole;
    return assigned ? { kind: 'value', module, value: assigned } : { kind: 'namespace', module };
  }

  /** What a module exports under `name` ('default' for the default export), through `export … from` chains. */
  exportOf(module: ProjectModule, name: string, hops = 0): ExportTarget | undefined {
    const key = `${module.path}\u0000${name}`;
    const memo = this.exportMemo.get(key);
    if (memo !== undefined) return memo ?? undefined;
    // Marked before the search: an `export * from` cycle finds nothing the second time round.
    this.exportMemo.set(key, null);
    const found = hops > this.limits.reexportHops ? undefined : this.findExport(module, name, hops);
    this.exportMemo.set(key, found ?? null);
    return found;
  }

  /** The names the analysed file calls an imported function by, when it renamed it on import. */
  localNamesOf(fn: ts.Node): ReadonlySet<string> | undefined {
    return this.localNames.get(fn);
  }

  private rememberLocalName(node: ts.Node, local: string): void {
    // A variable's function: the function node is its initializer.
    const fn = ts.isVariableDeclaration(node) && node.initializer ? node.initializer : node;
    let names = this.localNames.get(fn);
    if (!names) this.localNames.set(fn, (names = new Set()));
    names.add(local);
  }

  private findExport(module: ProjectModule, name: string, hops: number): ExportTarget | undefined {
    const sourceFile = module.sourceFile;
    const topLevel = module.index.declarationsByScope.get(sourceFile);
    const local = (localName: string): ExportTarget | undefined => {
      const declaration = topLevel?.get(localName);
      if (!declaration) return undefined;
      if (declaration.kind === 'import') return this.importTarget(declaration.node);
      return { kind: 'declaration', module, declaration };
    };
    let starModules: string[] = [];
    for (const statement of sourceFile.statements) {
      if (ts.isExportDeclaration(statement)) {
        const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
        const clause = statement.exportClause;
        if (!clause) {
          if (from !== undefined) starModules.push(from);
          continue;
        }
        if (ts.isNamespaceExport(clause)) {
          if (clause.name.text === name && from !== undefined) {
            const target = this.moduleFor(sourceFile, from);
            return target && { kind: 'namespace', module: target };
          }
          continue;
        }
        for (const element of clause.elements) {
          if (element.name.text !== name) continue;
          const original = (element.propertyName ?? element.name).text;
          if (from === undefined) return local(original);
          const target = this.moduleFor(sourceFile, from);
          return target && this.exportOf(target, original, hops + 1);
        }
      } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
        if (name !== 'default') continue;
        const expression = statement.expression;
        if (ts.isIdentifier(expression)) return local(expression.text) ?? { kind: 'value', module, value: expression };
        return { kind: 'value', module, value: expression };
      } else if (hasExportModifier(statement)) {
        const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
        if (ts.isVariableStatement(statement)) {
          if (statement.declarationList.declarations.some((declaration) => ts.isIdentifier(declaration.name) && declaration.name.text === name)) return local(name);
          // `export const { a, b } = x`
          if (statement.declarationList.declarations.some((declaration) => !ts.isIdentifier(declaration.name))) {
            const found = local(name);
            if (found) return found;
          }
        } else if (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) {
          const declared = statement.name?.text;
          if ((isDefault && name === 'default') || (!isDefault && declared === name)) {
            if (declared) return local(declared);
            if (ts.isFunctionDeclaration(statement)) return { kind: 'declaration', module, declaration: { name: 'default', node: statement, scope: sourceFile, kind: 'function' } };
          }
        }
      }
    }
    const cjs = commonJsExports(module);
    const assigned = cjs.members.get(name);
    if (assigned) return ts.isIdentifier(assigned) ? local(assigned.text) ?? { kind: 'value', module, value: assigned } : { kind: 'value', module, value: assigned };
    if (cjs.whole) {
      if (name === 'default') return { kind: 'value', module, value: cjs.whole };
      return undefined;
    }
    if (name === 'default') return undefined;
    for (const from of starModules) {
      const target = this.moduleFor(sourceFile, from);
      const found = target && this.exportOf(target, name, hops + 1);
      if (found) return found;
    }
    starModules = [];
    return undefined;
  }
}

const commonJsCache = new WeakMap<ts.SourceFile, { whole?: ts.Expression; members: Map<string, ts.Expression> }>();

/**
 * CommonJS exports written at the top level: `module.exports = value`, `module.exports.name =
 * value` and `exports.name = value` (the last write of a name wins, as at run time).
 */
function commonJsExports(module: ProjectModule): { whole?: ts.Expression; members: Map<string, ts.Expression> } {
  const cached = commonJsCache.get(module.sourceFile);
  if (cached) return cached;
  const found: { whole?: ts.Expression; members: Map<string, ts.Expression> } = { members: new Map() };
  for (const statement of module.sourceFile.statements) {
    if (!ts.isExpressionStatement(statement)) continue;
    let expression = statement.expression;
    // `module.exports = exports.x = value` chains: each left side is written.
    while (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const left = expression.left;
      let value: ts.Expression = expression.right;
      while (ts.isBinaryExpression(value) && value.operatorToken.kind === ts.SyntaxKind.EqualsToken) value = value.right;
      if (ts.isPropertyAccessExpression(left)) {
        const target = left.expression;
        if (ts.isIdentifier(target) && target.text === 'module' && left.name.text === 'exports') found.whole = value;
        else if ((ts.isIdentifier(target) && target.text === 'exports') || (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) &&
          target.expression.text === 'module' && target.name.text === 'exports')) found.members.set(left.name.text, value);
      }
      expression = expression.right;
    }
  }
  commonJsCache.set(module.sourceFile, found);
  return found;
}

function hasExportModifier(statement: ts.Statement): boolean {
  return hasModifier(statement, ts.SyntaxKind.ExportKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === kind);
}

/** One module of the scan as a pass over the whole scan sees it: parsed, indexed and with its own value follower. */
export interface ScannedModule {
  path: string;
  sourceFile: ts.SourceFile;
  values: ValueResolver;
}

/**
 * Passes over every module of the scan, for what one file cannot answer alone (the API calls
 * that the tools of the whole tree make). Each module is followed under its own budget; one over
 * it is left out (what it would have added stays unseen).
 */
export class ProjectModules {
  constructor(
    readonly project: Project,
    private readonly budget: BudgetOptions = {},
  ) {}

  /** Visits, in path order, each module whose text `mentions` accepts; the visit's answers are the caller's to keep. */
  each(mentions: { test(text: string): boolean }, visit: (module: ScannedModule) => void): void {
    for (const path of [...this.project.paths()].sort()) {
      if (!isSupportedPath(path) || /\.d\.[cm]?ts$/.test(path)) continue;
      const text = this.project.read(path);
      if (text === undefined || !mentions.test(text)) continue;
      const module = this.project.visitModule(path);
      if (!module) continue;
      const budget = new FileBudget(this.budget);
      const linker = new ModuleLinker(this.project, path, module.sourceFile, module.index, () => budget.charge());
      try {
        visit({ path, sourceFile: module.sourceFile, values: new ValueResolver(module.index, new Flow(budget), linker) });
      } catch (error) {
        if (!(error instanceof BudgetExceeded)) throw error;
      }
    }
  }
}
