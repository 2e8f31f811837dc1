import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Analyzer, mergeFileAnalysis, Project } from '../analyzer/index.js';
import { detachedCall } from '../analyzer/models/api-calls.js';
import { createBroadScope, type FileScopeAnalysis } from '../analyzer/rules/broad-scope.js';
import { ALL_RULES } from '../analyzer/rules/index.js';
import type { AnalysisResult, FileAnalysis, InputFile } from '../analyzer/types.js';
import type { GuardConfig } from '../config/types.js';
import { buildScopesReport, type ProviderScopeReport } from '../report/scopes.js';

/** An analysis with what `broad-scope` saw of each file's scope requests and API calls, for the summary's scope table. */
export type AnalysisWithScopes = AnalysisResult & { scopeAnalyses?: FileScopeAnalysis[] };
export type FileAnalysisWithScopes = FileAnalysis & { scopeAnalyses?: FileScopeAnalysis[] };

/**
 * The in-process analyzer behind the executor seam. It yields to the event loop between files so
 * webhooks and health checks are served during a large PR; a worker pool can replace it.
 * `imports`: per file, the modules it reaches through relative imports (`ImportedModules`).
 */
export async function analyzeInProcess(files: InputFile[], config: GuardConfig, imports?: ReadonlyMap<string, readonly InputFile[]>): Promise<AnalysisWithScopes> {
  const analyzer = new AppAnalyzer(config);
  const result: AnalysisWithScopes = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
  for (const file of files) {
    await yieldToEventLoop();
    try {
      const analysis = analyzer.analyzeFile(file, projectOf(file, imports?.get(file.path), config));
      mergeFileAnalysis(result, analysis);
      if (analysis.scopeAnalyses) (result.scopeAnalyses ??= []).push(...analysis.scopeAnalyses);
    } catch (error) {
      const message = `analysis failed: ${error instanceof Error ? error.message : String(error)}`;
      mergeFileAnalysis(result, { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message, fatal: true }], analyzed: false });
    }
  }
  return result;
}

/**
 * The analyzer the app runs, in this thread or a pool worker: every rule, with `broad-scope`
 * also handing over what it saw (scope requests, API calls) detached from the file's tree, so it
 * can cross threads and be joined into the summary's scope table.
 */
export class AppAnalyzer {
  private readonly analyzer: Analyzer;
  private seen: FileScopeAnalysis[] = [];

  constructor(config: GuardConfig) {
    const broadScope = createBroadScope((analysis) => this.seen.push(detachedScopeAnalysis(analysis)));
    this.analyzer = new Analyzer(config, ALL_RULES.map((rule) => (rule.meta.id === 'broad-scope' ? broadScope : rule)));
  }

  analyzeFile(file: InputFile, project?: Project): FileAnalysisWithScopes {
    this.seen = [];
    const analysis: FileAnalysisWithScopes = this.analyzer.analyzeFile(file, project);
    if (this.seen.length > 0 && analysis.analyzed) analysis.scopeAnalyses = this.seen;
    this.seen = [];
    return analysis;
  }
}

function detachedScopeAnalysis(analysis: FileScopeAnalysis): FileScopeAnalysis {
  return { ...analysis, requests: analysis.requests.map((request) => ({ ...request, scopes: [...request.scopes] })), calls: analysis.calls.map((call) => detachedCall(call)), providers: new Set(analysis.providers) };
}

/** The scope table's data for the analysed files (what `mcp-oauth-guard scopes` prints). */
export function scopeReportOf(analyses: readonly FileScopeAnalysis[], files: number): ProviderScopeReport[] {
  return buildScopesReport(analyses, files).providers;
}

/**
 * A file with the modules it imports as one project, so values are followed into them; the
 * same in this thread and in a pool worker. Findings stay in the file analysed.
 */
export function projectOf(file: InputFile, modules: readonly InputFile[] | undefined, config: GuardConfig): Project | undefined {
  if (!modules || modules.length === 0) return undefined;
  return Project.of([file, ...modules], { maxModuleBytes: config.maxFileBytes });
}
