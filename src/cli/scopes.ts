/**
 * `mcp-oauth-guard scopes [PATH…] [--format text|json]`: per provider, the scopes the code
 * requests, the scopes its API calls need (and the calls behind each), and what to change.
 * Unlike the `broad-scope` rule, which judges one file at a time, this joins the requests and
 * the calls of every scanned file.
 */
import { parseArgs } from 'node:util';
import { Analyzer } from '../analyzer/index.js';
import { displayScope } from '../analyzer/models/api-calls.js';
import { createBroadScope, type FileScopeAnalysis } from '../analyzer/rules/broad-scope.js';
import { buildScopesReport, type CallReport, type ScopesReport } from '../report/scopes.js';
import { TOOL_NAME } from '../version.js';
import { formatConfigErrors, loadConfig } from './config-file.js';
import { collectFiles } from './files.js';
import { readSourceFile } from './read.js';
import type { CliIo } from './scan.js';

export { buildScopesReport, type CallReport, type ProviderScopeReport, type ScopesReport } from '../report/scopes.js';

export const SCOPES_USAGE = `Usage: ${TOOL_NAME} scopes [PATH...] [options]

Prints, per provider (Google, Microsoft Graph, GitHub, Slack), the OAuth scopes the code requests,
the scopes its API calls need with the calls behind each, and the requested scopes to drop or narrow.

Options:
  --format text|json  output format (default: text)
  --config FILE       config file (as for 'scan')
  --no-ignore         also walk ignored and output directories
  -h, --help          show this help
`;

interface ScopesCommand {
  paths: string[];
  format: 'text' | 'json';
  configPath?: string;
  noIgnore: boolean;
}

export function parseScopesArgs(argv: readonly string[]): ScopesCommand | { help: true } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        config: { type: 'string' },
        'no-ignore': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).replace(/\. To specify a positional argument starting with a '-'.*$/s, '') };
  }
  if (parsed.values.help) return { help: true };
  const format = parsed.values.format ?? 'text';
  if (format !== 'text' && format !== 'json') return { error: `--format must be text or json (got '${format}')` };
  if (parsed.values.config !== undefined && parsed.values.config.trim() === '') return { error: '--config needs a file name' };
  return {
    paths: parsed.positionals.length ? parsed.positionals : ['.'],
    format,
    ...(parsed.values.config !== undefined ? { configPath: parsed.values.config } : {}),
    noIgnore: parsed.values['no-ignore'] === true,
  };
}

function callList(calls: readonly CallReport[]): string {
  const labels = [...new Set(calls.map((call) => call.call))];
  const tools = [...new Set(calls.flatMap((call) => call.tools))].sort();
  return `${labels.join(', ')}${tools.length ? ` (tools: ${tools.join(', ')})` : ''}`;
}

export function formatScopesText(report: ScopesReport): string {
  const lines: string[] = [];
  if (report.providers.length === 0) lines.push(`No OAuth scope request and no Google, Microsoft Graph, GitHub or Slack API call found in ${report.files} file(s).`);
  for (const provider of report.providers) {
    lines.push(provider.name);
    const byPlace = new Map<string, string[]>();
    for (const item of provider.requested) byPlace.set(`${item.file}:${item.line}`, [...(byPlace.get(`${item.file}:${item.line}`) ?? []), displayScope(item.scope)]);
    if (byPlace.size === 0) lines.push('  requested: (no request found)');
    for (const [place, scopes] of byPlace) lines.push(`  requested at ${place}: ${scopes.join(' ')}`);
    lines.push(`  needed:${provider.needed.length ? '' : ' (nothing the seen calls need)'}`);
    for (const item of provider.needed) lines.push(`    ${displayScope(item.scope)}: ${item.calls.length ? callList(item.calls) : 'no call (kept: signing in or another context needs it)'}`);
    for (const change of provider.changes) {
      lines.push(change.kind === 'drop' ? `  drop ${displayScope(change.scope)}: no call needs it` : `  request ${change.replacement.map(displayScope).join(' ')} instead of ${displayScope(change.scope)}`);
    }
    if (provider.unserved.length) lines.push(`  not served by the requested scopes: ${callList(provider.unserved)}`);
    for (const item of provider.unresolved) lines.push(`  unresolved call ${item.file}:${item.line}: ${item.reason}`);
    if (provider.notJudged) lines.push(`  note: ${provider.notJudged}`);
    lines.push('');
  }
  for (const error of report.errors) lines.push(`${error.file}: ${error.message}`);
  return `${lines.join('\n').replace(/\n+$/, '')}\n`;
}

/** The `scopes` subcommand: argv after 'scopes' in, exit code out (0, or 2 for usage and config errors). */
export async function runScopesCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseScopesArgs(argv);
  if ('help' in command) {
    io.stdout.write(SCOPES_USAGE);
    return 0;
  }
  if ('error' in command) {
    io.stderr.write(`${TOOL_NAME}: ${command.error}\nRun '${TOOL_NAME} scopes --help' for usage.\n`);
    return 2;
  }
  const loaded = await loadConfig(io.cwd, command.configPath);
  for (const note of loaded.notes) io.stderr.write(`${TOOL_NAME}: note: ${note}\n`);
  if (!loaded.result.ok) {
    io.stderr.write(formatConfigErrors(loaded.source, loaded.result.errors));
    return 2;
  }
  const config = loaded.result.config;
  const collected = await collectFiles(command.paths, { cwd: io.cwd, config, noIgnore: command.noIgnore });
  if (collected.missing.length > 0) {
    for (const path of collected.missing) io.stderr.write(`${TOOL_NAME}: no such file or directory: ${path}\n`);
    return 2;
  }
  const analyses: FileScopeAnalysis[] = [];
  // Every file is parsed: files with calls but no OAuth request matter here, and the rule's prefilter would skip them.
  const analyzer = new Analyzer(config, [createBroadScope((analysis) => analyses.push(analysis))], { prefilter: false });
  const errors: ScopesReport['errors'] = [];
  for (const file of collected.files) {
    const read = await readSourceFile(file.absolutePath, config.maxFileBytes);
    if (!read.ok) {
      errors.push({ file: file.path, message: read.message });
      continue;
    }
    try {
      const result = analyzer.analyzeFile({ path: file.path, text: read.text });
      for (const error of result.errors) if (error.fatal) errors.push({ file: file.path, message: error.message });
    } catch (error) {
      errors.push({ file: file.path, message: `analysis failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  const report = buildScopesReport(analyses, collected.files.length, errors);
  io.stdout.write(command.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : formatScopesText(report));
  return 0;
}
