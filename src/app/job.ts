/**
 * The step from "webhook received" to "PR analysed" as a job: everything it needs is in a small
 * serialisable object, handed to an executor. Today the executor runs it in this process; a
 * durable queue can replace it later without touching the handlers.
 */
import type { Logger } from 'pino';
import type { AnalysisResult, InputFile, RuleId } from '../analyzer/types.js';
import type { FileScopeAnalysis } from '../analyzer/rules/broad-scope.js';
import type { ProviderScopeReport } from '../report/scopes.js';
import { validateConfig } from '../config/load.js';
import { applyTestFilesPolicy } from '../config/test-files.js';
import { defaultConfig, type GuardConfig, type OnError } from '../config/types.js';
import {
  ANNOTATIONS_PER_REQUEST,
  fitSummary,
  planAnalysisError,
  planCheckRun,
  planInvalidConfig,
  planSuperseded,
  type CheckRunPlan,
  type RuleHelp,
  type SkippedFile,
  type UnreadFile,
} from '../report/check-run.js';
import { chooseContentSource, contentOfAddedFile, decodeAddedFile, decodeBlob, decodeFileBytes, consumeInOrder, selectFiles, tooLarge, type DecodedBlob } from './files.js';
import type { ConfigCache } from './config-cache.js';
import { MAX_LISTED_FILES, type GitHubClient, type ListedFile, type LoadedConfig } from './github/client.js';
import { extractWantedFiles, type TarballLimits } from './tarball.js';
import { isSupportedPath } from '../analyzer/paths.js';
import { isIncluded } from '../config/filter.js';
import type { PullRequestHeads } from './heads.js';
import type { RunMode, RunTarget } from './events.js';
import { secondaryRateLimitWait } from './github/recovery.js';
import { DEFAULT_IMPORTED_MODULE_LIMITS, describeImportedModules, ImportedModules, type ImportedModuleLimits } from './imported-modules.js';

export interface AnalysisJob {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  checkRunId: number;
  /** The PR's file count when the event carried it, to tell when GitHub's 3,000-file list is short. */
  changedFiles?: number;
  /** GitHub's `repository.size` (KB) when the event carried it: decides whether one tarball beats fetching blobs. */
  repositorySizeKb?: number;
  /** A re-run asks GitHub for the PR's head first; a PR event already carries it. */
  trigger: 'pull_request' | 'rerun';
}

export interface JobExecutor {
  /** Resolves when the job has finished, i.e. its check run is completed (or could not be). */
  submit(job: AnalysisJob): Promise<void>;
}

/**
 * What a webhook asks for, in either mode: analyse this pull request commit. The embedded mode
 * (no REDIS_URL) hands it to the coordinator in this process; queue mode enqueues it, and a
 * worker process hands it to the same coordinator. Small and serialisable for that reason.
 */
export interface RunRequest {
  target: RunTarget;
  mode: RunMode;
  /** X-GitHub-Delivery of the webhook that asked: redeliveries are dropped across replicas. */
  deliveryId?: string;
}

export interface RunDispatcher {
  /**
   * Resolves once the request is safely handed over (queue mode) or done (embedded mode).
   * Rejects when it cannot be: the webhook then fails visibly, it never passes silently.
   */
  submit(request: RunRequest): Promise<void>;
}

/**
 * Runs jobs in this process, at most `concurrency` at once (the rest wait in order, their runs
 * already "in progress"), so many large PRs at once cannot add up past the memory one can use.
 */
export class InProcessExecutor implements JobExecutor {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly run: (job: AnalysisJob) => Promise<unknown>,
    private readonly concurrency = DEFAULT_JOB_CONCURRENCY,
  ) {}

  async submit(job: AnalysisJob): Promise<void> {
    if (this.running >= this.concurrency) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      await this.run(job);
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

/** Jobs the in-process executor runs at once. */
export const DEFAULT_JOB_CONCURRENCY = 2;

/**
 * Files in, findings out; the in-process analyzer or a worker pool. `imports`: per file, the
 * modules it reaches through relative imports, for values to be followed into (never reported on).
 */
export type AnalyzeFiles = (files: InputFile[], config: GuardConfig, imports?: ReadonlyMap<string, readonly InputFile[]>) => Promise<AnalysisResult>;

/** The scope table's data from what `broad-scope` saw in the analysed files (joined where the analyzer runs). */
export type ScopeReporter = (analyses: readonly FileScopeAnalysis[], files: number) => Promise<ProviderScopeReport[]>;

export interface JobDependencies {
  /** A client authenticated as the job's installation. */
  github(job: AnalysisJob): Promise<GitHubClient>;
  analyze: AnalyzeFiles;
  /** Builds the summary's scope table when there are `broad-scope` findings; without it there is none. */
  scopeReport?: ScopeReporter;
  heads: PullRequestHeads;
  ruleHelp: Partial<Record<RuleId, RuleHelp>>;
  log: Logger;
  now(): number;
  blobConcurrency?: number;
  /** Configs kept between PRs; without it every PR reads its config. */
  configCache?: ConfigCache;
  /**
   * Aborted when the app stops (SIGTERM): file fetches in flight are cancelled and the run is
   * completed at once as interrupted (on_error), instead of being left in progress. Its reason
   * (a string) is the summary's explanation.
   */
  stopping?: AbortSignal;
  /** Bytes of file text a job holds before analysing them (default `DEFAULT_MAX_JOB_INPUT_BYTES`). */
  maxJobInputBytes?: number;
  /** Waits between later attempts to complete a run GitHub refused (default `COMPLETION_RETRY_DELAYS_MS`). */
  completionRetryDelaysMs?: readonly number[];
  /** Modules that changed files import, read from the head per pull request (default `DEFAULT_IMPORTED_MODULE_LIMITS`). */
  importedModules?: ImportedModuleLimits;
}

export interface JobOutcome {
  conclusion: CheckRunPlan['conclusion'];
  title: string;
  /** Annotation batches GitHub refused; the summary says so. */
  rejectedBatches: number;
  /** GitHub refused the completion; it is retried in the background. */
  completionPending?: true;
}

const DEFAULT_BLOB_CONCURRENCY = 8;
/**
 * Bytes of file text (counted as UTF-16) a job holds before it analyses what it has. Small enough
 * that a worker process analysing 1 MB files stays far under 512 MiB (V8 collects the fetched
 * responses' large strings only at a full GC, whose trigger grows with what is held); large
 * enough for hundreds of ordinary files, and more than the analysis threads can take at once.
 */
export const DEFAULT_MAX_JOB_INPUT_BYTES = 16 * 1024 * 1024;

/** The analyses of a job's batches as one result. */
function mergeAnalyses(analyses: readonly AnalysisResult[]): AnalysisResult & { scopeAnalyses: FileScopeAnalysis[] } {
  const merged: AnalysisResult & { scopeAnalyses: FileScopeAnalysis[] } = { findings: [], suppressed: [], errors: [], stats: { files: 0, analyzed: 0 }, scopeAnalyses: [] };
  for (const analysis of analyses) {
    // A backend that runs `broad-scope` with its scope analyses hands them over with the result.
    merged.scopeAnalyses.push(...((analysis as { scopeAnalyses?: FileScopeAnalysis[] }).scopeAnalyses ?? []));
    merged.findings.push(...analysis.findings);
    merged.suppressed.push(...analysis.suppressed);
    merged.errors.push(...analysis.errors);
    merged.stats.files += analysis.stats.files;
    merged.stats.analyzed += analysis.stats.analyzed;
  }
  return merged;
}

/** Runs one job to a completed check run. Whatever fails after this point, the run is completed. */
export async function runAnalysisJob(job: AnalysisJob, deps: JobDependencies): Promise<JobOutcome> {
  const startedAt = deps.now();
  const log = deps.log.child({ owner: job.owner, repo: job.repo, pullNumber: job.pullNumber, headSha: job.headSha, checkRunId: job.checkRunId });
  let onError: OnError = 'failure';
  let github: GitHubClient | undefined;
  let plan: CheckRunPlan;
  try {
    github = await deps.github(job);
    plan = await analyse(job, github, deps, startedAt, (value) => (onError = value));
  } catch (error) {
    const reason = describeError(error);
    log.error({ reason }, 'analysis failed; completing the check run with on_error');
    plan = planAnalysisError(reason, onError);
    github ??= await deps.github(job);
  }
  try {
    const outcome = await publishPlan(github, job.checkRunId, plan, new Date(deps.now()).toISOString(), log);
    log.info({ conclusion: outcome.conclusion, durationMs: deps.now() - startedAt }, 'check run completed');
    return outcome;
  } catch (error) {
    // GitHub refused the completion even after Octokit's retries (an outage): keep it pending
    // and try again later, so the run is not left in progress (audit #9).
    log.error({ reason: describeError(error) }, 'could not complete the check run; retrying later');
    keepCompletionPending(github, job.checkRunId, plan, deps, log);
    return { conclusion: plan.conclusion, title: plan.title, rejectedBatches: 0, completionPending: true };
  }
}

/** Waits before each later attempt to complete a run GitHub refused: about 30 minutes in all. */
export const COMPLETION_RETRY_DELAYS_MS = [30_000, 60_000, 120_000, 240_000, 480_000, 900_000];

/**
 * Retries a completion in the background, bounded by `completionRetryDelaysMs`. The timers do not
 * keep the process alive: a run still pending when the process exits is completed by the startup
 * reconciler (`completeStaleRuns`).
 */
function keepCompletionPending(github: GitHubClient, checkRunId: number, plan: CheckRunPlan, deps: JobDependencies, log: Logger): void {
  const delays = deps.completionRetryDelaysMs ?? COMPLETION_RETRY_DELAYS_MS;
  const attempt = (index: number): void => {
    if (index >= delays.length) return void log.error({ attempts: delays.length }, 'gave up completing the check run; the reconciler completes it at the next start');
    const timer = setTimeout(() => {
      publishPlan(github, checkRunId, plan, new Date(deps.now()).toISOString(), log).then(
        () => log.info({ attempt: index + 1 }, 'check run completed after GitHub recovered'),
        (error: unknown) => {
          log.warn({ attempt: index + 1, reason: describeError(error) }, 'check run still not completed');
          attempt(index + 1);
        },
      );
    }, delays[index]);
    timer.unref();
  };
  attempt(0);
}

async function analyse(job: AnalysisJob, github: GitHubClient, deps: JobDependencies, startedAt: number, setOnError: (value: OnError) => void): Promise<CheckRunPlan> {
  let changedFilesTotal = job.changedFiles;
  if (job.trigger === 'rerun') {
    const pull = await github.getPullRequest(job.pullNumber);
    deps.heads.record(job, pull.number, pull.headSha, pull.updatedAt);
    changedFilesTotal = pull.changedFiles;
  }

  const loaded = await loadGuardConfig(() => loadRawConfig(job, github, deps));
  if (!loaded.ok) return planInvalidConfig(loaded.errors, { files: loaded.files });
  const config = loaded.config;
  setOnError(config.onError);

  const newer = deps.heads.newerThan(job, job.pullNumber, job.headSha);
  if (newer) return planSuperseded(newer);

  const interrupted = () => (deps.stopping?.aborted ? planAnalysisError(interruptedReason(deps.stopping), config.onError) : undefined);
  const stoppedEarly = interrupted();
  if (stoppedEarly) return stoppedEarly;
  const listed = await github.listPullRequestFiles(job.pullNumber);
  const selection = selectFiles(listed, config);
  const inputs: InputFile[] = [];
  const skipped: SkippedFile[] = [...selection.skipped];
  const unread: UnreadFile[] = [];
  let blobsNotFound = 0;
  // An added file is its patch; the rest need a blob or the tarball. Each patch is read once.
  const sources = selection.candidates.map((file) => ({ file, added: contentOfAddedFile(file) }));
  const needContent = sources.filter((source) => source.added === undefined).map((source) => source.file);
  const maxInputBytes = deps.maxJobInputBytes ?? DEFAULT_MAX_JOB_INPUT_BYTES;
  // The tarball's files wait for their turn in the loop below, on top of the batch it fills: keep
  // half the budget's worth of UTF-8 bytes (at most the budget as UTF-16), so the job holds at most twice its budget.
  const importLimits = deps.importedModules ?? DEFAULT_IMPORTED_MODULE_LIMITS;
  // When the tarball is read anyway, it also gives the modules changed files may import (at no request each).
  const alsoKeep = importLimits.maxModules > 0 && importLimits.maxBytes > 0 ? { accept: isImportableModule, maxBytes: importLimits.maxBytes } : undefined;
  const { found: fromTarball, alsoKept, paths: tarballPaths } = await readFromTarball(job, github, needContent, { maxFileBytes: config.maxFileBytes, maxKeptBytes: Math.max(1, Math.floor(maxInputBytes / 2)), ...(alsoKeep ? { alsoKeep } : {}) }, deps.log);
  // Files are fetched a few at a time, in order, and analysed whenever the texts held reach the
  // job's byte budget, so a PR of a thousand 1 MB files never holds them all at once (audit #10).
  const fetchOne = async ({ file, added }: (typeof sources)[number]): Promise<DecodedBlob> => {
    if (added !== undefined) return decodeAddedFile(file.path, added, config.maxFileBytes);
    const extracted = fromTarball.get(file.path);
    if (extracted) {
      fromTarball.delete(file.path);
      return extracted;
    }
    if (deps.stopping?.aborted) return { kind: 'unread' as const, unread: { path: file.path, detail: 'not fetched: the app was stopping' } };
    try {
      return decodeBlob(file.path, await github.getBlob(file.sha, deps.stopping), config.maxFileBytes);
    } catch (error) {
      if (hasStatus(error) && error.status === 404) blobsNotFound++;
      return { kind: 'unread' as const, unread: { path: file.path, detail: describeError(error) } };
    }
  };
  // Read ahead of each batch: the modules its files import that the batch does not hold (context, not reported on).
  const imported = new ImportedModules({
    limits: importLimits,
    maxFileBytes: config.maxFileBytes,
    isIncluded: (path) => isIncluded(path, config),
    changed: new Map(listed.filter((file) => file.status !== 'removed').map((file) => [file.path, file.sha])),
    head: { listTree: (keep) => github.listTree(job.headSha, keep, deps.stopping), readBlob: (sha) => github.getBlob(sha, deps.stopping) },
    ...(alsoKept ? { fromTarball: alsoKept } : {}),
    ...(tarballPaths ? { tarballPaths } : {}),
    concurrency: deps.blobConcurrency ?? DEFAULT_BLOB_CONCURRENCY,
    ...(deps.stopping ? { signal: deps.stopping } : {}),
    describeError,
  });
  const analyses: AnalysisResult[] = [];
  let heldBytes = 0;
  const analyseHeld = async () => {
    if (inputs.length === 0) return;
    const batch = inputs.splice(0);
    analyses.push(await deps.analyze(batch, config, await imported.link(batch)));
    heldBytes = 0;
  };
  let stoppedWhileFetching: CheckRunPlan | undefined;
  // While a batch is analysed, at most blobConcurrency - 1 fetched files wait: the job holds its
  // budget plus one file plus those, never the PR (test/reliability/job-memory-bounds.test.ts).
  await consumeInOrder(sources, deps.blobConcurrency ?? DEFAULT_BLOB_CONCURRENCY, fetchOne, async (item) => {
    stoppedWhileFetching = interrupted();
    if (stoppedWhileFetching) return false;
    if (item.kind === 'file') {
      inputs.push(item.file);
      heldBytes += item.file.text.length * 2;
    } else if (item.kind === 'skipped') skipped.push(item.skipped);
    else unread.push(item.unread);
    if (heldBytes >= maxInputBytes) {
      const newer = deps.heads.newerThan(job, job.pullNumber, job.headSha);
      if (newer) {
        stoppedWhileFetching = planSuperseded(newer);
        return false;
      }
      await analyseHeld();
    }
    return true;
  });
  if (stoppedWhileFetching) return stoppedWhileFetching;

  const newerAfterFetch = deps.heads.newerThan(job, job.pullNumber, job.headSha);
  if (newerAfterFetch) return planSuperseded(newerAfterFetch);
  if (blobsNotFound > 0) {
    // A blob the file list named is gone: typically a force-push replaced the head. Ask GitHub.
    const pull = await github.getPullRequest(job.pullNumber);
    if (pull.headSha !== job.headSha) {
      deps.heads.record(job, pull.number, pull.headSha, pull.updatedAt);
      return planSuperseded(pull.headSha);
    }
  }

  await analyseHeld();
  const importReport = imported.summary;
  if (importReport.apiRequests > 0 || importReport.modules > 0) {
    deps.log.info({ owner: job.owner, repo: job.repo, pullNumber: job.pullNumber, importedModules: importReport }, 'read modules that changed files import');
  }
  const merged = mergeAnalyses(analyses);
  const { result: analysis, testFiles } = applyTestFilesPolicy(merged, config.testFiles);
  const scopes = await scopeTable(analysis, merged.scopeAnalyses, deps);
  // A push that arrived during the analysis has its own run; this one must not pose as the PR's result.
  const newerAfterAnalysis = deps.heads.newerThan(job, job.pullNumber, job.headSha);
  if (newerAfterAnalysis) return planSuperseded(newerAfterAnalysis);
  const reachedLimit = listed.length >= MAX_LISTED_FILES;
  if (reachedLimit && changedFilesTotal === undefined) {
    // A check_suite event carries no file count: ask, so a PR past GitHub's list limit fails closed whichever event started it.
    changedFilesTotal = (await github.getPullRequest(job.pullNumber)).changedFiles;
  }
  return planCheckRun({
    headSha: job.headSha,
    findings: analysis.findings,
    suppressed: analysis.suppressed,
    errors: analysis.errors,
    // Files the analyzer finished; one over its time budget is named under "Not analysed" instead.
    analyzedFiles: analysis.stats.analyzed,
    changedFiles: listed,
    skipped,
    unread,
    ignored: selection.ignored,
    ...(reachedLimit ? { fileListLimit: { listed: listed.length, ...(changedFilesTotal !== undefined ? { total: changedFilesTotal } : {}) } } : {}),
    settings: { failOn: config.failOn, gate: config.gate, onError: config.onError },
    configSource: { files: loaded.files },
    ruleHelp: deps.ruleHelp,
    durationMs: deps.now() - startedAt,
    testFiles,
    importedModules: describeImportedModules(importReport, importLimits),
    ...(scopes && scopes.length > 0 ? { scopes } : {}),
  });
}

/**
 * The scope table for the summary, when `broad-scope` reported: per provider, requested against
 * needed scopes and the calls behind them. A failure costs the table, never the run.
 */
async function scopeTable(analysis: AnalysisResult, scopeAnalyses: readonly FileScopeAnalysis[], deps: JobDependencies): Promise<ProviderScopeReport[] | undefined> {
  if (!deps.scopeReport || scopeAnalyses.length === 0 || !analysis.findings.some((finding) => finding.ruleId === 'broad-scope')) return undefined;
  try {
    return await deps.scopeReport(scopeAnalyses, analysis.stats.files);
  } catch (error) {
    deps.log.warn({ reason: describeError(error) }, 'could not build the scope table; the summary goes without it');
    return undefined;
  }
}

/** Uncompressed bytes read from a tarball before giving up on it (and fetching blobs instead). */
const MAX_TARBALL_BYTES = 512 * 1024 * 1024;

/**
 * `files` (those that need a blob), read from one tarball of the head when that is cheaper
 * (`chooseContentSource`). Only files whose content hashes to the listed blob id are taken; the
 * rest, and everything when the download fails, are fetched by blob as before.
 */
async function readFromTarball(job: AnalysisJob, github: GitHubClient, files: readonly ListedFile[], limits: Omit<TarballLimits, 'maxArchiveBytes'>, log: Logger): Promise<{ found: Map<string, DecodedBlob>; alsoKept?: Map<string, Buffer>; paths?: Set<string> }> {
  const found = new Map<string, DecodedBlob>();
  const maxFileBytes = limits.maxFileBytes;
  const wanted = new Map(files.map((file) => [file.path, file.sha]));
  if (chooseContentSource(wanted.size, job.repositorySizeKb) !== 'tarball') return { found };
  try {
    const extract = await extractWantedFiles(await github.downloadTarball(job.headSha), wanted, { maxArchiveBytes: MAX_TARBALL_BYTES, ...limits });
    for (const [path, bytes] of extract.files) found.set(path, decodeFileBytes(path, bytes, maxFileBytes));
    for (const { path, bytes } of extract.oversized) found.set(path, tooLarge(path, bytes, maxFileBytes));
    if (extract.mismatched.length > 0) log.info({ files: extract.mismatched.length }, 'files not in the tarball as listed; fetching their blobs');
    if (extract.deferred.length > 0) log.info({ files: extract.deferred.length, keptBytes: limits.maxKeptBytes }, "the tarball's files reached the job's byte budget; fetching the rest as blobs");
    return { found, ...(extract.alsoKept ? { alsoKept: extract.alsoKept } : {}), ...(extract.paths ? { paths: extract.paths } : {}) };
  } catch (error) {
    log.warn({ reason: describeError(error) }, 'could not read the tarball; fetching blobs instead');
    return { found: new Map() };
  }
}

/** A file an import can bring into the analysis: a JavaScript or TypeScript source, not a declaration file. */
function isImportableModule(path: string): boolean {
  return isSupportedPath(path) && !/\.d\.[cm]?ts$/.test(path);
}

type LoadedGuardConfig = { ok: true; config: GuardConfig; files: string[] } | { ok: false; errors: { key: string; message: string; example?: string }[]; files: string[] };

async function loadRawConfig(job: AnalysisJob, github: GitHubClient, deps: JobDependencies): Promise<LoadedConfig> {
  if (!deps.configCache) return github.loadConfig();
  const { loaded } = await deps.configCache.load(job, deps.now(), () => github.loadConfig());
  return loaded;
}

async function loadGuardConfig(read: () => Promise<LoadedConfig>): Promise<LoadedGuardConfig> {
  let loaded;
  try {
    loaded = await read();
  } catch (error) {
    // The config plugin throws plain errors for YAML it cannot parse; GitHub failures keep their status.
    if (hasStatus(error)) throw error;
    const message = error instanceof Error ? error.message.replace(/^\[@probot\/octokit-plugin-config\]\s*/, '') : String(error);
    return { ok: false, errors: [{ key: '', message, example: 'fail_on: error\ngate: changed-lines' }], files: [] };
  }
  if (loaded.raw === null) return { ok: true, config: defaultConfig(), files: [] };
  // The summary is public to the PR's readers: describe wrong values, never quote them.
  const result = validateConfig(loaded.raw, { quoteValues: false });
  return result.ok ? { ok: true, config: result.config, files: loaded.files } : { ok: false, errors: result.errors, files: loaded.files };
}

/**
 * Completes the run with the first 50 annotations, then appends the rest 50 at a time. The run
 * is completed by the first request, so a later failure can only lose annotations, never leave
 * it in progress. A refused batch (422) is skipped and the summary says so.
 */
export async function publishPlan(github: GitHubClient, checkRunId: number, plan: CheckRunPlan, completedAt: string, log: Logger): Promise<JobOutcome> {
  const [first = [], ...rest] = plan.annotationBatches;
  const output = { title: plan.title, summary: plan.summary };
  let rejected = 0;
  try {
    await github.completeCheckRun(checkRunId, { conclusion: plan.conclusion, completedAt, output: { ...output, annotations: first } });
  } catch (error) {
    if (!isUnprocessable(error) || first.length === 0) throw error;
    rejected++;
    await github.completeCheckRun(checkRunId, { conclusion: plan.conclusion, completedAt, output });
  }
  // The run is completed from here on: a batch that fails loses its annotations, never the conclusion.
  let failed = 0;
  const failures: string[] = [];
  for (const batch of rest) {
    try {
      await github.appendOutput(checkRunId, { ...output, annotations: batch });
    } catch (error) {
      if (isUnprocessable(error)) rejected++;
      else {
        failed++;
        failures.push(describeError(error));
      }
    }
  }
  if (rejected + failed > 0) {
    log.warn({ rejected, failed, reasons: failures.slice(0, 3) }, 'some annotation batches were not accepted');
    const parts: string[] = [];
    if (rejected > 0) parts.push(`GitHub refused ${rejected} of ${plan.annotationBatches.length} annotation batches (up to ${ANNOTATIONS_PER_REQUEST} annotations each, HTTP 422)`);
    if (failed > 0) parts.push(`${failed} of ${plan.annotationBatches.length} annotation batches could not be sent (${failures[0]})`);
    const note = `\n\n**Note:** ${parts.join('; ')}, so some findings are listed above but not annotated inline.`;
    try {
      await github.appendOutput(checkRunId, { title: plan.title, summary: fitSummary(plan.summary) + note });
    } catch (error) {
      log.warn({ reason: describeError(error) }, 'could not add the note about missing annotations');
    }
  }
  return { conclusion: plan.conclusion, title: plan.title, rejectedBatches: rejected };
}

function hasStatus(error: unknown): error is { status: number } {
  return typeof error === 'object' && error !== null && typeof (error as { status?: unknown }).status === 'number';
}

function isUnprocessable(error: unknown): boolean {
  return hasStatus(error) && error.status === 422;
}

function interruptedReason(signal: AbortSignal): string {
  const reason = typeof signal.reason === 'string' ? signal.reason : 'the app was stopped';
  return `Interrupted, re-run this check: ${reason}`;
}

/** A reason fit for a summary and a log: the status and route of a GitHub failure, never headers or tokens. */
export function describeError(error: unknown): string {
  if (hasStatus(error)) {
    const request = (error as { request?: { method?: string; url?: string } }).request;
    const route = request?.url ? `${request.method ?? 'GET'} ${new URL(request.url, 'https://api.github.com').pathname}` : '';
    // Octokit reports a failed connection as status 500 without a response.
    if (!(error as { response?: unknown }).response) {
      const cause = networkCause(error);
      return `the connection to GitHub failed${cause ? ` (${cause})` : ''}${route ? ` on ${route}` : ''}`;
    }
    const rateLimit = secondaryRateLimitWait(error);
    const detail = error.status === 401 ? ' (the installation token was refused, even after a fresh one)' : rateLimit !== undefined ? ` (secondary rate limit; GitHub asked to wait ${rateLimit} s)` : '';
    return `GitHub answered HTTP ${error.status}${detail}${route ? ` to ${route}` : ''}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.length > 500 ? `${message.slice(0, 499)}…` : message;
}

/** The system error code behind a failed fetch (ECONNRESET, ECONNREFUSED, …), when there is one. */
function networkCause(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
