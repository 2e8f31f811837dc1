import { ts } from './typescript.js';
import { Flow, unwrapExpression, type FollowQuery } from './flow.js';
import { propertyNameText, type Declaration, type WalkResult } from './walk.js';
import type { ExportTarget, ModuleLinker } from './project.js';
import type { ModuleRef } from './modules.js';

/** Stands for a part of a string whose value is not known statically. */
export const UNKNOWN = '\uFFFF';

const MAX_DEPTH = 12;
const MAX_VARIANTS = 32;
/** Origins kept per expression: enough for real code, small enough that chains of helpers stay linear. */
const MAX_ORIGINS = 64;

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/**
 * Answers about one file that no depth limit or memo of a `Flow` shapes: which module member an
 * expression denotes, and which declaration each assignment writes. The engine hands one to every
 * resolver of a file, so rules kept apart for their follow memos (one resolver per text
 * requirement) do not work these out again each.
 */
export class FileMemos {
  readonly moduleRefs = new WeakMap<ts.Node, ModuleRef | null>();
  readonly assignmentsByDeclaration = new Map<string, Map<Declaration | undefined, ts.Expression[]>>();
  /** Per class: the values its own code gives each `this.<member>` (field initializers and `this.x = …`). */
  readonly classMembers = new WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>();
  /** What each identifier refers to: every rule's resolver asks again for the same identifiers. */
  readonly declarations = new WeakMap<ts.Identifier, Declaration | null>();
}

/**
 * Follows values the way a reviewer reads them within one file: through local variables,
 * destructuring, object literals and spreads, property reads, template literals,
 * concatenation, `join`, `JSON.stringify` and small helper functions.
 */
export class ValueResolver {
  // Followed through the file's one Flow, memoised per file: helpers that call each other would
  // otherwise be re-followed exponentially, so answers a depth cut shaped are remembered too.
  private readonly originsQuery: FollowQuery<ts.Expression[]> = {
    name: 'origins',
    maxDepth: MAX_DEPTH,
    rememberCutAnswers: true,
    // Re-entered through a cycle (a = b; b = a, mutual recursion): the value is not known here.
    cut: (node) => [node],
    judge: (node, depth) => dedupe(this.computeOrigins(node, depth)).slice(0, MAX_ORIGINS),
  };
  private readonly stringsQuery: FollowQuery<string[] | undefined> = {
    name: 'strings',
    maxDepth: MAX_DEPTH,
    rememberCutAnswers: true,
    cut: () => undefined,
    judge: (node, depth) => this.computeStringValues(node, depth),
  };
  /** `moduleRefOf` answers by expression (see engine/modules.ts); null for "no module member". */
  readonly moduleRefs: WeakMap<ts.Node, ModuleRef | null>;
  private readonly returnedByFunction = new Map<FunctionNode, ts.Expression[]>();
  private readonly assignmentsByDeclaration: Map<string, Map<Declaration | undefined, ts.Expression[]>>;
  private readonly classMembers: WeakMap<ts.ClassLikeDeclaration, Map<string, ts.Expression[]>>;
  private readonly declarations: WeakMap<ts.Identifier, Declaration | null>;

  constructor(
    private readonly index: WalkResult,
    readonly flow: Flow = new Flow(),
    /** The analysed file's window on the other files of the scan; without it, values stop at imports. */
    readonly linker?: ModuleLinker,
    /** Answers that depend on the file alone, shared by every resolver of the file (see `FileMemos`). */
    memos: FileMemos = new FileMemos(),
  ) {
    this.moduleRefs = memos.moduleRefs;
    this.assignmentsByDeclaration = memos.assignmentsByDeclaration;
    this.classMembers = memos.classMembers;
    this.declarations = memos.declarations;
  }

  /** Strips parentheses, type assertions, `!`, `satisfies` and `await`. */
  unwrap(expression: ts.Expression): ts.Expression {
    return unwrapExpression(expression);
  }

  private unwrapParentheses(expression: ts.Expression): ts.Expression {
    let current = expression;
    while (ts.isParenthesizedExpression(current)) current = current.expression;
    return current;
  }

  /**
   * The declaration an identifier refers to: the one in the innermost scope that encloses the use,
   * found by climbing the use's ancestors through the per-scope index (no scan of every
   * same-named declaration, which made files whose local names repeat across functions quadratic).
   */
  declarationOf(identifier: ts.Identifier): Declaration | undefined {
    const known = this.declarations.get(identifier);
    if (known !== undefined) return known ?? undefined;
    const found = this.findDeclaration(identifier);
    this.declarations.set(identifier, found ?? null);
    return found;
  }

  private findDeclaration(identifier: ts.Identifier): Declaration | undefined {
    const name = identifier.text;
    const linker = this.linker;
    if (!this.index.declarations.has(name) && !linker?.crossed) return undefined;
    let root: ts.Node = identifier;
    for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
      const found = this.index.declarationsByScope.get(scope)?.get(name);
      if (found) return found;
      root = scope;
    }
    // A node of another module of the scan (reached through an import): that module's index.
    if (!linker || root === linker.homeFile || !ts.isSourceFile(root)) return undefined;
    const byScope = linker.indexOf(root)?.declarationsByScope;
    if (!byScope) return undefined;
    for (let scope: ts.Node | undefined = identifier.parent; scope; scope = scope.parent) {
      const found = byScope.get(scope)?.get(name);
      if (found) return found;
    }
    return undefined;
  }

  /**
   * What an import binding denotes in another file of the scan (through re-exports), or
   * undefined when the module is not in the scanned set: an unresolved import stays unresolved.
   */
  importTarget(declaration: Declaration | undefined): ExportTarget | undefined {
    if (!this.linker || declaration?.kind !== 'import') return undefined;
    return this.linker.importTarget(declaration.node);
  }

  /**
   * Whether a callee's root name is bound to a file of the scan, by an import or a `require`
   * (a cheap test before asking `calledFunction` to follow it there).
   */
  comesFromScan(callee: ts.Expression): boolean {
    const linker = this.linker;
    if (!linker) return false;
    let root = this.unwrap(callee);
    while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = this.unwrap(root.expression);
    if (!ts.isIdentifier(root)) return false;
    const declaration = this.declarationOf(root);
    if (declaration?.kind === 'import') return this.importTarget(declaration) !== undefined;
    if (declaration?.kind !== 'variable' || !declaration.initializer) return false;
    let initializer = this.unwrap(declaration.initializer);
    // `__importDefault(require('./x'))`, `_interopRequireDefault(require('./x'))`
    if (ts.isCallExpression(initializer) && initializer.arguments.length === 1 && ts.isCallExpression(initializer.arguments[0]!)) initializer = initializer.arguments[0]!;
    return ts.isCallExpression(initializer) && linker.requiredModule(initializer) !== undefined;
  }

  /** Whether a node belongs to another file than the one analysed (it was reached through an import). */
  isInOtherFile(node: ts.Node): boolean {
    return !!this.linker?.crossed && node.getSourceFile() !== this.linker.homeFile;
  }

  /** The expressions an export stands for: its value, its variable's initializer, or the declared name itself. */
  private exportOrigins(target: ExportTarget, depth: number): ts.Expression[] {
    if (target.kind === 'value') return this.origins(target.value, depth + 1);
    if (target.kind === 'namespace') return [];
    const declaration = target.declaration;
    if (declaration.kind === 'variable' && declaration.initializer) {
      return declaration.path ? this.followPath(declaration.initializer, declaration.path, depth + 1) : this.origins(declaration.initializer, depth + 1);
    }
    const named = (declaration.node as ts.NamedDeclaration).name;
    return named && ts.isIdentifier(named) ? [named] : [];
  }

  /** `ns.key` where ns is a module of the scan: `import * as ns`, `require('./x')`, or `import x = require()`. */
  private memberOfModule(origin: ts.Expression, key: string, depth: number): ts.Expression[] | undefined {
    const linker = this.linker;
    if (!linker) return undefined;
    let target: ExportTarget | undefined;
    if (ts.isIdentifier(origin)) target = this.importTarget(this.declarationOf(origin));
    else if (ts.isCallExpression(origin)) {
      const module = linker.requiredModule(origin);
      target = module && linker.moduleValue(module);
    }
    if (target?.kind === 'value') return this.propertyOf(target.value, key, depth + 1);
    if (target?.kind !== 'namespace') return undefined;
    const member = linker.exportOf(target.module, key);
    if (!member) return undefined;
    const found = this.exportOrigins(member, depth + 1);
    return found.length ? found : undefined;
  }

  /**
   * The expressions a value may come from, after following identifiers, destructuring and
   * property reads on known objects. An expression that cannot be followed is its own origin.
   */
  origins(expression: ts.Expression, depth = 0): ts.Expression[] {
    return this.flow.follow(expression, this.originsQuery, depth);
  }

  private computeOrigins(node: ts.Expression, depth: number): ts.Expression[] {
    if (ts.isIdentifier(node)) {
      const declaration = this.declarationOf(node);
      const results: ts.Expression[] = [];
      if (declaration?.initializer && declaration.kind !== 'parameter') {
        const base = declaration.path
          ? this.followPath(declaration.initializer, declaration.path, depth + 1)
          : this.origins(declaration.initializer, depth + 1);
        append(results, base);
      } else if (declaration?.kind === 'parameter') {
        results.push(node);
        append(results, this.parameterOrigins(declaration, depth + 1));
      } else if (declaration?.kind === 'import') {
        const target = this.importTarget(declaration);
        if (target) {
          if (target.kind === 'value' || (target.kind === 'declaration' && target.declaration.kind === 'variable' && target.declaration.initializer)) append(results, this.exportOrigins(target, depth));
          else if (target.kind === 'declaration') {
            // An imported function or class is itself, as a local one is; a namespace stays the import.
            results.push(node);
          }
        }
      }
      if (declaration?.kind !== 'function') {
        for (const value of this.assignedValues(node.text, declaration)) append(results, this.origins(value, depth + 1));
      }
      return results.length ? results : [node];
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
      const key = this.memberName(node);
      if (key !== undefined) {
        const fromObject = this.propertyOf(node.expression, key, depth + 1);
        if (fromObject) return fromObject;
        // `this.config`: what the class's own code gives the member. The read stays an origin too,
        // since code outside the class may set it as well.
        if (this.unwrap(node.expression).kind === ts.SyntaxKind.ThisKeyword) {
          const given = this.thisMemberValues(node, key);
          if (given.length) {
            const results: ts.Expression[] = [node];
            for (const value of given) append(results, this.origins(value, depth + 1));
            return results;
          }
        }
      }
      return [node];
    }
    if (ts.isConditionalExpression(node)) {
      const results: ts.Expression[] = [];
      append(results, this.origins(node.whenTrue, depth + 1));
      append(results, this.origins(node.whenFalse, depth + 1));
      return results;
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
        const results: ts.Expression[] = [];
        append(results, this.origins(node.left, depth + 1));
        append(results, this.origins(node.right, depth + 1));
        return results;
      }
    }
    return [node];
  }

  /**
   * A parameter's possible values: its default and the matching argument at each call of its
   * function in this file. The parameter itself stays an origin, since other callers may exist.
   */
  private parameterOrigins(declaration: Declaration, depth: number): ts.Expression[] {
    // A destructured parameter (`function f({ url })`) is declared by a binding element inside it.
    let parameter: ts.Node | undefined = declaration.node;
    while (parameter && ts.isBindingElement(parameter)) parameter = parameter.parent?.parent;
    if (!parameter || !ts.isParameter(parameter)) return [];
    const results: ts.Expression[] = [];
    if (declaration.initializer && !declaration.path) append(results, this.origins(declaration.initializer, depth + 1));
    for (const argument of this.callArguments(parameter)) {
      append(results, declaration.path ? this.followPath(argument, declaration.path, depth + 1) : this.origins(argument, depth + 1));
      if (results.length >= MAX_ORIGINS) break;
    }
    return results;
  }

  /** The arguments passed for a parameter at the calls of its function this file shows (not a rest parameter; recursion adds nothing). */
  private *callArguments(parameter: ts.ParameterDeclaration): Generator<ts.Expression> {
    const fn = parameter.parent;
    const position = fn.parameters.indexOf(parameter);
    const name = functionName(fn);
    if (!name || position < 0 || parameter.dotDotDotToken) return;
    for (const call of this.callsOf(fn, name)) {
      if (call.pos >= fn.pos && call.end <= fn.end && call.getSourceFile() === fn.getSourceFile()) continue;
      const argument = call.arguments[position];
      if (argument && !ts.isSpreadElement(argument)) yield argument;
    }
  }

  /**
   * The arguments passed for a plain (not destructured, not rest) parameter at the calls of its
   * function that this file shows, unfollowed: a model that recognises an argument as written
   * (`const { authorization } = req.headers` passed on) asks about it before its origins, which
   * a destructuring of an unknown object ends at that object.
   */
  argumentsFor(declaration: Declaration): ts.Expression[] {
    let found = this.argumentsMemo.get(declaration);
    if (!found) this.argumentsMemo.set(declaration, (found = this.computeArgumentsFor(declaration)));
    return found;
  }

  private readonly argumentsMemo = new Map<Declaration, ts.Expression[]>();

  private computeArgumentsFor(declaration: Declaration): ts.Expression[] {
    const parameter = declaration.node;
    if (declaration.kind !== 'parameter' || declaration.path || !ts.isParameter(parameter)) return [];
    const results: ts.Expression[] = [];
    for (const argument of this.callArguments(parameter)) {
      results.push(argument);
      if (results.length >= MAX_ORIGINS) break;
    }
    return results;
  }

  /**
   * The calls (by name) that may invoke `fn`: in the analysed file; for a function of another
   * module, also in its own file, under the names the analysed file imported it by.
   */
  private callsOf(fn: ts.SignatureDeclaration, name: string): ts.CallExpression[] {
    const own = this.index.callsByName.get(name) ?? [];
    if (!this.isInOtherFile(fn)) return own;
    const calls = [...own];
    for (const local of this.linker!.localNamesOf(fn) ?? []) if (local !== name) calls.push(...(this.index.callsByName.get(local) ?? []));
    const remote = this.linker!.indexOf(fn.getSourceFile());
    if (remote) calls.push(...(remote.callsByName.get(name) ?? []));
    return calls;
  }

  /** The member name of `a.b`, `a['b']` or `a[KEY]` where KEY is a known string. */
  memberName(node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
    if (ts.isPropertyAccessExpression(node)) return node.name.text;
    const argument = node.argumentExpression;
    const values = this.stringValues(argument);
    return values && values.length === 1 && !values[0]!.includes(UNKNOWN) ? values[0] : undefined;
  }

  private followPath(initializer: ts.Expression, path: string[], depth: number): ts.Expression[] {
    let current: ts.Expression[] = [initializer];
    for (const key of path) {
      const next: ts.Expression[] = [];
      for (const expression of current) {
        const found = this.propertyOf(expression, key, depth + 1);
        if (found) append(next, found);
      }
      if (!next.length) return current.map((expression) => this.unwrap(expression));
      current = next;
    }
    return dedupe(current.flatMap((expression) => this.origins(expression, depth + 1)));
  }

  /** `obj.key` where obj is (or resolves to) an object literal or array literal. */
  private propertyOf(objectExpression: ts.Expression, key: string, depth: number): ts.Expression[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const origin of this.origins(objectExpression, depth + 1)) {
      if (ts.isObjectLiteralExpression(origin)) {
        const value = this.objectProperties(origin, depth + 1)?.get(key);
        if (value) return this.origins(value, depth + 1);
        // `const internals = {}; internals.defaults = { … }`: a member written after the object was built.
        const written = this.memberWrites(objectExpression, key);
        if (written.length) {
          const results: ts.Expression[] = [];
          for (const assigned of written) append(results, this.origins(assigned, depth + 1));
          return results;
        }
      } else if (ts.isArrayLiteralExpression(origin) && /^\d+$/.test(key)) {
        const element = origin.elements[Number(key)];
        if (element && !ts.isSpreadElement(element)) return this.origins(element, depth + 1);
      } else if (this.linker && (ts.isIdentifier(origin) || ts.isCallExpression(origin))) {
        const member = this.memberOfModule(origin, key, depth + 1);
        if (member) return member;
      }
    }
    return undefined;
  }

  /** The reads of a declared name: identifiers in its scope that resolve to the same declaration (property names are not reads). */
  usesOf(name: ts.Identifier): ts.Identifier[] {
    const declaration = this.declarationOf(name);
    if (!declaration) return [];
    const uses: ts.Identifier[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isIdentifier(node)) {
        const parent = node.parent;
        const propertyName = (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent)) && parent.name === node;
        if (node !== name && node.text === name.text && !propertyName && this.declarationOf(node) === declaration) uses.push(node);
        return;
      }
      ts.forEachChild(node, visit);
    };
    visit(declaration.scope);
    return uses;
  }

  /** The values written to `name.key` where `name` is the same variable as `objectExpression` (a plain identifier). */
  private memberWrites(objectExpression: ts.Expression, key: string): ts.Expression[] {
    const node = this.unwrap(objectExpression);
    if (!ts.isIdentifier(node)) return [];
    const writes = this.index.memberAssignments.get(node.text);
    if (!writes) return [];
    const declaration = this.declarationOf(node);
    if (!declaration) return [];
    const found: ts.Expression[] = [];
    for (const write of writes) {
      const target = write.left as ts.PropertyAccessExpression;
      if (target.name.text !== key || this.declarationOf(target.expression as ts.Identifier) !== declaration) continue;
      found.push(write.right);
      if (found.length >= MAX_ORIGINS) break;
    }
    return found;
  }

  /** The values the enclosing class gives `this.<key>`: a field initializer and `this.key = value` in its members. */
  private thisMemberValues(read: ts.Node, key: string): readonly ts.Expression[] {
    const owner = thisOwner(read);
    if (!owner) return [];
    let members = this.classMembers.get(owner);
    if (!members) this.classMembers.set(owner, (members = collectClassMembers(owner)));
    return members.get(key) ?? [];
  }

  /**
   * The values assigned to the variable `declaration` declares, grouped once per name: minified
   * code reuses one-letter names thousands of times, and scanning every assignment to `e` for
   * every read of `e` would be quadratic.
   */
  private assignedValues(name: string, declaration: Declaration | undefined): readonly ts.Expression[] {
    let byDeclaration = this.assignmentsByDeclaration.get(name);
    if (!byDeclaration) {
      byDeclaration = new Map();
      for (const value of this.index.assignments.get(name) ?? []) {
        const target = this.declarationOfAssignment(value);
        const list = byDeclaration.get(target);
        if (list) list.push(value);
        else byDeclaration.set(target, [value]);
      }
      this.assignmentsByDeclaration.set(name, byDeclaration);
    }
    return byDeclaration.get(declaration) ?? [];
  }

  private declarationOfAssignment(value: ts.Expression): Declaration | undefined {
    const binary = value.parent;
    if (binary && ts.isBinaryExpression(binary) && ts.isIdentifier(binary.left)) return this.declarationOf(binary.left);
    return undefined;
  }

  /**
   * The properties of an object: literal properties, shorthand, spreads of known objects and
   * `new URLSearchParams({...})`. Later keys win, as at run time.
   */
  objectProperties(expression: ts.Expression, depth = 0): Map<string, ts.Expression> | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const origin of this.origins(expression, depth + 1)) {
      if (ts.isObjectLiteralExpression(origin)) {
        const properties = new Map<string, ts.Expression>();
        for (const property of origin.properties) {
          if (ts.isPropertyAssignment(property)) {
            const key = propertyNameText(property.name) ?? this.computedKey(property.name);
            if (key !== undefined) properties.set(key, property.initializer);
          } else if (ts.isShorthandPropertyAssignment(property)) {
            properties.set(property.name.text, property.name);
          } else if (ts.isSpreadAssignment(property)) {
            const spread = this.objectProperties(property.expression, depth + 1);
            if (spread) for (const [key, value] of spread) properties.set(key, value);
          } else if (ts.isMethodDeclaration(property) || ts.isGetAccessorDeclaration(property)) {
            const key = propertyNameText(property.name);
            if (key !== undefined && ts.isMethodDeclaration(property)) properties.set(key, property as unknown as ts.Expression);
          }
        }
        return properties;
      }
      if (ts.isNewExpression(origin) && ts.isIdentifier(origin.expression) && origin.expression.text === 'URLSearchParams') {
        const first = origin.arguments?.[0];
        if (first) return this.objectProperties(first, depth + 1);
      }
    }
    return undefined;
  }

  private computedKey(name: ts.PropertyName): string | undefined {
    if (!ts.isComputedPropertyName(name)) return undefined;
    const values = this.stringValues(name.expression);
    return values && values.length === 1 && !values[0]!.includes(UNKNOWN) ? values[0] : undefined;
  }

  /** The elements of an array literal (after resolution), with spreads of known arrays flattened. */
  arrayElements(expression: ts.Expression, depth = 0): ts.Expression[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    for (const origin of this.origins(expression, depth + 1)) {
      if (ts.isArrayLiteralExpression(origin)) {
        const elements: ts.Expression[] = [];
        for (const element of origin.elements) {
          if (ts.isSpreadElement(element)) {
            const spread = this.arrayElements(element.expression, depth + 1);
            if (spread) append(elements, spread);
            else elements.push(element.expression);
          } else elements.push(element);
        }
        return elements;
      }
    }
    return undefined;
  }

  /**
   * The strings an expression may evaluate to. Unknown parts become `UNKNOWN`; undefined
   * means nothing about the value is known.
   */
  stringValues(expression: ts.Expression, depth = 0): string[] | undefined {
    return this.flow.follow(expression, this.stringsQuery, depth);
  }

  private computeStringValues(node: ts.Expression, depth: number): string[] | undefined {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
    if (ts.isNumericLiteral(node)) return [node.text];
    if (ts.isTemplateExpression(node)) {
      let variants = [node.head.text];
      for (const span of node.templateSpans) {
        const inner = this.stringValues(span.expression, depth + 1) ?? [UNKNOWN];
        variants = combine(variants, inner.map((value) => value + span.literal.text));
      }
      return variants;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      // Flatten `a + b + c + …` so a long concatenation does not spend depth per operand.
      const operands: ts.Expression[] = [];
      let left: ts.Expression = node;
      while (ts.isBinaryExpression(left) && left.operatorToken.kind === ts.SyntaxKind.PlusToken) {
        operands.push(left.right);
        left = this.unwrapParentheses(left.left);
      }
      operands.push(left);
      operands.reverse();
      let variants = [''];
      let known = false;
      for (const operand of operands) {
        const values = this.stringValues(operand, depth + 1);
        if (values) known = true;
        variants = combine(variants, values ?? [UNKNOWN]);
      }
      return known ? variants : undefined;
    }
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) ||
        ts.isConditionalExpression(node) || (ts.isBinaryExpression(node) && node.operatorToken.kind !== ts.SyntaxKind.PlusToken)) {
      const origins = this.origins(node, depth + 1);
      if (origins.length === 1 && origins[0] === node) return undefined;
      const values: string[] = [];
      let known = false;
      for (const origin of origins) {
        if (origin === node) continue;
        const inner = this.stringValues(origin, depth + 1);
        if (inner) {
          known = true;
          append(values, inner);
        }
      }
      return known ? unique(values).slice(0, MAX_VARIANTS) : undefined;
    }
    if (ts.isCallExpression(node)) return this.callStringValues(node, depth + 1);
    return undefined;
  }

  private callStringValues(call: ts.CallExpression, depth: number): string[] | undefined {
    const callee = this.unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (method === 'join') {
        const elements = this.arrayElements(callee.expression, depth + 1);
        if (!elements) return undefined;
        const separator = call.arguments[0] ? this.stringValues(call.arguments[0], depth + 1)?.[0] ?? UNKNOWN : ',';
        let variants = [''];
        elements.forEach((element, position) => {
          const inner = this.stringValues(element, depth + 1) ?? [UNKNOWN];
          variants = combine(variants, inner.map((value) => (position ? separator : '') + value));
        });
        return variants;
      }
      if (['toString', 'trim', 'toLowerCase', 'toUpperCase', 'valueOf'].includes(method) && call.arguments.length === 0) {
        const inner = this.stringValues(callee.expression, depth + 1);
        if (!inner) return undefined;
        if (method === 'toLowerCase') return inner.map((value) => value.toLowerCase());
        if (method === 'toUpperCase') return inner.map((value) => value.toUpperCase());
        if (method === 'trim') return inner.map((value) => value.trim());
        return inner;
      }
      if (method === 'concat') {
        let variants = this.stringValues(callee.expression, depth + 1) ?? [UNKNOWN];
        for (const argument of call.arguments) variants = combine(variants, this.stringValues(argument, depth + 1) ?? [UNKNOWN]);
        return variants;
      }
      if (method === 'stringify' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON') return undefined;
    }
    if (ts.isIdentifier(callee) && ['String', 'encodeURIComponent', 'encodeURI', 'decodeURIComponent'].includes(callee.text)) {
      const first = call.arguments[0];
      return first ? this.stringValues(first, depth + 1) : undefined;
    }
    const fn = this.calledFunction(call);
    if (fn) {
      const values: string[] = [];
      for (const returned of this.returnedExpressions(fn)) {
        const inner = this.stringValues(returned, depth + 1);
        if (inner) append(values, inner);
      }
      return values.length ? unique(values).slice(0, MAX_VARIANTS) : undefined;
    }
    return undefined;
  }

  /**
   * A function defined in this file that a call invokes: `helper()`, `const helper = () => …`,
   * `this.helper()` or `obj.helper()` on a known object; with the scan's other files, also one
   * that an import of a file of the scan brings in (`import { helper } from './helpers.js'`).
   */
  calledFunction(call: ts.CallExpression): FunctionNode | undefined {
    const callee = this.unwrap(call.expression);
    let origins: ts.Expression[] = [];
    if (ts.isIdentifier(callee)) {
      const declaration = this.declarationOf(callee);
      if (declaration?.kind === 'function') return declaration.node as ts.FunctionDeclaration;
      const imported = this.importTarget(declaration);
      if (imported?.kind === 'declaration' && imported.declaration.kind === 'function') return imported.declaration.node as ts.FunctionDeclaration;
      origins = this.origins(callee);
    } else if (ts.isPropertyAccessExpression(callee)) {
      if (callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
        const cls = findAncestor(callee, ts.isClassLike);
        const method = cls?.members.find(
          (member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && propertyNameText(member.name) === callee.name.text,
        );
        if (method) return method;
        return undefined;
      }
      origins = this.origins(callee);
    }
    for (const origin of origins) {
      if (ts.isArrowFunction(origin) || ts.isFunctionExpression(origin) || ts.isMethodDeclaration(origin)) return origin;
      // A function of another module, exported by name (`export function save`, `exports.save = save`).
      if (ts.isIdentifier(origin) && origin !== callee && this.isInOtherFile(origin)) {
        const declaration = this.declarationOf(origin);
        if (declaration?.kind === 'function') return declaration.node as ts.FunctionDeclaration;
      }
    }
    return undefined;
  }

  /** What a function returns: an arrow's expression body, or each `return` not inside a nested function. */
  returnedExpressions(fn: FunctionNode): readonly ts.Expression[] {
    if (!fn.body) return [];
    if (!ts.isBlock(fn.body)) return [fn.body];
    let results = this.returnedByFunction.get(fn);
    if (results) return results;
    results = [];
    const found = results;
    // A return statement sits only in statements: expressions hold none outside nested functions, so they are not entered.
    const visit = (node: ts.Node): void => {
      if (ts.isReturnStatement(node)) {
        if (node.expression) found.push(node.expression);
      } else if (ts.isBlock(node) || ts.isCaseBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node) || ts.isCatchClause(node)) {
        ts.forEachChild(node, visit);
      } else if (ts.isIfStatement(node)) {
        visit(node.thenStatement);
        if (node.elseStatement) visit(node.elseStatement);
      } else if (ts.isIterationStatement(node, false) || ts.isLabeledStatement(node) || ts.isWithStatement(node)) {
        visit(node.statement);
      } else if (ts.isTryStatement(node)) {
        visit(node.tryBlock);
        if (node.catchClause) visit(node.catchClause);
        if (node.finallyBlock) visit(node.finallyBlock);
      } else if (ts.isSwitchStatement(node)) {
        visit(node.caseBlock);
      }
    };
    ts.forEachChild(fn.body, visit);
    this.returnedByFunction.set(fn, results);
    return results;
  }
}

export function findAncestor<T extends ts.Node>(node: ts.Node, test: (candidate: ts.Node) => candidate is T): T | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current) {
    if (test(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** `a.b.c(...)` → 'a.b.c'; `this.log.info` → 'this.log.info'; calls and element accesses in the chain become '()' and '[]'. */
export function dottedName(expression: ts.Expression): string {
  if (ts.isIdentifier(expression)) return expression.text;
  if (expression.kind === ts.SyntaxKind.ThisKeyword) return 'this';
  if (ts.isPropertyAccessExpression(expression)) return `${dottedName(expression.expression)}.${expression.name.text}`;
  if (ts.isElementAccessExpression(expression)) {
    const argument = expression.argumentExpression;
    const key = ts.isStringLiteral(argument) ? argument.text : '[]';
    return `${dottedName(expression.expression)}.${key}`;
  }
  if (ts.isCallExpression(expression)) return `${dottedName(expression.expression)}()`;
  if (ts.isParenthesizedExpression(expression) || ts.isNonNullExpression(expression) || ts.isAsExpression(expression)) {
    return dottedName(expression.expression);
  }
  return '?';
}

/** The name a function is called by: its own, its variable's, or its property's. */
export function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isMethodDeclaration(fn)) && fn.name) {
    return propertyNameText(fn.name);
  }
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && (ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent))) return propertyNameText(parent.name);
  return undefined;
}

function combine(left: string[], right: string[]): string[] {
  const result: string[] = [];
  for (const a of left) for (const b of right) {
    if (result.length >= MAX_VARIANTS) return result;
    result.push(a + b);
  }
  return result;
}

/** Appends without spreading (a spread of a large array overflows the stack), up to the origins cap. */
function append<T>(target: T[], source: readonly T[]): void {
  for (const item of source) {
    if (target.length >= MAX_ORIGINS * 4) return;
    target.push(item);
  }
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** The class whose instance `this` is at a node: through arrow functions, not through other functions. */
function thisOwner(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isClassElement(current)) return undefined;
    if (ts.isSourceFile(current)) return undefined;
  }
  return undefined;
}

/** Field initializers and `this.x = value` assignments in a class's own members (not in nested functions or classes). */
function collectClassMembers(owner: ts.ClassLikeDeclaration): Map<string, ts.Expression[]> {
  const members = new Map<string, ts.Expression[]>();
  const add = (key: string, value: ts.Expression) => {
    const list = members.get(key);
    if (!list) members.set(key, [value]);
    else if (list.length < MAX_ORIGINS) list.push(value);
  };
  // A member filled in after it is built (`this.auth = {}` then `this.auth.token = t`) is not what its initial value says.
  const mutated = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = node.left;
      if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) add(target.name.text, node.right);
      else if ((ts.isPropertyAccessExpression(target) || ts.isElementAccessExpression(target)) && ts.isPropertyAccessExpression(target.expression) &&
          target.expression.expression.kind === ts.SyntaxKind.ThisKeyword) mutated.add(target.expression.name.text);
    }
    if (ts.isClassLike(node) || (ts.isFunctionLike(node) && !ts.isArrowFunction(node))) return;
    ts.forEachChild(node, visit);
  };
  for (const member of owner.members) {
    if (ts.isPropertyDeclaration(member) && member.initializer && member.name && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name))) {
      add(member.name.text, member.initializer);
      visit(member.initializer);
    } else if ((ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isGetAccessorDeclaration(member) || ts.isSetAccessorDeclaration(member)) && member.body) {
      ts.forEachChild(member.body, visit);
    }
  }
  for (const key of mutated) members.delete(key);
  return members;
}
