/**
 * The Probot app: checks every pull request's JavaScript and TypeScript for OAuth mistakes and
 * reports a check run named "MCP OAuth Guard" that branch protection can require.
 * Handlers stay thin: read the payload (events.ts), gather and act through GitHubClient, decide
 * in pure functions (events.ts, report/check-run.ts).
 */
import type { ApplicationFunctionOptions, Context, Probot } from 'probot';
import { createInProcessBackend, createWorkerPoolBackend, loadRuleHelpHere, workerPoolSettingsFromEnv, type AnalysisBackend, type RuleHelpTable, type WorkerPoolSettings } from './analysis-backend.js';
import { ConfigCache, configCacheMsFromEnv, pushSummary } from './config-cache.js';
export { configCacheMsFromEnv };
import { CheckRunCoordinator } from './coordinator.js';
import { PULL_REQUEST_ACTIONS, pullNumberFromExternalId, targetFromCheckRunRerequest, targetFromPullRequest, targetsFromCheckSuite, type RunMode, type RunTarget } from './events.js';
import { GitHubClient, type InstallationOctokit } from './github/client.js';
import { withGitHubRecovery } from './github/recovery.js';
import { CHECK_RUN_NAME } from '../report/check-run.js';
import { createHealthHandler } from './health.js';
import { PullRequestHeads } from './heads.js';
import { describeError, InProcessExecutor, runAnalysisJob, type AnalysisJob, type AnalyzeFiles, type JobExecutor, type ScopeReporter } from './job.js';
import { appLogger } from './logging.js';
import { countingFindings, GuardMetrics, observeGitHubCalls } from '../queue/metrics.js';
import { createQueueReceiver, type QueueReceiver } from '../queue/receiver.js';
import { queueSettingsFromEnv } from '../queue/settings.js';
import { registerWebhookIntake } from './webhook-intake.js';
import { importedModuleLimitsFromEnv } from './imported-modules.js';
import { reconcileAllInstallations } from './reconcile.js';

export interface GuardAppOptions {
  /** Files in, findings out; when given, it replaces `analysis`. */
  analyze?: AnalyzeFiles;
  /**
   * Where files are analysed when `analyze` is not given: 'worker-pool' (what `probot run` loads:
   * threads sized to the cores, per-file and per-PR time budgets) or 'in-process' (the default
   * here, for tests). The pool is created when Probot loads the app and closed by `close()`.
   */
  analysis?: 'worker-pool' | 'in-process';
  /** Overrides of the pool settings read from the environment (ANALYSIS_THREADS, …). */
  pool?: Partial<WorkerPoolSettings>;
  /**
   * Answer the webhook after this long even if the analysis goes on (it completes the run in
   * the background, still counted as in flight). Unset: the handler waits for the run, and
   * Probot answers 202 at 9 s. GitHub gives up on a delivery after 10 s.
   */
  answerWithinMs?: number;
  /** Builds the executor from the function that runs one job; defaults to running it in process. */
  executor?: (runJob: (job: AnalysisJob) => Promise<unknown>) => JobExecutor;
  /** Our GitHub App id; defaults to APP_ID. */
  appId?: number;
  now?: () => number;
  env?: NodeJS.ProcessEnv;
  /** How long a repository's config is kept between PRs (pushes that change it drop it sooner); 0 reads it for every PR. Default: CONFIG_CACHE_SECONDS, else 1800. */
  configCacheMs?: number;
  /** At load, complete the runs of ours that an earlier process left in progress (`completeStaleRuns`). */
  reconcileOnStart?: boolean;
  /** Waits between later attempts to complete a run GitHub refused; see `COMPLETION_RETRY_DELAYS_MS`. */
  completionRetryDelaysMs?: readonly number[];
}

/** Refuses to run in production without a webhook secret: Probot would silently use "development". */
export function assertProductionSecrets(env: NodeJS.ProcessEnv): void {
  if (env.NODE_ENV === 'production' && !env.WEBHOOK_SECRET) {
    throw new Error('mcp-oauth-guard: WEBHOOK_SECRET is not set. In production every webhook must be verified; set WEBHOOK_SECRET to the secret configured on the GitHub App.');
  }
}

/**
 * The app function Probot loads, plus `close()` to stop what it started (the worker pool) and
 * `shutdown()` to stop gracefully: analyses in flight end, their runs complete, then the pool closes.
 */
export type GuardApp = ((app: Probot, appOptions?: Partial<ApplicationFunctionOptions>) => void) & {
  close(): Promise<void>;
  shutdown(reason: string, graceMs?: number): Promise<void>;
};

export function createGuardApp(options: GuardAppOptions = {}): GuardApp {
  const backends: AnalysisBackend[] = [];
  const stopping = new AbortController();
  const coordinators: CheckRunCoordinator[] = [];
  const receivers: QueueReceiver[] = [];
  const stopIntakes: (() => void)[] = [];
  const load = (app: Probot, appOptions?: Partial<ApplicationFunctionOptions>): void => {
    const env = options.env ?? process.env;
    assertProductionSecrets(env);
    const log = appLogger(app.log);
    // Bodies are capped and signatures checked before Probot buffers or logs anything (audit #1).
    stopIntakes.push(registerWebhookIntake({ path: app.webhookPath, verify: (payload, signature) => app.webhooks.verify(payload, signature), log }));
    const now = options.now ?? Date.now;
    const heads = new PullRequestHeads();
    // Queue mode (REDIS_URL): webhooks are queued for worker processes (src/queue), not analysed here.
    const queueSettings = queueSettingsFromEnv(env);
    const receiver = queueSettings ? createQueueReceiver(queueSettings, log, now) : undefined;
    if (receiver) receivers.push(receiver);
    const metrics = receiver?.metrics ?? new GuardMetrics();
    registerRoute(appOptions, metrics.handler());
    let analyze = options.analyze;
    let scopeReport: ScopeReporter | undefined;
    let readRuleHelp: () => Promise<RuleHelpTable> = loadRuleHelpHere;
    if (!analyze && !receiver) {
      const backend = options.analysis === 'worker-pool' ? createWorkerPoolBackend({ ...workerPoolSettingsFromEnv(env), ...options.pool }, stopping.signal) : createInProcessBackend();
      backends.push(backend);
      analyze = backend.analyze;
      scopeReport = backend.scopeReport;
      readRuleHelp = () => backend.ruleHelp();
      log.info({ analysis: backend.kind }, 'analysis backend ready');
    }
    let ruleHelp: Promise<RuleHelpTable> | undefined;
    // Read once; a failure (a worker that died while reading) costs annotations their details, not the run.
    const ruleHelpOnce = () =>
      (ruleHelp ??= readRuleHelp().catch((error: unknown) => {
        log.warn({ reason: describeError(error) }, 'could not read the rules\' help; annotations go without it');
        ruleHelp = undefined;
        return {};
      }));
    const recover = (octokit: InstallationOctokit, installationId?: number) =>
      withGitHubRecovery(installationId === undefined ? octokit : observeGitHubCalls(octokit, installationId, metrics), { log });
    // In queue mode this process never analyses: the workers do.
    const analyzeFiles = countingFindings(analyze ?? (() => Promise.reject(new Error('queue mode: the webhook receiver does not analyse'))), metrics);
    const envAppId = Number(env.APP_ID);
    const appId = options.appId ?? (Number.isInteger(envAppId) && envAppId > 0 ? envAppId : undefined);

    const configCacheMs = options.configCacheMs ?? configCacheMsFromEnv(env);
    // Read now, so a wrong value stops the app at start-up instead of failing every run.
    const importedModules = importedModuleLimitsFromEnv(env);
    const configCache = configCacheMs > 0 ? new ConfigCache({ ttlMs: configCacheMs }) : undefined;
    const runJob = async (job: AnalysisJob) => {
      const startedAt = now();
      const outcome = await runAnalysisJob(job, {
        ruleHelp: await ruleHelpOnce(),
        ...(configCache ? { configCache } : {}),
        github: async (target) => new GitHubClient(recover(await app.auth(target.installationId), target.installationId), { owner: target.owner, repo: target.repo }),
        analyze: analyzeFiles,
        ...(scopeReport ? { scopeReport } : {}),
        heads,
        log,
        now,
        stopping: stopping.signal,
        importedModules,
        ...(options.completionRetryDelaysMs ? { completionRetryDelaysMs: options.completionRetryDelaysMs } : {}),
      });
      metrics.jobDuration.observe({ outcome: 'completed' }, (now() - startedAt) / 1000);
      return outcome;
    };
    const executor = options.executor ? options.executor(runJob) : new InProcessExecutor(runJob);
    const coordinator = new CheckRunCoordinator({ executor, heads, log, now, ...(appId !== undefined ? { appId } : {}) });
    coordinators.push(coordinator);

    registerRoute(appOptions, createHealthHandler(() => coordinator.activeRuns));

    if (options.reconcileOnStart && appId !== undefined) {
      // Runs an earlier process left in progress (SIGKILL, a long GitHub outage) are completed, failing closed.
      const staleBefore = now();
      const client = (octokit: InstallationOctokit, repository: { owner: string; repo: string }) => new GitHubClient(recover(octokit), repository);
      void reconcileAllInstallations(app as never, client, { appId, staleBefore, now, log }).then(
        (completed) => log.info({ completed }, 'stale check runs reconciled'),
        (error: unknown) => log.warn({ reason: describeError(error) }, 'could not reconcile stale check runs'),
      );
    }

    // An installation client rather than `context.octokit`: Probot's event clients all share one
    // throttling queue for writes (one a second across every installation), installation clients
    // have one queue each, as GitHub's limits do.
    const startRun = async (target: RunTarget, mode: RunMode) =>
      coordinator.start(new GitHubClient(recover(await app.auth(target.installationId), target.installationId), { owner: target.owner, repo: target.repo }), target, mode);
    const start = async (context: Context, target: RunTarget, mode: RunMode): Promise<void> => {
      // Queue mode answers once the job is safely in Redis, or fails the webhook (5xx) when it cannot be.
      if (receiver) return receiver.submit({ target, mode, deliveryId: context.id });
      const run = startRun(target, mode);
      if (options.answerWithinMs === undefined) return void (await run);
      let answered = false;
      // A run that fails after the answer has no caller left: log it (the job itself completes the check run).
      run.catch((error: unknown) => {
        if (answered) log.error({ reason: describeError(error), pullNumber: target.pullNumber, headSha: target.headSha }, 'run failed after the webhook was answered');
      });
      let timer: NodeJS.Timeout | undefined;
      const answerLater = new Promise<void>((resolve) => (timer = setTimeout(resolve, options.answerWithinMs)));
      try {
        await Promise.race([run, answerLater]);
      } finally {
        answered = true;
        clearTimeout(timer);
      }
    };

    app.on(PULL_REQUEST_ACTIONS.map((action) => `pull_request.${action}` as const), async (context) => {
      const target = targetFromPullRequest(context.payload);
      if ('ignore' in target) return void log.debug({ reason: target.ignore }, 'pull_request ignored');
      await start(context, target, 'event');
    });

    // A push to a default branch that changes a config file: the next PR reads it afresh.
    app.on('push', async (context) => {
      const push = pushSummary(context.payload);
      if (push && receiver) await receiver.publishConfigChange(push);
      if (!push || !configCache) return;
      const dropped = configCache.invalidate(push);
      if (dropped > 0) log.info({ owner: push.owner, repo: push.repo, dropped }, 'configuration changed; cached configs dropped');
    });

    app.on('check_run.rerequested', async (context) => {
      const target = targetFromCheckRunRerequest(context.payload, coordinator.knownAppId);
      if ('ignore' in target) return void log.debug({ reason: target.ignore }, 'check_run.rerequested ignored');
      await start(context, target, 'rerun');
    });

    app.on(['check_suite.requested', 'check_suite.rerequested'], async (context) => {
      const mode: RunMode = context.payload.action === 'rerequested' ? 'rerun' : 'event';
      let targets = targetsFromCheckSuite(context.payload);
      if (targets.length === 0 && mode === 'rerun' && context.payload.installation) {
        // A suite re-run can list no PR (e.g. a fork PR): our earlier run on the commit names it.
        const { owner, name: repo } = { owner: context.payload.repository.owner.login, name: context.payload.repository.name };
        const github = new GitHubClient(recover(context.octokit), { owner, repo });
        const existing = await github.findCheckRun(context.payload.check_suite.head_sha, CHECK_RUN_NAME, coordinator.knownAppId);
        const pullNumber = pullNumberFromExternalId(existing?.externalId);
        if (pullNumber !== undefined) {
          targets = [{ installationId: context.payload.installation.id, owner, repo, pullNumber, headSha: context.payload.check_suite.head_sha }];
        }
      }
      if (targets.length === 0) return void log.debug({ action: context.payload.action }, 'check_suite names no open pull request at its head');
      await Promise.all(targets.map((target) => start(context, target, mode)));
    });
  };
  return Object.assign(load, {
    async close(): Promise<void> {
      for (const stop of stopIntakes.splice(0)) stop();
      await Promise.all([...backends.splice(0).map((backend) => backend.close()), ...receivers.splice(0).map((receiver) => receiver.close())]);
    },
    async shutdown(reason: string, graceMs = 8_000): Promise<void> {
      stopping.abort(reason);
      const deadline = Date.now() + graceMs;
      while (coordinators.some((coordinator) => coordinator.activeRuns > 0) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await Promise.all([...backends.splice(0).map((backend) => backend.close()), ...receivers.splice(0).map((receiver) => receiver.close())]);
    },
  });
}

function registerRoute(appOptions: Partial<ApplicationFunctionOptions> | undefined, handler: ReturnType<typeof createHealthHandler>): void {
  if (typeof appOptions?.addHandler !== 'function') return;
  try {
    appOptions.addHandler(handler);
  } catch {
    // `probot.load()` without a server (tests, `probot receive`) has no routes to add to.
  }
}

/** The default export `probot run` loads: analysis in worker threads. */
const guardApp = createGuardApp({ analysis: 'worker-pool', answerWithinMs: 1000, reconcileOnStart: true });
// Probot has no unload hook; idle workers do not hold the process open, so this runs on a quiet exit.
process.once('beforeExit', () => void guardApp.close());
// A container stop (SIGTERM) or Ctrl-C: end the analyses in flight so their runs complete (failing
// closed, naming the files as not analysed) instead of staying "in progress", then exit.
for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void guardApp.shutdown(`the app was stopped (${signal}) before this file was analysed; re-run the check`).finally(() => process.exit(0));
  });
}
export default guardApp;
