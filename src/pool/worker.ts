/** Runs in a worker thread: one file in, its analysis out. The analyzer is kept per config between tasks. */
import { AppAnalyzer, projectOf, scopeReportOf, type FileAnalysisWithScopes } from '../app/analyze.js';
import { loadRuleHelp } from '../app/rule-help.js';
import type { InputFile } from '../analyzer/types.js';
import type { FileScopeAnalysis } from '../analyzer/rules/broad-scope.js';
import type { GuardConfig } from '../config/types.js';
import type { ProviderScopeReport } from '../report/scopes.js';
import type { MessagePort } from 'node:worker_threads';

export interface AnalysisTask {
  file: InputFile;
  config: GuardConfig;
  /** Identifies the config so the worker builds one Analyzer per distinct config. */
  configKey: string;
  /** The modules the file reaches through relative imports, read from the head commit: followed, never reported on. */
  modules?: InputFile[];
  /** Told when the analysis starts, so the per-file budget does not count time spent queued or booting. */
  startedPort?: MessagePort;
}

let cached: { key: string; analyzer: AppAnalyzer } | undefined;

export default function analyzeInWorker(task: AnalysisTask): FileAnalysisWithScopes {
  task.startedPort?.postMessage('started');
  task.startedPort?.close();
  if (!cached || cached.key !== task.configKey) cached = { key: task.configKey, analyzer: new AppAnalyzer(task.config) };
  return cached.analyzer.analyzeFile(task.file, projectOf(task.file, task.modules, task.config));
}

/** The rules' descriptions and "How to fix" texts, for annotations: read here, where the rules are loaded anyway. */
export function ruleHelp(): ReturnType<typeof loadRuleHelp> {
  return loadRuleHelp();
}

/** The summary's scope table from what `broad-scope` saw in each file (joined here: it needs the scope maps). */
export function scopeReport(task: { analyses: FileScopeAnalysis[]; files: number }): ProviderScopeReport[] {
  return scopeReportOf(task.analyses, task.files);
}
