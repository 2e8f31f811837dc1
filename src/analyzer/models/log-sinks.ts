import { ts } from '../engine/typescript.js';
import { dottedName, type ValueResolver } from '../engine/values.js';
import { importedFrom, loadedModule } from '../engine/modules.js';
import { declaredTypeOf } from '../engine/declared-types.js';
import {
  CHILD_LOGGER_METHODS,
  CONSOLE_METHODS,
  DEBUG_EXTEND_METHODS,
  DEBUG_FACTORIES,
  DEBUG_MODULES,
  DEFAULT_LOGGER_NAMES,
  DISPLAY_REQUEST_OBJECTS,
  DISPLAY_REQUEST_VERBS,
  LOGGER_CONSTRUCTORS,
  LOGGER_FACTORIES,
  LOGGER_LIBRARIES,
  LOGGER_SHAPE_MIN_LEVELS,
  LOGGER_METHODS,
  LOGGER_MODULES,
  LOGGER_NAME_WORDS,
  MCP_LOG_NOTIFICATION,
  MCP_LOGGING_METHODS,
  MCP_NOTIFICATION_METHODS,
  REDACTION_OPTION,
  STDIO_STREAMS,
} from '../knowledge/log-sinks.js';
import { splitWords, type CredentialMatch, type TokenModel } from './credentials.js';

/**
 * Where a program writes logs: console and stdio, logger objects of the logging libraries
 * (created by their factories, children of loggers, declared with their types, or named like
 * loggers), debug functions and MCP logging notifications; and which fields a logger censors.
 */

export /** A call that writes its arguments to a log. */
interface LogSink {
  /** How the message names it: `'console.error'`, `'log' (which calls 'console.error')`. */
  label: string;
  /** The expressions whose content ends up in the log. */
  data: ts.Expression[];
  /** Field paths a pino logger censors (`redact`), when visible. */
  redacted: ReadonlySet<string>;
  /** For a logging helper, the library sink it ends in (`'console.error'`). */
  underlying?: string;
  /** The sink is an MCP tool result's text, not a log. */
  toolResult?: boolean;
}

/** Every method name that can write to a log: console, stdio, logger levels and MCP logging. */
const LOG_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...CONSOLE_METHODS, ...LOGGER_METHODS, ...MCP_LOGGING_METHODS, ...MCP_NOTIFICATION_METHODS, 'write',
]);

const MAX_LOGGER_DEPTH = 6;

/** The log sink a call writes to, with the arguments it logs. */
export function logSinkOf(call: ts.CallExpression, values: ValueResolver): LogSink | undefined {
  if (isRequestedDisplay(call, values)) return undefined;
  const callee = values.unwrap(call.expression);
  const args = [...call.arguments];
  const none = new Set<string>();
  if (ts.isPropertyAccessExpression(callee)) {
    const method = callee.name.text;
    const receiver = values.unwrap(callee.expression);
    // A cheap first test: other method names log only as a debug function kept in an object (`loggers.auth(…)`).
    if (!LOG_METHOD_NAMES.has(method)) {
      if (isFileLogHelper(call, method, values)) return { label: `'${method}'`, data: args, redacted: none };
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
    // `import { trace, error } from '../log/logger.js'`: level functions of the project's own logging module.
    if (declaration?.kind === 'import' && isLevelFromLoggingModule(callee, values)) return { label: `'${callee.text}'`, data: args, redacted: none };
    if (isFileLogHelper(call, callee.text, values)) return { label: `'${callee.text}'`, data: args, redacted: none };
  }
  return undefined;
}

/**
 * The text of an MCP tool result: `{ content: [{ type: 'text', text }] }`. The client shows it to
 * the model and the user and keeps it in the conversation's transcript, so a credential in it is
 * disclosed as in a log.
 */
export function toolResultTextOf(object: ts.ObjectLiteralExpression, values: ValueResolver): ts.Expression | undefined {
  const list = object.parent;
  if (!list || !ts.isArrayLiteralExpression(list)) return undefined;
  const holder = list.parent;
  if (!holder || !ts.isPropertyAssignment(holder) || propertyKey(holder.name) !== 'content' || !ts.isObjectLiteralExpression(holder.parent)) return undefined;
  const properties = values.objectProperties(object);
  const type = properties?.get('type');
  const text = properties?.get('text');
  if (!type || !text || !ts.isStringLiteralLike(values.unwrap(type)) || (values.unwrap(type) as ts.StringLiteralLike).text !== 'text') return undefined;
  return text;
}

function propertyKey(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}

/**
 * A line printed only because the user asked for the credential: the call runs in the branch of an
 * `if`, or after the `&&`, of a flag named for showing one (`if (state.showToken) consola.info(…)`,
 * `argv['show-token'] && console.log(token)`). Negated or compound-or conditions do not count.
 */
function isRequestedDisplay(call: ts.CallExpression, values: ValueResolver): boolean {
  let child: ts.Node = call;
  for (let node = call.parent; node && !ts.isSourceFile(node) && !ts.isFunctionLike(node); child = node, node = node.parent) {
    if (ts.isIfStatement(node) && node.thenStatement === child && conditionAsksToDisplay(node.expression, values)) return true;
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && node.right === child &&
        conditionAsksToDisplay(node.left, values)) return true;
  }
  return false;
}

function conditionAsksToDisplay(condition: ts.Expression, values: ValueResolver): boolean {
  const node = values.unwrap(condition);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken) {
    return conditionAsksToDisplay(node.left, values) || conditionAsksToDisplay(node.right, values);
  }
  let name: string | undefined;
  if (ts.isIdentifier(node)) name = node.text;
  else if (ts.isPropertyAccessExpression(node)) name = node.name.text;
  else if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) name = node.argumentExpression.text;
  // `args.includes('--show-token')`
  else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'includes' &&
           node.arguments[0] && ts.isStringLiteralLike(node.arguments[0])) name = node.arguments[0].text;
  if (!name) return false;
  const words = splitWords(name);
  return words.length >= 2 && DISPLAY_REQUEST_VERBS.has(words[0]!) && words.slice(1).some((word) => DISPLAY_REQUEST_OBJECTS.has(word));
}

/** An imported function named for a log level (by its exported name) from a relative module whose path says it logs. */
function isLevelFromLoggingModule(callee: ts.Identifier, values: ValueResolver): boolean {
  const ref = importedFrom(callee, values);
  if (!ref || ref.path.length !== 1 || !LOGGER_METHODS.has(ref.path[0]!) || !ref.module.startsWith('.')) return false;
  return ref.module.split('/').some((segment) => splitWords(segment.replace(/\.[cm]?[jt]s$/, '')).some((word) => LOGGER_NAME_WORDS.has(word)));
}

/** `fs.appendFile(…)`, `appendFileSync(…)`, `fs.createWriteStream(…)`: writes that add to a file. */
const FILE_APPEND_CALL = /(^|\.)(appendFile|appendFileSync|createWriteStream)$/;

/**
 * A log helper that writes to a file: a function named for logging (`logToFile`, `writeLog`,
 * `appendLog`) whose body appends to a file; when its body is not in the scan, its name must say
 * both (`logToFile`, `writeLogFile`). A function that appends without a log name is a store, not a log.
 */
function isFileLogHelper(call: ts.CallExpression, name: string, values: ValueResolver): boolean {
  if (call.arguments.length === 0) return false;
  const words = splitWords(name);
  if (!words.some((word) => word === 'log' || word === 'logs')) return false;
  const fn = values.calledFunction(call);
  if (fn?.body) return appendsToFile(fn.body, values);
  const callee = values.unwrap(call.expression);
  const declaration = ts.isIdentifier(callee) ? values.declarationOf(callee) : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? values.declarationOf(callee.expression) : undefined;
  // Only an import (or a `require` namespace of a compiled import) whose body we cannot see is taken by its name.
  const imported = declaration?.kind === 'import' || (ts.isPropertyAccessExpression(callee) && importedFrom(callee, values) !== undefined);
  return imported && words.includes('file');
}

/** The body appends to a file, or writes to a stream made by `createWriteStream` (`stream.write(line)`). */
function appendsToFile(body: ts.Node, values: ValueResolver): boolean {
  let found = false;
  const isFileStream = (receiver: ts.Expression): boolean =>
    values.origins(receiver).some((origin) => ts.isCallExpression(origin) && FILE_APPEND_CALL.test(dottedName(values.unwrap(origin.expression))));
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isCallExpression(node)) {
      const callee = values.unwrap(node.expression);
      if (FILE_APPEND_CALL.test(dottedName(callee)) || (ts.isPropertyAccessExpression(callee) && callee.name.text === 'write' && isFileStream(callee.expression))) {
        found = true;
        return;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(body);
  return found;
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
export function isLogger(receiver: ts.Expression, values: ValueResolver, depth: number): boolean {
  if (depth > MAX_LOGGER_DEPTH) return false;
  const node = values.unwrap(receiver);
  if (ts.isCallExpression(node)) return isLoggerCreation(node, values, depth) || libraryMakes(node.expression, 'factories', values);
  if (ts.isNewExpression(node)) return LOGGER_CONSTRUCTORS.has(dottedName(node.expression)) || libraryMakes(node.expression, 'constructors', values);
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const name = ts.isIdentifier(node) ? node.text : node.name.text;
    if (DEFAULT_LOGGER_NAMES.has(name) || LOGGER_NAME_WORDS.has(lastWord(name))) return true;
    if (isDeclaredLogger(node, values)) return true;
    return values.origins(node).some((origin) => origin !== node && (ts.isCallExpression(origin) || ts.isNewExpression(origin)) && isLogger(origin, values, depth + 1));
  }
  return false;
}

/** A call or `new` of a logging library's factory or class, through its import: `mk()` after `import { createLogger as mk } from 'winston'`. */
function libraryMakes(callee: ts.Expression, kind: 'factories' | 'constructors', values: ValueResolver): boolean {
  const ref = importedFrom(callee, values);
  if (!ref) return false;
  const module = ref.module.replace(/^node:/, '');
  const member = (ref.path[0] === 'default' ? ref.path.slice(1) : ref.path).join('.');
  return LOGGER_LIBRARIES.some((library) => library.module === module && library[kind].includes(member));
}

/**
 * A receiver declared as a logger: with a logging library's logger type (`audit: pino.Logger`),
 * or with an interface or type of this file shaped like a logger (level methods `info`, `error`, …).
 */
function isDeclaredLogger(node: ts.Expression, values: ValueResolver): boolean {
  const type = declaredTypeOf(node, values);
  if (!type) return false;
  if (type.module !== undefined) return LOGGER_LIBRARIES.some((library) => library.module === type.module && library.types.includes(type.name));
  return isLoggerShaped(type.name, node.getSourceFile());
}

function isLoggerShaped(typeName: string, sourceFile: ts.SourceFile): boolean {
  for (const statement of sourceFile.statements) {
    const members = ts.isInterfaceDeclaration(statement) && statement.name.text === typeName ? statement.members
      : ts.isTypeAliasDeclaration(statement) && statement.name.text === typeName && ts.isTypeLiteralNode(statement.type) ? statement.type.members
        : undefined;
    if (!members) continue;
    const levels = members.filter((member) => (ts.isMethodSignature(member) || ts.isPropertySignature(member)) && member.name &&
      ts.isIdentifier(member.name) && LOGGER_METHODS.has(member.name.text));
    return levels.length >= LOGGER_SHAPE_MIN_LEVELS;
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
    // The debug module's export under any local name: `import dbg from 'debug'`, compiled `(0, debug_1.default)('ns')`.
    if (isDebugModuleExport(factory, values)) return true;
    return ts.isPropertyAccessExpression(factory) && DEBUG_EXTEND_METHODS.has(factory.name.text) && isDebugFunction(factory.expression, values, depth + 1);
  });
}

/** Exported names of debug factories in other modules (frameworks wrap debug and re-export it). */
const DEBUG_FACTORY_EXPORTS = new Set(['createDebug', 'debuglog']);

/** The function the debug module exports, however it was imported and named. */
function isDebugModuleExport(factory: ts.Expression, values: ValueResolver): boolean {
  const ref = importedFrom(factory, values);
  if (!ref) return false;
  if (DEBUG_MODULES.has(ref.module) && (ref.path.length === 0 || (ref.path.length === 1 && ref.path[0] === 'default'))) return true;
  // A framework's re-export of debug's factory under its own name: `createDebug` of '@feathersjs/commons'.
  const member = ref.path[ref.path.length - 1];
  return ref.path.length >= 1 && member !== undefined && DEBUG_FACTORY_EXPORTS.has(member);
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
export function objectLiteralOf(expression: ts.Expression, values: ValueResolver): ts.ObjectLiteralExpression | undefined {
  return values.origins(expression).find(ts.isObjectLiteralExpression);
}

/** The credentials in an object literal that a redaction list does not cover. */
export function unredactedCredentials(
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
export function isRedacted(path: string, redacted: ReadonlySet<string>): boolean {
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


function shortName(dotted: string): string {
  return dotted.length > 40 ? `…${dotted.slice(-39)}` : dotted;
}

function lastWord(name: string): string {
  // Bundlers rename clashing bindings with a numeric suffix: `_logger2`, `log$1`.
  const words = splitWords(name.slice(name.lastIndexOf('.') + 1).replace(/\$?\d+$/, ''));
  return words[words.length - 1] ?? '';
}
