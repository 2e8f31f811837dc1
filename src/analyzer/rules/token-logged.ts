import { TOKEN_TEXT } from '../knowledge/prefilter.js';
import { ts } from '../engine/typescript.js';
import { findAncestor, functionName, type ValueResolver } from '../engine/values.js';
import { logSinkOf, objectLiteralOf, toolResultTextOf, unredactedCredentials, type LogSink } from '../models/log-sinks.js';
import { credentialsFor, type CredentialMatch, type TokenModel } from '../models/credentials.js';
import { defineRule } from './define.js';

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** A local function that passes some of its parameters to a log sink. */
interface LoggingHelper {
  name: string;
  /** Parameter positions that reach the sink; a rest parameter covers every later argument. */
  positions: Set<number>;
  restFrom?: number;
  innerSink: string;
  /** The helper returns its parameters in an MCP tool result rather than logging them. */
  toolResult?: boolean;
}

const MAX_HELPER_ROUNDS = 3;
const MAX_PART_DEPTH = 8;
/** Receivers of pass-through functions that are modules, not data: `JSON.stringify(x)`, `util.format(…)`. */
const NAMESPACES = new Set(['JSON', 'util', 'Object', 'Buffer', 'querystring', 'qs']);

export const tokenLogged = defineRule({
  meta: {
    id: 'token-logged',
    description:
      'A token, client secret, Authorization header, whole token response or process.env is written to a log (console, stdio, pino, winston, bunyan, log4js, debug or MCP logging messages).',
    defaultSeverity: 'error',
    cwe: ['CWE-532'],
    securitySeverity: '7.5',
    precision: 'high',
    requiresText: TOKEN_TEXT,
    messages: {
      tokenLogged: "'{{credential}}' is written to the log by {{sink}}; log a non-secret identifier instead.",
      headerLogged:
        "'{{credential}}' carries the request's Authorization header and is written to the log by {{sink}}; log the token's subject or client id instead.",
      environmentLogged:
        "'{{credential}}' writes every environment variable, secrets included, to the log by {{sink}}; log only the named settings you need.",
      requestConfigLogged:
        "'{{credential}}' is an HTTP client's request configuration, whose headers carry the Authorization header, and is written to the log by {{sink}}; log its 'method' and 'url' instead.",
      httpErrorLogged:
        "'{{credential}}' is an axios error, which carries the request configuration with its Authorization header, and is written to the log by {{sink}}; log its 'message' and 'response.status' instead.",
      toolResultCarriesToken:
        "'{{credential}}' is returned in an MCP tool result's text, which the client shows to the model and the user and keeps in the transcript; store the credential server-side and return a confirmation instead.",
    },
  },
  create(context) {
    const calls: ts.CallExpression[] = [];
    const helpers = new Map<FunctionNode, LoggingHelper>();
    const reported = new Set<ts.Node>();
    // `create` is probed with an inert context: the credential model is asked for on first use.
    const tokens = () => credentialsFor(context.values);

    const report = (match: CredentialMatch, argument: ts.Expression, sink: string, toolResult = false): void => {
      // The smallest node inside the argument that carries the credential, else the argument.
      const inside = match.node.getSourceFile() === argument.getSourceFile() && match.node.pos >= argument.pos && match.node.end <= argument.end;
      const node = inside ? match.node : argument;
      if (reported.has(node)) return;
      reported.add(node);
      const messageId = toolResult ? 'toolResultCarriesToken' : messageFor(match);
      context.report({ node, messageId, data: { credential: match.label, sink } });
    };

    /** Checks one logged expression; parameters of a named enclosing function make that function a logging helper instead. */
    const checkLogged = (argument: ts.Expression, sink: LogSink, call: ts.Node): void => {
      const toolResult = sink.toolResult === true;
      const expression = ts.isSpreadElement(argument) ? argument.expression : argument;
      const enclosing = findAncestor(call, isFunctionNode);
      const name = enclosing ? functionName(enclosing) : undefined;
      let parts = loggedParts(expression, context.values, tokens());
      // A function that sends the parameter in a request and logs it on the way (`sendPostRequest(url, data)`)
      // is not a logging helper: its own log line is the one to change.
      const isForwarded = (part: ts.Expression): boolean => {
        const parameter = enclosing ? forwardedParameter(part, enclosing, tokens(), context.values) : undefined;
        return parameter !== undefined && !sentInRequest(parameter, enclosing!, tokens(), context.values);
      };
      let forwarded = enclosing && name ? parts.filter(isForwarded) : [];
      if (forwarded.length === 0 && enclosing && name && sink.underlying === undefined) {
        // `const msg = \`[DEBUG] ${args.join(' ')}\`; stderr.write(msg)`: the message is built from the parameters first
        // (a message that is a credential by itself, `const jwt = \`${h}.${p}.${s}\``, is judged as it is).
        const built = parts.flatMap((part) => tokens().credentialIn(part) ? [part] : messageParts(part, enclosing, context.values, tokens()));
        const builtForwarded = built.filter(isForwarded);
        if (builtForwarded.length > 0) {
          parts = built;
          forwarded = builtForwarded;
        }
      }
      if (forwarded.length > 0 && enclosing && name) {
        registerHelper(enclosing, name, forwarded, sink);
        for (const part of parts) {
          if (forwarded.includes(part)) continue;
          const match = tokens().credentialIn(part);
          if (match) report(match, part, sink.label, toolResult);
        }
        return;
      }
      if (sink.redacted.size > 0) {
        const properties = objectLiteralOf(expression, context.values);
        if (properties) {
          for (const match of unredactedCredentials(properties, sink.redacted, '', tokens())) report(match, expression, sink.label);
          return;
        }
      }
      const match = tokens().credentialIn(expression);
      if (match) report(match, expression, sink.label, toolResult);
    };

    const registerHelper = (fn: FunctionNode, name: string, forwarded: ts.Expression[], sink: LogSink): void => {
      const helper = helpers.get(fn) ?? { name, positions: new Set<number>(), innerSink: sink.underlying ?? sink.label };
      for (const part of forwarded) {
        const parameter = forwardedParameter(part, fn, tokens(), context.values)!;
        const position = fn.parameters.indexOf(parameter);
        if (parameter.dotDotDotToken) helper.restFrom = position;
        else helper.positions.add(position);
      }
      if (sink.toolResult) helper.toolResult = true;
      helpers.set(fn, helper);
    };

    const checkCall = (call: ts.CallExpression): void => {
      const sink = logSinkOf(call, context.values);
      if (!sink) return;
      for (const argument of sink.data) checkLogged(argument, sink, call);
    };

    return {
      [ts.SyntaxKind.CallExpression]: (call: ts.CallExpression) => {
        calls.push(call);
        checkCall(call);
      },
      [ts.SyntaxKind.ObjectLiteralExpression]: (object: ts.ObjectLiteralExpression) => {
        const text = toolResultTextOf(object, context.values);
        if (text) checkLogged(text, { label: 'the MCP tool result', data: [text], redacted: new Set(), toolResult: true }, object);
      },
      end: () => {
        // Helpers of other modules of the scan: their log calls register them as logging helpers
        // (what they log on their own is their module's to report), so the calls here are judged.
        const opened = new Set<ts.Node>();
        for (const call of calls) {
          if (call.arguments.length === 0 || !context.values.comesFromScan(call.expression)) continue;
          const fn = context.values.calledFunction(call);
          if (!fn?.body || opened.has(fn) || !context.values.isInOtherFile(fn)) continue;
          opened.add(fn);
          let seen = 0;
          const visit = (node: ts.Node): void => {
            if (seen >= MAX_IMPORTED_HELPER_CALLS) return;
            if (ts.isCallExpression(node)) {
              seen++;
              checkCall(node);
            }
            ts.forEachChild(node, visit);
          };
          visit(fn.body);
        }
        // Calls of local helpers that forward their arguments to a log; a helper found while
        // checking these may itself be called by another helper, hence the rounds.
        const done = new Set<string>();
        for (let round = 0; round < MAX_HELPER_ROUNDS && helpers.size > 0; round++) {
          let progressed = false;
          for (const call of calls) {
            const fn = context.values.calledFunction(call);
            const helper = fn ? helpers.get(fn) : undefined;
            if (!helper) continue;
            const key = `${call.pos}:${helper.name}:${helper.positions.size}:${helper.restFrom ?? ''}`;
            if (done.has(key)) continue;
            done.add(key);
            progressed = true;
            const sink: LogSink = {
              label: `'${helper.name}' (which calls ${helper.innerSink})`,
              data: call.arguments.filter((_argument, index) => helper.positions.has(index) || (helper.restFrom !== undefined && index >= helper.restFrom)),
              redacted: new Set(),
              underlying: helper.innerSink,
              toolResult: helper.toolResult,
            };
            for (const argument of sink.data) checkLogged(argument, sink, call);
          }
          if (!progressed) break;
        }
      },
    };
  },
});

/** Calls looked at inside one imported helper: enough for a logging helper, bounded for a big module. */
const MAX_IMPORTED_HELPER_CALLS = 64;

function messageFor(match: CredentialMatch): 'tokenLogged' | 'headerLogged' | 'environmentLogged' | 'requestConfigLogged' | 'httpErrorLogged' {
  switch (match.origin) {
    case 'environment':
      // `process.env` itself, logged directly or through a variable that holds it
      return match.label === 'process.env' || match.node.getText() === 'process.env' ? 'environmentLogged' : 'tokenLogged';
    case 'authorization-header':
    case 'request-headers':
      return 'headerLogged';
    case 'request-config':
      return 'requestConfigLogged';
    case 'http-error':
      return 'httpErrorLogged';
    default:
      return 'tokenLogged';
  }
}

function isFunctionNode(node: ts.Node): node is FunctionNode {
  return ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isArrowFunction(node) || ts.isMethodDeclaration(node);
}

/**
 * The parts of a logged expression whose content is written: template spans, `+` operands,
 * branches, spread and joined arrays, the arguments of pass-through calls (`JSON.stringify`,
 * `util.format`) and the values of object literals (`{ level, msg, ...meta }`). Used to tell a
 * forwarded parameter from the rest. A property named like a credential keeps its object whole,
 * so that `{ token: value }` is still judged by its key.
 */
function loggedParts(expression: ts.Expression, values: ValueResolver, tokens: TokenModel, depth = 0): ts.Expression[] {
  const node = values.unwrap(expression);
  if (depth > MAX_PART_DEPTH) return [node];
  const inner = (part: ts.Expression): ts.Expression[] => loggedParts(part, values, tokens, depth + 1);
  if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((span) => inner(span.expression));
  if (ts.isBinaryExpression(node) && [ts.SyntaxKind.PlusToken, ts.SyntaxKind.BarBarToken, ts.SyntaxKind.QuestionQuestionToken].includes(node.operatorToken.kind)) {
    return [...inner(node.left), ...inner(node.right)];
  }
  if (ts.isConditionalExpression(node)) return [...inner(node.whenTrue), ...inner(node.whenFalse)];
  if (ts.isSpreadElement(node)) return inner(node.expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'join') {
    return inner(node.expression.expression);
  }
  if (ts.isCallExpression(node) && tokens.passesThrough(node)) {
    // `JSON.stringify(x)`, `util.format(…)`: the arguments; `x.trim()`: the receiver too.
    const callee = values.unwrap(node.expression);
    const receiver = ts.isPropertyAccessExpression(callee) && !(ts.isIdentifier(callee.expression) && NAMESPACES.has(callee.expression.text)) ? [callee.expression] : [];
    return [...receiver, ...node.arguments].flatMap(inner);
  }
  if (ts.isObjectLiteralExpression(node)) {
    const parts: ts.Expression[] = [];
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) parts.push(...inner(property.expression));
      else if (ts.isShorthandPropertyAssignment(property)) parts.push(property.name);
      else if (ts.isPropertyAssignment(property)) {
        const key = ts.isIdentifier(property.name) || ts.isStringLiteral(property.name) ? property.name.text : undefined;
        if (key === undefined || tokens.classifyName(key) === 'credential') return [node];
        parts.push(...inner(property.initializer));
      } else return [node];
    }
    return parts;
  }
  return [node];
}

/** The parts of a local constant of `fn` that a log call writes (`const msg = \`${a} ${b}\``), else the part itself. */
function messageParts(part: ts.Expression, fn: FunctionNode, values: ValueResolver, tokens: TokenModel): ts.Expression[] {
  const node = values.unwrap(part);
  if (!ts.isIdentifier(node)) return [part];
  const declaration = values.declarationOf(node);
  const declared = declaration?.node;
  if (declaration?.kind !== 'variable' || declaration.path || !declaration.initializer || !declared || !ts.isVariableDeclaration(declared) ||
      !(declared.parent.flags & ts.NodeFlags.Const) || findAncestor(declared, isFunctionNode) !== fn) return [part];
  return loggedParts(declaration.initializer, values, tokens);
}

/** `fn` passes the parameter to an HTTP request (`axios.post(url, data)`, `fetch(url, { body: data })`). */
function sentInRequest(parameter: ts.ParameterDeclaration, fn: FunctionNode, tokens: TokenModel, values: ValueResolver): boolean {
  if (!fn.body) return false;
  let sent = false;
  const isParameter = (node: ts.Node): boolean => ts.isIdentifier(node) && values.declarationOf(node)?.node === parameter;
  const mentions = (node: ts.Node): boolean => isParameter(node) || (ts.isObjectLiteralExpression(node) && node.properties.some((property) =>
    (ts.isShorthandPropertyAssignment(property) && isParameter(property.name)) || (ts.isPropertyAssignment(property) && isParameter(values.unwrap(property.initializer)))));
  const visit = (node: ts.Node): void => {
    if (sent) return;
    if (ts.isCallExpression(node) && node.arguments.some((argument) => mentions(values.unwrap(argument))) && tokens.sendsRequest(node)) {
      sent = true;
      return;
    }
    if (node !== fn.body && isFunctionNode(node)) return;
    ts.forEachChild(node, visit);
  };
  visit(fn.body);
  return sent;
}

/** The parameter of `fn` that a logged part is, when the parameter is not a credential by its own name or type. */
function forwardedParameter(part: ts.Expression, fn: FunctionNode, tokens: TokenModel, values: ValueResolver): ts.ParameterDeclaration | undefined {
  const node = values.unwrap(part);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = values.declarationOf(node);
  if (declaration?.kind !== 'parameter' || declaration.path || !ts.isParameter(declaration.node) || declaration.node.parent !== fn) return undefined;
  // `validateTokenResponse(json)` logging `json`: a helper named for a credential is where a reviewer fixes the log.
  const name = functionName(fn);
  if (name && tokens.classifyName(name) === 'credential') return undefined;
  const own = tokens.credentialIn(node);
  if (own && own.node === node) return undefined;
  return declaration.node;
}
