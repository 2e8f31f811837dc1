/**
 * Completes check runs this app left "in progress": the process was killed before it could
 * finish them, or GitHub refused every attempt to complete them (an outage longer than the
 * retries). Called at start-up for the in-process executor; a queue mode can call it too.
 */
import type { Logger } from 'pino';
import { CHECK_RUN_NAME, planAnalysisError } from '../report/check-run.js';
import type { GitHubClient, InstallationOctokit } from './github/client.js';
import { describeError, publishPlan } from './job.js';

export interface ReconcileOptions {
  /** Our GitHub App id: only our runs are touched. */
  appId: number;
  /** Runs started before this instant are stale (at start-up: when this process started). */
  staleBefore: number;
  now(): number;
  log: Logger;
}

export const STALE_RUN_REASON = 'Interrupted, re-run this check: the app stopped (or could not reach GitHub) before this run completed.';

/** Completes, failing closed, every stale in-progress run of ours on the open PRs' heads of one repository; returns how many. */
export async function completeStaleRuns(github: GitHubClient, options: ReconcileOptions): Promise<number> {
  let completed = 0;
  const heads = new Set((await github.listOpenPullRequestHeads()).map((pull) => pull.headSha));
  for (const headSha of heads) {
    const runs = await github.listCheckRuns(headSha, CHECK_RUN_NAME);
    for (const run of runs) {
      if (run.appId !== options.appId || run.status === 'completed') continue;
      const started = run.startedAt ? Date.parse(run.startedAt) : Number.NaN;
      if (!(started < options.staleBefore)) continue;
      await publishPlan(github, run.id, planAnalysisError(STALE_RUN_REASON, 'failure'), new Date(options.now()).toISOString(), options.log);
      options.log.info({ ...github.repository, headSha, checkRunId: run.id }, 'stale check run completed');
      completed++;
    }
  }
  return completed;
}

/** The installations' repositories this app can see, at most `maxRepositories`, each reconciled in turn; failures are logged and skipped. */
export async function reconcileAllInstallations(
  app: { auth(installationId?: number): Promise<InstallationOctokit> },
  client: (octokit: InstallationOctokit, repository: { owner: string; repo: string }) => GitHubClient,
  options: ReconcileOptions & { maxRepositories?: number },
): Promise<number> {
  let completed = 0;
  let seen = 0;
  const appOctokit = await app.auth();
  const installations = await appOctokit.paginate(appOctokit.rest.apps.listInstallations, { per_page: 100 });
  for (const installation of installations) {
    const octokit = await app.auth(installation.id);
    const repositories = await octokit.paginate(octokit.rest.apps.listReposAccessibleToInstallation, { per_page: 100 });
    for (const repository of repositories) {
      if (seen++ >= (options.maxRepositories ?? 1000)) return completed;
      try {
        completed += await completeStaleRuns(client(octokit, { owner: repository.owner.login, repo: repository.name }), options);
      } catch (error) {
        options.log.warn({ owner: repository.owner.login, repo: repository.name, reason: describeError(error) }, 'could not reconcile stale check runs');
      }
    }
  }
  return completed;
}
