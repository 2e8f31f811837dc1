/**
 * Comparisons of a presented secret (a request's credential header, query or body field, a
 * verifier's parameter) with the expected one (configuration, a stored credential, an HMAC the
 * server computed) by `===`, which stops at the first differing character.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, type ValueResolver } from '../engine/values.js';
import { CREDENTIAL_REQUEST_HEADERS, HASH_CALLS, HMAC_CALLS, TOKEN_VERIFY_CALLS } from '../knowledge/mcp-authorization.js';
import { classifyName } from './credentials.js';
import { calleeOf, IncomingTokenFlow, isRequestExpression, requestHeaderRead, requestQueryRead } from './resource-server.js';

const EQUALITY = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken,
]);
/**
 * Secret words the credential vocabulary leaves to context: signatures, verifiers and passwords
 * (a login password is not an OAuth credential for logging rules, but comparing one by '===' leaks it the same way).
 */
const EXTRA_SECRET = /(?:^|_)(?:pass|PASS|pwd|PWD)$|[a-z](?:Pass|Pwd)$|(?:^|_|[a-z])(?:signature|Signature|hmac|Hmac|HMAC|verifier|Verifier|password|Password|PASSWORD|passphrase|Passphrase|PASSPHRASE)$|^(?:sig|signature|hmac|verifier|password|passwd|passphrase)$/;
/** OAuth request parameters that carry a secret, under their wire names (stored records name them otherwise, or hash them). */
const WIRE_SECRET = /^(?:client_secret|code_verifier)$/;
/** Maps that keep secrets by id: `registeredSecrets[clientId]`, `clients[id]`, `apiKeys[name]`. */
const SECRET_STORE = /(?:clients|secrets|keys|tokens|credentials)$/i;

/** `payload.signature`, `params['hmac']`, or a variable taken from one: a signature member of the checking function's parameter. */
function signatureOfParameter(values: ValueResolver, node: ts.Expression): boolean {
  return [node, ...values.origins(node)].some((origin) => {
    const member = values.unwrap(origin);
    if (!ts.isPropertyAccessExpression(member) && !ts.isElementAccessExpression(member)) return false;
    const owner = values.unwrap(member.expression);
    return SIGNATURE_MEMBER.test(values.memberName(member) ?? '') && ts.isIdentifier(owner) && values.declarationOf(owner)?.kind === 'parameter';
  });
}

/** Members that carry a signature or MAC as received. */
const SIGNATURE_MEMBER = /^(?:signature|sig|hmac|mac)$/i;
const NOT_SECRET = /(?:type|kind|count|length|id|ids|name|url|uri|header|prefix|scheme|format|method|hint|expires\w*|version)$/i;

export interface SecretComparison {
  node: ts.BinaryExpression | ts.CallExpression;
  presented: ts.Expression;
  expected: ts.Expression;
  operator: string;
}

function nameOf(values: ValueResolver, node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return values.memberName(node);
  return undefined;
}

export function isSecretName(name: string | undefined): boolean {
  if (!name || NOT_SECRET.test(name)) return false;
  return classifyName(name) === 'credential' || EXTRA_SECRET.test(name);
}

/** Literals, `typeof`, lengths, numbers and booleans: a comparison with them reveals nothing secret by its timing. */
function isInert(values: ValueResolver, node: ts.Expression): boolean {
  if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node) || ts.isTypeOfExpression(node) || ts.isPrefixUnaryExpression(node)) return true;
  if (node.kind === ts.SyntaxKind.NullKeyword || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
  if (ts.isIdentifier(node) && (node.text === 'undefined' || node.text === 'NaN')) return true;
  if (ts.isPropertyAccessExpression(node) && /^(?:length|size|byteLength)$/.test(node.name.text)) return true;
  return ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node);
}

/** A digest of a hash (not an HMAC): comparing digests leaks nothing useful about the secret. */
function isHashed(values: ValueResolver, node: ts.Expression): boolean {
  return values.origins(node).some((origin) => {
    let current = values.unwrap(origin);
    for (let steps = 0; steps < 6 && ts.isCallExpression(current); steps++) {
      const name = dottedName(calleeOf(current.expression));
      if (HMAC_CALLS.test(name.replace(/\(\)/g, ''))) return false;
      if (HASH_CALLS.test(name.replace(/\(\)/g, ''))) return true;
      current = ts.isPropertyAccessExpression(current.expression) ? values.unwrap(current.expression.expression) : current;
      if (!ts.isCallExpression(current)) break;
    }
    return false;
  });
}

/** An HMAC the server computed (`createHmac(…).update(…).digest('hex')`): the expected side of a signature check. */
const HMAC_WORDS = /hmac|sign/i;

function isHmac(values: ValueResolver, node: ts.Expression, depth = 0): boolean {
  // Only values whose code or declaration mentions an HMAC are followed (`let digest;` assigned later: its assignments).
  // `mac.digest('base64')`: the receiver chain's root is the value whose declaration says so.
  let root: ts.Expression = node;
  while (ts.isCallExpression(root) && ts.isPropertyAccessExpression(root.expression)) root = values.unwrap(root.expression.expression);
  const declared = ts.isIdentifier(root) ? values.declarationOf(root) : undefined;
  const mentioned = HMAC_WORDS.test(node.getText()) || (declared?.initializer && HMAC_WORDS.test(declared.initializer.getText()))
    || (declared?.kind === 'variable' && !declared.initializer && values.origins(node).some((origin) => origin !== node && HMAC_WORDS.test(origin.getText())));
  if (!mentioned) return false;
  return values.origins(node).some((origin) => {
    let current = values.unwrap(origin);
    // 'sha256=' + hmac, `sha256=${hmac}`
    if (depth < 3 && ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.PlusToken) return isHmac(values, current.left, depth + 1) || isHmac(values, current.right, depth + 1);
    if (depth < 3 && ts.isTemplateExpression(current)) return current.templateSpans.some((span) => isHmac(values, span.expression, depth + 1));
    for (let steps = 0; steps < 6 && ts.isCallExpression(current); steps++) {
      if (HMAC_CALLS.test(dottedName(calleeOf(current.expression)).replace(/\(\)/g, ''))) return true;
      if (!ts.isPropertyAccessExpression(current.expression)) return false;
      current = values.unwrap(current.expression.expression);
      // `const hmac = createHmac(…); hmac.update(…); hmac.digest()`: the receiver is the HMAC object made earlier.
      if (ts.isIdentifier(current) && depth < 3) return isHmac(values, current, depth + 1);
    }
    return false;
  });
}

/** The value arrives with the request: a credential header, a query or body field, the incoming token, or a verifier's secret-named parameter. */
function isPresented(values: ValueResolver, flow: IncomingTokenFlow, node: ts.Expression): boolean {
  const header = requestHeaderRead(values, node);
  if (header !== undefined) return CREDENTIAL_REQUEST_HEADERS.test(header);
  if (flow.sourceOf(node)) return true;
  const candidates = [node, ...values.origins(node)];
  // `Buffer.from(header, 'hex')`: the bytes of a presented value are that value.
  for (const origin of [...candidates]) {
    const unwrapped = values.unwrap(origin);
    if (ts.isCallExpression(unwrapped) && /^(?:Buffer\.from|String)$/.test(dottedName(calleeOf(unwrapped.expression))) && unwrapped.arguments[0]) candidates.push(unwrapped.arguments[0], ...values.origins(unwrapped.arguments[0]));
  }
  for (const origin of candidates) {
    const unwrapped = values.unwrap(origin);
    const headerName = requestHeaderRead(values, unwrapped);
    if (headerName !== undefined && CREDENTIAL_REQUEST_HEADERS.test(headerName)) return true;
    const key = requestQueryRead(values, unwrapped);
    if (key !== undefined && isSecretName(key)) return true;
    if ((ts.isPropertyAccessExpression(unwrapped) || ts.isElementAccessExpression(unwrapped)) && isSecretName(values.memberName(unwrapped))) {
      const owner = values.unwrap(unwrapped.expression);
      // `params.client_secret` in a grant handler: a member under its wire name, as the client sent it.
      if (WIRE_SECRET.test(values.memberName(unwrapped) ?? '') && ts.isIdentifier(owner) && values.declarationOf(owner)?.kind === 'parameter') return true;
      if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'body' && isRequestExpression(values, owner.expression)) return true;
      if (ts.isIdentifier(owner) && isRequestDerived(values, owner, 0)) return true; // body.client_secret
    }
    if (ts.isIdentifier(unwrapped)) {
      const declaration = values.declarationOf(unwrapped);
      // verifySignature(body, signatureHeader, secret): the header value handed to a verifier
      if (declaration?.kind === 'parameter' && !declaration.path && /[a-z](?:Header|_header)$/.test(unwrapped.text) && isSecretName(unwrapped.text.replace(/_?[Hh]eader$/, ''))) return true;
      // const { t, v1 } = parseSignatureHeader(c.req.header('x-signature') ?? ''): the parts of a credential header
      if (declaration?.kind === 'variable' && declaration.path && declaration.initializer && !isBasicPart(values, unwrapped, /^0$/) && derivesFromCredentialHeader(values, declaration.initializer, 0)) return true;
    }
    if (ts.isIdentifier(unwrapped) && isSecretName(unwrapped.text)) {
      const declaration = values.declarationOf(unwrapped);
      if (declaration?.kind === 'parameter') return true;
      if (declaration?.path && declaration.initializer) {
        // const { client_secret } = req.body; … = schema.safeParse(req.body).data; … = extractCredentials(req)
        if (isRequestDerived(values, declaration.initializer, 0)) return true;
      }
    }
    if (ts.isIdentifier(unwrapped) && isBasicPassword(values, unwrapped)) return true;
  }
  return false;
}

function isCredentialHeaderRead(values: ValueResolver, expression: ts.Expression): boolean {
  const header = requestHeaderRead(values, expression);
  return header !== undefined && CREDENTIAL_REQUEST_HEADERS.test(header);
}

/**
 * Whether a value is computed from the request's credential header through string and buffer
 * steps (`Buffer.from(h.split(' ')[1], 'base64').toString().split(':')`): receivers, first
 * arguments and indexes are followed, nothing else.
 */
export function derivesFromCredentialHeader(values: ValueResolver, expression: ts.Expression, depth: number): boolean {
  if (depth > 8) return false;
  const node = values.unwrap(expression);
  if (isCredentialHeaderRead(values, node)) return true;
  if (ts.isCallExpression(node)) {
    const callee = values.unwrap(node.expression);
    if (ts.isPropertyAccessExpression(callee) && derivesFromCredentialHeader(values, callee.expression, depth + 1)) return true;
    return node.arguments[0] !== undefined && derivesFromCredentialHeader(values, node.arguments[0], depth + 1);
  }
  if (ts.isElementAccessExpression(node) || ts.isPropertyAccessExpression(node)) return derivesFromCredentialHeader(values, node.expression, depth + 1);
  if (ts.isBinaryExpression(node) && /^(?:\|\||\?\?)$/.test(node.operatorToken.getText())) return derivesFromCredentialHeader(values, node.left, depth + 1);
  // `authHeader && authHeader.split(' ')[1]`: the value, when there is one, is the right side.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return derivesFromCredentialHeader(values, node.right, depth + 1);
  if (ts.isIdentifier(node)) {
    // `const [scheme, token] = header.split(' ')`: a part destructured out of a header-derived value
    const declaration = values.declarationOf(node);
    if (declaration?.kind === 'variable' && declaration.path && declaration.initializer && derivesFromCredentialHeader(values, declaration.initializer, depth + 1)) return true;
    return values.origins(node).some((origin) => origin !== node && derivesFromCredentialHeader(values, origin, depth + 1));
  }
  return false;
}

/**
 * The password half of HTTP Basic credentials split out of the Authorization header by hand:
 * `const [user, pass] = decoded.split(':')` (index 1 onward: index 0 is the user name, no secret).
 */
function isBasicPassword(values: ValueResolver, identifier: ts.Identifier): boolean {
  return isBasicPart(values, identifier, /^[1-9]$/);
}

/** A part of `user:password` split out of the Authorization header, at a position `index` accepts (0 is the user name). */
function isBasicPart(values: ValueResolver, identifier: ts.Identifier, index: RegExp): boolean {
  const declaration = values.declarationOf(identifier);
  if (declaration?.kind !== 'variable' || !declaration.initializer || declaration.path?.length !== 1) return false;
  if (!index.test(declaration.path[0]!)) return false;
  const split = values.unwrap(declaration.initializer);
  if (!ts.isCallExpression(split) || !ts.isPropertyAccessExpression(split.expression) || split.expression.name.text !== 'split') return false;
  if (!split.arguments[0] || values.stringValues(split.arguments[0])?.[0] !== ':') return false;
  return derivesFromCredentialHeader(values, split.expression.expression, 0);
}

const BODY_READS = new Set(['json', 'parseBody', 'formData', 'text']);
const SCHEMA_PARSES = new Set(['parse', 'safeParse', 'parseAsync', 'safeParseAsync', 'validate', 'validateAsync']);

/**
 * Whether a value is the incoming request's body or query, as read (`req.body`, hono's
 * `c.req.json()`), as checked by a schema (`Schema.safeParse(req.body).data`), or as taken out
 * of the request by a helper given the request (`extractClientCredentials(req)`).
 */
function isRequestDerived(values: ValueResolver, expression: ts.Expression, depth: number): boolean {
  if (depth > 4) return false;
  const node = values.unwrap(expression);
  if (ts.isPropertyAccessExpression(node)) {
    if (/^(?:body|query)$/.test(node.name.text) && isRequestExpression(values, node.expression)) return true;
    if (/^(?:data|value)$/.test(node.name.text)) return isRequestDerived(values, node.expression, depth + 1);
    return false;
  }
  if (ts.isCallExpression(node)) {
    const callee = calleeOf(node.expression);
    const method = ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
    if (BODY_READS.has(method) && ts.isPropertyAccessExpression(callee) && isRequestExpression(values, callee.expression)) return true;
    if (node.arguments.some((argument) => isRequestExpression(values, argument))) return true;
    // parseBasic(ctx.get('authorization')): credentials a helper decoded out of the credential header
    if (node.arguments.some((argument) => isCredentialHeaderRead(values, argument))) return true;
    if (SCHEMA_PARSES.has(method)) return node.arguments.some((argument) => isRequestDerived(values, argument, depth + 1));
    return false;
  }
  if (ts.isIdentifier(node)) return values.origins(node).some((origin) => origin !== node && isRequestDerived(values, origin, depth + 1));
  return false;
}

/** The value is the secret the server expects: configuration, a stored credential (secret-named), or an HMAC it computed. */
function isExpected(values: ValueResolver, node: ts.Expression, depth = 0): boolean {
  // `Bearer ${process.env.SECRET}`: a template around the expected secret is the expected value.
  // Nested templates, fallbacks and concatenations are followed a few levels, not around cycles.
  if (depth > 4) return false;
  if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => isExpected(values, values.unwrap(span.expression), depth + 1));
  // process.env.MCP_TOKEN ?? '': the fallback of a configured secret is no other value to compare with
  if (ts.isBinaryExpression(node) && /^(?:\?\?|\|\|)$/.test(node.operatorToken.getText()) && depth < 3) return isExpected(values, values.unwrap(node.left), depth + 1);
  // 'Bearer ' + process.env.MCP_TOKEN
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && depth < 3) {
    return isExpected(values, values.unwrap(node.left), depth + 1) || isExpected(values, values.unwrap(node.right), depth + 1);
  }
  // `keys.some((key) => key === presented)`: the callback's parameter is each configured secret.
  if (ts.isIdentifier(node) && depth === 0) {
    const list = listOfCallbackParameter(values, node);
    if (list && isExpectedList(values, list, 0)) return true;
  }
  if (/^process\.env\./.test(dottedName(node))) return true; // configuration: the value the server expects
  if (isSecretName(nameOf(values, node))) return true;
  // a helper's parameter: the expected secret when its callers pass one (`same(a, b)` called with
  // `process.env.KEY`); a constant read from configuration (`const METRICS_PASS = process.env.METRICS_PASS`)
  const kind = depth <= 2 && ts.isIdentifier(node) ? values.declarationOf(node)?.kind : undefined;
  if (kind === 'parameter' || kind === 'variable') {
    return values.origins(node).some((origin) => origin !== node && isExpected(values, values.unwrap(origin), depth + 1));
  }
  return isHmac(values, node);
}

const LIST_SEARCHES = new Set(['some', 'find', 'findIndex', 'filter', 'every', 'findLast']);

/** The array a callback parameter walks: `key` of `apiKeys.some((key) => …)`. */
function listOfCallbackParameter(values: ValueResolver, identifier: ts.Identifier): ts.Expression | undefined {
  const declaration = values.declarationOf(identifier);
  if (declaration?.kind !== 'parameter' || declaration.path || !ts.isParameter(declaration.node)) return undefined;
  const fn = declaration.node.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== declaration.node) return undefined;
  const call = fn.parent;
  if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression) || !LIST_SEARCHES.has(call.expression.name.text)) return undefined;
  return call.expression.expression;
}

const LIST_STEPS = new Set(['split', 'map', 'filter', 'trim', 'concat', 'slice']);

/**
 * A list of the secrets the server accepts: read from configuration and cut into items
 * (`(process.env.MCP_KEYS || '').split(',').map(trim).filter(Boolean)`), or a literal list of them.
 */
function isExpectedList(values: ValueResolver, expression: ts.Expression, depth: number): boolean {
  if (depth > 6) return false;
  const node = values.unwrap(expression);
  if (/^process\.env\./.test(dottedName(node))) return true;
  if (ts.isArrayLiteralExpression(node)) return node.elements.length > 0 && node.elements.every((element) => !ts.isSpreadElement(element) && isExpected(values, values.unwrap(element), 1));
  if (ts.isBinaryExpression(node) && /^(?:\|\||\?\?)$/.test(node.operatorToken.getText())) return isExpectedList(values, node.left, depth + 1);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && LIST_STEPS.has(node.expression.name.text)) return isExpectedList(values, node.expression.expression, depth + 1);
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    if (declaration?.kind !== 'variable' || !declaration.initializer || declaration.path) return false;
    return isExpectedList(values, declaration.initializer, depth + 1);
  }
  return false;
}

/** Names of the lists of keys a server accepts (`apiKeys`, `validKeys`, `allowedTokens`), not of spent or revoked ones. */
const ACCEPTED_KEYS = /(?:^|[a-z_])(?:api_?keys|keys|tokens|secrets)$/i;
const NOT_ACCEPTED = /revoked|used|seen|block|expired|deny|denied|old|spent|invalid/i;

function namesAcceptedKeys(values: ValueResolver, expression: ts.Expression, depth: number): boolean {
  if (depth > 3) return false;
  const node = values.unwrap(expression);
  const name = nameOf(values, node);
  if (name && ACCEPTED_KEYS.test(name) && !NOT_ACCEPTED.test(name)) return true;
  if (ts.isBinaryExpression(node) && /^(?:\|\||\?\?)$/.test(node.operatorToken.getText())) return namesAcceptedKeys(values, node.left, depth + 1);
  if (ts.isIdentifier(node)) {
    const declaration = values.declarationOf(node);
    if (declaration?.kind === 'variable' && declaration.initializer && !declaration.path) return namesAcceptedKeys(values, declaration.initializer, depth + 1);
  }
  return false;
}

/**
 * `validKeys.includes(presented)`: `Array#includes` compares each configured secret with '==='
 * semantics, stopping at the first differing character of each.
 */
export function listIncludesComparison(values: ValueResolver, flow: IncomingTokenFlow, call: ts.CallExpression): SecretComparison | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'includes' || call.arguments.length !== 1) return undefined;
  const presented = values.unwrap(call.arguments[0]!);
  if (isInert(values, presented)) return undefined;
  // `validKeys.includes(req.header('x-api-key'))`: a list named as the accepted keys, wherever it is configured,
  // searched for a value read from a credential header.
  const namedList = !isExpectedList(values, callee.expression, 0) && namesAcceptedKeys(values, callee.expression, 0) && derivesFromCredentialHeader(values, presented, 0);
  if (!namedList && (!isExpectedList(values, callee.expression, 0) || !isPresented(values, flow, presented))) return undefined;
  if (isHashed(values, presented)) return undefined;
  return { node: call, presented, expected: callee.expression, operator: '.includes()' };
}

export function secretComparison(values: ValueResolver, flow: IncomingTokenFlow, binary: ts.BinaryExpression): SecretComparison | undefined {
  if (!EQUALITY.has(binary.operatorToken.kind)) return undefined;
  const characters = earlyExitCharacterCompare(values, binary);
  if (characters) return compareSides(values, flow, binary, characters[0], characters[1], `${binary.operatorToken.getText()} per character`);
  return compareSides(values, flow, binary, binary.left, binary.right, binary.operatorToken.getText());
}

/** `a[i]`, `a.charAt(i)`, `a.charCodeAt(i)`: one character of `a` at a variable position. */
function characterOf(values: ValueResolver, side: ts.Expression): { base: ts.Expression; index: string } | undefined {
  const node = values.unwrap(side);
  if (ts.isElementAccessExpression(node)) {
    const index = values.unwrap(node.argumentExpression);
    if (ts.isStringLiteralLike(index) || ts.isNumericLiteral(index)) return undefined;
    return { base: node.expression, index: index.getText() };
  }
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && /^(?:charAt|charCodeAt|codePointAt)$/.test(node.expression.name.text) && node.arguments.length === 1) {
    const index = values.unwrap(node.arguments[0]!);
    if (ts.isNumericLiteral(index)) return undefined;
    return { base: node.expression.expression, index: index.getText() };
  }
  return undefined;
}

function exitsEarly(statement: ts.Statement): boolean {
  const first = ts.isBlock(statement) ? statement.statements[0] : statement;
  return first !== undefined && (ts.isReturnStatement(first) || ts.isBreakStatement(first));
}

/**
 * `if (a[i] !== b[i]) return false` inside a loop (or `while (a[i] === b[i])`): a hand-written
 * compare that stops at the first differing character, as '===' does. The whole values are
 * the compared sides; an accumulating compare (`diff |= a[i] ^ b[i]`) is no equality and stays silent.
 */
function earlyExitCharacterCompare(values: ValueResolver, binary: ts.BinaryExpression): [ts.Expression, ts.Expression] | undefined {
  const left = characterOf(values, binary.left);
  const right = characterOf(values, binary.right);
  if (!left || !right || left.index !== right.index) return undefined;
  let condition: ts.Node = binary;
  while (ts.isParenthesizedExpression(condition.parent) || (ts.isBinaryExpression(condition.parent) && /^(?:&&|\|\|)$/.test(condition.parent.operatorToken.getText()))) condition = condition.parent;
  const holder = condition.parent;
  const inLoop = (node: ts.Node): boolean => {
    for (let current = node.parent; current && !ts.isFunctionLike(current); current = current.parent) if (ts.isIterationStatement(current, false)) return true;
    return false;
  };
  if (ts.isIfStatement(holder) && holder.expression === condition && exitsEarly(holder.thenStatement) && inLoop(holder)) return [left.base, right.base];
  if ((ts.isWhileStatement(holder) || ts.isDoStatement(holder)) && holder.expression === condition) return [left.base, right.base];
  if (ts.isForStatement(holder) && holder.condition === condition) return [left.base, right.base];
  return undefined;
}

/**
 * `presented.equals(expected)` on Buffers: `Buffer#equals` compares byte by byte and returns at
 * the first difference, exactly as `===` does; only `crypto.timingSafeEqual` does not.
 */
export function bufferEqualsComparison(values: ValueResolver, flow: IncomingTokenFlow, call: ts.CallExpression): SecretComparison | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'equals' || call.arguments.length !== 1) return undefined;
  return compareSides(values, flow, call, callee.expression, call.arguments[0]!, '.equals()');
}

/** `authorization.endsWith(process.env.SECRET)`: a string search for the secret stops at the first differing character too. */
export function affixComparison(values: ValueResolver, flow: IncomingTokenFlow, call: ts.CallExpression): SecretComparison | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || !/^(?:endsWith|startsWith)$/.test(callee.name.text) || call.arguments.length !== 1) return undefined;
  const found = compareSides(values, flow, call, callee.expression, call.arguments[0]!, `.${callee.name.text}()`);
  // Only the presented value searched for the expected one: `expected.startsWith(presented)` is rarer and other code.
  return found && found.presented === values.unwrap(callee.expression) ? found : undefined;
}

/**
 * State a browser page keeps (`globalThis._csrfToken`, `window.token`, `localStorage.token`): a
 * compare with it runs in the page, where the user already holds every value; it decides nothing
 * for a server.
 */
const BROWSER_STATE = /^(?:window|document|globalThis|self|localStorage|sessionStorage|navigator)$/;

function isBrowserState(values: ValueResolver, node: ts.Expression): boolean {
  let root = node;
  while (ts.isPropertyAccessExpression(root) || ts.isElementAccessExpression(root)) root = values.unwrap(root.expression);
  if (root === node) return false;
  return ts.isIdentifier(root) && BROWSER_STATE.test(root.text) && !values.declarationOf(root);
}

/**
 * `verifyAccessToken(token)` earlier in the function (or a function around it): the token's
 * signature was checked before it is looked up, so a forged guess never reaches the compare.
 */
function verifiedBefore(values: ValueResolver, presented: ts.Expression, at: ts.Node): boolean {
  if (!ts.isIdentifier(presented)) return false;
  const declaration = values.declarationOf(presented);
  if (!declaration) return false;
  for (let scope: ts.Node | undefined = at.parent; scope && !ts.isSourceFile(scope); scope = scope.parent) {
    if (!ts.isFunctionLike(scope) || !('body' in scope) || !scope.body) continue;
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || node.pos >= at.pos) return;
      if (ts.isCallExpression(node) && node.arguments[0] && ts.isIdentifier(node.arguments[0]) && values.declarationOf(node.arguments[0]) === declaration) {
        const method = dottedName(calleeOf(node.expression)).split('.').pop() ?? '';
        if (TOKEN_VERIFY_CALLS.has(method)) found = true;
      }
      ts.forEachChild(node, visit);
    };
    visit(scope.body);
    if (found) return true;
  }
  return false;
}

function compareSides(values: ValueResolver, flow: IncomingTokenFlow, node: ts.BinaryExpression | ts.CallExpression, leftSide: ts.Expression, rightSide: ts.Expression, operator: string): SecretComparison | undefined {
  const left = values.unwrap(leftSide);
  const right = values.unwrap(rightSide);
  if (isInert(values, left) || isInert(values, right)) return undefined;
  if (isBrowserState(values, left) || isBrowserState(values, right)) return undefined;
  // At least one side must be named or made as a secret; then one presented, the other expected.
  const secretish = (node: ts.Expression, depth = 0): boolean =>
    (depth === 0 && ts.isIdentifier(node) && values.declarationOf(node)?.kind === 'parameter' && values.origins(node).some((origin) => origin !== node && secretish(values.unwrap(origin), 1))) || (ts.isTemplateExpression(node) && node.templateSpans.some((span) => secretish(values.unwrap(span.expression)))) || isSecretName(nameOf(values, node)) || requestHeaderRead(values, node) !== undefined || isHmac(values, node) || /^process\.env\./.test(dottedName(node)) || (ts.isIdentifier(node) && isBasicPassword(values, node))
    || (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken && depth < 2 && (secretish(values.unwrap(node.left), depth + 1) || secretish(values.unwrap(node.right), depth + 1)))
    || (ts.isBinaryExpression(node) && /^(?:\?\?|\|\|)$/.test(node.operatorToken.getText()) && depth < 2 && secretish(values.unwrap(node.left), depth + 1));
  // `const auth = ctx.get('Authorization')` compared with what the server expects: the header's value under another name.
  // Asked last, and only against an expected value: following every compared name to a header is costly.
  const headerDerived = (side: ts.Expression, other: ts.Expression) =>
    ts.isIdentifier(side) && !isBasicPart(values, side, /^0$/) && isExpected(values, other) && derivesFromCredentialHeader(values, side, 0);
  if (!secretish(left) && !secretish(right) && !headerDerived(left, right) && !headerDerived(right, left)) return undefined;
  for (const [presented, expected] of [[left, right], [right, left]] as const) {
    // `payload.signature`, `params['hmac']` against the HMAC the function computes: the signature it was handed.
    if (!isPresented(values, flow, presented) && !(signatureOfParameter(values, presented) && isHmac(values, expected))) continue;
    // `clientSecrets[client_id] == client_secret`: the secret stored under the caller's id, looked up to be compared.
    const storedLookup = ts.isElementAccessExpression(expected) && !ts.isStringLiteralLike(values.unwrap(expected.argumentExpression)) && !ts.isNumericLiteral(values.unwrap(expected.argumentExpression))
      && SECRET_STORE.test(nameOf(values, values.unwrap(expected.expression)) ?? '') && isSecretName(nameOf(values, presented));
    if (!storedLookup && !isExpected(values, expected)) continue;
    if (isHashed(values, presented) || isHashed(values, expected)) return undefined;
    if (verifiedBefore(values, presented, node)) return undefined;
    return { node, presented, expected, operator };
  }
  return undefined;
}
