/**
 * Where the app analyses files: worker threads (production) or this thread (tests that want it).
 * The worker pool keeps the webhook server's event loop free, gives every file and every pull
 * request a time budget, and replaces a worker that dies; a file that runs out of time is named
 * in the summary as not analysed.
 */
import { availableParallelism } from 'node:os';
import type { RuleId } from '../analyzer/types.js';
import { AnalysisPool } from '../pool/analysis-pool.js';
import type { RuleHelp } from '../report/check-run.js';
import type { AnalyzeFiles, ScopeReporter } from './job.js';

export type RuleHelpTable = Partial<Record<RuleId, RuleHelp>>;

/**
 * Neither backend loads the analyzer into this thread until it is used in process: with the
 * worker pool, the webhook server never holds the TypeScript compiler (about 80 MB).
 */
export interface AnalysisBackend {
  readonly kind: 'worker-pool' | 'in-process';
  analyze: AnalyzeFiles;
  /** The rules' descriptions and "How to fix" texts for annotations. */
  ruleHelp(): Promise<RuleHelpTable>;
  /** The summary's scope table from what `broad-scope` saw (`scopeAnalyses` of an analysis). */
  scopeReport: ScopeReporter;
  close(): Promise<void>;
}

export interface WorkerPoolSettings {
  /** Worker threads; the machine's cores by default. */
  threads: number;
  /** A file still being analysed after this long is skipped and named. */
  fileBudgetMs: number;
  /** Files of one pull request not finished after this long are skipped and named. */
  runBudgetMs: number;
  /** Heap limit of each worker, so one hostile file cannot exhaust the process. */
  workerHeapMb: number;
}

export const DEFAULT_FILE_BUDGET_MS = 10_000;
export const DEFAULT_RUN_BUDGET_MS = 120_000;
export const DEFAULT_WORKER_HEAP_MB = 768;

/**
 * Settings from the environment (all optional): `ANALYSIS_THREADS`, `ANALYSIS_FILE_BUDGET_MS`,
 * `ANALYSIS_RUN_BUDGET_MS`, `ANALYSIS_WORKER_HEAP_MB`. A value that is not a positive integer is
 * refused at start-up rather than silently replaced.
 */
export function workerPoolSettingsFromEnv(env: NodeJS.ProcessEnv): WorkerPoolSettings {
  return {
    threads: positiveInteger(env, 'ANALYSIS_THREADS') ?? availableParallelism(),
    fileBudgetMs: positiveInteger(env, 'ANALYSIS_FILE_BUDGET_MS') ?? DEFAULT_FILE_BUDGET_MS,
    runBudgetMs: positiveInteger(env, 'ANALYSIS_RUN_BUDGET_MS') ?? DEFAULT_RUN_BUDGET_MS,
    workerHeapMb: positiveInteger(env, 'ANALYSIS_WORKER_HEAP_MB') ?? DEFAULT_WORKER_HEAP_MB,
  };
}

function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`mcp-oauth-guard: ${name} must be a positive integer, not '${raw}'.`);
  return value;
}

/** `stop`: aborting it (with a string reason) ends every analysis in flight; their files are named as not analysed. */
export function createWorkerPoolBackend(settings: WorkerPoolSettings, stop?: AbortSignal): AnalysisBackend {
  const pool = new AnalysisPool({ threads: settings.threads, fileBudgetMs: settings.fileBudgetMs, workerHeapMb: settings.workerHeapMb });
  // Load the analyzer in every worker now, so the first pull request does not pay for it.
  const warm = pool.warmUp().catch(() => undefined);
  let closed: Promise<void> | undefined;
  let help: Promise<RuleHelpTable> | undefined;
  return {
    kind: 'worker-pool',
    analyze: async (files, config, imports) => {
      await warm;
      return pool.analyzeAll(files, config, { totalBudgetMs: settings.runBudgetMs, ...(stop ? { signal: stop } : {}) }, imports);
    },
    ruleHelp: () => (help ??= warm.then(() => pool.ruleHelp())),
    scopeReport: async (analyses, files) => {
      await warm;
      return pool.scopeReport(analyses, files);
    },
    close: () => (closed ??= warm.then(() => pool.close())),
  };
}

export function createInProcessBackend(): AnalysisBackend {
  return {
    kind: 'in-process',
    analyze: async (files, config, imports) => (await import('./analyze.js')).analyzeInProcess(files, config, imports),
    ruleHelp: loadRuleHelpHere,
    scopeReport: async (analyses, files) => (await import('./analyze.js')).scopeReportOf(analyses, files),
    close: async () => undefined,
  };
}

/** Rule help read in this thread (loads the rules). */
export async function loadRuleHelpHere(): Promise<RuleHelpTable> {
  return (await import('./rule-help.js')).loadRuleHelp();
}
