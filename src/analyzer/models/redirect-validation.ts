/**
 * How an authorization server checks a requested `redirect_uri`: the comparisons that accept
 * more than the registered string (prefix, substring, suffix, pattern, host only). The subject is
 * the requested URI: a value named as a redirect URI, or read from the request under that name.
 */
import { ts } from '../engine/typescript.js';
import type { FollowQuery } from '../engine/flow.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { LOOPBACK_HOSTS, REDIRECT_URI_NAME, SCHEME_ONLY } from '../knowledge/mcp-authorization.js';
import { isRequestExpression, requestQueryRead } from './resource-server.js';

export type LooseCheck = 'prefix' | 'substring' | 'suffix' | 'pattern' | 'host';

export interface RedirectCheck {
  node: ts.Node;
  kind: LooseCheck;
  /** How the message names it: `'startsWith'`, `a regular expression`. */
  how: string;
  subject: ts.Expression;
}

/** Names of the values a requested URI is checked against. */
const REGISTERED = /regist|allow|whitelist|allowlist|redirect_?ur[il]s|trusted|valid|permitted|known|client/i;
const HOST_PARTS = new Set(['hostname', 'host', 'origin']);
const WRAPPERS = new Set(['String', 'decodeURIComponent', 'decodeURI']);

function nameOf(values: ValueResolver, node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return values.memberName(node);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(?:get|query|param)$/.test(node.expression.name.text)) {
    const key = node.arguments[0] && values.stringValues(node.arguments[0]);
    return key && key.length === 1 ? key[0] : undefined;
  }
  return undefined;
}

function stripWrappers(values: ValueResolver, expression: ts.Expression): ts.Expression {
  let node = values.unwrap(expression);
  while (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && WRAPPERS.has(node.expression.text) && node.arguments[0]) node = values.unwrap(node.arguments[0]);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(?:trim|toLowerCase|toString)$/.test(node.expression.name.text)) {
    return stripWrappers(values, node.expression.expression);
  }
  return node;
}

/** The expression and where its value comes from, looking through `String(…)`, `decodeURIComponent(…)` and `.trim()`. */
function sources(values: ValueResolver, expression: ts.Expression): ts.Expression[] {
  const result: ts.Expression[] = [];
  const pending = [stripWrappers(values, expression)];
  while (pending.length && result.length < 64) {
    const node = pending.pop()!;
    if (result.includes(node)) continue;
    result.push(node);
    for (const origin of values.origins(node)) {
      const stripped = stripWrappers(values, origin);
      if (!result.includes(stripped)) pending.push(stripped);
    }
  }
  return result;
}

/** Redirect words in a value's code or in its declaration: a cheap gate before its origins are followed. */
const REDIRECT_WORDS = /redirect|callback|return/i;
function mayBeRedirectUri(values: ValueResolver, node: ts.Expression): boolean {
  if (REDIRECT_WORDS.test(node.getText())) return true;
  if (!ts.isIdentifier(node)) return false;
  const declaration = values.declarationOf(node);
  return !!declaration && (REDIRECT_WORDS.test(declaration.name) || (!!declaration.initializer && REDIRECT_WORDS.test(declaration.initializer.getText())) ||
    values.origins(node).some((origin) => origin !== node && REDIRECT_WORDS.test(origin.getText())));
}

/** The value is the requested redirect URI: named so itself or where it comes from. */
export function isRedirectUri(values: ValueResolver, expression: ts.Expression): boolean {
  const node = stripWrappers(values, expression);
  if (!mayBeRedirectUri(values, node)) return false;
  const named = (candidate: ts.Expression) => {
    const name = nameOf(values, stripWrappers(values, candidate));
    return !!name && REDIRECT_URI_NAME.test(name);
  };
  return sources(values, node).some(named);
}

/** The value was read from the incoming request (query, body, form), not from configuration. */
export function isFromRequest(values: ValueResolver, expression: ts.Expression): boolean {
  return sources(values, expression).some((origin) => {
    const node = stripWrappers(values, origin);
    if (requestQueryRead(values, node) !== undefined) return true;
    if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node))) {
      const owner = values.unwrap(node.expression);
      if (ts.isPropertyAccessExpression(owner) && /^(?:body|query|params)$/.test(owner.name.text) && isRequestExpression(values, owner.expression)) return true;
    }
    return ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'get' && nameOf(values, node) !== undefined;
  });
}

/** `new URL(redirectUri)`, or a variable holding one. */
function parsedRedirectUri(values: ValueResolver, expression: ts.Expression): ts.Expression | undefined {
  for (const origin of values.origins(expression)) {
    const node = values.unwrap(origin);
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const first = node.arguments?.[0];
      if (first && node.arguments!.length === 1 && isRedirectUri(values, first)) return first;
    }
  }
  return undefined;
}

/** `new URL(redirectUri).hostname` and the like: the subject, when the expression is only a host part of it. */
function hostPartOf(values: ValueResolver, expression: ts.Expression): ts.Expression | undefined {
  const node = values.unwrap(expression);
  if (!/host|origin/i.test(node.getText()) && !(ts.isIdentifier(node) && /host|origin/i.test(values.declarationOf(node)?.node.getText() ?? ''))) return undefined;
  if (ts.isPropertyAccessExpression(node) && HOST_PARTS.has(node.name.text)) return parsedRedirectUri(values, node.expression);
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    if (declaration?.path?.length === 1 && HOST_PARTS.has(declaration.path[0]!) && declaration.initializer) return parsedRedirectUri(values, declaration.initializer);
    for (const origin of values.origins(node)) if (origin !== node && ts.isPropertyAccessExpression(origin)) return hostPartOf(values, origin);
  }
  return undefined;
}

/** A literal that checks only the scheme (`'https://'`), or names a loopback host (RFC 8252 lets its port vary). */
function isHarmlessLiteral(values: ValueResolver, expression: ts.Expression | undefined, kind: LooseCheck): boolean {
  if (!expression) return false;
  const strings = values.stringValues(expression);
  if (!strings || strings.some((value) => value.includes(UNKNOWN))) return false;
  if (kind === 'host') return strings.every((value) => LOOPBACK_HOSTS.has(value.toLowerCase()));
  // `uri.includes('#')`, `uri.includes('..')`: a test for a punctuation mark is about the URI's syntax (and usually refuses it), not which URI.
  // A prefix of punctuation only (`'/'`, `'//'`, `'/\\'`) is the same kind of syntax test: a same-site path policy.
  if ((kind === 'substring' || kind === 'prefix') && strings.every((value) => value.length > 0 && !/[A-Za-z0-9]/.test(value))) return true;
  // A scheme ('https://') or a same-site path test ('/', '//') is a policy about the kind of URI, not the registered-URI comparison.
  return kind === 'prefix' && strings.every((value) => SCHEME_ONLY.test(value) || /^\/\/?$/.test(value));
}

/** The array a callback parameter iterates: `registered` in `registered.some((uri) => …)`. */
function iteratedArray(values: ValueResolver, expression: ts.Expression): ts.Expression | undefined {
  const node = values.unwrap(expression);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = values.declarationOf(node)?.node;
  if (!declaration || !ts.isParameter(declaration)) return undefined;
  const fn = declaration.parent;
  const call = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression)) return call.expression.expression;
  return undefined;
}

/** Whether the other side of a check is the set of registered URIs (by name), so the code is an authorization server's. */
function namesRegistered(values: ValueResolver, other: ts.Expression | undefined): boolean {
  if (!other) return false;
  const node = iteratedArray(values, other) ?? values.unwrap(other);
  return REGISTERED.test(node.getText().slice(0, 200));
}

function judge(values: ValueResolver, node: ts.Node, kind: LooseCheck, how: string, subject: ts.Expression, other: ts.Expression | undefined): RedirectCheck | undefined {
  if (isHarmlessLiteral(values, other, kind)) return undefined;
  if (!isFromRequest(values, subject) && !namesRegistered(values, other)) return undefined;
  return { node, kind, how, subject };
}

const REGISTERED_LIST = /^redirect_?ur[il]s$|^registered_?(?:redirect_?)?ur[il]s$|^allowed_?redirect_?ur[il]s$/i;
const URI_PARTS = new Set(['hostname', 'host', 'origin', 'pathname', 'href', 'protocol']);

/** An element of an array: the parameter of `list.some((uri) => …)`, or the variable of `for (const uri of list)`. */
function iteratedList(values: ValueResolver, identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = values.declarationOf(identifier)?.node;
  if (!declaration) return undefined;
  if (ts.isParameter(declaration)) return iteratedArray(values, identifier);
  if (ts.isVariableDeclaration(declaration) && ts.isVariableDeclarationList(declaration.parent) && ts.isForOfStatement(declaration.parent.parent)) return declaration.parent.parent.expression;
  return undefined;
}

/**
 * Whether a value is (a part of, or a pattern built from) one of the client's registered redirect
 * URIs: `registered.pathname` where `registered = new URL(uri)` and `uri` iterates
 * `client.redirect_uris`, or a parameter a local helper is handed such an element in. A check
 * against one is a redirect URI check whatever the other side is named. The list itself is not an
 * element (`_.includes(client.redirect_uris, uri)` is a membership test).
 */
export function fromRegisteredList(values: ValueResolver, expression: ts.Expression, depth = 0, element = false): boolean {
  return values.flow.follow(expression, registeredListQuery(values, element), depth);
}

/** On the file's one follower (its memo, cycle guard and budget): without a memo, minified code's long `+` chains and reassigned names made this search exponential. */
const REGISTERED_LIST_QUERIES = new WeakMap<ValueResolver, readonly [FollowQuery<boolean>, FollowQuery<boolean>]>();

function registeredListQuery(values: ValueResolver, element: boolean): FollowQuery<boolean> {
  let queries = REGISTERED_LIST_QUERIES.get(values);
  if (!queries) {
    const query = (asElement: boolean): FollowQuery<boolean> => ({
      name: asElement ? 'registered-list-element' : 'registered-list',
      maxDepth: 10,
      rememberCutAnswers: false,
      isFinal: (found) => found,
      cut: () => false,
      judge: (node, depth) => judgeRegisteredList(values, node, depth, asElement),
    });
    queries = [query(false), query(true)];
    REGISTERED_LIST_QUERIES.set(values, queries);
  }
  return queries[element ? 1 : 0];
}

function judgeRegisteredList(values: ValueResolver, expression: ts.Expression, depth: number, element: boolean): boolean {
  const node = stripWrappers(values, expression);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const name = values.memberName(node);
    if (name && REGISTERED_LIST.test(name)) return element;
    if (ts.isElementAccessExpression(node) && ts.isNumericLiteral(node.argumentExpression)) return fromRegisteredList(values, node.expression, depth + 1, true);
    if (ts.isPropertyAccessExpression(node) && URI_PARTS.has(node.name.text)) return fromRegisteredList(values, node.expression, depth + 1, element);
    return false;
  }
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && /^(?:URL|RegExp)$/.test(node.expression.text) && node.arguments?.[0]) {
    return fromRegisteredList(values, node.arguments[0], depth + 1, element);
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return fromRegisteredList(values, node.left, depth + 1, element) || fromRegisteredList(values, node.right, depth + 1, element);
  }
  if (ts.isCallExpression(node)) {
    // `escape(pattern).replace(/\*/g, '.*')`: a string step, or a local helper, over the registered value.
    if (ts.isPropertyAccessExpression(node.expression) && /^(?:replace|replaceAll|toLowerCase|trim|slice)$/.test(node.expression.name.text)) return fromRegisteredList(values, node.expression.expression, depth + 1, element);
    return !!values.calledFunction(node) && node.arguments.length === 1 && fromRegisteredList(values, node.arguments[0]!, depth + 1, element);
  }
  if (ts.isIdentifier(node)) {
    if (REGISTERED_LIST.test(node.text)) return element;
    const list = iteratedList(values, node);
    if (list) return fromRegisteredList(values, list, depth + 1, true);
    for (const origin of values.origins(node)) {
      if (origin !== node && fromRegisteredList(values, origin, depth + 1, element)) return true;
    }
  }
  return false;
}

/** `allowedRedirectUris`, `uris`, `hostList`: a receiver named as a collection, whose `includes` is membership. */
function namedAsList(values: ValueResolver, receiver: ts.Expression): boolean {
  const name = nameOf(values, values.unwrap(receiver));
  return !!name && /(?:[^su]s|List|Set|Array)$/.test(name);
}

const STRING_CHECKS: Record<string, LooseCheck> = { startsWith: 'prefix', includes: 'substring', endsWith: 'suffix', match: 'pattern', search: 'pattern' };

/** A call that checks a redirect URI loosely: `uri.startsWith(x)`, `uri.includes(x)`, `re.test(uri)`, `allowedHosts.includes(new URL(uri).hostname)`. */
export function looseCallCheck(values: ValueResolver, call: ts.CallExpression): RedirectCheck | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = callee.expression;
  const first = call.arguments[0];
  const kind = STRING_CHECKS[method];
  if (kind && first) {
    const host = hostPartOf(values, receiver);
    if (host) return judge(values, call, 'host', `'${method}' on its host`, host, first);
    if (isRedirectUri(values, receiver)) return judge(values, call, kind, `'${method}'`, receiver, first);
    // `candidate.pathname.startsWith(registered.pathname)`: the registered URI is the argument.
    // A receiver that is the registered list (or one of its URIs) makes this a membership test.
    if (!isHarmlessLiteral(values, first, kind) && !values.arrayElements(receiver) && !namedAsList(values, receiver) && !fromRegisteredList(values, receiver) && fromRegisteredList(values, first)) return { node: call, kind, how: `'${method}'`, subject: receiver };
  }
  // `new RegExp(pattern).test(candidate)` with the pattern built from a registered URI (wildcards).
  if (method === 'test' && first && fromRegisteredList(values, receiver)) return { node: call, kind: 'pattern', how: 'a regular expression', subject: first };
  if ((method === 'includes' || method === 'has' || method === 'indexOf') && first) {
    const host = hostPartOf(values, first);
    if (host) return judge(values, call, 'host', `its host only ('${method}')`, host, receiver);
  }
  if (method === 'test' && first && isRedirectUri(values, first)) return judge(values, call, 'pattern', 'a regular expression', first, receiver);
  return undefined;
}

/** `new URL(uri).origin === allowed`, `uri.indexOf(x) === 0`. */
export function looseComparison(values: ValueResolver, binary: ts.BinaryExpression): RedirectCheck | undefined {
  const operator = binary.operatorToken.kind;
  if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken &&
      operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  for (const [side, other] of [[binary.left, binary.right], [binary.right, binary.left]] as const) {
    const host = hostPartOf(values, side);
    if (host) return comparesPathToo(binary) ? undefined : judge(values, binary, 'host', 'its host only', host, other);
    const node = values.unwrap(side);
    const lossy = lossyNormaliser(values, node);
    if (lossy && fromRegisteredList(values, lossy)) {
      const subject = values.unwrap(other);
      if (ts.isCallExpression(subject) && values.calledFunction(subject) === values.calledFunction(node as ts.CallExpression) && subject.arguments[0]) {
        return { node: binary, kind: 'prefix', how: `'${dottedCallee(node as ts.CallExpression)}', which drops the query string`, subject: subject.arguments[0] };
      }
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'indexOf' && node.arguments[0] &&
        isRedirectUri(values, node.expression.expression) && ts.isNumericLiteral(values.unwrap(other)) && values.unwrap(other).getText() === '0') {
      return judge(values, binary, 'prefix', "'indexOf(…) === 0'", node.expression.expression, node.arguments[0]);
    }
  }
  return undefined;
}

function dottedCallee(call: ts.CallExpression): string {
  return call.expression.getText().slice(0, 60);
}

/**
 * `normalize(uri)` where the local helper rebuilds the URI from its parts and leaves out its query
 * (`${u.protocol}//${u.host}${u.pathname}`): two URIs that differ in query compare equal. The
 * argument is returned when the call is one.
 */
function lossyNormaliser(values: ValueResolver, node: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || node.arguments.length !== 1) return undefined;
  const helper = values.calledFunction(node);
  if (!helper) return undefined;
  const returned = values.returnedExpressions(helper);
  if (returned.length === 0) return undefined;
  for (const expression of returned) {
    const text = expression.getText();
    if (!/\.(?:host|hostname|origin)\b/.test(text) || /\.(?:search|href|searchParams|hash)\b|toString\(\)/.test(text)) return undefined;
  }
  return node.arguments[0];
}

/**
 * `a.protocol === b.protocol && a.hostname === b.hostname && a.pathname === b.pathname`: the host
 * is one part of a comparison that also pins the path, as RFC 8252 allows for loopback redirects
 * (everything but the port), not a host-only check.
 */
function comparesPathToo(binary: ts.BinaryExpression): boolean {
  let chain: ts.Node = binary;
  while (chain.parent && (ts.isParenthesizedExpression(chain.parent) || (ts.isBinaryExpression(chain.parent) && chain.parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken))) chain = chain.parent;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsEqualsToken || node.operatorToken.kind === ts.SyntaxKind.EqualsEqualsToken)) {
      const names = [node.left, node.right].map((side) => (ts.isPropertyAccessExpression(side) ? side.name.text : ''));
      if (names[0] === 'pathname' && names[1] === 'pathname') found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(chain);
  return found;
}

/** Any value named as a redirect URI (`clientRedirectUri`, `stateData.redirectUri`, `redirect_url`, `flow.clientRedirect`). */
const REDIRECT_NAMED = /redirect(?:_?ur[il])?$/i;
const VALIDATING_CALL = /valid|verif|check|allow|regist|match|trusted|permitted/i;
const COMPARING_METHODS = new Set(['includes', 'has', 'some', 'every', 'indexOf', 'find', 'findIndex', 'startsWith', 'endsWith', 'test', 'match', 'localeCompare']);

function redirectNamed(values: ValueResolver, expression: ts.Expression): boolean {
  const node = stripWrappers(values, expression);
  const name = nameOf(values, node);
  return !!name && REDIRECT_NAMED.test(name);
}

/** A read of the requested redirect URI from the incoming request (query, body, form parameters). */
export function requestedRedirectRead(values: ValueResolver, node: ts.Expression): boolean {
  const name = nameOf(values, node);
  return !!name && REDIRECT_URI_NAME.test(name) && !ts.isIdentifier(node) && isFromRequest(values, node);
}

/**
 * Whether a node compares or validates a redirect-named value in any way: equality with a
 * non-literal, a membership or prefix test, a pattern, or a validating helper that is handed it.
 */
export function validatesRedirect(values: ValueResolver, node: ts.Node): boolean {
  if (ts.isBinaryExpression(node)) {
    const kind = node.operatorToken.kind;
    if (kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken && kind !== ts.SyntaxKind.EqualsEqualsToken && kind !== ts.SyntaxKind.ExclamationEqualsToken) return false;
    const literal = (side: ts.Expression) => ts.isStringLiteralLike(side) || side.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(side) && side.text === 'undefined') || ts.isTypeOfExpression(side);
    return (redirectNamed(values, node.left) && !literal(values.unwrap(node.right))) || (redirectNamed(values, node.right) && !literal(values.unwrap(node.left)));
  }
  if (!ts.isCallExpression(node)) return false;
  const callee = values.unwrap(node.expression);
  const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  const involved = node.arguments.some((argument) => redirectNamed(values, argument)) || (ts.isPropertyAccessExpression(callee) && redirectNamed(values, callee.expression));
  if (!involved) return false;
  return COMPARING_METHODS.has(method) || VALIDATING_CALL.test(method);
}

/**
 * An authorization response built on a redirect-named URI: `url.searchParams.set('code', …)` on
 * `new URL(redirectUri)`, or a template or concatenation `${redirectUri}?code=…`.
 */
export function authorizationResponseTo(values: ValueResolver, node: ts.Node): boolean {
  return responseTarget(values, node) !== undefined;
}

/** Calls that decode a value the request carried: the upstream `state` an OAuth proxy packed its client's data into. */
const DECODERS = /^(?:JSON\.parse|atob|base64url\.decode|base64\.decode|decodeState|parseState)$/;

/**
 * Whether an authorization response's redirect URI was decoded out of the request
 * (`const { redirectUri } = JSON.parse(req.query.state)`): the client's URI, carried through the
 * upstream provider unchecked, is as much the request's as a `redirect_uri` parameter.
 */
export function responseTargetFromRequest(values: ValueResolver, node: ts.Node): boolean {
  const target = responseTarget(values, node);
  if (!target) return false;
  return sources(values, target).some((origin) => {
    if (!ts.isCallExpression(origin) || !origin.arguments[0]) return false;
    if (!DECODERS.test(dottedName(origin.expression))) return false;
    let argument = stripWrappers(values, origin.arguments[0]);
    // JSON.parse(atob(state)), JSON.parse(Buffer.from(state, 'base64').toString())
    for (let steps = 0; steps < 3 && ts.isCallExpression(argument) && argument.arguments[0]; steps++) {
      const inner = ts.isPropertyAccessExpression(argument.expression) && argument.expression.name.text === 'toString' ? argument.expression.expression : argument;
      if (!ts.isCallExpression(inner) || !inner.arguments[0]) break;
      argument = stripWrappers(values, inner.arguments[0]);
    }
    return isFromRequest(values, argument);
  });
}

/** Whether an authorization response goes to a URI from the server's configuration (`process.env.APP_REDIRECT_URL`): its own, not the request's. */
export function responseTargetConfigured(values: ValueResolver, node: ts.Node): boolean {
  const target = responseTarget(values, node);
  return !!target && sources(values, target).some((origin) => /^process\.env\./.test(dottedName(origin)));
}

/** The redirect-named URI an authorization response is built on. */
function responseTarget(values: ValueResolver, node: ts.Node): ts.Expression | undefined {
  if (ts.isCallExpression(node)) {
    const callee = values.unwrap(node.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set' || node.arguments.length !== 2) return undefined;
    const key = values.stringValues(node.arguments[0]!);
    if (!key || key.length !== 1 || key[0] !== 'code') return undefined;
    const params = values.unwrap(callee.expression);
    if (!ts.isPropertyAccessExpression(params) || params.name.text !== 'searchParams') return undefined;
    for (const origin of values.origins(params.expression)) {
      const url = values.unwrap(origin);
      if (ts.isNewExpression(url) && ts.isIdentifier(url.expression) && url.expression.text === 'URL' && url.arguments?.[0] && redirectNamed(values, url.arguments[0])) return url.arguments[0];
    }
    return undefined;
  }
  if (ts.isTemplateExpression(node)) {
    const first = node.templateSpans[0];
    return node.head.text === '' && first && redirectNamed(values, first.expression) && /[?&]code=$/.test(first.literal.text) ? first.expression : undefined;
  }
  return undefined;
}
