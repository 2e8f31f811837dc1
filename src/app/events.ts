/** Pure: what a webhook payload asks for. Handlers call these, then do the I/O. */
import { CHECK_RUN_NAME } from '../report/check-run.js';
import type { ExistingCheckRun } from './github/client.js';

/** A pull request commit to analyse. */
export interface RunTarget {
  installationId: number;
  owner: string;
  repo: string;
  pullNumber: number;
  headSha: string;
  /** When the event says how many files the PR has. */
  changedFiles?: number;
  /** The PR's `updated_at`, to order heads. */
  updatedAt?: string;
  /** GitHub's `repository.size` in KB: decides whether one tarball beats fetching blobs. */
  repositorySizeKb?: number;
}

export type Ignored = { ignore: string };

interface RepositoryPayload {
  name: string;
  owner: { login: string };
  size?: number;
}

function repositorySize(repository: RepositoryPayload): { repositorySizeKb?: number } {
  return typeof repository.size === 'number' && repository.size >= 0 ? { repositorySizeKb: repository.size } : {};
}

interface PullRequestPayload {
  number: number;
  state: string;
  updated_at: string;
  changed_files?: number;
  head: { sha: string };
}

export const PULL_REQUEST_ACTIONS = ['opened', 'synchronize', 'reopened', 'ready_for_review'] as const;

export function targetFromPullRequest(payload: {
  action: string;
  installation?: { id: number } | null;
  repository: RepositoryPayload;
  pull_request: PullRequestPayload;
}): RunTarget | Ignored {
  if (!payload.installation) return { ignore: 'no installation in the payload' };
  if (payload.pull_request.state !== 'open') return { ignore: `pull request is ${payload.pull_request.state}` };
  return {
    installationId: payload.installation.id,
    owner: payload.repository.owner.login,
    repo: payload.repository.name,
    pullNumber: payload.pull_request.number,
    headSha: payload.pull_request.head.sha,
    updatedAt: payload.pull_request.updated_at,
    ...(payload.pull_request.changed_files !== undefined ? { changedFiles: payload.pull_request.changed_files } : {}),
    ...repositorySize(payload.repository),
  };
}

/** "Re-run" on one of our runs: the PR number comes from external_id, which we set. */
export function targetFromCheckRunRerequest(
  payload: {
    installation?: { id: number } | null;
    repository: RepositoryPayload;
    check_run: { name: string; head_sha: string; external_id: string | null; app: { id: number } | null; pull_requests: { number: number }[] };
  },
  appId: number | undefined,
): RunTarget | Ignored {
  const run = payload.check_run;
  if (run.name !== CHECK_RUN_NAME) return { ignore: `check run '${run.name}' is not ours` };
  if (appId !== undefined && run.app?.id !== appId) return { ignore: 'check run belongs to another app' };
  if (!payload.installation) return { ignore: 'no installation in the payload' };
  const pullNumber = pullNumberFromExternalId(run.external_id) ?? run.pull_requests[0]?.number;
  if (pullNumber === undefined) return { ignore: 'the check run names no pull request' };
  return { installationId: payload.installation.id, owner: payload.repository.owner.login, repo: payload.repository.name, pullNumber, headSha: run.head_sha, ...repositorySize(payload.repository) };
}

/**
 * A check suite lists the PRs whose head is this commit (never PRs from forks: those arrive as
 * pull_request events). Only PRs whose head is the suite's commit are targets.
 */
export function targetsFromCheckSuite(payload: {
  installation?: { id: number } | null;
  repository: RepositoryPayload;
  check_suite: { head_sha: string; pull_requests: { number: number; head: { sha: string } }[] };
}): RunTarget[] {
  if (!payload.installation) return [];
  const installationId = payload.installation.id;
  return payload.check_suite.pull_requests
    .filter((pull) => pull.head.sha === payload.check_suite.head_sha)
    .map((pull) => ({ installationId, owner: payload.repository.owner.login, repo: payload.repository.name, pullNumber: pull.number, headSha: payload.check_suite.head_sha, ...repositorySize(payload.repository) }));
}

export function pullNumberFromExternalId(externalId: string | null | undefined): number | undefined {
  if (!externalId || !/^\d{1,10}$/.test(externalId)) return undefined;
  return Number(externalId);
}

export type RunMode = 'event' | 'rerun';
export type RunDecision = { action: 'create' } | { action: 'reuse'; checkRunId: number; markInProgress: boolean } | { action: 'skip'; reason: string };

/**
 * One run per SHA. A PR event reuses the run it finds, and does nothing when that run is already
 * completed (a redelivery, or `opened` then `ready_for_review`). A re-run reuses a run that is
 * still open, but starts a fresh one over a completed run: GitHub appends annotations to a run and
 * cannot remove them, so reusing a completed run would show every finding twice.
 */
export function decideRun(existing: ExistingCheckRun | undefined, mode: RunMode): RunDecision {
  if (!existing) return { action: 'create' };
  if (existing.status !== 'completed') return { action: 'reuse', checkRunId: existing.id, markInProgress: existing.status !== 'in_progress' };
  return mode === 'event' ? { action: 'skip', reason: `check run ${existing.id} for this commit is already completed` } : { action: 'create' };
}
