import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Analyzer, mergeFileAnalysis, Project } from '../analyzer/index.js';
import type { AnalysisResult, InputFile } from '../analyzer/types.js';
import type { GuardConfig } from '../config/types.js';

/**
 * The in-process analyzer behind the executor seam. It yields to the event loop between files so
 * webhooks and health checks are served during a large PR; a worker pool can replace it.
 * `imports`: per file, the modules it reaches through relative imports (`ImportedModules`).
 */
export async function analyzeInProcess(files: InputFile[], config: GuardConfig, imports?: ReadonlyMap<string, readonly InputFile[]>): Promise<AnalysisResult> {
  const analyzer = new Analyzer(config);
  const result: AnalysisResult = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
  for (const file of files) {
    await yieldToEventLoop();
    try {
      mergeFileAnalysis(result, analyzer.analyzeFile(file, projectOf(file, imports?.get(file.path), config)));
    } catch (error) {
      const message = `analysis failed: ${error instanceof Error ? error.message : String(error)}`;
      mergeFileAnalysis(result, { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message, fatal: true }], analyzed: false });
    }
  }
  return result;
}

/**
 * A file with the modules it imports as one project, so values are followed into them; the
 * same in this thread and in a pool worker. Findings stay in the file analysed.
 */
export function projectOf(file: InputFile, modules: readonly InputFile[] | undefined, config: GuardConfig): Project | undefined {
  if (!modules || modules.length === 0) return undefined;
  return Project.of([file, ...modules], { maxModuleBytes: config.maxFileBytes });
}
