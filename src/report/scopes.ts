/**
 * The scope report: per provider, the scopes the code requests, the scopes its API calls need
 * (with the calls behind each) and what to drop or narrow, joined across every analysed file.
 * Pure data in and out; `mcp-oauth-guard scopes` prints it and the check-run summary shows it
 * as a table.
 */
import { loadScopeMap, SCOPE_MAP_PROVIDERS, type ScopeMapProvider } from '../analyzer/knowledge/scope-maps/index.js';
import { PROVIDER_NAMES } from '../analyzer/knowledge/scopes.js';
import { callLabel, callSite, cheapestAdditions, isProviderScope, optionsOf, solveProvider, type ApiCall } from '../analyzer/models/api-calls.js';
import type { FileScopeAnalysis } from '../analyzer/rules/broad-scope.js';

export interface Located {
  file: string;
  line: number;
}

export interface CallReport extends Located {
  call: string;
  tools: string[];
}

export interface ProviderScopeReport {
  provider: ScopeMapProvider;
  name: string;
  requested: (Located & { scope: string })[];
  /** The minimal set the calls need; with no request in sight, the cheapest set. */
  needed: { scope: string; calls: CallReport[] }[];
  changes: ({ scope: string } & ({ kind: 'drop' } | { kind: 'narrow'; replacement: string[] }))[];
  unresolved: (Located & { reason: string })[];
  /** Calls the requested scopes do not serve. */
  unserved: CallReport[];
  /** Why requested scopes were not judged, when they were not. */
  notJudged?: string;
}

export interface ScopesReport {
  files: number;
  providers: ProviderScopeReport[];
  errors: { file: string; message: string }[];
}

function lineOf(call: ApiCall): number {
  return callSite(call).line;
}

/** Joins the per-file analyses into one report per provider. Pure. */
export function buildScopesReport(analyses: readonly FileScopeAnalysis[], files: number, errors: ScopesReport['errors'] = []): ScopesReport {
  const providers: ProviderScopeReport[] = [];
  for (const provider of SCOPE_MAP_PROVIDERS) {
    const calls: (ApiCall & { file: string })[] = analyses.flatMap((analysis) => analysis.calls.filter((call) => call.provider === provider).map((call) => Object.assign(call, { file: analysis.path })));
    const requested: ProviderScopeReport['requested'] = [];
    for (const analysis of analyses) {
      for (const request of analysis.requests) {
        if (request.provider !== undefined && request.provider !== provider) continue;
        if (request.provider === undefined && request.scopes.every((scope) => !scopeBelongs(provider, scope))) continue;
        for (const scope of request.scopes) if (scopeBelongs(provider, scope) && !requested.some((item) => item.scope === scope)) requested.push({ scope, file: analysis.path, line: request.line });
      }
    }
    if (calls.length === 0 && requested.length === 0) continue;
    const map = loadScopeMap(provider);
    const resolved = calls.filter((call) => call.entry);
    const describe = (call: ApiCall & { file: string }): CallReport => ({ call: callLabel(call.entry!), file: call.file, line: lineOf(call), tools: call.tools });
    const report: ProviderScopeReport = {
      provider,
      name: PROVIDER_NAMES[provider],
      requested,
      needed: [],
      changes: [],
      unresolved: calls.filter((call) => !call.entry).map((call) => ({ file: call.file, line: lineOf(call), reason: call.unresolved ?? 'not resolved' })),
      unserved: [],
    };
    if (requested.length === 0) {
      const cheapest = cheapestAdditions(map, resolved.map((call) => ({ call, options: optionsOf(map, call) })), []) ?? [];
      report.needed = cheapest.map((scope) => ({ scope, calls: resolved.filter((call) => optionsOf(map, call).some((set) => set.includes(scope))).map(describe) }));
      report.notJudged = 'no scope request for this provider was found in the scanned files';
    } else {
      const solution = solveProvider(provider, requested.map((item) => item.scope), resolved);
      report.needed = solution.needed.map((scope) => ({ scope, calls: (solution.callsByScope.get(scope) ?? []).map((call) => describe(call as ApiCall & { file: string })) }));
      report.unserved = solution.uncovered.map((call) => describe(call as ApiCall & { file: string }));
      if (report.unresolved.length > 0) report.notJudged = `${report.unresolved.length} call(s) could not be pinned to a method, so no requested scope is called unneeded`;
      else if (resolved.length === 0) report.notJudged = 'no calls to this provider were seen';
      else {
        for (const verdict of solution.verdicts) {
          if (verdict.kind === 'unneeded' || verdict.kind === 'redundant') report.changes.push({ scope: verdict.scope, kind: 'drop' });
          else if (verdict.kind === 'broader') report.changes.push({ scope: verdict.scope, kind: 'narrow', replacement: verdict.replacement });
        }
      }
    }
    providers.push(report);
  }
  return { files, providers, errors };
}

function scopeBelongs(provider: ScopeMapProvider, scope: string): boolean {
  return isProviderScope(loadScopeMap(provider), scope);
}
