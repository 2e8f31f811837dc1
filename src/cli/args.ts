import { parseArgs } from 'node:util';
import type { FailOn } from '../config/types.js';

export type OutputFormat = 'text' | 'json' | 'sarif';
export const FORMATS: readonly OutputFormat[] = ['text', 'json', 'sarif'];
const FAIL_ON: readonly FailOn[] = ['error', 'warning', 'note', 'never'];

export interface ScanCommand {
  kind: 'scan';
  paths: string[];
  format: OutputFormat;
  configPath?: string;
  /** Overrides the config file's fail_on when set. */
  failOn?: FailOn;
  outputPath?: string;
  /** Walk everything: no .gitignore, no default skip of node_modules/dist/build/minified files. */
  noIgnore: boolean;
  /** A scan that finds no file to analyse exits 0 instead of 2. */
  allowEmpty: boolean;
}

export type Command = ScanCommand | { kind: 'help' } | { kind: 'version' } | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: mcp-oauth-guard scan [PATH...] [options]
       mcp-oauth-guard scopes [PATH...] [--format text|json]   (requested vs needed scopes; see 'scopes --help')

Reviews MCP servers written in TypeScript or JavaScript for OAuth mistakes:
broad scopes, missing PKCE, unrotated refresh tokens, tokens in logs or in plaintext storage.

Arguments:
  PATH                      files or directories to scan (default: .); directories are walked,
                            skipping node_modules, .git, dist, build, minified files and what
                            .gitignore ignores; files named here are always scanned

Options:
  --format text|json|sarif  output format (default: text)
  --config FILE             config file (default: .mcp-oauth-guard.yml, .mcp-oauth-guard.yaml,
                            .mcp-oauth-guard.json or .github/mcp-oauth-guard.yml in the current directory)
  --fail-on error|warning|note|never
                            exit 1 when a finding is at or above this severity (default: the
                            config's fail_on, else error)
  --output FILE             write the report to FILE instead of stdout
  --no-ignore               also walk ignored and output directories
  --allow-empty             exit 0 when there is no file to scan (default: exit 2 with a hint)
  -h, --help                show this help
  -v, --version             show the version

Exit codes: 0 no finding at or above fail-on, 1 findings at or above fail-on, 2 usage or config
error, or no file to scan, 3 a file's analysis ran past its per-file budget (the scan is
incomplete; the other files' findings are still reported).
Suppress one finding with a reason: // mcp-oauth-guard-ignore <rule-id>: <reason>
`;

/** argv (without `node` and the script) → what to do. Pure. */
export function parseCommandLine(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        'fail-on': { type: 'string' },
        output: { type: 'string' },
        'no-ignore': { type: 'boolean', default: false },
        'allow-empty': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    return { kind: 'usage-error', message: describeParseError(error) };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  const [command, ...paths] = positionals;
  if (command === undefined) return { kind: 'usage-error', message: "missing command; use 'mcp-oauth-guard scan [PATH...]'" };
  if (command === 'help') return { kind: 'help' };
  if (command !== 'scan') return { kind: 'usage-error', message: `unknown command '${command}'; the command is 'scan'` };

  const format = values.format ?? 'text';
  if (!(FORMATS as readonly string[]).includes(format)) {
    return { kind: 'usage-error', message: `--format must be one of ${FORMATS.join(', ')} (got '${format}')` };
  }
  const failOn = values['fail-on'];
  if (failOn !== undefined && !(FAIL_ON as readonly string[]).includes(failOn)) {
    return { kind: 'usage-error', message: `--fail-on must be one of ${FAIL_ON.join(', ')} (got '${failOn}')` };
  }
  for (const [flag, value] of [['--config', values.config], ['--output', values.output]] as const) {
    if (value !== undefined && value.trim() === '') return { kind: 'usage-error', message: `${flag} needs a file name` };
  }

  return {
    kind: 'scan',
    paths: paths.length > 0 ? paths : ['.'],
    format: format as OutputFormat,
    ...(values.config !== undefined ? { configPath: values.config } : {}),
    ...(failOn !== undefined ? { failOn: failOn as FailOn } : {}),
    ...(values.output !== undefined ? { outputPath: values.output } : {}),
    noIgnore: values['no-ignore'] === true,
    allowEmpty: values['allow-empty'] === true,
  };
}

function describeParseError(error: unknown): string {
  const message = typeof (error as { message?: unknown } | null)?.message === 'string' ? (error as { message: string }).message : String(error);
  // node:util's messages end with advice about '--' that does not apply here.
  return message.replace(/\. To specify a positional argument starting with a '-'.*$/s, '').replace(/^Unknown option/, 'unknown option');
}
