/** Runs in a worker thread: one file in, its analysis out. The analyzer is kept per config between tasks. */
import { Analyzer } from '../analyzer/index.js';
import { projectOf } from '../app/analyze.js';
import { loadRuleHelp } from '../app/rule-help.js';
import type { FileAnalysis, InputFile } from '../analyzer/types.js';
import type { GuardConfig } from '../config/types.js';
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

let cached: { key: string; analyzer: Analyzer } | undefined;

export default function analyzeInWorker(task: AnalysisTask): FileAnalysis {
  task.startedPort?.postMessage('started');
  task.startedPort?.close();
  if (!cached || cached.key !== task.configKey) cached = { key: task.configKey, analyzer: new Analyzer(task.config) };
  return cached.analyzer.analyzeFile(task.file, projectOf(task.file, task.modules, task.config));
}

/** The rules' descriptions and "How to fix" texts, for annotations: read here, where the rules are loaded anyway. */
export function ruleHelp(): ReturnType<typeof loadRuleHelp> {
  return loadRuleHelp();
}
