/**
 * Outbound credentials: the places where code hands a credential to a request it sends or a
 * client it builds: an `Authorization` header of an outgoing request, `headers.set('Authorization', …)`,
 * an SDK client's `auth`/`token` option, `setCredentials({ access_token })`.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { propertyNameText } from '../engine/walk.js';
import { calleeOf } from './resource-server.js';
import { CLIENT_CREDENTIAL_OPTIONS, CREDENTIAL_SETTERS, CREDENTIAL_VALUE_SETTERS, HTTP_CALLS, HTTP_METHODS, QUERY_TOKEN_KEYS, UPSTREAM_KEY_NAMES, VALIDATION_ENDPOINT, VALIDATION_ENDPOINT_NAME, VALIDATION_HELPER_NAME } from '../knowledge/mcp-authorization.js';

export interface OutboundCredential {
  /** The expression whose value is sent as the credential. */
  value: ts.Expression;
  /** Where a finding is reported. */
  node: ts.Node;
  /** How the message names the sink: `'Authorization' header`, `'auth' option of 'Octokit'`. */
  label: string;
}

const RESPONSE_NAMES = /^(?:res|response|reply|resp|ctx|c|context|h)$/;
const NOT_CLIENTS = /Error$|^(?:Map|Set|WeakMap|WeakRef|Date|Response|Request|Promise|URL|URLSearchParams|Headers|McpServer|Server|AuthInfo|Buffer|RegExp|String|Array|Uint8Array|TextEncoder|TextDecoder|Blob|Proxy|Function)$/;

/** The call or `new` an options object is an argument of, looking through `headers: {…}` and `requestInit: {…}` nesting. */
function receivingCall(node: ts.Node): ts.CallExpression | ts.NewExpression | undefined {
  let current: ts.Node | undefined = node.parent;
  for (let steps = 0; current && steps < 8; steps++, current = current.parent) {
    if (ts.isCallExpression(current) || ts.isNewExpression(current)) return current;
    if (!(ts.isObjectLiteralExpression(current) || ts.isPropertyAssignment(current) || ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSpreadAssignment(current))) return undefined;
  }
  return undefined;
}

/** Whether an outgoing request goes to an endpoint that exists to check the token (userinfo, introspection). */
export function callsValidationEndpoint(values: ValueResolver, call: ts.CallExpression | ts.NewExpression | undefined): boolean {
  const first = call?.arguments?.[0];
  if (!first) return false;
  const strings = values.stringValues(first);
  if (strings?.some((value) => VALIDATION_ENDPOINT.test(value.split(UNKNOWN).join('')))) return true;
  // `fetch(this.config.verifyEndpoint, …)`: a URL from configuration, named for checking tokens.
  const url = values.unwrap(first);
  const name = ts.isIdentifier(url) ? url.text : ts.isPropertyAccessExpression(url) ? url.name.text : undefined;
  return !!name && VALIDATION_ENDPOINT_NAME.test(name);
}

/** Whether a node is inside a function named for checking a token with its issuer (`async function validateToken(token)`). */
export function insideValidationHelper(node: ts.Node): boolean {
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const named = (ts.isFunctionDeclaration(current) || ts.isFunctionExpression(current) || ts.isMethodDeclaration(current)) && current.name && ts.isIdentifier(current.name)
      ? current.name.text
      : current.parent && ts.isVariableDeclaration(current.parent) && ts.isIdentifier(current.parent.name) ? current.parent.name.text : undefined;
    if (named) return VALIDATION_HELPER_NAME.test(named);
  }
  return false;
}

/** Whether an object literal is the headers of an outgoing request (`headers: {…}`, `new Headers({…})`, `const upstreamHeaders = {…}`). */
function isOutgoingHeadersObject(object: ts.ObjectLiteralExpression): boolean {
  const holder = object.parent;
  return (ts.isPropertyAssignment(holder) && /^headers$/i.test(propertyNameText(holder.name) ?? '')) ||
    (ts.isNewExpression(holder) && ts.isIdentifier(holder.expression) && holder.expression.text === 'Headers') ||
    (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && /headers$/i.test(holder.name.text));
}

/** `headers: { authorization }`: the shorthand form of an outgoing `Authorization` header. */
export function outboundFromShorthand(values: ValueResolver, property: ts.ShorthandPropertyAssignment): OutboundCredential | undefined {
  if (property.name.text.toLowerCase() !== 'authorization' || !ts.isObjectLiteralExpression(property.parent)) return undefined;
  const object = property.parent;
  if (!isOutgoingHeadersObject(object)) return undefined;
  if (callsValidationEndpoint(values, receivingCall(object)) || insideValidationHelper(property)) return undefined;
  return { value: property.name, node: property, label: "'Authorization' header" };
}

/** `Authorization: …` inside an object that is an outgoing request's headers. */
export function outboundFromProperty(values: ValueResolver, property: ts.PropertyAssignment): OutboundCredential | undefined {
  const key = propertyNameText(property.name) ?? (ts.isComputedPropertyName(property.name) ? values.stringValues(property.name.expression)?.[0] : undefined);
  if (!key) return undefined;
  const object = property.parent;
  if (key.toLowerCase() === 'authorization') {
    if (!isOutgoingHeadersObject(object)) return undefined;
    if (callsValidationEndpoint(values, receivingCall(object)) || insideValidationHelper(property)) return undefined;
    return { value: property.initializer, node: property, label: "'Authorization' header" };
  }
  if (/^headers$/i.test(key)) return headersFromHelper(values, property);
  if (UPSTREAM_KEY_NAMES.test(key)) {
    // Client options: an object handed straight to a call or returned from a helper (a record
    // kept in a variable is data, judged by the storage rules).
    const call = receivingCall(property);
    if (!call && !isReturned(object)) return undefined;
    if (insideValidationHelper(property)) return undefined;
    const last = call ? (dottedName(calleeOf(call.expression)).split('.').pop() ?? '') : '';
    return { value: property.initializer, node: property, label: last && !NOT_CLIENTS.test(last) ? `'${key}' option of '${last}'` : `'${key}' the server calls its upstream API with` };
  }
  if (CLIENT_CREDENTIAL_OPTIONS.has(key)) {
    const call = receivingCall(property);
    if (!call || call.arguments?.[0] !== object) return undefined;
    const callee = dottedName(calleeOf(call.expression));
    const last = callee.split('.').pop() ?? '';
    if (ts.isNewExpression(call)) {
      if (NOT_CLIENTS.test(last)) return undefined;
      return { value: property.initializer, node: property, label: `'${key}' option of '${last}'` };
    }
    if (/^create\w*Client$|^(?:defaults|withAuth|authenticate)$/.test(last)) return { value: property.initializer, node: property, label: `'${key}' option of '${last}'` };
    if (CREDENTIAL_SETTERS.has(last)) return { value: property.initializer, node: property, label: `'${last}'` };
  }
  return undefined;
}

/** `headers.set('Authorization', v)`, `.setHeader(…)`, `.append(…)`, superagent `.set(…)`, `setAccessToken(v)`. */
export function outboundFromCall(values: ValueResolver, call: ts.CallExpression): OutboundCredential | undefined {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  if (/^(?:set|append|setHeader|header)$/.test(method) && call.arguments.length === 2) {
    const name = values.stringValues(call.arguments[0]!);
    if (!name || name.length !== 1) return undefined;
    // url.searchParams.set('access_token', token): the credential of a request this URL is for.
    if (QUERY_TOKEN_KEYS.has(name[0]!.toLowerCase()) && /(?:^|\.)searchParams$/.test(dottedName(callee.expression)) && method !== 'header') {
      return { value: call.arguments[1]!, node: call, label: `'${name[0]}' query parameter of an outgoing request` };
    }
    if (name[0]!.toLowerCase() !== 'authorization') return undefined;
    const receiver = values.unwrap(callee.expression);
    // Response headers and hono's `c.header(…)` answer the client; they send nothing onward.
    if (ts.isIdentifier(receiver) && RESPONSE_NAMES.test(receiver.text)) return undefined;
    if (ts.isPropertyAccessExpression(receiver) && RESPONSE_NAMES.test(dottedName(receiver.expression)) && receiver.name.text === 'headers') return undefined;
    return { value: call.arguments[1]!, node: call, label: "'Authorization' header" };
  }
  if (CREDENTIAL_VALUE_SETTERS.has(method) && call.arguments.length === 1) {
    return { value: call.arguments[0]!, node: call, label: `'${method}'` };
  }
  return undefined;
}

/** `axios.defaults.headers.common.Authorization = v`, `config.headers.Authorization = v`. */
export function outboundFromAssignment(values: ValueResolver, binary: ts.BinaryExpression): OutboundCredential | undefined {
  if (binary.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const left = values.unwrap(binary.left);
  if (!(ts.isPropertyAccessExpression(left) || ts.isElementAccessExpression(left))) return undefined;
  if (values.memberName(left)?.toLowerCase() !== 'authorization') return undefined;
  const chain = dottedName(left.expression);
  if (!/(?:^|\.)headers(?:\.common)?$/i.test(chain) || RESPONSE_NAMES.test(chain.split('.')[0] ?? '')) return undefined;
  return { value: binary.right, node: binary, label: "'Authorization' header" };
}

/**
 * `new Resend(apiKey)`, `new AniList(token)`: an SDK client constructed with a credential as its
 * first argument. Only a value that is the incoming token makes this a finding, so the rule asks
 * about every construction that is not a built-in.
 */
export function outboundFromConstruction(values: ValueResolver, construction: ts.NewExpression): OutboundCredential | undefined {
  const first = construction.arguments?.[0];
  if (!first || ts.isObjectLiteralExpression(values.unwrap(first))) return undefined;
  const name = dottedName(calleeOf(construction.expression)).split('.').pop() ?? '';
  if (!/^[A-Z]/.test(name) || NOT_CLIENTS.test(name) || /Transport$|Verifier$|Validator$/.test(name)) return undefined;
  if (insideValidationHelper(construction)) return undefined;
  return { value: first, node: construction, label: `credential of the '${name}' client` };
}

/**
 * `headers: asanaHeaders(token)` where the local helper returns `{ Authorization: \`Bearer ${bearer}\` }`:
 * the argument given for the parameter the helper puts in the header is the credential, reported
 * at the call, where the token is chosen.
 */
function headersFromHelper(values: ValueResolver, property: ts.PropertyAssignment): OutboundCredential | undefined {
  const call = values.unwrap(property.initializer);
  if (!ts.isCallExpression(call) || !/headers$/i.test(dottedName(calleeOf(call.expression)).split('.').pop() ?? '')) return undefined;
  const fn = values.calledFunction(call);
  if (!fn || !receivingCall(property.parent)) return undefined;
  const parameterNames = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
  for (const returned of values.returnedExpressions(fn)) {
    const object = values.unwrap(returned);
    if (!ts.isObjectLiteralExpression(object)) continue;
    for (const member of object.properties) {
      if (!ts.isPropertyAssignment(member) || propertyNameText(member.name)?.toLowerCase() !== 'authorization') continue;
      let argument: ts.Expression | undefined;
      const visit = (node: ts.Node): void => {
        if (argument) return;
        if (ts.isIdentifier(node)) {
          const index = parameterNames.indexOf(node.text);
          if (index >= 0 && values.declarationOf(node)?.kind === 'parameter') argument = call.arguments[index];
        }
        ts.forEachChild(node, visit);
      };
      visit(member.initializer);
      if (argument) return { value: argument, node: property, label: "'Authorization' header" };
    }
  }
  return undefined;
}

function isReturned(node: ts.Node): boolean {
  let current = node;
  while (current.parent && (ts.isParenthesizedExpression(current.parent) || ts.isAsExpression(current.parent))) current = current.parent;
  const parent = current.parent;
  return !!parent && (ts.isReturnStatement(parent) || (ts.isArrowFunction(parent) && parent.body === current));
}

const CONTEXT_CREDENTIAL_KEY = /token|auth|api_?key|bearer|credential/i;

/** Whether a value is an `AsyncLocalStorage` (`new AsyncLocalStorage()`, here or exported by another file of the scan). */
function isAsyncLocalStorage(values: ValueResolver, expression: ts.Expression): boolean {
  return values.origins(expression).some((origin) => {
    const node = values.unwrap(origin);
    return ts.isNewExpression(node) && /(?:^|\.)AsyncLocalStorage$/.test(dottedName(calleeOf(node.expression)));
  });
}

/**
 * `requestContext.run({ accessToken }, handler)`, `tokenStorage.run(token, fn)`: a credential put in
 * an `AsyncLocalStorage` for the code the request runs, which is how servers hand the token their
 * client sent to the API clients their tools build. Each credential-named member of a stored
 * object is a value to judge; a stored value that is not an object is judged whole.
 */
export function outboundFromContextRun(values: ValueResolver, call: ts.CallExpression): OutboundCredential[] {
  const callee = values.unwrap(call.expression);
  if (!ts.isPropertyAccessExpression(callee) || call.arguments.length < 1) return [];
  const method = callee.name.text;
  if (!((method === 'run' && call.arguments.length >= 2) || (method === 'enterWith' && call.arguments.length === 1))) return [];
  if (!isAsyncLocalStorage(values, callee.expression)) return [];
  const label = `request context ('${dottedName(callee)}') the tools' upstream calls read`;
  const stored = values.unwrap(call.arguments[0]!);
  if (!ts.isObjectLiteralExpression(stored)) return [{ value: stored, node: call, label }];
  const found: OutboundCredential[] = [];
  for (const member of stored.properties) {
    if (ts.isShorthandPropertyAssignment(member) && CONTEXT_CREDENTIAL_KEY.test(member.name.text)) found.push({ value: member.name, node: call, label });
    else if (ts.isPropertyAssignment(member) && CONTEXT_CREDENTIAL_KEY.test(propertyNameText(member.name) ?? '')) found.push({ value: member.initializer, node: call, label });
  }
  return found;
}

/** Calls that send a request: `fetch(…)`, `axios.get(…)`, `got.post(…)`, `https.request(…)`. */
function isOutgoingRequestCall(call: ts.CallExpression | ts.NewExpression): boolean {
  if (!ts.isCallExpression(call)) return false;
  const callee = dottedName(calleeOf(call.expression));
  const parts = callee.split('.');
  const last = parts[parts.length - 1] ?? '';
  if (HTTP_CALLS.has(last) && parts.length === 1) return true;
  const receiver = parts[parts.length - 2] ?? '';
  if (!receiver || RESPONSE_NAMES.test(receiver)) return false;
  return HTTP_METHODS.has(last) && (HTTP_CALLS.has(receiver) || /^(?:https?|client|http[A-Z]\w*|api|upstream\w*|\w*Client)$/i.test(receiver));
}

/**
 * `fetch(url, { headers: req.headers })`, `headers: { ...c.req.raw.headers }`: the incoming request's
 * headers forwarded whole to another service, its `Authorization` header with them. An object that
 * also sets its own `Authorization` replaces the client's, so it is no forwarding of the token.
 */
export function forwardedRequestHeaders(values: ValueResolver, property: ts.PropertyAssignment, isRequestHeaders: (expression: ts.Expression) => boolean): OutboundCredential | undefined {
  if (!/^headers$/i.test(propertyNameText(property.name) ?? '')) return undefined;
  const call = receivingCall(property);
  if (!call || !isOutgoingRequestCall(call) || insideValidationHelper(property)) return undefined;
  const direct = (expression: ts.Expression) => {
    const node = values.unwrap(expression);
    if (!ts.isPropertyAccessExpression(node) || !isRequestHeaders(node)) return false;
    // The root must be what the handler was given: a `request` the code builds itself (`let request = {…}`) is its own.
    let root: ts.Expression = node;
    while (ts.isPropertyAccessExpression(root)) root = values.unwrap(root.expression);
    return !ts.isIdentifier(root) || values.declarationOf(root)?.kind !== 'variable';
  };
  const value = values.unwrap(property.initializer);
  if (direct(value)) return { value, node: property, label: "headers of the outgoing request (the incoming ones, 'Authorization' included)" };
  if (!ts.isObjectLiteralExpression(value)) return undefined;
  const setsOwnAuthorization = value.properties.some((member) => (ts.isPropertyAssignment(member) || ts.isShorthandPropertyAssignment(member)) && propertyNameText(member.name)?.toLowerCase() === 'authorization');
  if (setsOwnAuthorization) return undefined;
  const spread = value.properties.find((member): member is ts.SpreadAssignment => ts.isSpreadAssignment(member) && direct(member.expression));
  return spread ? { value: values.unwrap(spread.expression), node: property, label: "headers of the outgoing request (the incoming ones, 'Authorization' included)" } : undefined;
}

type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration | ts.ConstructorDeclaration;
/** String steps that keep a parameter the credential it was: `token.trim()`, `auth.replace(/^Bearer /, '')`. */
const KEEPS_VALUE = new Set(['replace', 'replaceAll', 'slice', 'substring', 'trim', 'toString']);

/** A helper's parameter that ends up as an outbound credential: the sink's label, and the member taken when the parameter is destructured (`{ baseUrl, token }`). */
export interface CredentialParameter {
  index: number;
  label: string;
  property?: string;
}

/** The argument a call gives for a credential parameter: the argument itself, or its member when the helper destructures it. */
export function argumentForParameter(values: ValueResolver, call: ts.CallExpression | ts.NewExpression, parameter: CredentialParameter): ts.Expression | undefined {
  const argument = call.arguments?.[parameter.index];
  if (!argument || ts.isSpreadElement(argument)) return undefined;
  if (parameter.property === undefined) return argument;
  return values.objectProperties(argument)?.get(parameter.property);
}

/**
 * The class a `new` builds: declared in this file, imported from another file of the scan
 * (`import { Api } from './api.js'`), or taken from a module the compiled CommonJS code required
 * (`new api_1.PaperlessAPI(…)`, `const { Api } = require('./api')`).
 */
export function constructedClass(values: ValueResolver, construction: ts.NewExpression): ts.ClassLikeDeclaration | undefined {
  const callee = values.unwrap(construction.expression);
  if (ts.isIdentifier(callee)) {
    const declaration = values.declarationOf(callee);
    if (declaration?.kind === 'class' && ts.isClassLike(declaration.node)) return declaration.node;
    const imported = values.importTarget(declaration);
    if (imported?.kind === 'declaration' && imported.declaration.kind === 'class' && ts.isClassLike(imported.declaration.node)) return imported.declaration.node;
    if (declaration?.kind === 'import') return undefined;
  } else if (!ts.isPropertyAccessExpression(callee)) return undefined;
  if (!values.comesFromScan(callee)) return undefined;
  for (const origin of values.origins(callee)) {
    if (ts.isClassExpression(origin)) return origin;
    if (ts.isIdentifier(origin) && origin !== callee && values.isInOtherFile(origin)) {
      const declaration = values.declarationOf(origin);
      if (declaration?.kind === 'class' && ts.isClassLike(declaration.node)) return declaration.node;
    }
  }
  return undefined;
}

/**
 * Which parameters of a helper (a function, or a class's constructor) end up as an outbound
 * credential inside it: `listRepos(token)` that sends `Authorization: token ${token}`,
 * `new GitLabApi(baseUrl, bearer)` whose methods send `this.bearer`, and a helper that hands its
 * parameter on to such a helper or class of another module of the scan
 * (`createServer({ token }) { new PaperlessAPI(baseUrl, token) }`). Answers by position, with the
 * sink's label; one pass over the helper's body, remembered per helper (a cycle finds nothing).
 */
export class CredentialParameters {
  private readonly memo = new Map<ts.Node, CredentialParameter[]>();

  constructor(private readonly values: ValueResolver, private readonly sinksIn: (node: ts.Node) => OutboundCredential[]) {}

  ofFunction(fn: FunctionLike): readonly CredentialParameter[] {
    let found = this.memo.get(fn);
    if (found) return found;
    found = [];
    this.memo.set(fn, found);
    if (!fn.body || insideValidationHelper(fn.body) || isNamedForValidation(fn)) return found;
    for (const sink of [...this.sinksIn(fn.body), ...this.handedOn(fn.body)]) {
      add(found, this.parameterIndex(fn, sink.value, new Map(), 0), sink.label);
    }
    return found;
  }

  ofClass(cls: ts.ClassLikeDeclaration): readonly CredentialParameter[] {
    let found = this.memo.get(cls);
    if (found) return found;
    found = [];
    this.memo.set(cls, found);
    const constructor = cls.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && !!member.body);
    if (!constructor) return found;
    // `this.bearer` → the constructor parameter it holds (a parameter property, or `this.bearer = bearer`).
    const fields = new Map<string, number>();
    constructor.parameters.forEach((parameter, index) => {
      if (ts.isIdentifier(parameter.name) && ts.getModifiers(parameter)?.length) fields.set(parameter.name.text, index);
    });
    for (const statement of constructor.body!.statements) {
      if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression) || statement.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const { left, right } = statement.expression;
      if (!ts.isPropertyAccessExpression(left) || left.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
      const position = this.parameterIndex(constructor, right, fields, 0);
      if (position !== undefined && position.property === undefined) fields.set(left.name.text, position.index);
    }
    if (!fields.size) return found;
    for (const member of cls.members) {
      if (!(ts.isMethodDeclaration(member) || ts.isConstructorDeclaration(member) || ts.isGetAccessorDeclaration(member)) || !member.body) continue;
      for (const sink of this.sinksIn(member.body)) {
        add(found, this.parameterIndex(constructor, sink.value, fields, 0), sink.label);
      }
    }
    return found;
  }

  /**
   * Inside a helper: the values it hands to a class or helper of another module of the scan
   * whose parameter there becomes an outbound credential (only imports are followed, so a
   * bundle's thousands of local calls are not asked about).
   */
  private handedOn(body: ts.Node): OutboundCredential[] {
    const found: OutboundCredential[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isNewExpression(node) && node.arguments?.length) {
        const cls = constructedClass(this.values, node);
        if (cls) this.collect(node, this.ofClass(cls), found);
      } else if (ts.isCallExpression(node) && node.arguments.length && this.values.comesFromScan(node.expression)) {
        const helper = this.values.calledFunction(node);
        if (helper && this.values.isInOtherFile(helper) && helper.getSourceFile() !== node.getSourceFile()) this.collect(node, this.ofFunction(helper), found);
      }
      ts.forEachChild(node, visit);
    };
    visit(body);
    return found;
  }

  private collect(call: ts.CallExpression | ts.NewExpression, parameters: readonly CredentialParameter[], into: OutboundCredential[]): void {
    for (const parameter of parameters) {
      const value = argumentForParameter(this.values, call, parameter);
      if (value) into.push({ value, node: call, label: parameter.label });
    }
  }

  /** The position of `fn`'s parameter a value is (or is cut from, or is a member of when destructured), or of the constructor parameter a `this.field` holds. */
  private parameterIndex(fn: FunctionLike, expression: ts.Expression, fields: Map<string, number>, depth: number): { index: number; property?: string } | undefined {
    if (depth > 4) return undefined;
    const node = this.values.unwrap(expression);
    if (ts.isIdentifier(node)) {
      const declaration = this.values.declarationOf(node);
      if (!declaration) return undefined;
      if (declaration.kind === 'parameter' && !declaration.path && ts.isParameter(declaration.node) && declaration.node.parent === fn) {
        const index = fn.parameters.indexOf(declaration.node);
        return index >= 0 ? { index } : undefined;
      }
      // `function createServer({ baseUrl, token })`: a member of a destructured parameter.
      if (declaration.kind === 'parameter' && declaration.path?.length === 1) {
        let parameter: ts.Node | undefined = declaration.node;
        while (parameter && !ts.isParameter(parameter) && ts.isBindingElement(parameter)) parameter = parameter.parent?.parent;
        if (!parameter || !ts.isParameter(parameter) || parameter.parent !== fn || !ts.isObjectBindingPattern(parameter.name) || parameter.name !== declaration.node.parent) return undefined;
        const index = fn.parameters.indexOf(parameter);
        return index >= 0 ? { index, property: declaration.path[0] } : undefined;
      }
      if (declaration.kind === 'variable' && declaration.initializer && !declaration.path) return this.parameterIndex(fn, declaration.initializer, fields, depth + 1);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const index = fields.get(node.name.text);
      return index === undefined ? undefined : { index };
    }
    if (ts.isTemplateExpression(node)) {
      for (const span of node.templateSpans) {
        const index = this.parameterIndex(fn, span.expression, fields, depth + 1);
        if (index !== undefined) return index;
      }
      return undefined;
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return this.parameterIndex(fn, node.left, fields, depth + 1) ?? this.parameterIndex(fn, node.right, fields, depth + 1);
    }
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && KEEPS_VALUE.has(node.expression.name.text)) {
      return this.parameterIndex(fn, node.expression.expression, fields, depth + 1);
    }
    return undefined;
  }
}

/** One entry per parameter (and member of a destructured one): the first sink found names it. */
function add(found: CredentialParameter[], position: { index: number; property?: string } | undefined, label: string): void {
  if (!position || found.some((known) => known.index === position.index && known.property === position.property)) return;
  found.push({ index: position.index, property: position.property, label });
}

function isNamedForValidation(fn: FunctionLike): boolean {
  const name = fn.name && ts.isIdentifier(fn.name) ? fn.name.text
    : fn.parent && ts.isVariableDeclaration(fn.parent) && ts.isIdentifier(fn.parent.name) ? fn.parent.name.text : undefined;
  return !!name && VALIDATION_HELPER_NAME.test(name);
}
