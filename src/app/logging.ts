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

/** The app's own logger: a child of Probot's with the same redaction, whichever logger Probot was given. */
export function appLogger(parent: Logger): Logger {
  return parent.child({ name: 'mcp-oauth-guard' }, { redact: REDACT });
}

/** The root logger for `node lib/app/server.js`: JSON lines on stdout, redacted (Probot's own logger redacts nothing). */
export function createRootLogger(level = process.env.LOG_LEVEL || 'info'): Logger {
  return pino({ name: 'probot', level, redact: REDACT });
}
