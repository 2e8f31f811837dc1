/**
 * A worker's side of a run request: the same path the embedded app takes (the coordinator finds
 * or creates the check run, then `runAnalysisJob` completes it), with GitHub clients from the
 * app's credentials instead of a webhook context.
 */
import type { Logger } from 'pino';
import { loadRuleHelpHere, type AnalysisBackend, type RuleHelpTable } from '../app/analysis-backend.js';
import { ConfigCache, type PushSummary } from '../app/config-cache.js';
import { CheckRunCoordinator, type StartOutcome } from '../app/coordinator.js';
import { GitHubClient, type InstallationOctokit } from '../app/github/client.js';
import { withGitHubRecovery } from '../app/github/recovery.js';
import { PullRequestHeads } from '../app/heads.js';
import { describeError, runAnalysisJob, type AnalysisJob, type RunRequest } from '../app/job.js';
import { countingFindings, observeGitHubCalls, type GuardMetrics } from './metrics.js';
import type { ImportedModuleLimits } from '../app/imported-modules.js';

export interface RunProcessorOptions {
  /** An installation client (Probot's `auth(installationId)`). */
  auth(installationId: number): Promise<InstallationOctokit>;
  backend: AnalysisBackend;
  appId: number | undefined;
  configCacheMs: number;
  /** Modules that changed files import, read from the head per pull request (`importedModuleLimitsFromEnv`). */
  importedModules?: ImportedModuleLimits;
  metrics: GuardMetrics;
  log: Logger;
  now?: () => number;
}

export interface RunProcessor {
  /** `onCheckRun` is told the run's id as soon as it exists, before the analysis starts. */
  process(request: RunRequest, onCheckRun: (checkRunId: number) => Promise<void>): Promise<StartOutcome>;
  /** A GitHub client for a repository of an installation (the reconciler uses it). */
  github(target: { installationId: number; owner: string; repo: string }): Promise<GitHubClient>;
  invalidateConfig(push: PushSummary): number;
}

export function createRunProcessor(options: RunProcessorOptions): RunProcessor {
  const { log, metrics } = options;
  const now = options.now ?? Date.now;
  const heads = new PullRequestHeads();
  const configCache = options.configCacheMs > 0 ? new ConfigCache({ ttlMs: options.configCacheMs }) : undefined;
  const analyze = countingFindings(options.backend.analyze, metrics);
  let ruleHelp: Promise<RuleHelpTable> | undefined;
  const ruleHelpOnce = () =>
    (ruleHelp ??= options.backend.ruleHelp().catch(async (error: unknown) => {
      log.warn({ reason: describeError(error) }, "could not read the rules' help from the pool; reading it here");
      ruleHelp = undefined;
      return loadRuleHelpHere().catch(() => ({}));
    }));
  const github = async (target: { installationId: number; owner: string; repo: string }) =>
    new GitHubClient(withGitHubRecovery(observeGitHubCalls(await options.auth(target.installationId), target.installationId, metrics), { log }), { owner: target.owner, repo: target.repo });
  const runJob = async (job: AnalysisJob) =>
    runAnalysisJob(job, { ruleHelp: await ruleHelpOnce(), ...(configCache ? { configCache } : {}), ...(options.importedModules ? { importedModules: options.importedModules } : {}), scopeReport: options.backend.scopeReport, github, analyze, heads, log, now });

  return {
    github,
    async process(request, onCheckRun) {
      const executor = {
        submit: async (job: AnalysisJob) => {
          await onCheckRun(job.checkRunId);
          await runJob(job);
        },
      };
      const coordinator = new CheckRunCoordinator({ executor, heads, log, now, ...(options.appId !== undefined ? { appId: options.appId } : {}) });
      return coordinator.start(await github(request.target), request.target, request.mode);
    },
    invalidateConfig: (push) => configCache?.invalidate(push) ?? 0,
  };
}
