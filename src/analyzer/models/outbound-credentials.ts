/**
 * Outbound credentials: the places where code hands a credential to a request it sends or a
 * client it builds: an `Authorization` header of an outgoing request, `headers.set('Authorization', …)`,
 * an SDK client's `auth`/`token` option, `setCredentials({ access_token })`.
 */
import { ts } from '../engine/typescript.js';
import { dottedName, UNKNOWN, type ValueResolver } from '../engine/values.js';
import { propertyNameText } from '../engine/walk.js';
import { calleeOf } from './resource-server.js';
import { CLIENT_CREDENTIAL_OPTIONS, CREDENTIAL_SETTERS, CREDENTIAL_VALUE_SETTERS, UPSTREAM_KEY_NAMES, VALIDATION_ENDPOINT, VALIDATION_HELPER_NAME } from '../knowledge/mcp-authorization.js';

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
  return !!strings && strings.some((value) => VALIDATION_ENDPOINT.test(value.split(UNKNOWN).join('')));
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

/** `Authorization: …` inside an object that is an outgoing request's headers. */
export function outboundFromProperty(values: ValueResolver, property: ts.PropertyAssignment): OutboundCredential | undefined {
  const key = propertyNameText(property.name) ?? (ts.isComputedPropertyName(property.name) ? values.stringValues(property.name.expression)?.[0] : undefined);
  if (!key) return undefined;
  const object = property.parent;
  if (key.toLowerCase() === 'authorization') {
    const holder = object.parent;
    const isHeaders = (ts.isPropertyAssignment(holder) && /^headers$/i.test(propertyNameText(holder.name) ?? '')) ||
      (ts.isNewExpression(holder) && ts.isIdentifier(holder.expression) && holder.expression.text === 'Headers') ||
      (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) && /headers$/i.test(holder.name.text));
    if (!isHeaders) return undefined;
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
    if (!name || name.length !== 1 || name[0]!.toLowerCase() !== 'authorization') return undefined;
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
