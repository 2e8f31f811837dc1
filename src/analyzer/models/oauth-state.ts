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
/** `uuidv1()`, `uuid.v1()`, `v1()` imported from 'uuid' under its own name. */
const TIME_BASED_UUID = /^(?:uuid\.v1|uuidv1|uuidV1|v1)$/;
/** Calls that decode a value, which reads the state as data and checks nothing. */
const DECODERS = /^(?:JSON\.parse|atob|base64url\.decode|base64\.decode|querystring\.parse|qs\.parse)$/;
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
      // uuid's v1 is a timestamp and a node id: unique, not unguessable.
      else if (TIME_BASED_UUID.test(name)) weak ??= name;
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
    if (declaration?.kind !== 'variable' || !declaration.initializer || declaration.node.getSourceFile() !== file) return undefined;
    // `const state = randomString()`: the predictable call inside the helper is the line that changes.
    const initializer = values.unwrap(declaration.initializer);
    return (ts.isCallExpression(initializer) && predictableStateSite(values, initializer)) || declaration.node;
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

const LOG_CALL = /^(?:console|logger|log)\b|\.(?:log|debug|info|warn|error|trace)$/;

/** The name an expression is known by: `state`, `req.session.oauthState` → `oauthState`, `verifier`. */
function ownName(node: ts.Node): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  // `c.req.query('state')`, `url.searchParams.get('state')`, `getCookie(c, 'oauth_state')`
  if (ts.isCallExpression(node)) {
    const key = node.arguments.at(-1);
    return key && ts.isStringLiteralLike(key) && node.arguments.length <= 2 ? key.text : undefined;
  }
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) return node.argumentExpression.text;
  return undefined;
}

function isEmptyValue(node: ts.Expression): boolean {
  const bare = ts.isParenthesizedExpression(node) ? node.expression : node;
  return ts.isStringLiteralLike(bare) || ts.isNumericLiteral(bare) || bare.kind === ts.SyntaxKind.NullKeyword || bare.kind === ts.SyntaxKind.TrueKeyword ||
    bare.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(bare) && bare.text === 'undefined') || ts.isTypeOfExpression(bare);
}

/**
 * Where a state-or-PKCE-named value takes part in a check: compared with another value, handed to
 * a call (a lookup, a verifier, a library's `expectedState`), or named as an option of one. A test
 * that it is present (`!state`), a comparison with a literal, an error message or a log line is
 * not a check: the callback would accept any state the attacker sends.
 */
function usedAsCheck(node: ts.Node): boolean {
  let child = node;
  let parent = node.parent;
  // Look through wrappers that keep the value: `String(state)`, `state as string`, `(state)`, `state!`.
  while (parent && (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent) ||
      (ts.isCallExpression(parent) && ts.isIdentifier(parent.expression) && /^(?:String|decodeURIComponent)$/.test(parent.expression.text) && parent.arguments[0] === child) ||
      // `Buffer.from(state)` keeps the value: handed to `timingSafeEqual` it is compared, to `JSON.parse` it is read.
      (ts.isCallExpression(parent) && /^Buffer\.from$/.test(dottedName(calleeOf(parent.expression))) && parent.arguments[0] === child) ||
      (ts.isBinaryExpression(parent) && parent.left === child && (parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || parent.operatorToken.kind === ts.SyntaxKind.BarBarToken)) ||
      (ts.isPropertyAccessExpression(parent) && parent.expression === child && /^(?:toString|trim)$/.test(parent.name.text) && parent.parent && ts.isCallExpression(parent.parent)))) {
    child = ts.isPropertyAccessExpression(parent) ? parent.parent! : parent;
    parent = child.parent;
  }
  if (!parent) return false;
  if (ts.isBinaryExpression(parent)) {
    const kind = parent.operatorToken.kind;
    if (kind === ts.SyntaxKind.EqualsEqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsEqualsToken || kind === ts.SyntaxKind.EqualsEqualsToken || kind === ts.SyntaxKind.ExclamationEqualsToken) {
      const other = parent.left === child ? parent.right : parent.left;
      return !isEmptyValue(other);
    }
    return false;
  }
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.some((argument) => argument === child)) {
    const callee = dottedName(calleeOf(parent.expression));
    // `JSON.parse(Buffer.from(state, 'base64url'))`: the state read as data (a return address) is no check of it.
    return !LOG_CALL.test(callee) && !DECODERS.test(callee);
  }
  // `pending.get(state)` is an argument; `state.split('.')` then a signature check is the state's own method.
  if (ts.isPropertyAccessExpression(parent) && parent.expression === child && parent.parent && ts.isCallExpression(parent.parent) && parent.parent.expression === parent) {
    return !/^(?:length|toString|trim)$/.test(parent.name.text);
  }
  // A shorthand `{ state }` or `{ expectedState: … }` handed on.
  if (ts.isShorthandPropertyAssignment(parent) || (ts.isPropertyAssignment(parent) && parent.initializer === child)) return true;
  return false;
}

/** Whether a function checks state or PKCE anywhere: a named call (`verifyState(req)`), an option named so, or a named value used as a check. */
function checksStateOrPkce(fn: FunctionNode, values: ValueResolver): boolean {
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = calleeOf(node.expression);
      const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
      if (STATE_OR_PKCE.test(name) && !LOG_CALL.test(dottedName(callee))) {
        found = true;
        return;
      }
    }
    if (ts.isPropertyAssignment(node) && STATE_OR_PKCE.test(node.name.getText())) {
      found = true;
      return;
    }
    const name = (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) ? ownName(node) : undefined;
    if (name && (STATE_OR_PKCE.test(name) || holdsState(node)) && !(ts.isPropertyAccessExpression(node.parent) && node.parent.name === node) && usedAsCheck(node)) {
      found = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  // `const expected = req.session.gitlabState`, `const got = String(req.query.state ?? '')`: a variable named for its role holds the state.
  function holdsState(node: ts.Node): boolean {
    if (!ts.isIdentifier(node)) return false;
    const declaration = values.declarationOf(node);
    return declaration?.kind === 'variable' && !declaration.path && !!declaration.initializer && declaration.initializer.getWidth() < 200 && STATE_OR_PKCE.test(declaration.initializer.getText());
  }
  visit(fn);
  return found;
}

/** Where the handler redeems the code: the token request itself, or its call of a function that makes one. */
function redemptionIn(handler: FunctionNode, exchanges: readonly OAuthRequest[], calls: readonly ts.CallExpression[], exchangeFunctions: Map<FunctionNode, ts.Node>, values: ValueResolver): ts.Node | undefined {
  const inside = (node: ts.Node) => node.pos >= handler.pos && node.end <= handler.end && node.getSourceFile() === handler.getSourceFile();
  let best: ts.Node | undefined;
  const consider = (node: ts.Node) => {
    if (!best || node.getStart() < best.getStart()) best = node;
  };
  for (const exchange of exchanges) if (inside(exchange.node)) consider(exchange.node);
  for (const call of calls) {
    if (!inside(call)) continue;
    const called = values.calledFunction(call);
    if (called && exchangeFunctions.has(called) && !inside(called)) consider(call);
  }
  return best;
}

export interface StatelessCallback {
  /** The read of the authorization code from the request. */
  read: ts.Node;
  /** Where the code is redeemed: the line that needs a state check before it. */
  redemption: ts.Node;
  /** A test that `state` is present, standing in for the comparison it should be. */
  presence?: ts.Node;
}

/**
 * Callbacks that redeem an authorization code read from the request without checking state or
 * PKCE: the handler around a code exchange, or around a call of the local function that does it.
 * A callback that only names state (an error message, `if (!state)`, a log line) does not check it.
 */
export function callbacksWithoutState(values: ValueResolver, requests: readonly OAuthRequest[], calls: readonly ts.CallExpression[]): StatelessCallback[] {
  const exchanges = requests.filter((request) => request.kind === 'token' && (request.grantType === undefined || request.grantType === 'authorization_code') && request.pkce.status !== 'not-applicable');
  if (exchanges.length === 0) return [];
  const handlers = new Set<FunctionNode>();
  const exchangeFunctions = new Map<FunctionNode, ts.Node>();
  for (const exchange of exchanges) {
    const chain = enclosingFunctions(exchange.node);
    for (const fn of chain) handlers.add(fn);
    if (chain[0]) exchangeFunctions.set(chain[0], exchange.node);
  }
  for (const call of calls) {
    const called = values.calledFunction(call);
    if (called && exchangeFunctions.has(called)) for (const fn of enclosingFunctions(call)) handlers.add(fn);
  }
  const reported: StatelessCallback[] = [];
  for (const handler of handlers) {
    const read = codeRead(values, handler);
    if (!read || reported.some((callback) => callback.read === read)) continue;
    // The callback is the innermost function around the read that takes arguments and also redeems
    // the code: a parameterless retry wrapper (`() => fetch(…)`) sits inside it, and a loopback
    // listener's request handler inside the function that sends the PKCE verifier.
    const around = enclosingFunctions(read);
    const scopeIndex = around.findIndex((fn) => fn.parameters.length > 0 && redemptionIn(fn, exchanges, calls, exchangeFunctions, values) !== undefined);
    const chain = scopeIndex < 0 ? around : around.slice(0, scopeIndex + 1);
    if (chain.some((fn) => checksStateOrPkce(fn, values))) continue;
    const callback = chain.at(-1) ?? handler;
    const presence = chain.map(presenceOnlyTest).find((node) => node !== undefined);
    const redemption = redemptionIn(callback, exchanges, calls, exchangeFunctions, values);
    reported.push({ read, redemption: redemption ? statementOf(redemption, callback) : read, presence });
  }
  return reported;
}

/**
 * Callbacks that read the authorization code and hand it to a helper of another module that
 * redeems it (`exchangeCode(req.query.code)` where tokens.js posts `grant_type: 'authorization_code'`),
 * with no state check in the callback and no state or PKCE verifier in the helper.
 */
export function callbacksRedeemingInOtherModules(values: ValueResolver, calls: readonly ts.CallExpression[]): StatelessCallback[] {
  const found: StatelessCallback[] = [];
  for (const call of calls) {
    if (!call.arguments.length || !values.comesFromScan(call.expression)) continue;
    const helper = values.calledFunction(call);
    if (!helper || !values.isInOtherFile(helper)) continue;
    const text = withoutComments(helper.getText());
    if (!/authorization_code/.test(text) || STATE_OR_PKCE.test(text)) continue;
    // A module that also builds the authorization request with no state at all is reported there, once.
    const moduleText = withoutComments(helper.getSourceFile().text);
    if (/response_type|\/authorize/.test(moduleText) && !/state/i.test(moduleText)) continue;
    const around = enclosingFunctions(call);
    const callback = around.find((fn) => fn.parameters.length > 0);
    if (!callback) continue;
    const read = codeRead(values, callback);
    if (!read || found.some((item) => item.read === read)) continue;
    const chain = around.slice(0, around.indexOf(callback) + 1);
    if (chain.some((fn) => checksStateOrPkce(fn, values))) continue;
    found.push({ read, redemption: statementOf(call, callback), presence: chain.map(presenceOnlyTest).find((node) => node !== undefined) });
  }
  return found;
}

/** Code without its comments (a comment that mentions state checks nothing). */
function withoutComments(text: string): string {
  // `//` after a colon is a URL ('https://…'), not a comment.
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
}

/** The statement a node belongs to inside a function (`const res = await fetch(…)`), where a finding reads best. */
function statementOf(node: ts.Node, fn: FunctionNode): ts.Node {
  for (let current: ts.Node | undefined = node; current && current !== fn; current = current.parent) {
    if (ts.isStatement(current) && !ts.isBlock(current)) return current;
  }
  return node;
}

/** `if (!code || !state)`: the statement where a state-named value is only tested for presence. */
function presenceOnlyTest(fn: FunctionNode): ts.Node | undefined {
  let found: ts.Node | undefined;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) {
      const operand = node.operand;
      const name = ownName(operand);
      if (name && STATE_OR_PKCE.test(name)) {
        found = statementOf(node, fn);
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  if (fn.body) visit(fn.body);
  return found;
}

/**
 * A state kept in a module-level `Map` or `Set` of this file that the callback looks up
 * (`pending.get(state)`, `issued.has(state)`) while nothing ever deletes an entry: every state
 * stays valid for as long as the process runs, so a captured one can be replayed.
 */
export function reusableStateLookups(values: ValueResolver, file: ts.SourceFile, callbacks: readonly ts.Node[]): ts.CallExpression[] {
  const stores = new Map<string, ts.VariableDeclaration>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const init = declaration.initializer && values.unwrap(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && init && ts.isNewExpression(init) && ts.isIdentifier(init.expression) && /^(?:Map|Set)$/.test(init.expression.text) && !init.arguments?.length) {
        stores.set(declaration.name.text, declaration);
      }
    }
  }
  if (stores.size === 0) return [];
  const consumed = new Set<string>();
  const escapes = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && stores.has(node.text) && node.parent !== stores.get(node.text)) {
      const parent = node.parent;
      if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
        if (/^(?:delete|clear)$/.test(parent.name.text)) consumed.add(node.text);
      } else escapes.add(node.text); // handed elsewhere (exported, passed on): its entries may be deleted there
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  for (const [name, declaration] of stores) {
    const statement = declaration.parent.parent;
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) escapes.add(name);
  }
  const lookups: ts.CallExpression[] = [];
  for (const callback of callbacks) {
    const handler = enclosingFunctions(callback)[0];
    if (!handler) continue;
    const find = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && ts.isIdentifier(node.expression.expression) && /^(?:get|has)$/.test(node.expression.name.text)) {
        const store = node.expression.expression.text;
        const key = node.arguments[0];
        if (stores.has(store) && !consumed.has(store) && !escapes.has(store) && key && /state/i.test(key.getText()) && !lookups.includes(node)) lookups.push(node);
      }
      ts.forEachChild(node, find);
    };
    find(handler);
  }
  return lookups;
}

/** Where a function reads `state` from the request and redeems a code: the callbacks whose state lookups are judged for single use. */
export function stateCheckingCallbacks(values: ValueResolver, requests: readonly OAuthRequest[]): ts.Node[] {
  const result: ts.Node[] = [];
  for (const request of requests) {
    if (request.kind !== 'token' || (request.grantType !== undefined && request.grantType !== 'authorization_code')) continue;
    if (enclosingFunctions(request.node).some((fn) => codeRead(values, fn))) result.push(request.node);
  }
  return result;
}

/** Calls whose result is the request the MCP client sent to this server: data, not a secret. */
const CLIENT_REQUEST_PARSERS = /^(?:parseAuthRequest)$/;
const ENCODERS = /^(?:btoa|encodeURIComponent|JSON\.stringify|Buffer\.from)$/;

/**
 * A state that only encodes data (`btoa(JSON.stringify(oauthReqInfo))`, the Cloudflare
 * workers-oauth-provider template): nothing in it is random, so an attacker can build the same
 * value, and the callback that decodes it cannot tell whether this browser started the flow.
 * Known only when every part is request data or a literal; anything unresolved keeps it silent.
 */
export function encodedDataState(values: ValueResolver, expression: ts.Expression): boolean {
  let encoded = false;
  let unknown = false;
  const visit = (value: ts.Expression, depth: number): void => {
    if (unknown || depth > MAX_DEPTH) {
      unknown = true;
      return;
    }
    const node = values.unwrap(value);
    if (ts.isStringLiteralLike(node) || ts.isNumericLiteral(node)) return;
    if (requestQueryRead(values, node) !== undefined) return; // what the client sent: data
    if (ts.isCallExpression(node)) {
      const name = dottedName(calleeOf(node.expression));
      const method = ts.isPropertyAccessExpression(node.expression) ? node.expression.name.text : '';
      if (ENCODERS.test(name)) {
        encoded = true;
        for (const argument of node.arguments.slice(0, 1)) visit(argument, depth + 1);
        return;
      }
      if (method === 'toString' && ts.isPropertyAccessExpression(node.expression)) {
        visit(node.expression.expression, depth + 1);
        return;
      }
      const last = name.split('.').at(-1) ?? '';
      if (CLIENT_REQUEST_PARSERS.test(last)) return;
      unknown = true;
      return;
    }
    if (ts.isAwaitExpression(node)) {
      visit(node.expression, depth + 1);
      return;
    }
    if (ts.isObjectLiteralExpression(node)) {
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property)) visit(property.initializer, depth + 1);
        else if (ts.isShorthandPropertyAssignment(property)) visit(property.name, depth + 1);
        else if (ts.isSpreadAssignment(property)) visit(property.expression, depth + 1);
        else unknown = true;
      }
      return;
    }
    if (ts.isIdentifier(node)) {
      const origins = values.origins(node).filter((origin) => origin !== node);
      if (origins.length === 0) {
        unknown = true;
        return;
      }
      for (const origin of origins) visit(origin, depth + 1);
      return;
    }
    unknown = true;
  };
  visit(expression, 0);
  return encoded && !unknown;
}

/**
 * Where an authorization request's parameters are written, when a redirect or `open` sends a URL
 * built from one `new URLSearchParams({ … })` of this file: the line that should gain `state`.
 */
export function parameterObjectSite(values: ValueResolver, request: ts.Node): ts.Node | undefined {
  const found: ts.Node[] = [];
  const visit = (expression: ts.Expression, depth: number): void => {
    if (depth > 4 || found.length > 1) return;
    const node = values.unwrap(expression);
    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) visit(span.expression, depth + 1);
      return;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      visit(node.left, depth + 1);
      visit(node.right, depth + 1);
      return;
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'toString') {
      visit(node.expression.expression, depth + 1);
      return;
    }
    if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URLSearchParams' && node.arguments?.length === 1 &&
        ts.isObjectLiteralExpression(values.unwrap(node.arguments[0]!)) && node.getSourceFile() === request.getSourceFile()) {
      if (!found.includes(node)) found.push(node);
      return;
    }
    if (ts.isIdentifier(node)) for (const origin of values.origins(node)) if (origin !== node) visit(origin, depth + 1);
  };
  if (ts.isCallExpression(request)) for (const argument of request.arguments) visit(argument, 0);
  else if (ts.isTemplateExpression(request) || ts.isBinaryExpression(request)) visit(request, 0);
  if (found.length !== 1) return undefined;
  const declaration = found[0]!.parent;
  return ts.isVariableDeclaration(declaration) ? declaration : found[0];
}

/**
 * An authorization URL that is only shown to the user (logged, printed, or put in an error's
 * text) or requested by the server itself (a headless login that follows the redirects with its
 * own HTTP client), in a file that never reads a code from an incoming request: a copy-paste flow,
 * where the user types the code back (or sets it in the environment), or a preview of a URL another
 * module sends. No forged callback can reach such a flow, so a missing `state` is not this rule's finding.
 */
export function onlyShownToUser(values: ValueResolver, request: ts.Node): boolean {
  const file = request.getSourceFile();
  let holder: ts.Node = request;
  while (holder.parent && (ts.isAwaitExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent))) holder = holder.parent;
  const declaration = holder.parent;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return false;
  const name = declaration.name.text;
  let shownOnly = true;
  let uses = 0;
  let readsCode = false;
  const visit = (node: ts.Node): void => {
    if (!shownOnly) return;
    if (!readsCode && (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) && requestQueryRead(values, node) === 'code') readsCode = true;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.name && values.declarationOf(node)?.node === declaration) {
      uses++;
      if (!shownToUser(node)) shownOnly = false;
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return shownOnly && uses > 0 && !readsCode;
}

const TEXT_STEPS = /^(?:encodeURI|encodeURIComponent|String)$|\.(?:toString|trim)$/;
/** `client.get(url)`, `fetch(url)`, `axios.get(url)`: the server requests the URL itself, no browser is involved. */
const HTTP_CLIENT_CALL = /^(?:fetch|axios|got|request|needle)$|\.(?:get|post|request)$/;

function shownToUser(reference: ts.Node): boolean {
  // `url = next` in a redirect-following loop writes the variable, it does not send it anywhere.
  if (ts.isBinaryExpression(reference.parent) && reference.parent.left === reference && reference.parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
  for (let current: ts.Node | undefined = reference.parent; current; current = current.parent) {
    if (ts.isCallExpression(current)) {
      const callee = dottedName(calleeOf(current.expression));
      if (TEXT_STEPS.test(callee)) continue;
      if (LOG_CALL.test(callee) || /^process\.(?:stdout|stderr)\.write$/.test(callee)) return true;
      if (HTTP_CLIENT_CALL.test(callee) && current.arguments[0] === reference) return true;
      return false; // handed to something else: opened, redirected to, returned to a caller
    }
    if (ts.isNewExpression(current) && ts.isIdentifier(current.expression) && /Error$/.test(current.expression.text)) return true;
    if (ts.isStatement(current) || ts.isFunctionLike(current)) return false;
  }
  return false;
}

/**
 * A URL builder whose caller hands it the state: a parameter or an option destructured from one
 * named `state` (`const { prompt, state } = options`), typically written into the URL only when
 * given. Whether the flow has a state is the caller's choice, which this function cannot see.
 */
export function callerSuppliesState(request: ts.Node): boolean {
  for (const fn of enclosingFunctions(request)) {
    let found = false;
    const visit = (node: ts.Node): void => {
      if (found || (node !== fn && ts.isFunctionLike(node))) return;
      if ((ts.isParameter(node) || ts.isBindingElement(node)) && ts.isIdentifier(node.name) && /^(?:state|oauthState|authState)$/.test(node.name.text)) found = true;
      else ts.forEachChild(node, visit);
    };
    for (const parameter of fn.parameters) visit(parameter);
    if (fn.body) visit(fn.body);
    if (found) return true;
  }
  return false;
}
