import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { CONFIG_LIMITS, parseConfigText, type ConfigError, type ConfigResult } from '../config/load.js';
import { readSmallTextFile } from './read.js';
import { defaultConfig } from '../config/types.js';

/** Looked up in the cwd, in this order, when --config is not given. */
export const CONFIG_CANDIDATES = ['.mcp-oauth-guard.yml', '.mcp-oauth-guard.yaml', '.mcp-oauth-guard.json', '.github/mcp-oauth-guard.yml'];

export interface LoadedConfig {
  result: ConfigResult;
  /** The file read, as the user would name it; undefined when defaults were used. */
  source?: string;
  /** Things the user should know that are not errors. */
  notes: string[];
  /** The file could not be read at all (missing, a directory, no permission): not an invalid config. */
  readError?: string;
}

/**
 * The app resolves `_extends` (org-wide defaults in another repository) through GitHub. The CLI
 * reads local files only, so it drops that key, keeping line numbers, and says so. Pure.
 */
export function withoutExtends(text: string): { text: string; extended?: string } {
  const match = /^_extends:[ \t]*(.*?)[ \t]*$/m.exec(text);
  if (!match) return { text };
  return { text: text.replace(match[0], '#'), extended: match[1]!.replace(/^['"]|['"]$/g, '') };
}

export async function loadConfig(cwd: string, explicitPath: string | undefined): Promise<LoadedConfig> {
  const source = explicitPath ?? CONFIG_CANDIDATES.find((candidate) => existsSync(resolve(cwd, candidate)));
  if (source === undefined) return { result: { ok: true, config: defaultConfig() }, notes: [] };
  const read = await readSmallTextFile(resolve(cwd, source), CONFIG_LIMITS.maxBytes);
  if (!read.ok) {
    const why = read.message.replace(/^(could not be read|skipped): /, '').replace(/\(max_file_size\)$/, '(config files are capped)');
    const readError = `cannot read config file '${source}': ${why}`;
    return { source, result: { ok: false, errors: [{ key: '', message: readError }] }, notes: [], readError };
  }
  const text = read.text;
  const { text: local, extended } = withoutExtends(text);
  const notes = extended
    ? [`${source}: '_extends: ${extended}' is resolved only by the GitHub App; the CLI uses this file's own settings`]
    : [];
  return { source, result: parseConfigText(local, source), notes };
}

/** Each key, its message and an example, for stderr. Pure. */
export function formatConfigErrors(source: string | undefined, errors: readonly ConfigError[]): string {
  const lines = [`mcp-oauth-guard: invalid config${source ? ` in ${source}` : ''}:`];
  for (const error of errors) {
    const where = error.line !== undefined ? ` (line ${error.line})` : '';
    lines.push(error.key ? `  ${error.key}${where}: ${error.message}` : `  ${error.message}`);
    if (error.example) {
      lines.push('    example:');
      for (const exampleLine of error.example.split('\n')) lines.push(`      ${exampleLine}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
