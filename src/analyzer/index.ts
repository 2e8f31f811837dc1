/** The pure analyzer's public surface: files in, findings out. */
export { Analyzer, analyzeFiles } from './analyzer.js';
export { Project, type ProjectSource } from './engine/project.js';
export { fingerprint } from './engine/analyze.js';
export { mergeFileAnalysis } from './result.js';
export { defaultAnalyzerOptions, type AnalyzerOptions, type AnalyzerRuntime } from './options.js';
export { isSupportedPath, SUPPORTED_EXTENSIONS } from './engine/parse.js';
export { ALL_RULES, ruleById } from './rules/index.js';
export type { RuleModule, RuleMeta } from './rules/define.js';
export * from './types.js';
