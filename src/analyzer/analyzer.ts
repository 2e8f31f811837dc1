import { describe, Engine } from './engine/analyze.js';
import type { RuleModule } from './engine/rule-module.js';
import { defaultAnalyzerOptions, type AnalyzerOptions, type AnalyzerRuntime } from './options.js';
import { mergeFileAnalysis } from './result.js';
import { Project } from './engine/project.js';
import { ALL_RULES, SUPPRESSION_RULE } from './rules/index.js';
import type { AnalysisResult, FileAnalysis, InputFile } from './types.js';

/** The engine with the analyzer's rules (all of them unless a caller picks some) and its suppression diagnostics. */
export class Analyzer extends Engine {
  constructor(options: AnalyzerOptions = defaultAnalyzerOptions(), rules: readonly RuleModule[] = ALL_RULES, runtime: AnalyzerRuntime = {}) {
    super(options, rules, runtime, SUPPRESSION_RULE);
  }
}

/**
 * Analyses a set of files as one scan (relative imports between them are followed); a file that
 * fails becomes an error entry, never an exception.
 */
export function analyzeFiles(files: readonly InputFile[], options: AnalyzerOptions = defaultAnalyzerOptions()): AnalysisResult {
  const analyzer = new Analyzer(options);
  const project = Project.of(files, { maxModuleBytes: options.maxFileBytes });
  const result: AnalysisResult = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
  for (const file of files) {
    let analysis: FileAnalysis;
    try {
      analysis = analyzer.analyzeFile(file, project);
    } catch (error) {
      analysis = { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message: `analysis failed: ${describe(error)}`, fatal: true }], analyzed: false };
    }
    mergeFileAnalysis(result, analysis);
  }
  return result;
}
