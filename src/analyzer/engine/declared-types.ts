import { ts } from './typescript.js';
import { importedFrom } from './modules.js';
import type { ValueResolver } from './values.js';
import { propertyNameText } from './walk.js';

/** A type as a value's declaration names it: `KVNamespace`, `pino.Logger` → 'Logger' (from 'pino'). */
export interface DeclaredType {
  /** The type's own name (the last segment of a qualified name). */
  name: string;
  /** The module it is imported from, when it is imported. */
  module?: string;
}

/** Bounds the walk through `env.A.B` member types and type aliases. */
const MAX_DEPTH = 4;

/**
 * The declared type of a receiver, read from annotations only (no type checker): a variable or
 * parameter annotated with it, `this.x` where the class declares `x` (field or constructor
 * parameter property), or `a.b` where `a`'s declared type is an interface or type literal of this
 * file with a member `b`. Union members other than null/undefined make it unknown.
 */
export function declaredTypeOf(expression: ts.Expression, values: ValueResolver, depth = 0): DeclaredType | undefined {
  const node = values.unwrap(expression);
  const annotation = annotationOf(node, values, depth);
  return annotation && referencedType(annotation, values);
}

function annotationOf(node: ts.Expression, values: ValueResolver, depth: number): ts.TypeNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    const declared = declaration?.node;
    if (!declared || declaration.path) return undefined;
    return ts.isVariableDeclaration(declared) || ts.isParameter(declared) ? declared.type : undefined;
  }
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  const key = node.name.text;
  if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = findClass(node);
    for (const member of owner?.members ?? []) {
      if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === key) return member.type;
      if (ts.isConstructorDeclaration(member)) {
        const parameter = member.parameters.find((candidate) => ts.isIdentifier(candidate.name) && candidate.name.text === key && ts.getModifiers(candidate)?.length);
        if (parameter) return parameter.type;
      }
    }
    return undefined;
  }
  const ownerType = annotationOf(values.unwrap(node.expression), values, depth + 1);
  return ownerType && memberType(ownerType, key, node.getSourceFile(), depth + 1);
}

/** The type of member `key` of a type literal, or of an interface or type alias declared in the file. */
function memberType(type: ts.TypeNode, key: string, sourceFile: ts.SourceFile, depth: number): ts.TypeNode | undefined {
  if (depth > MAX_DEPTH) return undefined;
  let members: ts.NodeArray<ts.TypeElement> | undefined;
  if (ts.isTypeLiteralNode(type)) members = type.members;
  else if (ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName)) {
    const name = type.typeName.text;
    for (const statement of sourceFile.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) members = statement.members;
      else if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) return memberType(statement.type, key, sourceFile, depth + 1);
      if (members) break;
    }
  }
  const member = members?.find((candidate) => ts.isPropertySignature(candidate) && candidate.name && propertyNameText(candidate.name) === key);
  return member && ts.isPropertySignature(member) ? member.type : undefined;
}

function referencedType(type: ts.TypeNode, values: ValueResolver): DeclaredType | undefined {
  let node = type;
  if (ts.isUnionTypeNode(node)) {
    const named = node.types.filter((member) => member.kind !== ts.SyntaxKind.UndefinedKeyword &&
      !(ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword));
    if (named.length !== 1) return undefined;
    node = named[0]!;
  }
  if (!ts.isTypeReferenceNode(node)) return undefined;
  const typeName = node.typeName;
  const name = ts.isIdentifier(typeName) ? typeName.text : typeName.right.text;
  const root = ts.isIdentifier(typeName) ? typeName : leftmost(typeName);
  const imported = values.declarationOf(root)?.kind === 'import' ? importedFrom(root, values) : undefined;
  // `import type { Redis as Cache } from '@upstash/redis'`: the type is the module's `Redis`, whatever the local name.
  const exported = imported && ts.isIdentifier(typeName) ? imported.path.at(-1) ?? name : name;
  return { name: exported, module: imported?.module.replace(/^node:/, '') };
}

function leftmost(name: ts.QualifiedName): ts.Identifier {
  let current: ts.EntityName = name;
  while (ts.isQualifiedName(current)) current = current.left;
  return current;
}

function findClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current)) return undefined;
  }
  return undefined;
}
