import type { GuardConfig } from './types.js';

/** One problem in a config file, precise enough to fix without reading our source. */
export interface ConfigError {
  /** Dotted path of the offending key, e.g. 'rules.broad-scope.severity' ('' for the whole file). */
  key: string;
  message: string;
  /** An example of the right form, e.g. "fail_on: warning". */
  example?: string;
}

export type ConfigResult = { ok: true; config: GuardConfig } | { ok: false; errors: ConfigError[] };

// PLACEHOLDER: the schema and validation are being written (parseConfigText / validateConfig).
export function validateConfig(_raw: unknown): ConfigResult {
  throw new Error('not yet implemented');
}

export function parseConfigText(_text: string, _sourceName: string): ConfigResult {
  throw new Error('not yet implemented');
}
