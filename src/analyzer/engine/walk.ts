import { ts } from './typescript.js';

/** What one walk of a file yields: the nodes the rules asked for, by kind, plus the file's declarations. */
export interface WalkResult {
  nodesByKind: Map<ts.SyntaxKind, ts.Node[]>;
  /** The nodes of every wanted kind, in document order (parents before their children). */
  orderedNodes: ts.Node[];
  declarations: Map<string, Declaration[]>;
  /** Per scope node, the first declaration of each name it holds: a use finds its declaration by climbing its ancestors. */
  declarationsByScope: Map<ts.Node, Map<string, Declaration>>;
  /** `name = value` assignments to plain identifiers, so a `let` assigned later still resolves. */
  assignments: Map<string, ts.Expression[]>;
  /** `name.key = value` assignments to a member of a plain identifier, keyed by that name (`internals.defaults = {…}`). */
  memberAssignments: Map<string, ts.BinaryExpression[]>;
  /** Calls whose callee is a plain name or `this.name`/`obj.name`, keyed by that last name. */
  callsByName: Map<string, ts.CallExpression[]>;
}

export interface Declaration {
  name: string;
  node: ts.Node;
  /** The node whose range is the declaration's visibility (block, function or file). */
  scope: ts.Node;
  initializer?: ts.Expression;
  /** For destructuring: the property path taken out of `initializer` (`const { a: { b } } = x` → ['a', 'b']). */
  path?: string[];
  kind: 'variable' | 'parameter' | 'function' | 'class' | 'import';
}

/** Nodes that open a scope for `let`/`const`/parameters. */
function isScopeNode(node: ts.Node): boolean {
  return (
    ts.isSourceFile(node) ||
    ts.isBlock(node) ||
    ts.isModuleBlock(node) ||
    ts.isCaseBlock(node) ||
    ts.isForStatement(node) ||
    ts.isForOfStatement(node) ||
    ts.isForInStatement(node) ||
    ts.isCatchClause(node) ||
    ts.isFunctionLike(node) ||
    ts.isClassLike(node)
  );
}

export function enclosingScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !isScopeNode(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** `var` and function declarations are visible in the whole enclosing function. */
function enclosingFunctionScope(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && !ts.isFunctionLike(current) && !ts.isSourceFile(current) && !ts.isModuleBlock(current)) current = current.parent;
  return current ?? node.getSourceFile();
}

/** What the walk does at a node of each kind, looked up by kind (a typed array is cheaper than a Set per node). */
const WANTED = 1;
const INDEXED = 2;
const CALL = 4;

/** Kinds that declare or assign a name; everything else skips the indexing switch. */
const INDEXED_KINDS: readonly ts.SyntaxKind[] = [
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamespaceImport,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.BinaryExpression,
];

/** The walk's action per kind for one set of wanted kinds, built once per set. */
const actionsByWanted = new WeakMap<ReadonlySet<ts.SyntaxKind>, Uint8Array>();
function actionsFor(wantedKinds: ReadonlySet<ts.SyntaxKind>): Uint8Array {
  let actions = actionsByWanted.get(wantedKinds);
  if (actions) return actions;
  actions = new Uint8Array(ts.SyntaxKind.Count);
  for (const kind of INDEXED_KINDS) actions[kind]! |= INDEXED;
  actions[ts.SyntaxKind.CallExpression]! |= CALL;
  for (const kind of wantedKinds) actions[kind]! |= WANTED;
  actionsByWanted.set(wantedKinds, actions);
  return actions;
}

/**
 * The single walk over a file's compiler nodes, in document order. It recurses like the
 * compiler's own visitors: a tree the parser could build is shallow enough to walk, and a
 * stack overflow on pathological nesting is caught by the engine as an error entry.
 */
export function walkFile(sourceFile: ts.SourceFile, wantedKinds: ReadonlySet<ts.SyntaxKind>): WalkResult {
  const nodesByKind = new Map<ts.SyntaxKind, ts.Node[]>();
  const orderedNodes: ts.Node[] = [];
  const declarations = new Map<string, Declaration[]>();
  const assignments = new Map<string, ts.Expression[]>();
  const memberAssignments = new Map<string, ts.BinaryExpression[]>();
  const callsByName = new Map<string, ts.CallExpression[]>();
  const declarationsByScope = new Map<ts.Node, Map<string, Declaration>>();
  const addDeclaration = (declaration: Declaration) => {
    const list = declarations.get(declaration.name);
    if (list) list.push(declaration);
    else declarations.set(declaration.name, [declaration]);
    let names = declarationsByScope.get(declaration.scope);
    if (!names) declarationsByScope.set(declaration.scope, (names = new Map()));
    if (!names.has(declaration.name)) names.set(declaration.name, declaration);
  };

  const actions = actionsFor(wantedKinds);
  let parent: ts.Node = sourceFile;
  const visit = (node: ts.Node): void => {
    // The parser was asked not to set parents: this walk does it, saving the compiler a pass.
    (node as { parent: ts.Node }).parent = parent;
    const kind = node.kind;
    const action = actions[kind]!;
    if (action !== 0) {
      if (action & WANTED) {
        orderedNodes.push(node);
        const list = nodesByKind.get(kind);
        if (list) list.push(node);
        else nodesByKind.set(kind, [node]);
      }
      if (action & INDEXED) indexDeclaration(node, addDeclaration, assignments, memberAssignments);
      else if (action & CALL) indexCall(node as ts.CallExpression, callsByName);
    }
    const saved = parent;
    parent = node;
    ts.forEachChild(node, visit);
    parent = saved;
  };
  ts.forEachChild(sourceFile, visit);
  return { nodesByKind, orderedNodes, declarations, declarationsByScope, assignments, memberAssignments, callsByName };
}

function indexCall(call: ts.CallExpression, callsByName: Map<string, ts.CallExpression[]>): void {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  if (name === undefined) return;
  const list = callsByName.get(name);
  if (list) list.push(call);
  else callsByName.set(name, [call]);
}

function indexDeclaration(
  node: ts.Node,
  add: (declaration: Declaration) => void,
  assignments: Map<string, ts.Expression[]>,
  memberAssignments: Map<string, ts.BinaryExpression[]>,
): void {
  switch (node.kind) {
    case ts.SyntaxKind.VariableDeclaration: {
      const declaration = node as ts.VariableDeclaration;
      const list = declaration.parent;
      const isVar = ts.isVariableDeclarationList(list) && (list.flags & (ts.NodeFlags.Let | ts.NodeFlags.Const)) === 0;
      const scope = isVar ? enclosingFunctionScope(list) : enclosingScope(list);
      // `for (const x of xs)`: the value is an element of xs, not xs itself.
      const initializer = declaration.initializer;
      addBinding(declaration.name, declaration, scope, initializer, [], 'variable', add);
      break;
    }
    case ts.SyntaxKind.Parameter: {
      const parameter = node as ts.ParameterDeclaration;
      addBinding(parameter.name, parameter, parameter.parent, parameter.initializer, [], 'parameter', add);
      break;
    }
    case ts.SyntaxKind.FunctionDeclaration: {
      const fn = node as ts.FunctionDeclaration;
      if (fn.name) add({ name: fn.name.text, node: fn, scope: enclosingFunctionScope(fn), kind: 'function' });
      break;
    }
    case ts.SyntaxKind.ClassDeclaration: {
      const cls = node as ts.ClassDeclaration;
      if (cls.name) add({ name: cls.name.text, node: cls, scope: enclosingScope(cls), kind: 'class' });
      break;
    }
    case ts.SyntaxKind.ImportSpecifier:
    case ts.SyntaxKind.ImportClause:
    case ts.SyntaxKind.NamespaceImport: {
      const named = node as ts.ImportSpecifier | ts.ImportClause | ts.NamespaceImport;
      if (named.name) add({ name: named.name.text, node, scope: node.getSourceFile(), kind: 'import' });
      break;
    }
    case ts.SyntaxKind.ImportEqualsDeclaration: {
      // `import fs = require('fs')`; `import x = Namespace.member` is not a module import.
      const equals = node as ts.ImportEqualsDeclaration;
      if (ts.isExternalModuleReference(equals.moduleReference)) add({ name: equals.name.text, node, scope: enclosingScope(equals), kind: 'import' });
      break;
    }
    case ts.SyntaxKind.BinaryExpression: {
      const binary = node as ts.BinaryExpression;
      if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(binary.left)) {
        const list = assignments.get(binary.left.text);
        if (list) list.push(binary.right);
        else assignments.set(binary.left.text, [binary.right]);
      } else if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(binary.left) && ts.isIdentifier(binary.left.expression)) {
        const list = memberAssignments.get(binary.left.expression.text);
        if (list) list.push(binary);
        else memberAssignments.set(binary.left.expression.text, [binary]);
      }
      break;
    }
  }
}

/** Records each name a binding introduces. `declaring` is passed in: during the walk, children have no parent yet. */
function addBinding(
  name: ts.BindingName,
  declaring: ts.Node,
  scope: ts.Node,
  initializer: ts.Expression | undefined,
  path: string[],
  kind: Declaration['kind'],
  add: (declaration: Declaration) => void,
): void {
  if (ts.isIdentifier(name)) {
    add({ name: name.text, node: declaring, scope, initializer, path: path.length ? path : undefined, kind });
    return;
  }
  if (ts.isObjectBindingPattern(name)) {
    for (const element of name.elements) {
      if (element.dotDotDotToken) {
        addBinding(element.name, element, scope, initializer, path, kind, add);
        continue;
      }
      const key = element.propertyName
        ? propertyNameText(element.propertyName)
        : ts.isIdentifier(element.name)
          ? element.name.text
          : undefined;
      if (key === undefined) continue;
      addBinding(element.name, element, scope, initializer, [...path, key], kind, add);
    }
    return;
  }
  name.elements.forEach((element, index) => {
    if (ts.isBindingElement(element)) addBinding(element.name, element, scope, initializer, [...path, String(index)], kind, add);
  });
}

export function propertyNameText(name: ts.PropertyName | ts.Node): string | undefined {
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) return name.text;
  if (ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  if (ts.isComputedPropertyName(name)) {
    const inner = name.expression;
    if (ts.isStringLiteral(inner) || ts.isNoSubstitutionTemplateLiteral(inner) || ts.isNumericLiteral(inner)) return inner.text;
  }
  return undefined;
}
