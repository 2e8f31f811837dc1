import { ts } from './typescript.js';
import type { ValueResolver } from './values.js';
import type { ExportTarget, ProjectModule } from './project.js';
import { findAncestor } from './values.js';

/**
 * The one import resolver of the analyzer: which module member an expression denotes, through
 * `import` (default, named, namespace), `import x = require()`, `require()`, `import()`,
 * destructuring and property reads. Rules and models ask it instead of reading import
 * statements themselves.
 */
export interface ModuleRef {
  /** The specifier as written: 'pino', 'node:fs', './store.js'. */
  module: string;
  /** Members taken from the module, in order; '()' where the member is called (`require('pino')()` → ['()']). */
  path: string[];
  /** The file of the scan the module is, when `path` is empty and its members are looked up there (`import * as log from './log.js'`). */
  scanned?: ProjectModule;
}

/**
 * Module-interop helpers that compilers and bundlers wrap around `require`: TypeScript's
 * `__importStar`/`__importDefault` (also as `tslib.__importStar`), Babel's `_interopRequire*`,
 * esbuild's `__toESM`. The wrapped module is their first argument.
 */
const INTEROP_HELPERS = /^(__importStar|__importDefault|__importWildcard|_interopRequireDefault|_interopRequireWildcard|__toESM)$/;

/** Bounds the walk through `const a = b; const b = require(…)` chains. */
const MAX_DEPTH = 8;

/** The module a call loads: 'm' for `require('m')` and `import('m')`. */
export function loadedModule(call: ts.CallExpression): string | undefined {
  const first = call.arguments[0];
  if (!first || !ts.isStringLiteralLike(first)) return undefined;
  const callee = call.expression;
  if (callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && (callee.text === 'require' || callee.text === '__require'))) return first.text;
  return undefined;
}

/** What an import binding (specifier, default clause, namespace, `import x = require()`) brings in. */
export function importBindingRef(node: ts.Node): ModuleRef | undefined {
  if (ts.isImportEqualsDeclaration(node)) {
    const reference = node.moduleReference;
    return ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? { module: reference.expression.text, path: [] } : undefined;
  }
  const declaration = ts.isImportDeclaration(node) ? node : findAncestor(node, ts.isImportDeclaration);
  if (!declaration || !ts.isStringLiteral(declaration.moduleSpecifier)) return undefined;
  const module = declaration.moduleSpecifier.text;
  if (ts.isImportSpecifier(node)) return { module, path: [(node.propertyName ?? node.name).text] };
  return { module, path: [] };
}

/**
 * The module member an expression denotes: `fsp.writeFile` after `import fsp from 'node:fs/promises'`
 * → { 'node:fs/promises', ['writeFile'] }; `require('pino')()` → { 'pino', ['()'] }. As written:
 * see `normaliseModuleRef` for comparing against knowledge.
 */
export function moduleRefOf(expression: ts.Expression, values: ValueResolver, depth = 0): ModuleRef | undefined {
  if (depth === 0) {
    // Every model asks this of the same callees (log sink? storage sink? OAuth library?): answer once per node.
    const memo = values.moduleRefs;
    const known = memo.get(expression);
    if (known !== undefined) return known ?? undefined;
    const ref = moduleRefAt(expression, values, 0);
    memo.set(expression, ref ?? null);
    return ref;
  }
  return moduleRefAt(expression, values, depth);
}

function moduleRefAt(expression: ts.Expression, values: ValueResolver, depth: number): ModuleRef | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = values.unwrap(expression);
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    if (!declaration) return undefined;
    if (declaration.kind === 'import') {
      // `import { logger } from './log.js'` where log.js has `export const logger = pino()`: pino's.
      const target = values.importTarget(declaration);
      const written = importBindingRef(declaration.node);
      if (target?.kind === 'namespace') return written && { ...written, scanned: target.module };
      return (target && exportRef(target, values, depth + 1)) ?? written;
    }
    if (declaration.kind === 'variable' && declaration.initializer) {
      const base = moduleRefOf(declaration.initializer, values, depth + 1);
      if (!base) return undefined;
      let ref: ModuleRef = base;
      for (const key of declaration.path ?? []) ref = memberRef(ref, key, values, depth + 1);
      return ref;
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const base = moduleRefOf(node.expression, values, depth + 1);
    return base && memberRef(base, node.name.text, values, depth + 1);
  }
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    const base = moduleRefOf(node.expression, values, depth + 1);
    return base && memberRef(base, node.argumentExpression.text, values, depth + 1);
  }
  if (ts.isCallExpression(node)) {
    const loaded = loadedModule(node);
    if (loaded !== undefined) {
      const scanned = values.linker?.requiredModule(node);
      if (!scanned) return { module: loaded, path: [] };
      const value = values.linker!.moduleValue(scanned);
      return (value.kind === 'value' && exportRef(value, values, depth + 1)) || { module: loaded, path: [], scanned };
    }
    const wrapped = node.arguments[0];
    if (wrapped && isInteropHelper(node.expression)) return moduleRefOf(wrapped, values, depth + 1);
    const base = moduleRefOf(node.expression, values, depth + 1);
    return base && { module: base.module, path: [...base.path, '()'] };
  }
  return undefined;
}

/** The module member an export of a scanned file stands for: what its value or variable's initializer denotes. */
function exportRef(target: ExportTarget, values: ValueResolver, depth: number): ModuleRef | undefined {
  if (target.kind === 'namespace') return undefined;
  if (target.kind === 'value') return moduleRefOf(target.value, values, depth + 1);
  const declaration = target.declaration;
  if (declaration.kind !== 'variable' || !declaration.initializer) return undefined;
  const base = moduleRefOf(declaration.initializer, values, depth + 1);
  if (!base) return undefined;
  let ref: ModuleRef = base;
  for (const key of declaration.path ?? []) ref = memberRef(ref, key, values, depth + 1);
  return ref;
}

/** `base.key`: looked up among the exports of a scanned module, else appended to the path. */
function memberRef(base: ModuleRef, key: string, values: ValueResolver, depth: number): ModuleRef {
  if (base.scanned && base.path.length === 0 && values.linker && depth <= MAX_DEPTH) {
    const target = values.linker.exportOf(base.scanned, key);
    if (target?.kind === 'namespace') return { module: base.module, path: [key], scanned: target.module };
    const linked = target && exportRef(target, values, depth + 1);
    if (linked) return linked;
  }
  return { module: base.module, path: [...base.path, key] };
}

function isInteropHelper(callee: ts.Expression): boolean {
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  return name !== undefined && INTEROP_HELPERS.test(name);
}

/**
 * One spelling per module member: 'node:' dropped, a leading 'default' dropped (ESM interop),
 * and `fs.promises` read as 'fs/promises'.
 */
export function normaliseModuleRef(ref: ModuleRef): ModuleRef {
  let module = ref.module.replace(/^node:/, '');
  let path = ref.path;
  if (path[0] === 'default') path = path.slice(1);
  if (module === 'fs' && path[0] === 'promises') {
    module = 'fs/promises';
    path = path.slice(1);
  }
  if (module === 'fs/promises' && path[0] === 'default') path = path.slice(1);
  return { module, path };
}

/** `moduleRefOf`, normalised. */
export function normalisedModuleRefOf(expression: ts.Expression, values: ValueResolver): ModuleRef | undefined {
  const ref = moduleRefOf(expression, values);
  return ref && normaliseModuleRef(ref);
}

/** The module an imported name comes from, when it is one (not a call of it): `X`, `ns.X`, `require('m').X`. */
export function importedFrom(expression: ts.Expression, values: ValueResolver): ModuleRef | undefined {
  const ref = moduleRefOf(expression, values);
  return ref && !ref.path.includes('()') ? ref : undefined;
}

/** Every module specifier a file loads: import and export-from declarations, `import x = require()`, `require()` and `import()` calls. */
export function importedModules(sourceFile: ts.SourceFile, calls: readonly ts.CallExpression[]): Set<string> {
  const modules = new Set<string>();
  for (const call of calls) {
    const loaded = loadedModule(call);
    if (loaded !== undefined) modules.add(loaded);
  }
  for (const statement of sourceFile.statements) {
    if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      modules.add(statement.moduleSpecifier.text);
    }
    if (ts.isImportEqualsDeclaration(statement)) {
      const ref = importBindingRef(statement);
      if (ref) modules.add(ref.module);
    }
  }
  return modules;
}
