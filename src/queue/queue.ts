/** The BullMQ queue as both sides open it, and what the metrics read from it. */
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueProbe } from './metrics.js';
import type { QueueKeys, QueuedRun } from './keys.js';
import type { RunLedger } from './run-ledger.js';

export const JOB_NAME = 'analyse-pull-request';

/** Attempts per job: a job that throws (GitHub or Redis unreachable) is tried again with backoff, then left to the reconciler. */
export const JOB_ATTEMPTS = 4;

export function openQueue(name: string, connection: Redis): Queue<QueuedRun> {
  const queue = new Queue<QueuedRun>(name, {
    connection,
    defaultJobOptions: {
      attempts: JOB_ATTEMPTS,
      backoff: { type: 'exponential', delay: 2000 },
      // Kept for an hour so a late duplicate finds the id taken; failed jobs a day, for diagnosis.
      removeOnComplete: { age: 3600, count: 50_000 },
      removeOnFail: { age: 86_400, count: 50_000 },
    },
  });
  // The connection reports its own failures (redis.ts); the queue's echo of them adds nothing.
  queue.on('error', () => undefined);
  return queue;
}

export function queueProbe(queue: Queue<QueuedRun>, ledger: RunLedger): QueueProbe {
  return {
    counts: () => queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed'),
    async oldestWaitingAgeSeconds(now) {
      // The oldest of the first 500 waiting jobs of each kind: bounded work per scrape.
      const jobs = await queue.getJobs(['waiting', 'prioritized'], 0, 499, true);
      const oldest = Math.min(...jobs.map((job) => job.data?.enqueuedAt ?? job.timestamp).filter((at) => Number.isFinite(at)));
      return Number.isFinite(oldest) ? Math.max(0, (now - oldest) / 1000) : 0;
    },
    runsInProgress: () => ledger.size(),
  };
}

export type { QueueKeys };
