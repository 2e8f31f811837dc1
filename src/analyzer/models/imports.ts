/**
 * Which module an expression comes from: `import { x } from 'm'`, `import * as m`, a default
 * import, `require('m')` and destructuring of either. A stand-in until the analyzer's one
 * import resolver (`engine/modules.ts`) lands; the same question, answered within one file.
 */
import { ts } from 'ts-morph';
import { findAncestor, type ValueResolver } from '../engine/values.js';

export interface ImportedName {
  module: string;
  /** The member path below the module: `['verify']` for `jwt.verify` of `import jwt from 'jsonwebtoken'`. */
  path: string[];
}

export function importOf(values: ValueResolver, expression: ts.Expression, depth = 0): ImportedName | undefined {
  if (depth > 6) return undefined;
  const node = values.unwrap(expression);
  if (ts.isPropertyAccessExpression(node)) {
    const base = importOf(values, node.expression, depth + 1);
    if (!base) return undefined;
    // A default import's members are the module's: `jwt.verify`, `jose.jwtVerify`.
    const path = base.path.length === 1 && base.path[0] === 'default' ? [] : base.path;
    return { module: base.module, path: [...path, node.name.text] };
  }
  if (ts.isCallExpression(node)) {
    const first = node.arguments[0];
    const isRequire = node.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(node.expression) && node.expression.text === 'require');
    return isRequire && first && ts.isStringLiteralLike(first) ? { module: first.text, path: [] } : undefined;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = values.declarationOf(node);
  if (!declaration) return undefined;
  if (declaration.kind === 'import') {
    const declared = declaration.node;
    const importDeclaration = findAncestor(declared, ts.isImportDeclaration);
    if (!importDeclaration || !ts.isStringLiteral(importDeclaration.moduleSpecifier)) return undefined;
    const module = importDeclaration.moduleSpecifier.text;
    if (ts.isImportSpecifier(declared)) return { module, path: [(declared.propertyName ?? declared.name).text] };
    return { module, path: ts.isImportClause(declared) ? ['default'] : [] };
  }
  if (declaration.kind === 'variable' && declaration.initializer) {
    const base = importOf(values, declaration.initializer, depth + 1);
    return base ? { module: base.module, path: [...base.path, ...(declaration.path ?? [])] } : undefined;
  }
  return undefined;
}

/** `'module:a.b'` for a call's callee when it is imported, e.g. `'jose:jwtVerify'`, `'jsonwebtoken:verify'`. */
export function importedCallee(values: ValueResolver, call: ts.CallExpression | ts.NewExpression): string | undefined {
  const imported = importOf(values, call.expression);
  if (!imported) return undefined;
  const path = imported.path[0] === 'default' ? imported.path.slice(1) : imported.path;
  return `${imported.module}:${path.join('.')}`;
}
