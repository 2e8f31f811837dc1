import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { mergeFileAnalysis } from '../analyzer/result.js';
import type { AnalysisResult, FileAnalysis, InputFile, RuleId } from '../analyzer/types.js';
import type { RuleHelp } from '../report/check-run.js';
import { defaultConfig, type GuardConfig } from '../config/types.js';
import type { AnalysisTask } from './worker.js';
import type { FileScopeAnalysis } from '../analyzer/rules/broad-scope.js';
import type { ProviderScopeReport } from '../report/scopes.js';

export interface AnalysisPoolOptions {
  /** Worker threads; defaults to the machine's cores. */
  threads?: number;
  /** A file that takes longer is skipped and named; its worker is replaced. */
  fileBudgetMs?: number;
  /** Heap limit per worker, so one hostile file cannot take the process down. */
  workerHeapMb?: number;
}

export interface RunBudget {
  /** Files not finished by this many milliseconds after the start are reported as not analysed. */
  totalBudgetMs?: number;
  signal?: AbortSignal;
}

const DEFAULT_FILE_BUDGET_MS = 10_000;
const DEFAULT_TOTAL_BUDGET_MS = 5 * 60_000;

/**
 * Analysis off the event loop: a piscina pool of worker threads, each file a task with its own
 * time budget. A file that times out or kills its worker becomes an error entry; the run goes on.
 */
export class AnalysisPool {
  private readonly piscina: Piscina;
  private readonly fileBudgetMs: number;
  private readonly maxThreads: number;

  constructor(options: AnalysisPoolOptions = {}) {
    const threads = Math.max(1, options.threads ?? availableParallelism());
    this.fileBudgetMs = options.fileBudgetMs ?? DEFAULT_FILE_BUDGET_MS;
    this.maxThreads = threads;
    this.piscina = new Piscina({
      filename: workerFilename(),
      // Workers load the analyzer when they start, so keep them all alive and warm.
      minThreads: threads,
      maxThreads: threads,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: options.workerHeapMb ?? 768, maxYoungGenerationSizeMb: 16, stackSizeMb: 16 },
    });
    // A worker that dies between tasks is replaced by piscina; the event must not crash the process.
    this.piscina.on('error', () => {});
  }


  /** Each rule's help for annotations, read in a worker so this thread never loads the rules or the compiler. */
  async ruleHelp(): Promise<Partial<Record<RuleId, RuleHelp>>> {
    return (await this.piscina.run({}, { name: 'ruleHelp' })) as Partial<Record<RuleId, RuleHelp>>;
  }

  /** The summary's scope table, joined in a worker (it needs the scope maps and the compiler's types). */
  async scopeReport(analyses: readonly FileScopeAnalysis[], files: number): Promise<ProviderScopeReport[]> {
    return (await this.piscina.run({ analyses, files }, { name: 'scopeReport' })) as ProviderScopeReport[];
  }

  /** Resolves once every thread has loaded the analyzer and answered one task. */
  async warmUp(): Promise<void> {
    const file = { path: 'warm-up.ts', text: 'export {};' };
    const config = defaultConfig();
    await Promise.all(Array.from({ length: this.maxThreads }, () => this.piscina.run({ file, config, configKey: 'warm-up' } satisfies AnalysisTask)));
  }

  /** `modules`: what the file imports, for the analyzer to follow values into (findings stay in `file`). */
  async analyzeFile(file: InputFile, config: GuardConfig, signal?: AbortSignal, modules?: readonly InputFile[]): Promise<FileAnalysis & { scopeAnalyses?: FileScopeAnalysis[] }> {
    const budget = new AbortController();
    const combined = signal ? AbortSignal.any([budget.signal, signal]) : budget.signal;
    const { port1, port2 } = new MessageChannel();
    let timer: NodeJS.Timeout | undefined;
    port1.once('message', () => {
      timer = setTimeout(() => budget.abort(), this.fileBudgetMs);
    });
    const task: AnalysisTask = { file, config, configKey: JSON.stringify(config), startedPort: port2, ...(modules && modules.length > 0 ? { modules: [...modules] } : {}) };
    try {
      return (await this.piscina.run(task, { signal: combined, transferList: [port2] })) as FileAnalysis;
    } catch (error) {
      const message = budget.signal.aborted
        ? `skipped: analysis took longer than the ${this.fileBudgetMs / 1000} s per-file budget`
        : signal?.aborted
          ? `skipped: ${typeof signal.reason === 'string' ? signal.reason : "the run's time budget ran out before this file was analysed"}`
          : `skipped: the analysis worker failed (${error instanceof Error ? error.message : String(error)})`;
      return { file: file.path, findings: [], suppressed: [], errors: [{ file: file.path, message, fatal: true }], analyzed: false };
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /**
   * Analyses files in parallel and merges them in input order. Only as many files as there are
   * threads are in flight, so a file's budget starts when its analysis does, not while it queues.
   */
  async analyzeAll(files: readonly InputFile[], config: GuardConfig, budget: RunBudget = {}, imports?: ReadonlyMap<string, readonly InputFile[]>): Promise<AnalysisResult & { scopeAnalyses?: FileScopeAnalysis[] }> {
    const total = AbortSignal.timeout(budget.totalBudgetMs ?? DEFAULT_TOTAL_BUDGET_MS);
    const signal = budget.signal ? AbortSignal.any([total, budget.signal]) : total;
    const analyses: (FileAnalysis & { scopeAnalyses?: FileScopeAnalysis[] })[] = new Array(files.length);
    let next = 0;
    const lane = async () => {
      while (next < files.length) {
        const index = next++;
        const file = files[index]!;
        analyses[index] = await this.analyzeFile(file, config, signal, imports?.get(file.path));
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.maxThreads, files.length) }, lane));
    const result: AnalysisResult & { scopeAnalyses?: FileScopeAnalysis[] } = { findings: [], suppressed: [], errors: [], stats: { files: files.length, analyzed: 0 } };
    for (const analysis of analyses) {
      mergeFileAnalysis(result, analysis);
      if (analysis.scopeAnalyses) (result.scopeAnalyses ??= []).push(...analysis.scopeAnalyses);
    }
    return result;
  }

  async close(): Promise<void> {
    await this.piscina.destroy();
  }
}

/** The compiled worker: `lib/pool/worker.js`, whether this module runs from `lib/` or (under tests) from `src/`. */
function workerFilename(): string {
  const here = fileURLToPath(import.meta.url);
  return here.replace(/([\\/])src([\\/]pool[\\/])analysis-pool\.ts$/, '$1lib$2worker.js').replace(/analysis-pool\.js$/, 'worker.js');
}
