/**
 * Where Node programs write logs: the console, stdio (an MCP stdio server's stderr is its
 * log), logging libraries (pino, winston, bunyan, log4js, consola, signale, npmlog, debug),
 * and the MCP SDK's logging notifications. Data only; `token-logged` decides how to match.
 */

/** `console.<method>(...)`; `assert`'s first argument is the condition, not logged. */
export const CONSOLE_METHODS = new Set([
  'log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'dirxml', 'table', 'group', 'groupCollapsed', 'assert', 'timeLog',
]);

/** `process.stdout.write(...)`, `process.stderr.write(...)`. */
export const STDIO_STREAMS = new Set(['process.stdout', 'process.stderr']);

/** Level methods of pino, winston, bunyan, log4js, consola, signale, npmlog, loglevel and fastify's `log`. */
export const LOGGER_METHODS = new Set([
  'trace', 'debug', 'info', 'warn', 'warning', 'error', 'fatal', 'log', 'verbose', 'silly', 'http', 'notice', 'crit',
  'critical', 'alert', 'emerg', 'emergency', 'success', 'fail', 'note',
]);

/** Last word of a receiver's name that marks it as a logger: `logger`, `this.log`, `req.log`, `authLogger`, `auditLog`. */
export const LOGGER_NAME_WORDS = new Set(['log', 'logger', 'logging']);

/** Whole receiver names of libraries' default loggers: `winston.info(...)`, `consola.warn(...)`. */
export const DEFAULT_LOGGER_NAMES = new Set(['winston', 'consola', 'signale', 'npmlog', 'loglevel', 'log4js_logger']);

/** Calls that create a logger: `pino()`, `winston.createLogger()`, `bunyan.createLogger()`, `log4js.getLogger()`. */
export const LOGGER_FACTORIES = new Set([
  'pino', 'pino.default', 'pino.pino', 'createLogger', 'winston.createLogger', 'bunyan.createLogger', 'Bunyan.createLogger',
  'log4js.getLogger', 'getLogger', 'consola.create', 'createConsola', 'pinoHttp', 'logging.getLogger',
]);

/** Constructors that create a logger: `new Logger()` (tslog, winston 2), `new winston.Logger()`, `new Signale()`. */
export const LOGGER_CONSTRUCTORS = new Set(['Logger', 'winston.Logger', 'Signale', 'signale.Signale', 'bunyan', 'Bunyan']);

/** Modules whose `require(...)` result is a logger factory: `require('pino')()`. */
export const LOGGER_MODULES = new Set(['pino', 'bunyan', 'winston', 'log4js', 'consola', 'signale']);

/** Methods that derive a logger from a logger: `logger.child({ module })`, `consola.withTag('auth')`. */
export const CHILD_LOGGER_METHODS = new Set(['child', 'withTag', 'scope', 'withScope', 'getLogger']);

/** Factories of debug-style log functions: `debug('mcp:auth')`, `require('debug')('x')`, `util.debuglog('x')`. */
export const DEBUG_FACTORIES = new Set(['debug', 'createDebug', 'Debug', 'debuglog', 'util.debuglog']);
export const DEBUG_MODULES = new Set(['debug']);
/** `log.extend('sub')` derives a debug function from a debug function. */
export const DEBUG_EXTEND_METHODS = new Set(['extend']);

/** MCP SDK: `server.sendLoggingMessage({ level, data })` and `notifications/message` notifications. */
export const MCP_LOGGING_METHODS = new Set(['sendLoggingMessage']);
export const MCP_NOTIFICATION_METHODS = new Set(['notification', 'sendNotification']);
export const MCP_LOG_NOTIFICATION = 'notifications/message';

/**
 * A flag by which the user asks a command to print a credential (`--show-token`,
 * `state.showToken`, `flags.printApiKey`): its first word is one of these verbs and a later word
 * one of the credential words. A line printed only under such a flag is the output the user
 * asked for, as `gh auth token` is, not a log.
 */
export const DISPLAY_REQUEST_VERBS = new Set(['show', 'print', 'reveal', 'display', 'echo']);
export const DISPLAY_REQUEST_OBJECTS = new Set(['token', 'tokens', 'key', 'keys', 'secret', 'secrets', 'credential', 'credentials']);

/** Option that names the fields a pino logger censors: `pino({ redact: ['req.headers.authorization'] })`. */
export const REDACTION_OPTION = 'redact';

/**
 * Logging libraries, one record per module: the exports that make a logger when called
 * (`''` is the module itself: `pino()`), the classes whose instances are loggers, and the type
 * names a logger is declared with (`constructor(private log: pino.Logger)`). Matched through
 * the import, so an alias (`import { createLogger as mk } from 'winston'`) is still a logger.
 */
export interface LoggerLibraryRecord {
  module: string;
  factories: readonly string[];
  constructors: readonly string[];
  types: readonly string[];
}

export const LOGGER_LIBRARIES: readonly LoggerLibraryRecord[] = [
  { module: 'pino', factories: ['', 'pino'], constructors: [], types: ['Logger', 'BaseLogger'] },
  { module: 'pino-http', factories: [''], constructors: [], types: [] },
  { module: 'winston', factories: ['createLogger'], constructors: ['Logger'], types: ['Logger'] },
  { module: 'bunyan', factories: ['createLogger'], constructors: [''], types: ['Logger'] },
  { module: 'log4js', factories: ['getLogger'], constructors: [], types: ['Logger'] },
  { module: 'consola', factories: ['createConsola', 'create'], constructors: [], types: ['ConsolaInstance'] },
  { module: 'tslog', factories: [], constructors: ['Logger'], types: ['Logger'] },
  { module: 'signale', factories: [], constructors: ['Signale'], types: ['Signale'] },
  { module: 'loglevel', factories: ['getLogger'], constructors: [], types: ['Logger'] },
  { module: '@nestjs/common', factories: [], constructors: ['Logger'], types: ['Logger', 'LoggerService'] },
  { module: 'fastify', factories: [], constructors: [], types: ['FastifyBaseLogger'] },
];

/** A local interface or type with at least this many level methods (`info`, `error`, …) is logger-shaped. */
export const LOGGER_SHAPE_MIN_LEVELS = 2;
