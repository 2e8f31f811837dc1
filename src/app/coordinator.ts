/**
 * One check run and one analysis per pull request head: per (repository, head SHA, PR), which is
 * per (head, base), since GitHub allows one open PR per head and base. Two PRs of one commit into
 * different bases differ in changed files and gate, so each gets its own run (`external_id` is the
 * PR number). Finds or creates the run, then hands the job to the executor; a head already being
 * analysed for that PR in this process is not started again.
 */
import type { Logger } from 'pino';
import { CHECK_RUN_NAME } from '../report/check-run.js';
import { decideRun, type RunMode, type RunTarget } from './events.js';
import type { GitHubClient } from './github/client.js';
import type { PullRequestHeads } from './heads.js';
import type { AnalysisJob, JobExecutor } from './job.js';

export type StartOutcome = { started: true; checkRunId: number; reused: boolean } | { started: false; reason: string };

export interface CoordinatorDependencies {
  executor: JobExecutor;
  heads: PullRequestHeads;
  log: Logger;
  now(): number;
  /** Our GitHub App id, to recognise our own runs; learnt from the first run we create when unset. */
  appId?: number;
}

export class CheckRunCoordinator {
  private readonly inFlight = new Set<string>();
  private appId: number | undefined;

  constructor(private readonly deps: CoordinatorDependencies) {
    this.appId = deps.appId;
  }

  get knownAppId(): number | undefined {
    return this.appId;
  }

  /** Commits being analysed right now (for the health route). */
  get activeRuns(): number {
    return this.inFlight.size;
  }

  async start(github: GitHubClient, target: RunTarget, mode: RunMode): Promise<StartOutcome> {
    const key = `${target.owner.toLowerCase()}/${target.repo.toLowerCase()}@${target.headSha}#${target.pullNumber}`;
    if (target.updatedAt) this.deps.heads.record(target, target.pullNumber, target.headSha, target.updatedAt);
    // Claimed before the first await, so two deliveries racing for one commit cannot both pass.
    if (this.inFlight.has(key)) return this.skip(target, 'this commit is already being analysed');
    this.inFlight.add(key);
    try {
      const existing = await github.findCheckRun(target.headSha, CHECK_RUN_NAME, this.appId, String(target.pullNumber));
      const decision = decideRun(existing, mode);
      if (decision.action === 'skip') return this.skip(target, decision.reason);

      const startedAt = new Date(this.deps.now()).toISOString();
      let checkRunId: number;
      if (decision.action === 'reuse') {
        checkRunId = decision.checkRunId;
        if (decision.markInProgress) await github.markInProgress(checkRunId, startedAt);
      } else {
        const created = await github.createCheckRun({
          name: CHECK_RUN_NAME,
          headSha: target.headSha,
          externalId: String(target.pullNumber),
          startedAt,
          output: { title: 'Analysing', summary: `Reviewing the OAuth code changed by pull request #${target.pullNumber}.` },
        });
        checkRunId = created.id;
        this.appId ??= created.appId ?? undefined;
      }

      const job: AnalysisJob = {
        installationId: target.installationId,
        owner: target.owner,
        repo: target.repo,
        pullNumber: target.pullNumber,
        headSha: target.headSha,
        checkRunId,
        trigger: mode === 'rerun' ? 'rerun' : 'pull_request',
        ...(target.changedFiles !== undefined ? { changedFiles: target.changedFiles } : {}),
        ...(target.repositorySizeKb !== undefined ? { repositorySizeKb: target.repositorySizeKb } : {}),
      };
      this.deps.log.info({ owner: job.owner, repo: job.repo, pullNumber: job.pullNumber, headSha: job.headSha, checkRunId, reused: decision.action === 'reuse' }, 'analysis job submitted');
      await this.deps.executor.submit(job);
      return { started: true, checkRunId, reused: decision.action === 'reuse' };
    } finally {
      this.inFlight.delete(key);
    }
  }

  private skip(target: RunTarget, reason: string): StartOutcome {
    this.deps.log.info({ owner: target.owner, repo: target.repo, pullNumber: target.pullNumber, headSha: target.headSha, reason }, 'no new analysis');
    return { started: false, reason };
  }
}
