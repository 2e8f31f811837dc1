/** Names in Redis and job ids: one place, so receivers, workers and the reconciler agree. */
import type { RunRequest } from '../app/job.js';
import type { RunTarget } from '../app/events.js';

/**
 * One check run per pull request head (as the embedded coordinator keeps it, audit #4), so one job
 * per (repository, PR, head SHA): the job key. Two PRs of the same commit into different bases
 * change different files, so each needs its own analysis; one job for both would leave the second
 * PR's files unread and its check passing on the first PR's verdict. `opened`, `synchronize` and
 * `check_suite` events for one PR head, on any receiver, make one job.
 */
export function runKey(target: Pick<RunTarget, 'owner' | 'repo' | 'pullNumber' | 'headSha'>): string {
  return `${target.owner.toLowerCase()}/${target.repo.toLowerCase()}#${target.pullNumber}@${target.headSha.toLowerCase()}`;
}

/**
 * Deterministic: every receiver turns the same event into the same id, and BullMQ adds a job id
 * once. A re-run is asked for on purpose, so each re-run delivery is its own job.
 */
export function jobIdFor(request: RunRequest): string {
  const key = runKey(request.target);
  return request.mode === 'rerun' ? `rerun/${key}/${request.deliveryId ?? 'no-delivery'}` : `run/${key}`;
}

export interface QueueKeys {
  delivery(deliveryId: string): string;
  /** ZSET: jobs of an installation not yet finished (score: enqueue time). */
  outstanding(installationId: number): string;
  /** ZSET: jobs of an installation running now (score: lease expiry). */
  active(installationId: number): string;
  /** ZSET of run keys by deadline, and the HASH of their records. */
  runDeadlines: string;
  runRecords: string;
  leader: string;
  configChannel: string;
}

export function queueKeys(queueName: string): QueueKeys {
  const prefix = `guard:${queueName}`;
  return {
    delivery: (deliveryId) => `${prefix}:delivery:${deliveryId}`,
    outstanding: (installationId) => `${prefix}:outstanding:${installationId}`,
    active: (installationId) => `${prefix}:active:${installationId}`,
    runDeadlines: `${prefix}:runs:deadline`,
    runRecords: `${prefix}:runs:record`,
    leader: `${prefix}:reconciler:leader`,
    configChannel: `${prefix}:config-changed`,
  };
}

/** What a queued job carries: the request, as the receiver built it. */
export interface QueuedRun {
  request: RunRequest;
  enqueuedAt: number;
}
