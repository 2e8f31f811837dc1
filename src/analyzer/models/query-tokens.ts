/**
 * Access tokens in URI query strings: a resource server reading one from the request's query
 * (and using it as the credential), or a client writing one into the URL of an MCP endpoint.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { propertyNameText } from '../engine/walk.js';
import { QUERY_MAYBE_TOKEN_KEYS, QUERY_TOKEN_KEYS, TOKEN_VERIFY_CALLS } from '../knowledge/mcp-authorization.js';
import { calleeOf, IncomingTokenFlow, isRequestQuery, requestHeaderRead, requestQueryRead } from './resource-server.js';
import { derivesFromCredentialHeader } from './secret-comparison.js';

export type QueryTokenKind = 'definite' | 'maybe';

/** Whether a query key names an access token outright ('access_token') or only possibly ('token', 'key'). */
export function queryTokenKind(key: string | undefined): QueryTokenKind | undefined {
  if (key === undefined) return undefined;
  const lower = key.toLowerCase();
  if (QUERY_TOKEN_KEYS.has(lower)) return 'definite';
  // A service's own access token under a prefixed name: 'yunxiao_access_token', 'uppyAuthToken'
  // (not OAuth 1.0a's 'oauth_token', a request token that belongs in the callback's query).
  // A pre-authorization token (a handshake value exchanged before login) is not one either, nor a
  // flag that asks for a token ('returnAccessToken=true', 'includeAuthToken').
  if (PREFIXED_ACCESS_TOKEN.test(lower) && !/^o_?auth_?token$/.test(lower) && !/pre_?auth_?token$/.test(lower) && !TOKEN_REQUEST_FLAG.test(lower)) return 'definite';
  if (QUERY_MAYBE_TOKEN_KEYS.has(lower)) return 'maybe';
  return undefined;
}

const PREFIXED_ACCESS_TOKEN = /(?:access|auth|bearer)[_-]?token$/;
const TOKEN_REQUEST_FLAG = /^(?:return|include|with|send|show|want|use|get|fetch|issue|request|need|require)[_-]?/;

/** Calls that lay a caller's options over a library's defaults: a key the caller does not set keeps the default's value. */
const MERGE_WITH_DEFAULTS = /^(?:applyToDefaults|defaults|defaultsDeep|merge|mergeDeep|assign|extend)$/;

/**
 * The name a query read uses when it is configured (`query[settings.accessTokenName]`,
 * `query[queryKey]` with `const queryKey = opts.queryKey ?? 'access_token'`): the library's
 * default, when the code gives exactly one. An option with no default in the file gives nothing.
 */
export function configuredQueryKey(values: ValueResolver, key: ts.Expression): string | undefined {
  const node = values.unwrap(key);
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return undefined;
  const strings = values.stringValues(node);
  if (strings?.length === 1 && !strings[0]!.includes('\uFFFF')) return strings[0];
  // settings = Hoek.applyToDefaults(internals.defaults, options); settings.accessTokenName
  if (!ts.isPropertyAccessExpression(node)) return undefined;
  for (const origin of values.origins(node.expression)) {
    const merged = values.unwrap(origin);
    if (!ts.isCallExpression(merged) || !MERGE_WITH_DEFAULTS.test(dottedName(calleeOf(merged.expression)).split('.').pop() ?? '')) continue;
    const defaults = merged.arguments.map((argument) => values.objectProperties(argument)?.get(node.name.text)).filter((value): value is ts.Expression => value !== undefined);
    const found = defaults.length === 1 ? values.stringValues(defaults[0]!) : undefined;
    if (found?.length === 1 && !found[0]!.includes('\uFFFF')) return found[0];
  }
  return undefined;
}

/** `request.query[settings.accessTokenName]`: a read of the incoming query under a configured name; returns that name's default. */
export function configuredQueryRead(values: ValueResolver, node: ts.ElementAccessExpression): string | undefined {
  const argument = values.unwrap(node.argumentExpression);
  if (!ts.isIdentifier(argument) && !ts.isPropertyAccessExpression(argument)) return undefined;
  // Cheap test first: the receiver's code names a query.
  if (!/query/i.test(node.expression.getText())) return undefined;
  const key = configuredQueryKey(values, argument);
  return key !== undefined && isRequestQuery(values, node.expression) ? key : undefined;
}

/** Parameter names that say they hold the query of the request the server received: `query`, `reqQuery`, `incomingQuery`. */
const INCOMING_QUERY_PARAMETER = /^(?:(?:incoming|inbound|request|req)_?)?query$/i;

/**
 * `getTokenFromQuery(query) { return query?.access_token }`: a helper's parameter named for the
 * incoming request's query (its callers are in another module or package). Only reads count: a
 * helper that writes `query.access_token = …` builds an outgoing URL. Returns the key.
 */
export function namedQueryParameterRead(values: ValueResolver, node: ts.PropertyAccessExpression | ts.ElementAccessExpression): string | undefined {
  const owner = values.unwrap(node.expression);
  if (!ts.isIdentifier(owner) || !INCOMING_QUERY_PARAMETER.test(owner.text)) return undefined;
  const declaration = values.declarationOf(owner);
  if (declaration?.kind !== 'parameter' || declaration.path) return undefined;
  let outer: ts.Node = node;
  while (ts.isParenthesizedExpression(outer.parent) || ts.isNonNullExpression(outer.parent)) outer = outer.parent;
  if (ts.isBinaryExpression(outer.parent) && outer.parent.left === outer && outer.parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && outer.parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment) return undefined;
  if (ts.isDeleteExpression(outer.parent)) return undefined;
  return values.memberName(node);
}

/** A read of a token-named query parameter: the read itself, or a variable that holds one. */
const QUERY_WORDS = /query|searchParams|\.get\(/;

export function queryTokenRead(values: ValueResolver, expression: ts.Expression): { key: string; node: ts.Expression } | undefined {
  // Follow only values whose code or declaration mentions a query: most operands of '||' and '===' do not.
  const node0 = values.unwrap(expression);
  // `q.token` with `const q = request.query`: the receiver's declaration names the query.
  let root = node0;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = values.unwrap(root.expression);
  const declared = ts.isIdentifier(root) ? values.declarationOf(root) : undefined;
  let declaration: ts.Node | undefined = declared && declared.kind !== 'parameter' ? declared.node : undefined;
  while (declaration && ts.isBindingElement(declaration)) declaration = declaration.parent.parent; // const { token } = req.query
  const text = node0.getText() + (declaration ? declaration.getText() : '');
  if (!QUERY_WORDS.test(text)) return undefined;
  const candidates = [expression, ...values.origins(expression)];
  for (const candidate of candidates) {
    let node = values.unwrap(candidate);
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'String' && node.arguments[0]) node = values.unwrap(node.arguments[0]);
    const key = requestQueryRead(values, node);
    if (key !== undefined && queryTokenKind(key)) return { key, node };
  }
  return undefined;
}

/** Where a token-named query value is used as the credential: verified, checked against a secret, or taken when the header is absent. */
export function queryTokenUse(values: ValueResolver, flow: IncomingTokenFlow, node: ts.Node): { key: string; node: ts.Expression } | undefined {
  if (ts.isReturnStatement(node)) return fallbackReturn(values, flow, node);
  if (ts.isCallExpression(node)) {
    const callee = dottedName(calleeOf(node.expression)).split('.').pop() ?? '';
    if (!TOKEN_VERIFY_CALLS.has(callee) || !node.arguments[0]) return undefined;
    return queryTokenRead(values, node.arguments[0]);
  }
  // `header ? header.slice(7) : req.query.jwt`: the query value is the credential when the header is absent.
  if (ts.isConditionalExpression(node)) {
    for (const [side, other] of [[node.whenFalse, node.whenTrue], [node.whenTrue, node.whenFalse]] as const) {
      const read = queryTokenRead(values, side);
      if (read && (requestHeaderRead(values, other) !== undefined || flow.sourceOf(other) || derivesFromCredentialHeader(values, other, 0))) return read;
    }
    return undefined;
  }
  if (!ts.isBinaryExpression(node)) return undefined;
  const operator = node.operatorToken.kind;
  // `let raw = header?.replace(/^Bearer\s+/i, ''); if (!raw) raw = c.req.query('token')`: the query value takes the header token's place.
  if (operator === ts.SyntaxKind.EqualsToken && ts.isIdentifier(node.left)) {
    const read = queryTokenRead(values, node.right);
    const initializer = read && values.declarationOf(node.left)?.initializer;
    if (read && initializer && (requestHeaderRead(values, initializer) !== undefined || flow.sourceOf(initializer) || derivesFromCredentialHeader(values, initializer, 0))) return read;
    return undefined;
  }
  const pairs = [[node.left, node.right], [node.right, node.left]] as const;
  if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
    for (const [side, other] of pairs) {
      const read = queryTokenRead(values, side);
      if (read && (requestHeaderRead(values, other) !== undefined || flow.sourceOf(other))) return read;
    }
  }
  if (operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsEqualsToken ||
      operator === ts.SyntaxKind.EqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken) {
    for (const [side, other] of pairs) {
      const read = queryTokenRead(values, side);
      if (read && isConfiguredSecret(values, other)) return read;
    }
  }
  return undefined;
}

/**
 * `return tokenFromUrl` in a function whose other return hands back the incoming token
 * (`extractToken(req)`: the bearer header, else `?token=`): the query value is the credential's fallback.
 */
function fallbackReturn(values: ValueResolver, flow: IncomingTokenFlow, statement: ts.ReturnStatement): { key: string; node: ts.Expression } | undefined {
  let returned = statement.expression && values.unwrap(statement.expression);
  // `return fromUrl || undefined`
  while (returned && ts.isBinaryExpression(returned) && /^(?:\|\||\?\?)$/.test(returned.operatorToken.getText())) returned = values.unwrap(returned.left);
  if (!returned) return undefined;
  const read = queryTokenRead(values, returned);
  if (!read) return undefined;
  let fn: ts.Node | undefined = statement.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return undefined;
  let headerReturn = false;
  const visit = (child: ts.Node): void => {
    if (headerReturn || (child !== fn && ts.isFunctionLike(child))) return;
    if (ts.isReturnStatement(child) && child !== statement && child.expression) {
      const returned = child.expression;
      if (flow.sourceOf(returned) || requestHeaderRead(values, returned) !== undefined || derivesFromCredentialHeader(values, returned, 0)) headerReturn = true;
    }
    ts.forEachChild(child, visit);
  };
  visit(fn);
  return headerReturn ? read : undefined;
}

/**
 * The secret the server is configured with: `process.env.KEY`, a Workers binding (`env.MCP_TOKEN`,
 * hono's `c.env.MCP_TOKEN`, on the `env` the handler was given), or a constant read from either.
 */
function isConfiguredSecret(values: ValueResolver, expression: ts.Expression): boolean {
  const node = values.unwrap(expression);
  if (isConfiguration(values, node)) return true;
  return ts.isIdentifier(node) && values.origins(node).some((origin) => origin !== node && isConfiguration(values, values.unwrap(origin)));
}

function isConfiguration(values: ValueResolver, node: ts.Expression): boolean {
  const name = dottedName(node);
  if (/^process\.env\./.test(name)) return true;
  if (!/^(?:c\.)?env\.[A-Z][A-Z0-9_]*$/.test(name)) return false;
  let root = node;
  while (ts.isPropertyAccessExpression(root)) root = root.expression;
  return ts.isIdentifier(root) && values.declarationOf(root)?.kind === 'parameter';
}

const MCP_URL_WITH_TOKEN = /\/(?:mcp|sse)\b[^?#]*\?(?:[^#]*&)?(access_token|accesstoken|token|auth_token|bearer_token|bearer|api_key|apikey|api-key|jwt)=\uFFFF/i;
const MCP_PATH = /\/(?:mcp|sse)(?:\/|$|\?|\uFFFF)/i;

/** A client URL to an MCP endpoint with a token placeholder in its query: a template or a concatenation. */
export function mcpUrlWithQueryToken(values: ValueResolver, node: ts.Expression): string | undefined {
  const strings = values.stringValues(node);
  for (const value of strings ?? []) {
    const match = MCP_URL_WITH_TOKEN.exec(value);
    if (match) return match[1];
  }
  return undefined;
}

/**
 * Whether the URL whose parameters are set is then sent to the browser as a redirect
 * (`res.redirect(url.toString())`, `c.redirect(url.href)`, `Response.redirect(url)`): a token in
 * it travels through the front channel, whatever the endpoint.
 */
function redirectsTo(url: ts.Expression, from: ts.Node): boolean {
  const node = url;
  if (!ts.isIdentifier(node)) return false;
  let scope: ts.Node | undefined = from.parent;
  while (scope && !ts.isFunctionLike(scope) && !ts.isSourceFile(scope)) scope = scope.parent;
  if (!scope) return false;
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(child) && /(?:^|\.)redirect$/.test(dottedName(calleeOf(child.expression))) && child.arguments.some((argument) => mentions(argument, node.text))) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(scope);
  return found;
}

function mentions(expression: ts.Node, name: string): boolean {
  if (ts.isIdentifier(expression)) return expression.text === name;
  let found = false;
  ts.forEachChild(expression, (child) => {
    found ||= mentions(child, name);
  });
  return found;
}

/** `url.searchParams.set('access_token', token)` on a URL of an MCP endpoint, or on a URL the server redirects the browser to. */
export function mcpSearchParamToken(values: ValueResolver, call: ts.CallExpression): string | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !/^(?:set|append)$/.test(callee.name.text) || call.arguments.length !== 2) return undefined;
  const params = values.unwrap(callee.expression);
  if (!ts.isPropertyAccessExpression(params) || params.name.text !== 'searchParams') return undefined;
  const key = values.stringValues(call.arguments[0]!);
  const name = key?.length === 1 ? key[0]!.replace(/^_+/, '') : undefined;
  if (!name || queryTokenKind(name) === undefined || /^(?:key|api_?key)$/i.test(name)) return undefined;
  if (redirectsTo(params.expression, call)) return key![0];
  for (const origin of values.origins(params.expression)) {
    const url = values.unwrap(origin);
    if (!ts.isNewExpression(url) || !ts.isIdentifier(url.expression) || url.expression.text !== 'URL' || !url.arguments?.[0]) continue;
    const strings = values.stringValues(url.arguments[0]);
    if (strings?.some((value) => MCP_PATH.test(value))) return key![0];
  }
  return undefined;
}

/** Query keys that name a bearer credential in a URL the server sends the browser to. */
const REDIRECT_TOKEN_KEY = /^(?:access|id|refresh|auth|jwt|bearer|session|api|npm)[_-]?token$|^[a-z]+AuthToken$|^jwt$|^token$/i;
/** A generic `token` key counts only when its value is named as a credential. */
const CREDENTIAL_VALUE = /token|jwt|bearer/i;
const REDIRECT_RECEIVERS = /^(?:res|response|reply|ctx|c|h)$/;

/**
 * `res.redirect(\`${app}?token=${accessToken}\`)`, `res.writeHead(302, { Location: … })`: the server
 * sends the browser to a URL whose query carries a token, where history, logs and Referer keep it.
 * Returns the query key.
 */
export function redirectWithQueryToken(values: ValueResolver, call: ts.CallExpression): string | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !REDIRECT_RECEIVERS.test(dottedName(callee.expression).split('.').pop() ?? '')) return undefined;
  let url: ts.Expression | undefined;
  if (callee.name.text === 'redirect') url = call.arguments[call.arguments.length - 1];
  else if (callee.name.text === 'writeHead' && call.arguments.length >= 2) {
    const status = values.unwrap(call.arguments[0]!);
    if (!ts.isNumericLiteral(status) || !/^30[1278]$/.test(status.text)) return undefined;
    url = values.objectProperties(call.arguments[1]!)?.get('Location') ?? values.objectProperties(call.arguments[1]!)?.get('location');
  }
  if (!url) return undefined;
  const bare = values.unwrap(url);
  // `res.redirect(buildURL(\`/send-token?uppyAuthToken=${token}\`))`: a URL builder given the path and query.
  const built = ts.isCallExpression(bare) && bare.arguments[0] ? [bare.arguments[0]] : [];
  for (const candidate of [url, ...values.origins(url), ...built]) {
    const key = tokenKeyInUrl(values, values.unwrap(candidate), 0);
    if (key) return key;
  }
  return undefined;
}

function tokenKeyInUrl(values: ValueResolver, node: ts.Expression, depth: number): string | undefined {
  if (depth > 3) return undefined;
  // Pieces of the URL in order: literal text and the expressions between.
  const pieces: Array<string | ts.Expression> = [];
  const flatten = (part: ts.Expression): void => {
    const bare = values.unwrap(part);
    if (ts.isBinaryExpression(bare) && bare.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      flatten(bare.left);
      flatten(bare.right);
    } else if (ts.isTemplateExpression(bare)) {
      pieces.push(bare.head.text);
      for (const span of bare.templateSpans) {
        pieces.push(span.expression, span.literal.text);
      }
    } else if (ts.isStringLiteralLike(bare)) pieces.push(bare.text);
    else pieces.push(bare);
  };
  flatten(node);
  for (let index = 0; index < pieces.length; index++) {
    const piece = pieces[index]!;
    if (typeof piece === 'string') continue;
    const before = pieces[index - 1];
    const named = typeof before === 'string' ? /[?&]([A-Za-z_-]+)=$/.exec(before)?.[1] : undefined;
    if (named && REDIRECT_TOKEN_KEY.test(named) && (named.toLowerCase() !== 'token' || CREDENTIAL_VALUE.test(piece.getText()))) return named;
    // `?${new URLSearchParams({ username, token: jwt })}`
    const params = values.unwrap(ts.isCallExpression(piece) && ts.isPropertyAccessExpression(piece.expression) && piece.expression.name.text === 'toString' ? piece.expression.expression : piece);
    if (ts.isNewExpression(params) && ts.isIdentifier(params.expression) && params.expression.text === 'URLSearchParams' && params.arguments?.[0]) {
      const object = values.unwrap(params.arguments[0]);
      if (!ts.isObjectLiteralExpression(object)) continue;
      for (const member of object.properties) {
        let value: ts.Expression;
        if (ts.isPropertyAssignment(member)) value = values.unwrap(member.initializer);
        else if (ts.isShorthandPropertyAssignment(member)) value = member.name;
        else continue;
        const key = propertyNameText(member.name);
        if (!key || !REDIRECT_TOKEN_KEY.test(key)) continue;
        if (ts.isStringLiteralLike(value)) continue;
        if (key.toLowerCase() !== 'token' || CREDENTIAL_VALUE.test(value.getText())) return key;
      }
    }
  }
  return undefined;
}
