/**
 * How a resource server verifies the access tokens it receives: JWT signature checks (jose,
 * jsonwebtoken) and their audience option, and `verifyAccessToken` functions (the MCP SDK's
 * `OAuthTokenVerifier`, `ProxyOAuthServerProvider`) that introspect tokens.
 */
import { ts } from '../engine/typescript.js';
import { functionName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { propertyNameText } from '../engine/walk.js';
import { AUDIENCE_WORDS, JWT_VERIFIERS, type JwtVerifier } from '../knowledge/mcp-authorization.js';
import { normalisedModuleRefOf } from '../engine/modules.js';
import { calleeOf, IncomingTokenFlow } from './resource-server.js';

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

const ACCESS_TOKEN_NAME = /access_?token|bearer/i;
const OTHER_TOKEN_NAME = /id_?token|refresh|session|cookie|state|invite|magic|reset|webhook|csrf|code/i;
/** Functions that exist to check an incoming token: the SDK's `verifyAccessToken`, `verifyToken`/`validateToken` helpers, an auth handler's `authenticate`. */
const VERIFIER_FUNCTION = /^verifyAccessToken$/;
const TOKEN_CHECK_FUNCTION = /^(?:verify|validate)(?:Access|Bearer)?Token$|^authenticate(?:Request|Bearer|Token)?$/;
/** A helper that checks whom the token was issued to by its client (`verifyClientId(payload, expected)`, `validateAzp`): the recipient check some providers use instead of `aud`. */
const METADATA_POINTER = /resource_metadata|\/\.well-known\/oauth-protected-resource/;
const RECIPIENT_CHECK = /^(?:verify|validate|check|assert|ensure)\w*(?:ClientId|Azp|Audience|Recipient)$/i;

/** Calls that fetch a verification key from a remote key set (jwks-rsa and its relatives). */
const JWKS_KEY_CALL = /(?:^|\.)(?:getSigningKey|getPublicKey|getSigningKeys)$|jwks/i;

export interface JwtVerification {
  call: ts.CallExpression;
  verifier: JwtVerifier;
  /** 'missing': no options or options without the audience key; 'present'; 'unknown': options the resolver cannot read in full. */
  audience: 'missing' | 'present' | 'unknown';
}

/** A call of a known JWT verifier, with what is known of its audience option. */
export function jwtVerification(values: ValueResolver, call: ts.CallExpression): JwtVerification | undefined {
  const verifierOf = (ref: { module: string; path: string[] } | undefined) =>
    ref && JWT_VERIFIERS.find((candidate) => candidate.module === ref.module && candidate.names.includes(ref.path.join('.')));
  const verifier = verifierOf(normalisedModuleRefOf(calleeOf(call.expression), values)) ?? verifierOf(promisifiedRef(values, call.expression));
  if (!verifier) return undefined;
  const options = call.arguments[verifier.optionsIndex];
  if (!options || ts.isFunctionLike(values.unwrap(options))) return { call, verifier, audience: 'missing' };
  return { call, verifier, audience: optionVerdict(values, options, verifier.audienceOption) };
}

const PASSPORT_JWT: JwtVerifier = { module: 'passport-jwt', names: ['Strategy'], optionsIndex: 0, audienceOption: 'audience', keyOption: 'secretOrKey' };

function isPassportJwtStrategy(values: ValueResolver, expression: ts.Expression): boolean {
  const ref = normalisedModuleRefOf(calleeOf(expression), values);
  return ref?.module === 'passport-jwt' && ref.path.join('.') === 'Strategy';
}

/**
 * passport-jwt's strategy: `new JwtStrategy({ … }, verify)`, or NestJS's
 * `class JwtStrategy extends PassportStrategy(Strategy) { constructor() { super({ … }) } }`.
 */
export function passportJwtVerification(values: ValueResolver, node: ts.CallExpression | ts.NewExpression): JwtVerification | undefined {
  let strategy = false;
  if (ts.isNewExpression(node)) strategy = isPassportJwtStrategy(values, node.expression);
  else if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
    let cls: ts.Node | undefined = node.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    const base = cls && ts.isClassLike(cls) ? cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression : undefined;
    if (base) {
      const inner = values.unwrap(base);
      strategy = isPassportJwtStrategy(values, inner) || (ts.isCallExpression(inner) && !!inner.arguments[0] && isPassportJwtStrategy(values, inner.arguments[0]));
    }
  }
  const options = node.arguments?.[0];
  if (!strategy || !options) return undefined;
  return { call: node as ts.CallExpression, verifier: PASSPORT_JWT, audience: optionVerdict(values, options, PASSPORT_JWT.audienceOption) };
}

/** `const verifyJwt = promisify(jwt.verify)`: the promisified call is the library's, with its arguments where they were. */
function promisifiedRef(values: ValueResolver, callee: ts.Expression) {
  const node = values.unwrap(callee);
  if (!ts.isIdentifier(node)) return undefined;
  for (const origin of values.origins(node)) {
    const made = values.unwrap(origin);
    if (!ts.isCallExpression(made) || !/(?:^|\.)promisify$/.test(calleeOf(made.expression).getText()) || !made.arguments[0]) continue;
    const ref = normalisedModuleRefOf(made.arguments[0], values);
    if (ref) return ref;
  }
  return undefined;
}

function optionVerdict(values: ValueResolver, options: ts.Expression, key: string): JwtVerification['audience'] {
  const literal = values.origins(options).find(ts.isObjectLiteralExpression);
  if (!literal) return 'unknown';
  for (const property of literal.properties) {
    if (ts.isSpreadAssignment(property)) {
      // `...(config.audience !== undefined && { audience: config.audience })`: the audience is checked only when
      // someone configures one, and by default it is not (jose and jsonwebtoken skip the check without it).
      if (optionalOnly(values, property.expression, key)) continue;
      const spread = values.objectProperties(property.expression);
      if (!spread) return 'unknown';
      if (spread.has(key)) return 'present';
    } else if (property.name && propertyNameText(property.name) === key) return 'present';
    else if (property.name && ts.isComputedPropertyName(property.name)) return 'unknown';
  }
  return 'missing';
}

/** A spread that adds `key` only under a condition: `cond && { key }`, `cond ? { key } : {}`. */
function optionalOnly(values: ValueResolver, expression: ts.Expression, key: string): boolean {
  const node = values.unwrap(expression);
  const has = (side: ts.Expression) => {
    const object = values.unwrap(side);
    return ts.isObjectLiteralExpression(object) && object.properties.some((member) => !ts.isSpreadAssignment(member) && member.name !== undefined && propertyNameText(member.name) === key);
  };
  const empty = (side: ts.Expression) => {
    const object = values.unwrap(side);
    return (ts.isObjectLiteralExpression(object) && object.properties.length === 0) || object.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(object) && object.text === 'undefined');
  };
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return has(node.right);
  if (ts.isConditionalExpression(node)) return (has(node.whenTrue) && empty(node.whenFalse)) || (has(node.whenFalse) && empty(node.whenTrue));
  return false;
}

/** The innermost function around a node. */
export function enclosingFunction(node: ts.Node): FunctionNode | undefined {
  let current = node.parent;
  while (current) {
    if (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isArrowFunction(current) || ts.isMethodDeclaration(current)) return current;
    current = current.parent;
  }
  return undefined;
}

/** A statement that runs only on one side of a condition: an `if`'s then or else, a `case`. */
function isBranch(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isIfStatement(parent) && (parent.thenStatement === node || parent.elseStatement === node)) return true;
  return ts.isCaseClause(node) || ts.isDefaultClause(node);
}

/** Whether code checks an audience or resource itself: reads `aud`, names an audience, compares a resource. */
export function checksAudience(node: ts.Node | undefined, verification?: ts.Node): boolean {
  if (!node) return false;
  // Names and strings only: a comment that mentions the audience checks nothing.
  let found = false;
  const visit = (child: ts.Node): void => {
    if (found) return;
    // Before the verification, only code on its path counts: another issuer's branch that returned earlier checks nothing for it.
    // The verification's own options were judged already (an audience spread in only when configured is none);
    // a callback it is given (`jwt.verify(token, key, opts, (err, claims) => …)`) is still read.
    if (verification && child.parent === verification && child !== (verification as ts.CallExpression).expression && !ts.isFunctionLike(child)) return;
    if (verification && child.end <= verification.pos && isBranch(child) && !(child.pos <= verification.pos && verification.end <= child.end)) return;
    // Another verification's own `audience` option (a second issuer's branch) checks only that one.
    if (ts.isPropertyAssignment(child) && propertyNameText(child.name) === 'audience' && ts.isObjectLiteralExpression(child.parent) && ts.isCallExpression(child.parent.parent)) return;
    // A 401 challenge's `resource_metadata="…/.well-known/oauth-protected-resource"` names the resource and checks nothing.
    if (ts.isStringLiteralLike(child) && METADATA_POINTER.test(child.text)) return;
    // `{ resource: … }` of a metadata document or a returned AuthInfo names a field; only reads and values check.
    if (ts.isPropertyAssignment(child) && ts.isObjectLiteralExpression(child.parent)) {
      visit(child.initializer);
      return;
    }
    if ((ts.isIdentifier(child) || ts.isStringLiteralLike(child)) && (AUDIENCE_WORDS.test(child.text) || RECIPIENT_CHECK.test(child.text))) found = true;
    else ts.forEachChild(child, visit);
  };
  visit(node);
  return found;
}

/**
 * Whether a verification is a resource server's check of an access token: the token came from
 * the request, the key is a remote JWKS (tokens issued by someone else), the function is a
 * `verifyAccessToken`, or the token is named as an access token.
 */
export function verifiesAccessToken(values: ValueResolver, flow: IncomingTokenFlow, call: ts.CallExpression): boolean {
  const token = call.arguments[0];
  if (!token) return false;
  const tokenText = ts.isIdentifier(values.unwrap(token)) || ts.isPropertyAccessExpression(values.unwrap(token)) ? values.unwrap(token).getText() : '';
  if (OTHER_TOKEN_NAME.test(tokenText) && !ACCESS_TOKEN_NAME.test(tokenText)) return false;
  if (flow.sourceOf(token)) return true;
  if (ACCESS_TOKEN_NAME.test(tokenText)) return true;
  const key = call.arguments[1];
  if (key && values.origins(key).some((origin) => ts.isCallExpression(origin) && normalisedModuleRefOf(calleeOf(origin.expression), values)?.path.join('.') === 'createRemoteJWKSet')) return true;
  // A key fetched from an issuer's JWKS (`(await jwksClient.getSigningKey(kid)).getPublicKey()`): tokens someone else issued.
  if (key && values.origins(key).some((origin) => ts.isCallExpression(origin) && JWKS_KEY_CALL.test(calleeOf(origin.expression).getText()))) return true;
  for (let fn = enclosingFunction(call); fn; fn = enclosingFunction(fn)) {
    const name = functionName(fn);
    if (name && VERIFIER_FUNCTION.test(name)) return true;
    // A generic `verifyToken` that checks the server's own session JWTs (keyed by its session secret) is not about audiences.
    if (name && TOKEN_CHECK_FUNCTION.test(name)) return !(key && signsSessions(values, key));
  }
  return false;
}

/** Whether a verification key is the server's session-signing secret (`options.session.jwt.secret`). */
function signsSessions(values: ValueResolver, key: ts.Expression): boolean {
  const node = values.unwrap(key);
  const declared = ts.isIdentifier(node) ? values.declarationOf(node)?.initializer : undefined;
  return /session/i.test(node.getText()) || (!!declared && /session/i.test(declared.getText()));
}

/** A `verifyAccessToken` function (SDK verifier, proxy provider option, class method). */
export function isAccessTokenVerifier(fn: ts.Node): fn is FunctionNode {
  if (!(ts.isFunctionDeclaration(fn) || ts.isFunctionExpression(fn) || ts.isArrowFunction(fn) || ts.isMethodDeclaration(fn))) return false;
  const name = functionName(fn);
  return !!name && VERIFIER_FUNCTION.test(name);
}

/** Calls inside a function (not in nested functions' own verifiers) that send a token to an introspection endpoint. */
export function introspectionCalls(values: ValueResolver, fn: FunctionNode): ts.CallExpression[] {
  const found: ts.CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const first = node.arguments[0];
      const strings = first ? values.stringValues(first) : undefined;
      if (strings?.some((value) => /introspect/i.test(value.split(UNKNOWN).join('')))) found.push(node);
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/**
 * Where a verifier accepts an introspection result: its first test of `active` after the call
 * (`if (!data.active) throw …`), the line that should test the audience too. Undefined when it
 * never reads `active` (the call itself is reported then).
 */
export function introspectionAcceptance(fn: FunctionNode, call: ts.CallExpression): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (node.pos >= call.end && ((ts.isPropertyAccessExpression(node) && node.name.text === 'active') ||
        (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) && node.argumentExpression.text === 'active'))) {
      let statement: ts.Node = node;
      while (statement.parent && statement !== fn && !(ts.isStatement(statement) && !ts.isBlock(statement))) statement = statement.parent;
      found = statement === fn ? node : statement;
      return;
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/**
 * Whether a verification checks tokens this server signed itself: the key is a shared secret
 * (`this.authSecret`, `secrets[name]`, a helper that encodes `JWT_SECRET`) or the options allow
 * only HMAC algorithms. Such a token cannot have been issued for another service, unless the
 * secret is shared with one, which the code does not show; the audience adds nothing the rule can ask for.
 */
export function verifiesOwnTokens(values: ValueResolver, call: ts.CallExpression, verifier: JwtVerifier): boolean {
  const options = call.arguments[verifier.optionsIndex];
  const properties = options ? values.objectProperties(options) : undefined;
  const key = verifier.keyOption ? properties?.get(verifier.keyOption) : call.arguments[1];
  // An `issuer` option says the tokens come from an authorization server that may mint them for other services too.
  if (properties?.has('issuer')) return false;
  if (key) {
    const node = values.unwrap(key);
    const texts = [node.getText()];
    if (ts.isIdentifier(node)) {
      const initializer = values.declarationOf(node)?.initializer;
      if (initializer) texts.push(initializer.getText());
    }
    if (ts.isCallExpression(node)) {
      const helper = values.calledFunction(node);
      if (helper?.body) texts.push(helper.body.getText());
    }
    if (texts.some((text) => /secret/i.test(text) && !/public|jwks|certificate|\bpem\b/i.test(text))) return true;
  }
  const algorithms = properties?.get('algorithms');
  const names = algorithms && values.arrayElements(algorithms)?.map((element) => values.stringValues(element));
  return !!names?.length && names.every((values) => !!values?.length && values.every((name) => /^HS\d+$/.test(name)));
}
