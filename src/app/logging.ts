import pino, { type Logger, type LoggerOptions } from 'pino';

/**
 * Paths pino blanks out wherever they appear in a log object: tokens, keys, secrets and the
 * headers that carry them. File contents are never passed to a logger in the first place.
 */
export const REDACTED_PATHS = [
  'token',
  '*.token',
  'accessToken',
  '*.accessToken',
  'access_token',
  '*.access_token',
  'refresh_token',
  '*.refresh_token',
  'privateKey',
  '*.privateKey',
  'private_key',
  '*.private_key',
  'secret',
  '*.secret',
  'webhookSecret',
  '*.webhookSecret',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-hub-signature"]',
  'req.headers["x-hub-signature-256"]',
  'res.headers["set-cookie"]',
  'request.headers.authorization',
  '*.request.headers.authorization',
  'err.request.headers.authorization',
  'err.response.headers.authorization',
  'content',
  '*.content',
];

export const REDACT: LoggerOptions['redact'] = { paths: REDACTED_PATHS, censor: '[redacted]' };

/**
 * The app's own logger: a child of Probot's with the same redaction, whichever logger Probot was given.
 * Probot's logger already binds `name: probot` and pino does not merge child bindings, so another
 * `name` would write the key twice in one JSON line: the app is told apart by `component`.
 */
export function appLogger(parent: Logger): Logger {
  return parent.child({ component: 'mcp-oauth-guard' }, { redact: REDACT });
}

/**
 * The root logger for `node lib/app/server.js`: JSON lines on stdout, redacted (Probot's own logger
 * redacts nothing). No `name` here: Probot's children (`probot`, `http`, `setup`) each add theirs.
 */
export function createRootLogger(level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({ level, redact: REDACT });
}
