import { TOKEN_TEXT } from '../knowledge/prefilter.js';
import { ts } from 'ts-morph';
import { dottedName, findAncestor, functionName, type ValueResolver } from '../engine/values.js';
import { loadedModule } from '../engine/modules.js';
import {
  CHILD_LOGGER_METHODS,
  CONSOLE_METHODS,
  DEBUG_EXTEND_METHODS,
  DEBUG_FACTORIES,
  DEBUG_MODULES,
  DEFAULT_LOGGER_NAMES,
  LOGGER_CONSTRUCTORS,
  LOGGER_FACTORIES,
  LOGGER_METHODS,
  LOGGER_MODULES,
  LOGGER_NAME_WORDS,
  MCP_LOG_NOTIFICATION,
  MCP_LOGGING_METHODS,
  MCP_NOTIFICATION_METHODS,
  REDACTION_OPTION,
  STDIO_STREAMS,
} from '../knowledge/log-sinks.js';
import { credentialsFor, splitWords, type CredentialMatch, type TokenModel } from '../models/credentials.js';
import { defineRule } from './define.js';

type FunctionNode = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction | ts.MethodDeclaration;

/** A call that writes its arguments to a log. */
interface LogSink {
  /** How the message names it: `'console.error'`, `'log' (which calls 'console.error')`. */
  label: string;
  /** The expressions whose content ends up in the log. */
  data: ts.Expression[];
  /** Field paths a pino logger censors (`redact`), when visible. */
  redacted: ReadonlySet<string>;
  /** For a logging helper, the library sink it ends in (`'console.error'`). */
  underlying?: string;
}

/** A local function that passes some of its parameters to a log sink. */
interface LoggingHelper {
  name: string;
  /** Parameter positions that reach the sink; a rest parameter covers every later argument. */
  positions: Set<number>;
  restFrom?: number;
  innerSink: string;
}

/** Every method name that can write to a log: console, stdio, logger levels and MCP logging. */
const LOG_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...CONSOLE_METHODS, ...LOGGER_METHODS, ...MCP_LOGGING_METHODS, ...MCP_NOTIFICATION_METHODS, 'write',
]);

const MAX_HELPER_ROUNDS = 3;
const MAX_LOGGER_DEPTH = 6;
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
    },
  },
  create(context) {
    const calls: ts.CallExpression[] = [];
    const helpers = new Map<FunctionNode, LoggingHelper>();
    const reported = new Set<ts.Node>();

    const report = (match: CredentialMatch, argument: ts.Expression, sink: string): void => {
      // The smallest node inside the argument that carries the credential, else the argument.
      const inside = match.node.getSourceFile() === argument.getSourceFile() && match.node.pos >= argument.pos && match.node.end <= argument.end;
      const node = inside ? match.node : argument;
      if (reported.has(node)) return;
      reported.add(node);
      const messageId = messageFor(match);
      context.report({ node, messageId, data: { credential: match.label, sink } });
    };

    /** Checks one logged expression; parameters of a named enclosing function make that function a logging helper instead. */
    const checkLogged = (argument: ts.Expression, sink: LogSink, call: ts.CallExpression): void => {
      const expression = ts.isSpreadElement(argument) ? argument.expression : argument;
      const enclosing = findAncestor(call, isFunctionNode);
      const name = enclosing ? functionName(enclosing) : undefined;
      const parts = loggedParts(expression, context.values, credentialsFor(context.values));
      const forwarded = enclosing && name ? parts.filter((part) => forwardedParameter(part, enclosing, credentialsFor(context.values), context.values) !== undefined) : [];
      if (forwarded.length > 0 && enclosing && name) {
        registerHelper(enclosing, name, forwarded, sink);
        for (const part of parts) {
          if (forwarded.includes(part)) continue;
          const match = credentialsFor(context.values).credentialIn(part);
          if (match) report(match, part, sink.label);
        }
        return;
      }
      if (sink.redacted.size > 0) {
        const properties = objectLiteralOf(expression, context.values);
        if (properties) {
          for (const match of unredactedCredentials(properties, sink.redacted, '', credentialsFor(context.values))) report(match, expression, sink.label);
          return;
        }
      }
      const match = credentialsFor(context.values).credentialIn(expression);
      if (match) report(match, expression, sink.label);
    };

    const registerHelper = (fn: FunctionNode, name: string, forwarded: ts.Expression[], sink: LogSink): void => {
      const helper = helpers.get(fn) ?? { name, positions: new Set<number>(), innerSink: sink.underlying ?? sink.label };
      for (const part of forwarded) {
        const parameter = forwardedParameter(part, fn, credentialsFor(context.values), context.values)!;
        const position = fn.parameters.indexOf(parameter);
        if (parameter.dotDotDotToken) helper.restFrom = position;
        else helper.positions.add(position);
      }
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
      end: () => {
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
            };
            for (const argument of sink.data) checkLogged(argument, sink, call);
          }
          if (!progressed) break;
        }
      },
    };
  },
});

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

/** The log sink a call writes to, with the arguments it logs. */
function logSinkOf(call: ts.CallExpression, values: ValueResolver): LogSink | undefined {
  const callee = values.unwrap(call.expression);
  const args = [...call.arguments];
  const none = new Set<string>();
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = values.unwrap(callee.expression);
    // A cheap first test: other method names log only as a debug function kept in an object (`loggers.auth(…)`).
    if (!LOG_METHOD_NAMES.has(method)) {
      return isLoggerTable(receiver, values) && isDebugFunction(callee, values) ? { label: `'${shortName(dottedName(callee))}'`, data: args, redacted: none } : undefined;
    }
    const receiverName = dottedName(receiver);
    if ((receiverName === 'console' || receiverName.endsWith('.console')) && CONSOLE_METHODS.has(method)) {
      return { label: `'console.${method}'`, data: method === 'assert' ? args.slice(1) : args, redacted: none };
    }
    if (STDIO_STREAMS.has(receiverName) && method === 'write') return { label: `'${receiverName}.write'`, data: args.slice(0, 1), redacted: none };
    if (MCP_LOGGING_METHODS.has(method) && args[0]) {
      const data = values.objectProperties(args[0])?.get('data') ?? args[0];
      return { label: `'${shortName(receiverName)}.${method}'`, data: [data], redacted: none };
    }
    if (MCP_NOTIFICATION_METHODS.has(method)) return mcpLogNotification(call, `${shortName(receiverName)}.${method}`, values);
    if (LOGGER_METHODS.has(method) && isLogger(receiver, values, 0)) {
      return { label: `'${shortName(receiverName)}.${method}'`, data: args, redacted: redactedPaths(receiver, values, 0) };
    }
    if (isDebugFunction(callee, values)) return { label: `'${shortName(dottedName(callee))}'`, data: args, redacted: none };
    return undefined;
  }
  if (ts.isIdentifier(callee)) {
    // `extra.sendNotification` destructured in a tool handler's parameters
    if (MCP_NOTIFICATION_METHODS.has(callee.text)) return mcpLogNotification(call, callee.text, values);
    // Debug functions and bound console methods are made in this file: `const log = debug('ns')`.
    if (isLocalVariable(callee, values) && (isDebugFunction(callee, values) || isBoundConsole(callee, values))) {
      return { label: `'${callee.text}'`, data: args, redacted: none };
    }
    // An imported `log(...)`/`logger(...)` whose body we cannot see.
    const declaration = values.declarationOf(callee);
    if (declaration?.kind === 'import' && LOGGER_NAME_WORDS.has(lastWord(callee.text))) return { label: `'${callee.text}'`, data: args, redacted: none };
  }
  return undefined;
}

/** An identifier declared by a `const`/`let`/`var` of this file (the only place a debug function or bound console can come from). */
function isLocalVariable(node: ts.Expression, values: ValueResolver): node is ts.Identifier {
  return ts.isIdentifier(node) && values.declarationOf(node)?.kind === 'variable';
}

/** `const loggers = { auth: debug('mcp:auth') }`: an object literal of this file that may hold debug functions. */
function isLoggerTable(node: ts.Expression, values: ValueResolver): boolean {
  if (!ts.isIdentifier(node)) return false;
  const initializer = values.declarationOf(node)?.initializer;
  return !!initializer && ts.isObjectLiteralExpression(values.unwrap(initializer));
}

/** `notification({ method: 'notifications/message', params: { level, data } })`: the MCP client shows or stores `data`. */
function mcpLogNotification(call: ts.CallExpression, label: string, values: ValueResolver): LogSink | undefined {
  const [message] = call.arguments;
  const properties = message ? values.objectProperties(message) : undefined;
  const method = properties?.get('method');
  if (!method || !values.stringValues(method)?.includes(MCP_LOG_NOTIFICATION)) return undefined;
  const params = properties?.get('params');
  const data = params ? values.objectProperties(params)?.get('data') ?? params : undefined;
  return data ? { label: `'${label}'`, data: [data], redacted: new Set() } : undefined;
}

/** A logger object: named like one (`logger`, `this.log`, `req.log`, `authLogger`) or created by a logging library. */
function isLogger(receiver: ts.Expression, values: ValueResolver, depth: number): boolean {
  if (depth > MAX_LOGGER_DEPTH) return false;
  const node = values.unwrap(receiver);
  if (ts.isCallExpression(node)) return isLoggerCreation(node, values, depth);
  if (ts.isNewExpression(node)) return LOGGER_CONSTRUCTORS.has(dottedName(node.expression));
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const name = ts.isIdentifier(node) ? node.text : node.name.text;
    if (DEFAULT_LOGGER_NAMES.has(name) || LOGGER_NAME_WORDS.has(lastWord(name))) return true;
    return values.origins(node).some((origin) => origin !== node && (ts.isCallExpression(origin) || ts.isNewExpression(origin)) && isLogger(origin, values, depth + 1));
  }
  return false;
}

/** `pino(...)`, `winston.createLogger(...)`, `require('pino')(...)`, `logger.child(...)`. */
function isLoggerCreation(call: ts.CallExpression, values: ValueResolver, depth: number): boolean {
  const callee = values.unwrap(call.expression);
  if (LOGGER_FACTORIES.has(dottedName(callee))) return true;
  if (ts.isCallExpression(callee) && isRequireOf(callee, LOGGER_MODULES)) return true;
  if (ts.isPropertyAccessExpression(callee) && CHILD_LOGGER_METHODS.has(callee.name.text)) return isLogger(callee.expression, values, depth + 1);
  return false;
}

/** A function made by `debug('ns')`, `require('debug')('ns')`, `util.debuglog('ns')` or `log.extend('sub')`. */
function isDebugFunction(callee: ts.Expression, values: ValueResolver, depth = 0): boolean {
  if (depth > MAX_LOGGER_DEPTH) return false;
  return values.origins(callee).some((origin) => {
    if (!ts.isCallExpression(origin)) return false;
    const factory = values.unwrap(origin.expression);
    if (DEBUG_FACTORIES.has(dottedName(factory))) return true;
    if (ts.isCallExpression(factory) && isRequireOf(factory, DEBUG_MODULES)) return true;
    return ts.isPropertyAccessExpression(factory) && DEBUG_EXTEND_METHODS.has(factory.name.text) && isDebugFunction(factory.expression, values, depth + 1);
  });
}

/** `const log = console.error.bind(console)` or `const log = console.error`. */
function isBoundConsole(callee: ts.Identifier, values: ValueResolver): boolean {
  return values.origins(callee).some((origin) => {
    const target = ts.isCallExpression(origin) && ts.isPropertyAccessExpression(origin.expression) && origin.expression.name.text === 'bind'
      ? origin.expression.expression
      : origin;
    return ts.isPropertyAccessExpression(target) && dottedName(target.expression) === 'console' && CONSOLE_METHODS.has(target.name.text);
  });
}

/** `require('pino')` or `import('pino')`: a load of one of `modules`. */
function isRequireOf(call: ts.CallExpression, modules: ReadonlySet<string>): boolean {
  const loaded = loadedModule(call);
  return loaded !== undefined && modules.has(loaded);
}

/**
 * The field paths a pino logger censors: `pino({ redact: [...] })` or `{ redact: { paths } }`,
 * also through `.child(...)` and a framework's `{ logger: { redact } }` option.
 */
function redactedPaths(receiver: ts.Expression, values: ValueResolver, depth: number): Set<string> {
  const paths = new Set<string>();
  if (depth > MAX_LOGGER_DEPTH) return paths;
  const node = values.unwrap(receiver);
  const candidates = ts.isCallExpression(node) ? [node] : values.origins(node);
  for (const origin of candidates) {
    if (!ts.isCallExpression(origin)) continue;
    const callee = values.unwrap(origin.expression);
    if (ts.isPropertyAccessExpression(callee) && CHILD_LOGGER_METHODS.has(callee.name.text)) {
      for (const path of redactedPaths(callee.expression, values, depth + 1)) paths.add(path);
      continue;
    }
    const options = origin.arguments[0] ? values.objectProperties(origin.arguments[0]) : undefined;
    const nested = options?.get('logger');
    const redact = options?.get(REDACTION_OPTION) ?? (nested ? values.objectProperties(nested)?.get(REDACTION_OPTION) : undefined);
    if (!redact) continue;
    const list = values.arrayElements(redact) ?? (values.objectProperties(redact)?.get('paths') ? values.arrayElements(values.objectProperties(redact)!.get('paths')!) : undefined);
    for (const element of list ?? []) for (const path of values.stringValues(element) ?? []) paths.add(path);
  }
  // `fastify.log`/`app.log`: the options are on the app that owns the logger.
  if (paths.size === 0 && ts.isPropertyAccessExpression(node) && node.name.text === 'log') {
    for (const path of redactedPaths(node.expression, values, depth + 1)) paths.add(path);
  }
  return paths;
}

/** The object literal an argument is, directly or through a local constant. */
function objectLiteralOf(expression: ts.Expression, values: ValueResolver): ts.ObjectLiteralExpression | undefined {
  return values.origins(expression).find(ts.isObjectLiteralExpression);
}

/** The credentials in an object literal that a redaction list does not cover. */
function unredactedCredentials(
  object: ts.ObjectLiteralExpression,
  redacted: ReadonlySet<string>,
  prefix: string,
  tokens: TokenModel,
): CredentialMatch[] {
  const found: CredentialMatch[] = [];
  for (const property of object.properties) {
    const key = property.name && (ts.isIdentifier(property.name) || ts.isStringLiteral(property.name)) ? property.name.text : undefined;
    if (key !== undefined) {
      const path = prefix + key;
      if (isRedacted(path, redacted)) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : undefined;
      if (value && ts.isObjectLiteralExpression(value) && redactsBelow(path, redacted)) {
        found.push(...unredactedCredentials(value, redacted, `${path}.`, tokens));
        continue;
      }
    }
    const match = tokens.credentialInProperty(property);
    // `{ headers: req.headers }` under a redaction of `headers.authorization`
    if (match?.origin === 'request-headers' && key !== undefined && isRedacted(`${prefix}${key}.authorization`, redacted)) continue;
    if (match) found.push(match);
  }
  return found;
}

/** pino paths: exact (`authorization`), bracketed (`["x-api-key"]`) or with one-level wildcards (`*.token`). */
function isRedacted(path: string, redacted: ReadonlySet<string>): boolean {
  const segments = path.split('.');
  return [...redacted].some((entry) => {
    const pattern = redactionSegments(entry);
    return pattern.length === segments.length && matchesPrefix(pattern, segments);
  });
}

/** Whether some redaction path reaches below `path` (`tokens.access_token` below `tokens`). */
function redactsBelow(path: string, redacted: ReadonlySet<string>): boolean {
  const segments = path.split('.');
  return [...redacted].some((entry) => {
    const pattern = redactionSegments(entry);
    return pattern.length > segments.length && matchesPrefix(pattern, segments);
  });
}

function redactionSegments(entry: string): string[] {
  return entry.replace(/\[["'](.+?)["']\]/g, '.$1').replace(/^\./, '').split('.');
}

function matchesPrefix(pattern: string[], segments: string[]): boolean {
  return segments.every((segment, index) => pattern[index] === '*' || pattern[index] === segment);
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

/** The parameter of `fn` that a logged part is, when the parameter is not a credential by its own name or type. */
function forwardedParameter(part: ts.Expression, fn: FunctionNode, tokens: TokenModel, values: ValueResolver): ts.ParameterDeclaration | undefined {
  const node = values.unwrap(part);
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = values.declarationOf(node);
  if (declaration?.kind !== 'parameter' || declaration.path || !ts.isParameter(declaration.node) || declaration.node.parent !== fn) return undefined;
  const own = tokens.credentialIn(node);
  if (own && own.node === node) return undefined;
  return declaration.node;
}

function shortName(dotted: string): string {
  return dotted.length > 40 ? `…${dotted.slice(-39)}` : dotted;
}

function lastWord(name: string): string {
  const words = splitWords(name.slice(name.lastIndexOf('.') + 1));
  return words[words.length - 1] ?? '';
}
