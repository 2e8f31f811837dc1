import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { Analyzer, mergeFileAnalysis } from '../analyzer/index.js';
import type { AnalysisResult, InputFile } from '../analyzer/types.js';
import type { GuardConfig } from '../config/types.js';

/**
 * The in-process analyzer behind the executor seam. It yields to the event loop between files so
 * webhooks and health checks are served during a large PR; a worker pool can replace it.
 */
export async function analyzeInProcess(files: InputFile[], config: GuardConfig): Promise<AnalysisResult> {
  const analyzer = new Analyzer(config);
  const result: AnalysisResult = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
  for (const file of files) {
    await yieldToEventLoop();
    try {
      mergeFileAnalysis(result, analyzer.analyzeFile(file));
    } catch (error) {
      const message = `analysis failed: ${error instanceof Error ? error.message : String(error)}`;
      mergeFileAnalysis(result, { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message, fatal: true }], analyzed: false });
    }
  }
  return result;
}
