/** Names in Redis and job ids: one place, so receivers, workers and the reconciler agree. */
import type { RunRequest } from '../app/job.js';
import type { RunTarget } from '../app/events.js';

/**
 * One check run per commit of a repository (as the embedded coordinator keeps it), so one job
 * per commit: the job key. The base branch does not change which run GitHub shows, so it is not
 * part of the key; two PRs sharing a head share the run, as they do in embedded mode.
 */
export function runKey(target: Pick<RunTarget, 'owner' | 'repo' | 'headSha'>): string {
  return `${target.owner.toLowerCase()}/${target.repo.toLowerCase()}@${target.headSha.toLowerCase()}`;
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
