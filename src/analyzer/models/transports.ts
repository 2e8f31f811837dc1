/**
 * The MCP SDK's HTTP server transports and what stands between them and a DNS-rebinding page:
 * the transport's own `enableDnsRebindingProtection`, the SDK's Host-validating express helpers,
 * an Origin or Host check of the code's own, or authentication a browser page cannot supply.
 * And where the server listens: a loopback or every-interface bind is what a rebinding reaches.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import type { ScanView } from '../engine/context.js';
import { normalisePath, relativeCandidates } from '../engine/specifiers.js';
import { importedModules } from '../engine/modules.js';
import {
  CREDENTIAL_REQUEST_HEADERS,
  HOST_VALIDATING_HELPERS,
  HTTP_SERVER_TRANSPORTS,
  LOCAL_OR_ANY_HOSTS,
  LOOPBACK_HOSTS,
  NOT_GUARD_WORDS,
  REFUSAL_STATUSES,
  REQUEST_GUARD_OBJECTS,
  REQUEST_GUARD_VERBS,
  REQUEST_GUARD_WORDS,
} from '../knowledge/mcp-authorization.js';
import { splitWords } from './credentials.js';
import { forEachDescendant } from './protection.js';
import { calleeOf, isRequestExpression, requestHeaderRead } from './resource-server.js';

export type TransportProtection = 'enabled' | 'missing' | 'unknown';

/** A construction of an SDK HTTP server transport, with what its options say about DNS-rebinding protection. */
export function httpTransport(values: ValueResolver, node: ts.NewExpression): { name: string; protection: TransportProtection; switchedOff?: ts.Node } | undefined {
  const name = importedClassName(values, calleeOf(node.expression));
  const optionsIndex = HTTP_SERVER_TRANSPORTS.get(name);
  if (optionsIndex === undefined) return undefined;
  const options = node.arguments?.[optionsIndex];
  if (!options) return { name, protection: 'missing' };
  const literal = optionObjects(values, options).find(ts.isObjectLiteralExpression);
  if (!literal) return { name, protection: 'unknown' };
  const properties = values.objectProperties(literal);
  if (!properties) return { name, protection: 'unknown' };
  const written = literal.properties.find((property) => property.name && ts.isIdentifier(property.name) && property.name.text === 'enableDnsRebindingProtection');
  for (const property of literal.properties) {
    if (!ts.isSpreadAssignment(property)) continue;
    // `...(hosts.length ? { enableDnsRebindingProtection: true, allowedHosts } : {})`: one arm leaves it off.
    if (!written && spreadLeavesFlagOff(values, property.expression)) return { name, protection: 'missing' };
    if (!values.objectProperties(property.expression)) return { name, protection: 'unknown' };
  }
  const flag = properties.get('enableDnsRebindingProtection');
  if (!flag) return { name, protection: 'missing' };
  const unwrapped = values.unwrap(flag);
  // `enableDnsRebindingProtection: false`: the line a reviewer changes is the flag, not the constructor.
  if (unwrapped.kind === ts.SyntaxKind.FalseKeyword) return { name, protection: 'missing', ...(written ? { switchedOff: written } : {}) };
  // The SDK checks Host and Origin only against the lists it is given: on with neither list checks nothing.
  if (unwrapped.kind === ts.SyntaxKind.TrueKeyword) return { name, protection: properties.has('allowedHosts') || properties.has('allowedOrigins') ? 'enabled' : 'missing' };
  // `config.enableDnsRebindingProtection ?? false`, a settings field that defaults to false: off unless
  // someone configures it, which is how it runs for whoever starts the server with the defaults.
  if (defaultsToFalse(values, flag)) return { name, protection: 'missing', ...(written ? { switchedOff: written } : {}) };
  return { name, protection: 'unknown' };
}

/** The class a constructor names, through a renaming import (`import { StreamableHTTPServerTransport as Transport }`). */
function importedClassName(values: ValueResolver, callee: ts.Expression): string {
  const written = dottedName(callee).split('.').pop() ?? '';
  if (!ts.isIdentifier(callee)) return written;
  const declaration = values.declarationOf(callee);
  const specifier = declaration?.node;
  if (specifier && ts.isImportSpecifier(specifier) && specifier.propertyName) return specifier.propertyName.text;
  return written;
}

/** The objects an options argument may be: its origins, and what an in-file function that builds it returns. */
function optionObjects(values: ValueResolver, options: ts.Expression): ts.Expression[] {
  const found: ts.Expression[] = [];
  for (const origin of values.origins(options)) {
    const unwrapped = values.unwrap(origin);
    const fn = ts.isCallExpression(unwrapped) ? values.calledFunction(unwrapped) : undefined;
    if (fn) for (const returned of values.returnedExpressions(fn)) found.push(...values.origins(returned).map((value) => values.unwrap(value)));
    else found.push(unwrapped);
  }
  return found;
}

/** Whether a value's possible origins include a literal `false` (a default), and none is a literal `true`. */
function defaultsToFalse(values: ValueResolver, flag: ts.Expression): boolean {
  const origins = values.origins(flag).map((origin) => values.unwrap(origin));
  return origins.some((origin) => origin.kind === ts.SyntaxKind.FalseKeyword) && !origins.some((origin) => origin.kind === ts.SyntaxKind.TrueKeyword);
}

/** A spread whose possible objects include one without the flag, beside one that switches it on. */
function spreadLeavesFlagOff(values: ValueResolver, spread: ts.Expression): boolean {
  const objects = values.origins(spread).map((origin) => values.unwrap(origin));
  if (objects.length < 2 || !objects.every(ts.isObjectLiteralExpression)) return false;
  const flags = objects.map((object) => values.objectProperties(object)?.get('enableDnsRebindingProtection'));
  return flags.some((flag) => flag === undefined) && flags.some((flag) => flag !== undefined);
}

/** The module a binding is imported (or required) from: `import http from 'node:http'`, `const { createServer } = require('http')`. */
function moduleOfBinding(values: ValueResolver, identifier: ts.Identifier): string | undefined {
  const declaration = values.declarationOf(identifier);
  if (!declaration) return undefined;
  for (let node: ts.Node | undefined = declaration.node; node && !ts.isSourceFile(node); node = node.parent) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) return node.moduleSpecifier.text;
  }
  const initializer = declaration.initializer && values.unwrap(declaration.initializer);
  if (initializer && ts.isCallExpression(initializer) && ts.isIdentifier(initializer.expression) && initializer.expression.text === 'require' && initializer.arguments[0] && ts.isStringLiteral(initializer.arguments[0])) return initializer.arguments[0].text;
  return undefined;
}

/** MCP methods a hand-written JSON-RPC endpoint dispatches on. */
const MCP_TOOL_METHODS = new Set(['tools/call', 'tools/list']);

/**
 * `http.createServer(handler)` whose handler itself answers MCP JSON-RPC (dispatches on
 * 'tools/call'/'tools/list' and 'initialize' or builds 'jsonrpc' replies): an MCP endpoint with
 * no SDK transport, so no SDK option could validate Host or Origin for it. A handler that hands
 * the request to something else (an SDK transport, a framework) is left to those models.
 */
export function handWrittenJsonRpcEndpoint(values: ValueResolver, call: ts.CallExpression): boolean {
  const callee = calleeOf(values.unwrap(call.expression));
  const receiver = ts.isPropertyAccessExpression(callee) ? values.unwrap(callee.expression) : undefined;
  const named = ts.isPropertyAccessExpression(callee) ? callee.name : ts.isIdentifier(callee) ? callee : undefined;
  if (!named || named.text !== 'createServer') return false;
  const binding = receiver ? (ts.isIdentifier(receiver) ? receiver : undefined) : ts.isIdentifier(callee) ? callee : undefined;
  if (!binding || !/^(?:node:)?http$/.test(moduleOfBinding(values, binding) ?? '')) return false;
  const last = call.arguments[call.arguments.length - 1];
  if (!last) return false;
  const handler = values.origins(last).map((origin) => values.unwrap(origin)).find((origin) => ts.isFunctionLike(origin) || ts.isFunctionDeclaration(origin)) ??
    (ts.isIdentifier(last) ? values.declarationOf(last)?.node : undefined);
  if (!handler || !ts.isFunctionLike(handler)) return false;
  let toolMethod = false;
  let rpcShape = false;
  const visit = (node: ts.Node): void => {
    if (toolMethod && rpcShape) return;
    if (ts.isStringLiteralLike(node)) {
      if (MCP_TOOL_METHODS.has(node.text)) toolMethod = true;
      else if (node.text === 'initialize' || node.text === 'jsonrpc') rpcShape = true;
    } else if (ts.isIdentifier(node) && node.text === 'jsonrpc' && node.parent && ts.isPropertyAssignment(node.parent)) rpcShape = true;
    ts.forEachChild(node, visit);
  };
  visit(handler);
  return toolMethod && rpcShape;
}

export interface FileProtection {
  name: string;
  /**
   * The branch of an `if` (or `?:`) a mounted guard is set up in (`if (!options.disableAuth)
   * app.use('/mcp', authenticate)`): it protects only transports set up in the same branch.
   */
  branch?: ts.Node;
}

/** What in a file protects an HTTP transport on its own terms: a Host-validating helper, an Origin/Host check, or authentication. */
export function fileProtection(values: ValueResolver, node: ts.Node): FileProtection | undefined {
  if (ts.isCallExpression(node)) {
    const name = dottedName(calleeOf(node.expression)).split('.').pop() ?? '';
    const mounted =
      (HOST_VALIDATING_HELPERS.has(name) && (name !== 'createMcpExpressApp' || !unprotectedExpressHelper(values, node)) ? name : undefined) ??
      (name === 'requireBearerAuth' || name === 'mcpAuthRouter' || name === 'mcpAuthMetadataRouter' ? name : undefined) ??
      mountedRequestGuard(values, node);
    if (mounted) return { name: mounted, branch: conditionalBranch(node) };
    const gate = refusalGate(values, node);
    if (gate) return { name: gate };
  }
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node) || ts.isCallExpression(node)) {
    const header = requestHeaderRead(values, node as ts.Expression);
    // An Authorization read is not counted: code that reads it often lets requests without one through.
    // Nor is a Host read that only builds a URL (`new URL(req.url, `http://${req.headers.host}`)`).
    if ((header === 'origin' || header === 'host') && readAsCheck(values, node as ts.Expression)) return { name: `${header} header` };
  }
  return undefined;
}

/** Callee names that test a value: `allowed.includes(origin)`, `origin.startsWith(…)`, `isAllowedHost(host)`. */
const CHECKING_CALL = /^(?:includes|has|test|match|matches|startsWith|endsWith|indexOf|some|every|find|get|check|valid|allow|verify|is|assert|ensure|reject|deny|compare|equal)/i;

/** Operators that compare: a header compared with anything is being checked. */
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

/**
 * Whether a header read is used to decide something: compared, tested, passed to a check, or a
 * condition, directly or through the variable it initialises. A read that only goes into a
 * string, a URL or a log decides nothing.
 */
function readAsCheck(values: ValueResolver, read: ts.Expression, depth = 0): boolean {
  let node: ts.Node = read;
  // `(req.headers.host || 'localhost')`, `origin?.toLowerCase()`, `host as string`.
  for (;;) {
    const parent: ts.Node = node.parent;
    if (ts.isParenthesizedExpression(parent) || ts.isAsExpression(parent) || ts.isNonNullExpression(parent) || ts.isTypeAssertionExpression(parent)) node = parent;
    else if (ts.isBinaryExpression(parent) && (parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) node = parent;
    else if (ts.isPropertyAccessExpression(parent) && parent.expression === node && ts.isCallExpression(parent.parent) && parent.parent.expression === parent && !CHECKING_CALL.test(parent.name.text)) node = parent.parent;
    else break;
  }
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    if (COMPARISONS.has(parent.operatorToken.kind)) return true;
    if (parent.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) return true;
  }
  if (ts.isPrefixUnaryExpression(parent) && parent.operator === ts.SyntaxKind.ExclamationToken) return true;
  if ((ts.isIfStatement(parent) || ts.isWhileStatement(parent)) && parent.expression === node) return true;
  if (ts.isConditionalExpression(parent) && parent.condition === node) return true;
  if (ts.isSwitchStatement(parent) || ts.isCaseClause(parent)) return true;
  // `allowed.includes(origin)`, `validateOrigin(origin)`, `origin.startsWith('http://localhost')`.
  if (ts.isCallExpression(parent) && parent.arguments.includes(node as ts.Expression)) {
    const name = dottedName(calleeOf(parent.expression)).split('.').pop() ?? '';
    return CHECKING_CALL.test(name) || name === '';
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === node) return CHECKING_CALL.test(parent.name.text);
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name) && depth < 2) {
    return values.usesOf(parent.name).some((use) => readAsCheck(values, use, depth + 1));
  }
  return false;
}

/** The function body (or file) a declaration's references can sit in. */
function findScope(node: ts.Node): ts.Node {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
  }
  return node.getSourceFile();
}

/**
 * `createMcpExpressApp(options)`: the SDK validates Host by itself for a loopback host (its
 * default) or with `allowedHosts`; bound to every interface without `allowedHosts`, it does not.
 */
export function unprotectedExpressHelper(values: ValueResolver, call: ts.CallExpression): string | undefined {
  if ((dottedName(calleeOf(call.expression)).split('.').pop() ?? '') !== 'createMcpExpressApp') return undefined;
  const options = call.arguments[0];
  if (!options) return undefined;
  const properties = values.objectProperties(options);
  if (!properties || properties.has('allowedHosts')) return undefined;
  const host = properties.get('host');
  if (!host) return undefined;
  // The SDK validates Host by itself only for a loopback host; any other host it is told (every
  // interface, a LAN address, `host: null`) without `allowedHosts` leaves the app unprotected.
  if (values.unwrap(host).kind === ts.SyntaxKind.NullKeyword) return 'null';
  const hosts = values.stringValues(host);
  if (!hosts?.length || hosts.some((value) => value.includes(UNKNOWN) || LOOPBACK_HOSTS.has(value))) return undefined;
  return hosts[0];
}

/** The host a server listens on when that is loopback or every interface: `app.listen(port)`, `listen(port, '0.0.0.0')`, `listen({ port, host })`, hono's `serve({ fetch, port })`. */
export function localOrAnyListen(values: ValueResolver, call: ts.CallExpression): string | undefined {
  const callee = calleeOf(values.unwrap(call.expression));
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : '';
  const first = call.arguments[0];
  if (!first) return undefined;
  if (name === 'listen' && ts.isPropertyAccessExpression(callee)) {
    const firstValue = values.unwrap(first);
    const options = ts.isObjectLiteralExpression(firstValue) ? values.objectProperties(firstValue) : undefined;
    if (options) {
      if (!options.has('port')) return undefined;
      const host = options.get('host');
      return host ? knownLocalHost(values, host) : 'its default host'; // node binds every interface, fastify localhost
    }
    if (!isPortLike(values, firstValue)) return undefined;
    const second = call.arguments[1];
    if (!second || ts.isFunctionLike(values.unwrap(second))) return 'every interface';
    return knownLocalHost(values, second);
  }
  if (name === 'serve') {
    const options = values.objectProperties(first);
    if (!options || !options.has('fetch')) return undefined;
    const host = options.get('hostname');
    return host ? knownLocalHost(values, host) : 'every interface';
  }
  return undefined;
}

/** Text that may start a server: `app.listen(`, `server.listen(`, hono's `serve(`. */
const STARTS_SERVER = /\.listen\s*\(|\bserve\s*\(/;

/** Per scan: the host each scanned path's importers listen on, when one listens on loopback or every interface. */
const importerListens = new WeakMap<object, Map<string, string>>();

/**
 * Where the server built in `path` listens when a module that imports it starts it:
 * `createApp()` exported from `transports/sse.js` and `(await createApp()).listen(PORT)` in
 * `server.js`. A module that listens on a local or any host and imports the file counts.
 */
export function importerListenHost(scan: ScanView, path: string): string | undefined {
  let byImported = importerListens.get(scan.key);
  if (!byImported) {
    const found = new Map<string, string>();
    importerListens.set(scan.key, found);
    scan.each(STARTS_SERVER, ({ path: importer, sourceFile, values }) => {
      let host: string | undefined;
      let guarded = false;
      const calls: ts.CallExpression[] = [];
      forEachDescendant(sourceFile, (node) => {
        // A guard the starting module mounts (an Origin check, authentication) protects what it starts.
        if ((ts.isCallExpression(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) && fileProtection(values, node)) guarded = true;
        if (ts.isCallExpression(node)) {
          host ??= localOrAnyListen(values, node);
          calls.push(node);
        }
        return true;
      });
      if (!host || guarded) return;
      for (const specifier of importedModules(sourceFile, calls)) for (const candidate of relativeCandidates(importer, specifier)) if (!found.has(candidate)) found.set(candidate, host);
    });
    byImported = found;
  }
  return byImported.get(normalisePath(path));
}

function isPortLike(values: ValueResolver, node: ts.Expression): boolean {
  if (ts.isNumericLiteral(node)) return true;
  const text = node.getText();
  return /port/i.test(text) || ((values.stringValues(node) ?? []).some((value) => /^\d+$/.test(value)));
}

function knownLocalHost(values: ValueResolver, host: ts.Expression): string | undefined {
  // `options?.hostname`: when the caller passes no options, the server binds its default host.
  const unwrapped = values.unwrap(host);
  if (ts.isPropertyAccessExpression(unwrapped) && unwrapped.questionDotToken && values.origins(unwrapped).every((origin) => origin === unwrapped)) return 'its default host';
  const strings = values.stringValues(host);
  const found = strings?.find((value) => !value.includes(UNKNOWN) && LOCAL_OR_ANY_HOSTS.has(value));
  if (!found) return undefined;
  return found === '0.0.0.0' || found === '::' || found === '[::]' ? 'every interface' : found;
}

/** Methods that mount an MCP endpoint (any verb: Streamable HTTP serves GET, POST and DELETE). */
const ENDPOINT_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'all']);

/** Whether a middleware's name says it lets through only authenticated or same-origin requests. */
export function isRequestGuardName(name: string): boolean {
  const words = splitWords(name);
  if (words.some((word) => NOT_GUARD_WORDS.has(word))) return false;
  if (words.some((word) => REQUEST_GUARD_WORDS.has(word))) return true;
  return words.some((word) => REQUEST_GUARD_VERBS.has(word)) && words.some((word) => REQUEST_GUARD_OBJECTS.has(word));
}

/**
 * A guard mounted in front of routes by name: `app.use(createOriginValidator())`,
 * `app.post('/mcp', requireBearer, handler)`. Guards are often imported from another file, whose
 * body this file does not show; their names are what the file says about them.
 */
function mountedRequestGuard(values: ValueResolver, call: ts.CallExpression): string | undefined {
  const callee = calleeOf(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (method !== 'use' && !ENDPOINT_METHODS.has(method)) return undefined;
  // A route's last argument is its handler; everything between the path and it is middleware.
  const middleware = method === 'use' ? call.arguments : call.arguments.slice(1, -1);
  for (const argument of middleware) {
    const node = values.unwrap(argument);
    const name = ts.isIdentifier(node) ? node.text : ts.isCallExpression(node) ? (dottedName(calleeOf(node.expression)).split('.').pop() ?? '') : '';
    if (name && isRequestGuardName(name)) return name;
  }
  return undefined;
}

/** `res.status(401)`, `res.sendStatus(403)`, `reply.code(401)`, `res.writeHead(403)`, hono's `c.json(body, 401)`. */
function refusalStatus(values: ValueResolver, call: ts.CallExpression): boolean {
  const callee = calleeOf(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return false;
  const method = callee.name.text;
  const index = method === 'status' || method === 'sendStatus' || method === 'code' || method === 'writeHead' ? 0 : method === 'json' || method === 'text' ? 1 : -1;
  const argument = index >= 0 ? call.arguments[index] : undefined;
  if (!argument) return false;
  const value = values.unwrap(argument);
  return ts.isNumericLiteral(value) && REFUSAL_STATUSES.has(Number(value.text));
}

/**
 * A request refused with 401/403 when a check of the request fails: `if (!validateRequest(req))
 * res.status(403)`, `if (req.get('Authorization') !== expected) res.status(401)`. A check of a
 * credential, Origin or Host that a rebinding page cannot pass stands between it and the server.
 */
function refusalGate(values: ValueResolver, call: ts.CallExpression): string | undefined {
  if (!refusalStatus(values, call)) return undefined;
  for (let node: ts.Node = call; node.parent && !ts.isFunctionLike(node); node = node.parent) {
    const parent = node.parent;
    if (ts.isIfStatement(parent) && parent.thenStatement === node && checksRequest(values, parent.expression, 0)) return 'a 401/403 request check';
  }
  return undefined;
}

/** Whether a condition reads a credential, Origin or Host header, or passes the request to a check (through local variables). */
function checksRequest(values: ValueResolver, condition: ts.Expression, depth: number): boolean {
  let found = false;
  forEachDescendant(condition, (node) => {
    if (found) return false;
    if (!ts.isExpression(node)) return true;
    const header = requestHeaderRead(values, node);
    if (header && (header === 'origin' || header === 'host' || header === 'cookie' || CREDENTIAL_REQUEST_HEADERS.test(header))) found = true;
    else if (ts.isCallExpression(node) && node.arguments.some((argument) => isRequestExpression(values, argument))) found = true;
    else if (ts.isIdentifier(node) && depth < 2) {
      const initializer = values.declarationOf(node)?.initializer;
      if (initializer && values.declarationOf(node)?.kind === 'variable') found = checksRequest(values, initializer, depth + 1);
    }
    return !found;
  });
  return found;
}

/** The innermost `if` branch or `?:` arm a node sits in, if any. */
export function conditionalBranch(node: ts.Node): ts.Node | undefined {
  for (let child: ts.Node = node; child.parent; child = child.parent) {
    const parent = child.parent;
    if (ts.isIfStatement(parent) && child !== parent.expression) return child;
    if (ts.isConditionalExpression(parent) && child !== parent.condition) return child;
  }
  return undefined;
}

/** Whether a guard protects a transport: set up unconditionally, or in a branch that also sets up the transport. */
export function guardCovers(guard: FileProtection, transport: ts.Node): boolean {
  if (!guard.branch) return true;
  const within = (outer: ts.Node) => outer.getStart() <= transport.getStart() && transport.getEnd() <= outer.getEnd();
  if (within(guard.branch)) return true;
  // A transport set up in another function than the branch (a route helper the branch's app is
  // handed to) may run only in that branch too: nothing here relates the two, so it is not evidence.
  const scope = findScope(guard.branch);
  return !ts.isSourceFile(scope) && !within(scope);
}
