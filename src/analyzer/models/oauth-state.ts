/**
 * The OAuth `state` parameter on both ends of an authorization-code flow: what an authorization
 * request sends, where its value comes from (a predictable source or not), and whether the
 * callback that redeems the code looks at `state` (or a PKCE verifier) at all.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import type { OAuthRequest } from './oauth-client.js';
import { WEAK_RANDOM_CALLS } from '../knowledge/mcp-authorization.js';
import { calleeOf, requestQueryRead } from './resource-server.js';

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

const MAX_DEPTH = 8;
/** Steps that keep a value's randomness what it was: formatting, slicing, concatenation. */
const FORMAT_STEPS = new Set(['toString', 'slice', 'substring', 'substr', 'padStart', 'padEnd', 'toUpperCase', 'toLowerCase', 'replace', 'replaceAll', 'trim']);
const CSPRNG = /randomBytes|randomUUID|getRandomValues|randomInt|nanoid|generateState|generateRandom|uuid|v4|webcrypto|secureRandom|randomString/i;
/** Words that show a callback deals with state or PKCE (possibly through a library option such as `expectedState`). */
const STATE_OR_PKCE = /state|verifier|pkce|nonce|csrf/i;

/** The predictable call a value is made from (`'Math.random'`, `'Date.now'`), when it has no cryptographic source too. */
export function weakRandomSource(values: ValueResolver, expression: ts.Expression): string | undefined {
  // A state written into the code is the same for every flow: as predictable as none.
  const constants = values.stringValues(expression);
  if (constants?.length && constants.every((value) => value !== '' && !value.includes(UNKNOWN))) return `the constant '${constants[0]!.slice(0, 40)}'`;
  let weak: string | undefined;
  let strong = false;
  const visit = (value: ts.Expression, depth: number): void => {
    if (depth > MAX_DEPTH || strong) return;
    values.flow.budget.charge();
    const node = values.unwrap(value);
    if (ts.isCallExpression(node)) {
      const name = dottedName(calleeOf(node.expression));
      if (WEAK_RANDOM_CALLS.has(name)) weak ??= name;
      else if (CSPRNG.test(name) && !values.calledFunction(node)) strong = true; // a name is trusted only when the body is not in the scan
      else if (/^new Date\(\)|^\?\.(?:getTime|valueOf)$/.test(name)) weak ??= 'new Date()';
      else if (ts.isPropertyAccessExpression(node.expression) && FORMAT_STEPS.has(node.expression.name.text)) visit(node.expression.expression, depth + 1);
      else if (ts.isIdentifier(node.expression) && (node.expression.text === 'String' || node.expression.text === 'Number') && node.arguments[0]) visit(node.arguments[0], depth + 1);
      else if (ts.isPropertyAccessExpression(node.expression) && /^(?:getTime|valueOf)$/.test(node.expression.name.text) && ts.isNewExpression(values.unwrap(node.expression.expression))) weak ??= 'new Date()';
      else {
        const helper = values.calledFunction(node);
        if (!helper) strong = true; // an unknown call is not evidence of a weak source
        else {
          // A generator that builds its result in a loop (`result += chars.charAt(Math.random() * n)`)
          // shows its source in its body, not in what it returns.
          const source = randomSourceIn(helper);
          if (source === 'strong') strong = true;
          else if (source) weak ??= source;
          else for (const returned of values.returnedExpressions(helper)) visit(returned, depth + 1);
        }
      }
      return;
    }
    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) visit(span.expression, depth + 1);
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      visit(node.left, depth + 1);
      visit(node.right, depth + 1);
      return;
    }
    for (const origin of values.origins(node)) if (origin !== node) visit(origin, depth + 1);
  };
  visit(expression, 0);
  return strong ? undefined : weak;
}

/**
 * Where a predictable state is made, for the report: the variable it is declared in
 * (`const state = Math.random()…`), or the predictable call inside a helper of this file
 * (`generateState() { return Math.random()… }`). Undefined when it is made elsewhere.
 */
export function predictableStateSite(values: ValueResolver, value: ts.Expression): ts.Node | undefined {
  const node = values.unwrap(value);
  const file = value.getSourceFile();
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    if (declaration?.kind === 'variable' && declaration.initializer && declaration.node.getSourceFile() === file) return declaration.node;
    return undefined;
  }
  if (ts.isCallExpression(node)) {
    const helper = values.calledFunction(node);
    if (!helper || helper.getSourceFile() !== file) return undefined;
    let site: ts.Node | undefined;
    const visit = (child: ts.Node): void => {
      if (site) return;
      if (ts.isCallExpression(child) && WEAK_RANDOM_CALLS.has(dottedName(calleeOf(child.expression)))) site = child;
      else ts.forEachChild(child, visit);
    };
    visit(helper);
    return site;
  }
  return undefined;
}

/** The random source a helper's body calls: 'strong' for a CSPRNG, the predictable call's name, or undefined for neither. */
function randomSourceIn(fn: ts.Node): string | undefined {
  let weak: string | undefined;
  let strong = false;
  const visit = (node: ts.Node): void => {
    if (strong) return;
    if (ts.isCallExpression(node)) {
      const name = dottedName(calleeOf(node.expression));
      if (WEAK_RANDOM_CALLS.has(name)) weak ??= name;
      else if (/randomBytes|randomUUID|getRandomValues|randomInt|webcrypto|nanoid/i.test(name)) strong = true;
    }
    ts.forEachChild(node, visit);
  };
  visit(fn);
  return strong ? 'strong' : weak;
}

/** The `state` a library's authorization call is given: a `state` option, or arctic's first positional argument named so. */
export function libraryStateArgument(values: ValueResolver, call: ts.Node): ts.Expression | undefined {
  if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return undefined;
  for (const argument of call.arguments ?? []) {
    const properties = values.objectProperties(argument);
    const state = properties?.get('state');
    if (state) return state;
  }
  const first = call.arguments?.[0];
  if (first && ts.isIdentifier(values.unwrap(first)) && /state$/i.test(values.unwrap(first).getText())) return first;
  return undefined;
}

/**
 * What a library authorization call says about `state`: present (an option or arctic's argument),
 * absent (its options object is known in full and has none), or unknown (undefined).
 */
export function libraryState(values: ValueResolver, call: ts.Node): { present: boolean; value?: ts.Expression } | undefined {
  const value = libraryStateArgument(values, call);
  if (value) return { present: true, value };
  if (!ts.isCallExpression(call) || call.arguments.length !== 1) return undefined;
  const literal = values.origins(call.arguments[0]!).find(ts.isObjectLiteralExpression);
  if (!literal || literal.properties.some((property) => !ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property))) return undefined;
  // An OpenID Connect nonce also ties the response to this browser's flow (RFC 9700 §2.1).
  if (values.objectProperties(literal)?.has('nonce')) return { present: true };
  return { present: false };
}

function enclosingFunctions(node: ts.Node): FunctionNode[] {
  const result: FunctionNode[] = [];
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isArrowFunction(current) || ts.isMethodDeclaration(current)) result.push(current);
  }
  return result;
}

/** Where a function reads the authorization `code` from the incoming request, if it does. */
function codeRead(values: ValueResolver, fn: FunctionNode): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && requestQueryRead(values, node) === 'code') {
      found = node;
      return;
    }
    if (ts.isBindingElement(node) && ts.isIdentifier(node.name) && requestQueryRead(values, node.name) === 'code') {
      found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/** Whether any name or string in a function speaks of state or PKCE (comments do not count). */
function mentionsStateOrPkce(fn: FunctionNode): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if ((ts.isIdentifier(node) || ts.isStringLiteralLike(node)) && STATE_OR_PKCE.test(node.text)) found = true;
    else ts.forEachChild(node, visit);
  };
  visit(fn);
  return found;
}

/**
 * Callbacks that redeem an authorization code read from the request without a word about state
 * or PKCE: the handler around a code exchange, or around a call of the local function that does it.
 */
export function callbacksWithoutState(values: ValueResolver, requests: readonly OAuthRequest[], calls: readonly ts.CallExpression[]): ts.Node[] {
  const exchanges = requests.filter((request) => request.kind === 'token' && (request.grantType === undefined || request.grantType === 'authorization_code') && request.pkce.status !== 'not-applicable');
  if (exchanges.length === 0) return [];
  const handlers = new Set<FunctionNode>();
  const exchangeFunctions = new Set<FunctionNode>();
  for (const exchange of exchanges) {
    const chain = enclosingFunctions(exchange.node);
    for (const fn of chain) handlers.add(fn);
    if (chain[0]) exchangeFunctions.add(chain[0]);
  }
  for (const call of calls) {
    const called = values.calledFunction(call);
    if (called && exchangeFunctions.has(called)) for (const fn of enclosingFunctions(call)) handlers.add(fn);
  }
  const reported: ts.Node[] = [];
  for (const handler of handlers) {
    const read = codeRead(values, handler);
    if (!read || mentionsStateOrPkce(handler)) continue;
    // Only the outermost handler that reads the code reports it once.
    if (!reported.includes(read)) reported.push(read);
  }
  return reported;
}
