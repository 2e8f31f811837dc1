import type { AnalysisResult, FileAnalysis } from './types.js';

/** Adds one file's analysis to a run's result. Apart from the engine, so a caller need not load the compiler. */
export function mergeFileAnalysis(result: AnalysisResult, analysis: FileAnalysis): void {
  result.findings.push(...analysis.findings);
  result.suppressed.push(...analysis.suppressed);
  result.errors.push(...analysis.errors);
  if (analysis.analyzed) result.stats.analyzed++;
}
