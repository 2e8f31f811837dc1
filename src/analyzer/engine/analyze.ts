import { createHash } from 'node:crypto';
import { ts } from './typescript.js';
import type { AnalyzerOptions, AnalyzerRuntime } from '../options.js';
import type { RuleModule, RuleVisitors } from './rule-module.js';
import { RULE_IDS, type AnalysisError, type FileAnalysis, type Finding, type InputFile, type RuleId, type SuppressedFinding } from '../types.js';
import { didYouMean } from '../../did-you-mean.js';
import { formatMessage, LineIndex, spanOf, type RawFinding, type RuleContext, type ScanView } from './context.js';
import { isSupportedPath, Parser, syntaxErrorsOf } from './parse.js';
import { findSuppressions, suppressionFor } from './suppressions.js';
import { FileMemos, ValueResolver } from './values.js';
import { BudgetExceeded, FileBudget, Flow, type BudgetOptions } from './flow.js';
import { walkFile } from './walk.js';
import { ModuleLinker, ProjectModules, type Project } from './project.js';
import { formatBytes } from '../../source-text.js';
import type { TextRequirement } from '../knowledge/prefilter.js';
import { maskSecrets } from '../knowledge/secret-shapes.js';

/**
 * Runs the rules it is handed over files one at a time with a shared parser, so memory does not
 * grow with the number of files. Pure: no file system, network, environment or clock (a budget's
 * clock is handed in). The engine knows no rule: `Analyzer` (analyzer.ts) hands in the rule set.
 */
export class Engine {
  private readonly parser = new Parser();
  private readonly rules: RuleModule[];
  /** Node kinds the walk collects, per set of rules that apply to a file (keyed by their indexes). */
  private readonly wantedKinds = new Map<string, Set<ts.SyntaxKind>>();
  private readonly prefilter: boolean;
  private readonly budget: BudgetOptions;

  /**
   * @param suppressionRule words the diagnostics of malformed suppression comments (reported
   *   for every rule id the analyzer knows, whichever rules run).
   */
  constructor(
    private readonly config: AnalyzerOptions,
    rules: readonly RuleModule[],
    runtime: AnalyzerRuntime = {},
    private readonly suppressionRule?: RuleModule,
  ) {
    this.rules = rules.filter((rule) => config.rules[rule.meta.id]?.enabled !== false);
    this.prefilter = runtime.prefilter ?? true;
    this.budget = { fileBudgetMs: runtime.fileBudgetMs, now: runtime.now };
  }

  /** The rules whose required text the file contains (all of them without the prefilter). */
  private rulesFor(text: string): RuleModule[] {
    if (!this.prefilter) return this.rules;
    const verdicts = new Map<TextRequirement, boolean>();
    return this.rules.filter((rule) => {
      const requirement = rule.meta.requiresText;
      if (!requirement) return true;
      let verdict = verdicts.get(requirement);
      if (verdict === undefined) verdicts.set(requirement, (verdict = requirement.test(text)));
      return verdict;
    });
  }

  private kindsFor(rules: readonly RuleModule[]): Set<ts.SyntaxKind> {
    const key = rules.map((rule) => this.rules.indexOf(rule)).join(',');
    let kinds = this.wantedKinds.get(key);
    if (!kinds) {
      // Ask each rule for its visitor kinds once, with a throwaway context.
      kinds = new Set<ts.SyntaxKind>();
      for (const rule of rules) for (const kind of visitorKinds(rule)) kinds.add(kind);
      this.wantedKinds.set(key, kinds);
    }
    return kinds;
  }

  /** Passes over the whole scan, one per project (a rule keeps its answers under the project's key). */
  private readonly scans = new WeakMap<Project, ProjectModules>();

  /**
   * Analyses one file. With `project` (the files of the same scan), values are followed into
   * the files its relative imports load; findings are still reported in this file only.
   */
  analyzeFile(file: InputFile, project?: Project): FileAnalysis {
    try {
      return this.analyzeWithinBudget(file, new FileBudget(this.budget), project);
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      // Over budget: the file's findings so far are incomplete, so none are kept; the error says why.
      return { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message: error.message, fatal: true, budgetExceeded: true }], analyzed: false };
    }
  }

  private analyzeWithinBudget(file: InputFile, budget: FileBudget, project: Project | undefined): FileAnalysis {
    const result: FileAnalysis = { file: file.path, findings: [], suppressed: [], errors: [], analyzed: false };
    const refusal = this.refusalReason(file);
    if (refusal) {
      result.errors.push({ file: file.path, message: refusal, fatal: true });
      return result;
    }
    const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
    const rules = this.rulesFor(text);
    if (this.prefilter && rules.length === 0) {
      // Nothing any rule looks for is in the text: the file cannot have findings, so it is not parsed.
      result.analyzed = true;
      result.prefiltered = true;
      return result;
    }
    let sourceFile: ts.SourceFile;
    try {
      // A file an earlier file's import already opened is not parsed twice.
      const parsed = parseShared(this.parser, project, file.path, text);
      sourceFile = parsed.sourceFile;
      if (parsed.syntaxErrors.length > 0) {
        const first = parsed.syntaxErrors[0]!;
        const position = sourceFile.getLineAndCharacterOfPosition(first.start ?? 0);
        result.errors.push({
          file: file.path,
          message: `${parsed.syntaxErrors.length} syntax error(s), first at line ${position.line + 1}: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}; analysed as far as the parser recovered`,
          fatal: false,
        });
      }
    } catch (error) {
      result.errors.push({ file: file.path, message: `could not be parsed: ${describe(error)}`, fatal: true });
      return result;
    }

    let walked;
    try {
      walked = walkFile(sourceFile, this.kindsFor(rules));
    } catch (error) {
      result.errors.push({ file: file.path, message: `could not be walked: ${describe(error)}`, fatal: true });
      return result;
    }
    project?.remember(file.path, sourceFile, walked);
    budget.check();
    // One Flow (and resolver and token model on it) per text requirement. Its memos keep answers
    // that a depth limit cut short, so what one rule asks first shapes what the next one is told:
    // rules that the prefilter or the config can run apart must not share them. The budget is the file's.
    const resolvers = new Map<TextRequirement | undefined, ValueResolver>();
    // One window on the scan per file: which modules its imports open is the same whichever rule asks.
    const linker = project ? new ModuleLinker(project, file.path, sourceFile, walked, () => budget.charge()) : undefined;
    const memos = new FileMemos();
    const valuesFor = (rule: RuleModule) => {
      let values = resolvers.get(rule.meta.requiresText);
      if (!values) resolvers.set(rule.meta.requiresText, (values = new ValueResolver(walked, new Flow(budget), linker, memos)));
      return values;
    };
    const scan = project ? this.scanView(project, budget) : undefined;
    const raw: RawFinding[] = [];
    let lineIndex: LineIndex | undefined; // built on the first finding: most files have none

    for (const rule of rules) {
      const values = valuesFor(rule);
      try {
        const context: RuleContext = {
          ruleId: rule.meta.id,
          path: file.path,
          sourceFile,
          values,
          config: this.config,
          ...(scan ? { scan } : {}),
          report: ({ node, messageId, data, severity }) => {
            // Findings belong to the file analysed: a node of an imported module is that module's to report.
            if (linker?.crossed && node.getSourceFile() !== sourceFile) return;
            const template = (rule.meta.messages as Record<string, string>)[messageId];
            raw.push({
              ruleId: rule.meta.id,
              messageId,
              // A message never quotes a secret from the scanned code: labels taken from source show its shape.
              message: formatMessage(template ?? messageId, data && maskData(data)),
              severity: this.config.rules[rule.meta.id]?.severity ?? severity ?? rule.meta.defaultSeverity,
              span: spanOf(node, sourceFile, (lineIndex ??= new LineIndex(text))),
            });
          },
        };
        const visitors = rule.create(context);
        runVisitors(visitors, walked.orderedNodes);
      } catch (error) {
        if (error instanceof BudgetExceeded) throw error;
        result.errors.push({ file: file.path, message: `rule '${rule.meta.id}' failed: ${describe(error)}`, fatal: false });
      }
      budget.check();
    }

    result.analyzed = true;
    this.applySuppressions(file.path, text, raw, result);
    return result;
  }

  private scanView(project: Project, budget: FileBudget): ScanView {
    let modules = this.scans.get(project);
    if (!modules) this.scans.set(project, (modules = new ProjectModules(project, this.budget)));
    const shared = modules;
    return { key: project, files: project.paths().size, each: (mentions, visit) => budget.excluding(() => shared.each(mentions, visit)) };
  }

  private refusalReason(file: InputFile): string | undefined {
    if (!isSupportedPath(file.path)) return 'not a JavaScript or TypeScript file';
    const bytes = Buffer.byteLength(file.text, 'utf8');
    if (bytes > this.config.maxFileBytes) {
      return `skipped: ${formatBytes(bytes)} is over the ${formatBytes(this.config.maxFileBytes)} limit (max_file_size)`;
    }
    if (file.text.includes('\u0000')) return 'skipped: binary content (NUL bytes) in a source file';
    return undefined;
  }

  private applySuppressions(path: string, text: string, raw: RawFinding[], result: FileAnalysis): void {
    const directives = findSuppressions(text);
    if (raw.length === 0 && directives.length === 0) return;
    const lines = text.split(/\r\n|\r|\n/);
    const seen = new Set<string>();
    const occurrences = new Map<string, number>();
    const toFinding = (item: RawFinding): Finding => {
      const lineText = (lines[item.span.line - 1] ?? '').trim();
      const key = `${item.ruleId}\u0000${lineText}`;
      const occurrence = occurrences.get(key) ?? 0;
      occurrences.set(key, occurrence + 1);
      return {
        ruleId: item.ruleId,
        severity: item.severity,
        file: path,
        ...item.span,
        message: item.message,
        messageId: item.messageId,
        fingerprint: fingerprint(item.ruleId, path, lineText, occurrence),
      };
    };
    const ordered = [...raw].sort((a, b) => a.span.line - b.span.line || a.span.column - b.span.column || a.ruleId.localeCompare(b.ruleId));
    for (const item of ordered) {
      // Same rule, place and message: one finding. Different messages on one node are kept.
      const key = `${item.ruleId}:${item.span.line}:${item.span.column}:${item.span.endLine}:${item.span.endColumn}:${item.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding = toFinding(item);
      const directive = suppressionFor(directives, item.ruleId, item.span.line);
      if (directive) result.suppressed.push({ ...finding, reason: directive.reason } satisfies SuppressedFinding);
      else result.findings.push(finding);
    }
    const suppressionRule = this.suppressionRule;
    if (!suppressionRule || this.config.rules['suppression-missing-reason']?.enabled === false) return;
    const known = new Set<string>(RULE_IDS);
    for (const directive of directives) {
      const unknown = directive.ruleIds.filter((id) => !known.has(id));
      const messageId = directive.ruleIds.length === 0 ? 'missingRule' : unknown.length ? 'unknownRule' : directive.reason ? undefined : 'missingReason';
      if (!messageId) continue;
      const template = (suppressionRule.meta.messages as Record<string, string>)[messageId] ?? messageId;
      const item: RawFinding = {
        ruleId: 'suppression-missing-reason',
        messageId,
        message: formatMessage(template, { rules: directive.ruleIds.join(', '), unknown: unknown.join(', '), suggestion: unknown.length === 1 ? didYouMean(unknown[0]!, [...known]) : '' }),
        severity: this.config.rules['suppression-missing-reason']?.severity ?? suppressionRule.meta.defaultSeverity,
        span: { line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.endColumn },
      };
      result.findings.push(toFinding(item));
    }
    result.findings.sort((a, b) => a.line - b.line || a.column - b.column);
  }
}

/** Dispatches the walk's document-ordered nodes to one rule's visitors, then its `end`. */
function runVisitors(visitors: RuleVisitors, orderedNodes: readonly ts.Node[]): void {
  for (const node of orderedNodes) {
    const visit = visitors[node.kind];
    if (visit) visit(node);
  }
  visitors.end?.();
}

const kindCache = new WeakMap<RuleModule, ts.SyntaxKind[]>();
/** The node kinds a rule visits; `create` must not do work beyond returning its visitors. */
function visitorKinds(rule: RuleModule): ts.SyntaxKind[] {
  const cached = kindCache.get(rule);
  if (cached) return cached;
  const inert: unknown = new Proxy(function inert() {}, { get: () => inert, apply: () => inert });
  const probe = rule.create(inert as RuleContext);
  const kinds = Object.keys(probe).filter((key) => key !== 'end').map(Number);
  kindCache.set(rule, kinds);
  return kinds;
}

export function fingerprint(ruleId: RuleId, path: string, lineText: string, occurrence: number): string {
  return createHash('sha256').update(`${ruleId}\u0000${path}\u0000${lineText.replace(/\s+/g, ' ')}\u0000${occurrence}`).digest('hex').slice(0, 32);
}

function maskData(data: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(Object.entries(data).map(([key, value]) => [key, typeof value === 'string' ? maskSecrets(value) : value]));
}

export function describe(error: unknown): string {
  if (error instanceof RangeError && /call stack/i.test(error.message)) return 'nesting too deep to analyse (call stack exceeded)';
  return error instanceof Error ? error.message : String(error);
}


export type { AnalysisError };

/** The file's parse: the project's, when an import already opened it from the same text, else a fresh one. */
function parseShared(parser: Parser, project: Project | undefined, path: string, text: string): { sourceFile: ts.SourceFile; syntaxErrors: readonly ts.DiagnosticWithLocation[] } {
  const cached = project?.cachedParse(path, text);
  return cached ? { sourceFile: cached.sourceFile, syntaxErrors: syntaxErrorsOf(cached.sourceFile) } : parser.parse(path, text);
}
