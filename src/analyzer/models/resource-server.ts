/**
 * The resource-server side of an MCP server: what arrives in an incoming request (headers, query
 * parameters), the bearer token its client sent, and where that token goes. Small recognisers
 * over the value resolver; the names they know live in `knowledge/mcp-authorization.ts`.
 */
import { ts } from '../engine/typescript.js';
import type { FollowQuery } from '../engine/flow.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import {
  AUTH_INFO_NAMES,
  AUTHORIZATION_HEADER,
  EVENT_HEADER_READERS,
  REQUEST_CONTEXT_NAMES,
  REQUEST_NAMES,
  TOKEN_EXCHANGE_WORDS,
} from '../knowledge/mcp-authorization.js';

const MAX_DEPTH = 10;
/** String operations that keep a token a token: stripping 'Bearer ', trimming, splitting off the scheme. */
const STRING_STEPS = new Set(['replace', 'replaceAll', 'slice', 'substring', 'substr', 'trim', 'trimStart', 'trimEnd', 'split', 'at', 'toString', 'valueOf', 'match']);
const REQUEST_TYPE = /\b(?:Request|IncomingMessage|FastifyRequest|HonoRequest|NextRequest)\b/;

/**
 * The function a call invokes, as written: compiled CommonJS calls imports as `(0, mod.fn)(…)`,
 * which is `mod.fn` for every question asked here.
 */
export function calleeOf(expression: ts.Expression): ts.Expression {
  let node = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(node)) node = node.expression;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.CommaToken) node = node.right;
    else return node;
  }
}

/** `req`, `request`, `c.req`, `ctx.request`, `c.req.raw`, or a parameter typed as a request. */
export function isRequestExpression(values: ValueResolver, expression: ts.Expression): boolean {
  const node = values.unwrap(expression);
  if (ts.isIdentifier(node)) {
    if (REQUEST_NAMES.has(node.text)) return true;
    const declaration = values.declarationOf(node);
    const declared = declaration?.node;
    return !!declared && ts.isParameter(declared) && !!declared.type && REQUEST_TYPE.test(declared.type.getText());
  }
  if (ts.isPropertyAccessExpression(node)) {
    const name = node.name.text;
    if (name === 'req' || name === 'request') return true;
    if (name === 'raw') return isRequestExpression(values, node.expression);
  }
  return false;
}

/** `req.headers`, `c.req.raw.headers`, `extra.requestInfo.headers`, or a variable holding one (`const { headers } = req`). */
/** Parameter names that say they hold the headers of the request the server received (not ones it will send). */
const INCOMING_HEADERS_PARAMETER = /^(?:incoming|inbound|request|req|original)_?headers$/i;

export function isRequestHeaders(values: ValueResolver, expression: ts.Expression, depth = 0): boolean {
  const node = values.unwrap(expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'headers') {
    const owner = values.unwrap(node.expression);
    return isRequestExpression(values, owner) || isKoaContext(values, owner) || (ts.isPropertyAccessExpression(owner) && owner.name.text === 'requestInfo');
  }
  if (ts.isIdentifier(node) && depth < 3) {
    const declaration = values.declarationOf(node);
    if (declaration?.kind === 'parameter' && !declaration.path) {
      // A helper handed the incoming request's headers: named for them (`buildUpstreamHeaders(incomingHeaders)`,
      // called from another module), or given them by every caller in this file.
      if (INCOMING_HEADERS_PARAMETER.test(node.text)) return true;
      // Every caller must pass them: a helper also called with other objects reads whatever it is given.
      const passed = values.origins(node).filter((origin) => origin !== node);
      return passed.length > 0 && passed.every((origin) => isRequestHeaders(values, origin, depth + 1));
    }
    if (!declaration?.initializer || declaration.kind === 'parameter') return false;
    if (declaration.path) return declaration.path.length === 1 && declaration.path[0] === 'headers' && isRequestExpression(values, declaration.initializer);
    return isRequestHeaders(values, declaration.initializer, depth + 1);
  }
  return false;
}

function literalArgument(values: ValueResolver, call: ts.CallExpression, index = 0): string | undefined {
  const argument = call.arguments[index];
  if (!argument) return undefined;
  const strings = values.stringValues(argument);
  return strings && strings.length === 1 && !strings[0]!.includes(UNKNOWN) ? strings[0] : undefined;
}

/**
 * The name of the request header an expression reads: `req.headers.x`, `req.headers['x']`,
 * `headers.get('x')`, `req.header('x')`, `req.get('x')`, `c.req.header('x')`. Lower-cased.
 */
export function requestHeaderRead(values: ValueResolver, expression: ts.Expression): string | undefined {
  const node = values.unwrap(expression);
  if ((ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && isRequestHeaders(values, node.expression)) {
    return values.memberName(node)?.toLowerCase();
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const receiver = node.expression.expression;
    // koa's `ctx.get('authorization')` reads a request header too.
    if ((method === 'get' && (isRequestHeaders(values, receiver) || isRequestExpression(values, receiver) || isKoaContext(values, receiver))) ||
        ((method === 'header' || method === 'getHeader') && isRequestExpression(values, receiver))) {
      return literalArgument(values, node)?.toLowerCase();
    }
  }
  // h3: getHeader(event, 'authorization'), on the handler's event
  if (ts.isCallExpression(node) && node.arguments.length === 2) {
    const callee = calleeOf(node.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    const event = values.unwrap(node.arguments[0]!);
    if (EVENT_HEADER_READERS.has(name) && ts.isIdentifier(event) && REQUEST_CONTEXT_NAMES.has(event.text) && values.declarationOf(event)?.kind === 'parameter') return literalArgument(values, node, 1)?.toLowerCase();
  }
  if (ts.isIdentifier(node)) {
    // const { authorization } = req.headers
    const declaration = values.declarationOf(node);
    if (declaration?.initializer && declaration.path?.length === 1 && declaration.kind === 'variable' && isRequestHeaders(values, declaration.initializer)) {
      return declaration.path[0]!.toLowerCase();
    }
  }
  return undefined;
}

/**
 * The name of the query parameter an expression reads: `req.query.x`, `request.query['x']`,
 * `url.searchParams.get('x')` (of the request's URL), `c.req.query('x')`, `const { x } = req.query`.
 */
export function requestQueryRead(values: ValueResolver, expression: ts.Expression): string | undefined {
  const node = values.unwrap(expression);
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    const owner = values.unwrap(node.expression);
    if (isRequestQuery(values, owner)) return values.memberName(node);
    return undefined;
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    const method = node.expression.name.text;
    const receiver = values.unwrap(node.expression.expression);
    if (method === 'query' && isRequestExpression(values, receiver)) return literalArgument(values, node);
    if (method === 'get' && isRequestSearchParams(values, receiver)) return literalArgument(values, node);
  }
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    if (declaration?.initializer && declaration.path?.length === 1 && declaration.kind === 'variable' && isRequestQuery(values, declaration.initializer)) {
      return declaration.path[0];
    }
  }
  return undefined;
}

/** Koa's context, which delegates `query` to its request (`ctx.query`): the conventional `ctx` parameter of a middleware. */
function isKoaContext(values: ValueResolver, expression: ts.Expression): boolean {
  const node = values.unwrap(expression);
  return ts.isIdentifier(node) && node.text === 'ctx' && values.declarationOf(node)?.kind === 'parameter';
}

export function isRequestQuery(values: ValueResolver, expression: ts.Expression, depth = 0): boolean {
  const node = values.unwrap(expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'query') return isRequestExpression(values, node.expression) || isKoaContext(values, node.expression) || isParsedRequestUrl(values, node.expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'query' && node.arguments.length === 0) {
    return isRequestExpression(values, node.expression.expression); // hono: c.req.query()
  }
  if (ts.isIdentifier(node) && depth < 3) {
    const declaration = values.declarationOf(node);
    if (declaration?.kind === 'parameter' && !declaration.path) {
      // A helper handed the incoming request's query by every caller in this file (one named for it,
      // `getTokenFromQuery(query)`, is the query-tokens model's question: see `namedQueryParameterRead`).
      // Every caller must pass it: a helper also called with other objects reads whatever it is given.
      const passed = values.origins(node).filter((origin) => origin !== node);
      return passed.length > 0 && passed.every((origin) => isRequestQuery(values, origin, depth + 1));
    }
    if (!declaration?.initializer || declaration.kind === 'parameter') return false;
    if (declaration.path) return declaration.path.length === 1 && declaration.path[0] === 'query' && (isRequestExpression(values, declaration.initializer) || isParsedRequestUrl(values, declaration.initializer));
    return isRequestQuery(values, declaration.initializer, depth + 1);
  }
  return false;
}

/** `new URL(req.url, base).searchParams`, `url.searchParams` where `url` is the request's URL. */
function isRequestSearchParams(values: ValueResolver, expression: ts.Expression, depth = 0): boolean {
  const node = values.unwrap(expression);
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'searchParams') {
    // Next.js: `request.nextUrl.searchParams` is the query of the request a route handler was given.
    const owner = values.unwrap(node.expression);
    if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'nextUrl' && isRequestExpression(values, owner.expression)) return true;
    return isRequestUrl(values, node.expression);
  }
  if (ts.isIdentifier(node) && depth < 3) {
    const declaration = values.declarationOf(node);
    if (declaration?.kind === 'parameter' && !declaration.path) {
      // A helper handed the incoming request's search params by every caller in this file (a helper also
      // called with other objects reads whatever it is given).
      const passed = values.origins(node).filter((origin) => origin !== node);
      return passed.length > 0 && passed.every((origin) => isRequestSearchParams(values, origin, depth + 1));
    }
    if (!declaration?.initializer || declaration.kind === 'parameter') return false;
    if (declaration.path) return declaration.path.length === 1 && declaration.path[0] === 'searchParams' && isRequestUrl(values, declaration.initializer);
    return isRequestSearchParams(values, declaration.initializer, depth + 1);
  }
  return false;
}

/** node:url's legacy `url.parse(req.url, true)`: its `query` is the request's query, parsed into an object. */
function isParsedRequestUrl(values: ValueResolver, expression: ts.Expression, depth = 0): boolean {
  const node = values.unwrap(expression);
  if (ts.isIdentifier(node) && depth < 3) {
    const declaration = values.declarationOf(node);
    return declaration?.kind === 'variable' && !declaration.path && !!declaration.initializer && isParsedRequestUrl(values, declaration.initializer, depth + 1);
  }
  if (!ts.isCallExpression(node) || node.arguments.length < 2 || !/(?:^|\.)parse$/.test(dottedName(calleeOf(node.expression)))) return false;
  if (values.unwrap(node.arguments[1]!).kind !== ts.SyntaxKind.TrueKeyword) return false;
  const first = values.unwrap(node.arguments[0]!);
  return ts.isPropertyAccessExpression(first) && (first.name.text === 'url' || first.name.text === 'originalUrl') && isRequestExpression(values, first.expression);
}

function isRequestUrl(values: ValueResolver, expression: ts.Expression, depth = 0): boolean {
  const node = values.unwrap(expression);
  if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
    const first = node.arguments?.[0];
    if (!first) return false;
    let inner = values.unwrap(first);
    // new URL(req.url ?? '/', base)
    while (ts.isBinaryExpression(inner) && (inner.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || inner.operatorToken.kind === ts.SyntaxKind.BarBarToken)) inner = values.unwrap(inner.left);
    const isUrlOfRequest = (part: ts.Expression) => {
      const bare = values.unwrap(part);
      return ts.isPropertyAccessExpression(bare) && (bare.name.text === 'url' || bare.name.text === 'originalUrl') && isRequestExpression(values, bare.expression);
    };
    // new URL(`http://${host}${req.url}`): the request's path and query after a base written in front
    if (ts.isTemplateExpression(inner)) {
      const last = inner.templateSpans[inner.templateSpans.length - 1];
      return !!last && last.literal.text === '' && isUrlOfRequest(last.expression);
    }
    if (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) return isUrlOfRequest(inner.right);
    return isUrlOfRequest(inner);
  }
  if (ts.isIdentifier(node) && depth < 3) {
    const declaration = values.declarationOf(node);
    if (!declaration?.initializer || declaration.kind === 'parameter' || declaration.path) return false;
    return isRequestUrl(values, declaration.initializer, depth + 1);
  }
  return false;
}

/** `extra.authInfo.token`, `req.auth.token`, `authInfo.token`: the token the SDK's bearer middleware verified. */
export function isVerifiedTokenRead(values: ValueResolver, expression: ts.Expression): boolean {
  const node = values.unwrap(expression);
  if (ts.isIdentifier(node)) {
    // const { token } = extra.authInfo ?? {} (a binding renamed from `token` keeps a name that says so)
    if (!/token/i.test(node.text)) return false;
    const declaration = values.declarationOf(node);
    if (declaration?.kind !== 'variable' || !declaration.initializer || declaration.path?.length !== 1 || declaration.path[0] !== 'token') return false;
    let initializer = values.unwrap(declaration.initializer);
    while (ts.isBinaryExpression(initializer) && (initializer.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || initializer.operatorToken.kind === ts.SyntaxKind.BarBarToken)) initializer = values.unwrap(initializer.left);
    return isAuthInfo(values, initializer, 0);
  }
  if (!(ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) || values.memberName(node) !== 'token') return false;
  return isAuthInfo(values, node.expression, 0);
}

/** `authInfo`, `extra.authInfo`, `req.auth`, or a variable holding one (`const incoming = extra.authInfo`). */
function isAuthInfo(values: ValueResolver, expression: ts.Expression, depth: number): boolean {
  const owner = values.unwrap(expression);
  if (ts.isIdentifier(owner)) {
    if (owner.text === 'authInfo') return true;
    const declaration = values.declarationOf(owner);
    if (depth > 2 || declaration?.kind !== 'variable' || !declaration.initializer || declaration.path) return false;
    return isAuthInfo(values, declaration.initializer, depth + 1);
  }
  if (ts.isPropertyAccessExpression(owner) && AUTH_INFO_NAMES.has(owner.name.text)) {
    return owner.name.text === 'authInfo' || isRequestExpression(values, owner.expression);
  }
  return false;
}

/** The incoming bearer token itself: the request's Authorization header or the SDK's verified token. */
export function isIncomingTokenRead(values: ValueResolver, expression: ts.Expression): boolean {
  return requestHeaderRead(values, expression) === AUTHORIZATION_HEADER || isVerifiedTokenRead(values, expression);
}

/** Parameter names a helper gives the credential it is handed (`authorization`, `bearerToken`, `apiKey`). */
const CREDENTIAL_PARAMETER = /auth|token|bearer|credential|key|header|secret/i;

/**
 * Whether a value is (or is cut from) the token the server received: followed through variables,
 * parameters, template literals, concatenation, string steps ('Bearer ' stripped) and local
 * helpers. A call the follower does not know (an exchange, a lookup) ends the trail: its result
 * is another value, and an unknown value is no evidence.
 */
export class IncomingTokenFlow {
  /** Run on the file's one follower: its memo, cycle guard, depth rule and budget. */
  private readonly query: FollowQuery<ts.Expression | undefined> = {
    name: 'incoming-token-source',
    maxDepth: MAX_DEPTH,
    judge: (node, depth) => this.compute(node, depth),
    cut: () => undefined,
    rememberCutAnswers: false,
    isFinal: (answer) => answer !== undefined,
  };

  constructor(private readonly values: ValueResolver) {}

  /** The read of the incoming token a value comes from, if any. */
  sourceOf(expression: ts.Expression, depth = 0): ts.Expression | undefined {
    return this.values.flow.follow(expression, this.query, depth);
  }

  private compute(node: ts.Expression, depth: number): ts.Expression | undefined {
    if (isIncomingTokenRead(this.values, node)) return node;
    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) {
        const found = this.sourceOf(span.expression, depth + 1);
        if (found) return found;
      }
      return undefined;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return this.sourceOf(node.left, depth + 1) ?? this.sourceOf(node.right, depth + 1);
    }
    // `header && header.split(' ')[1]`: the value, when there is one, is the right side.
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return this.sourceOf(node.right, depth + 1);
    if (ts.isElementAccessExpression(node) && (ts.isNumericLiteral(node.argumentExpression) || ts.isCallExpression(this.values.unwrap(node.expression)))) {
      return this.sourceOf(node.expression, depth + 1); // header.split(' ')[1], match[1]
    }
    if (ts.isCallExpression(node)) {
      const callee = this.values.unwrap(node.expression);
      if (ts.isPropertyAccessExpression(callee) && STRING_STEPS.has(callee.name.text)) return this.sourceOf(callee.expression, depth + 1);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'exec' && node.arguments[0]) return this.sourceOf(node.arguments[0], depth + 1);
      if (TOKEN_EXCHANGE_WORDS.test(dottedName(callee))) return undefined;
      const helper = this.values.calledFunction(node);
      if (helper) {
        if (helper.name && TOKEN_EXCHANGE_WORDS.test(helper.name.getText())) return undefined;
        for (const returned of this.values.returnedExpressions(helper)) {
          const found = this.sourceOf(returned, depth + 1);
          if (found) return found;
        }
      }
      return undefined;
    }
    if (ts.isIdentifier(node) && CREDENTIAL_PARAMETER.test(node.text)) {
      // A helper's parameter: the arguments as written first (`const { authorization } = req.headers`
      // passed on is the header, though its origins end at the headers object).
      const declaration = this.values.declarationOf(node);
      // Only the argument itself is asked about (no further following): the origins below follow the
      // rest, with the memo that keeps chains of helpers linear.
      if (declaration?.kind === 'parameter') {
        for (const argument of this.values.argumentsFor(declaration)) {
          if (isIncomingTokenRead(this.values, argument)) return this.values.unwrap(argument);
        }
      }
    }
    for (const origin of this.values.origins(node)) {
      if (origin === node) continue;
      const found = this.sourceOf(origin, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
}
