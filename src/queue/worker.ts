/**
 * Queue mode's analysis side: a BullMQ worker that takes run requests, one per commit, and
 * completes their check runs. Any number of these run, in any process on any machine that
 * reaches Redis. A worker that dies loses its lock; BullMQ's stalled-job check hands its job to
 * another, which reuses the check run still in progress.
 */
import { DelayedError, Worker, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { InstallationFairness } from './fairness.js';
import { queueKeys, runKey, type QueuedRun } from './keys.js';
import { failureReason, type GuardMetrics } from './metrics.js';
import type { RunProcessor } from './processor.js';
import { JOB_ATTEMPTS } from './queue.js';
import { RunLedger } from './run-ledger.js';
import type { QueueSettings } from './settings.js';

/** How long a job whose installation is at its cap steps aside. */
const FAIRNESS_BACKOFF_MS = 1000;

export interface QueueWorkerOptions {
  settings: QueueSettings;
  /** BullMQ's blocking connection; ours for the ledger and fairness keys. */
  connection: Redis;
  redis: Redis;
  /** The queue, opened on `redis`: the fairness cap asks it what waits. */
  queue: Queue<QueuedRun>;
  processor: RunProcessor;
  metrics: GuardMetrics;
  log: Logger;
  name?: string;
  now?: () => number;
}

export interface QueueWorker {
  readonly worker: Worker<QueuedRun>;
  /** Jobs running in this process now. */
  readonly activeJobs: number;
  /** Stops taking jobs and waits up to `graceMs` for those running; what is left is handed on by the stalled check. */
  close(graceMs: number): Promise<'drained' | 'handed-on'>;
}

export function startQueueWorker(options: QueueWorkerOptions): QueueWorker {
  const { settings, processor, metrics, log } = options;
  const now = options.now ?? Date.now;
  const keys = queueKeys(settings.queueName);
  const fairness = new InstallationFairness(options.redis, keys, settings.installationMaxActive, settings.lockDurationMs);
  const ledger = new RunLedger(options.redis, keys);
  let active = 0;

  const othersWaiting = async (ownWaiting: number) => {
    const counts = await options.queue.getJobCounts('waiting', 'prioritized');
    return (counts.waiting ?? 0) + (counts.prioritized ?? 0) - ownWaiting > 0;
  };

  const processJob = async (job: Job<QueuedRun>, token?: string): Promise<string> => {
    const { request } = job.data;
    const { installationId } = request.target;
    const jobId = job.id!;
    if (!(await fairness.admit(installationId, jobId, now(), othersWaiting))) {
      await job.moveToDelayed(now() + FAIRNESS_BACKOFF_MS, token);
      throw new DelayedError();
    }
    active++;
    const startedAt = now();
    const key = runKey(request.target);
    const renew = setInterval(() => void fairness.renew(installationId, jobId, now()).catch(() => undefined), Math.max(1000, settings.lockDurationMs / 3));
    try {
      await ledger.begin({ key, request, jobId, originalJobId: jobId, startedAt, requeues: 0 }, startedAt + settings.runDeadlineMs);
      const outcome = await processor.process(request, (checkRunId) => ledger.attachCheckRun(key, checkRunId));
      // The check run is completed (or there was nothing to run): the reconciler has nothing to watch.
      await ledger.finish(key);
      await fairness.finished(installationId, jobId);
      metrics.jobDuration.observe({ outcome: outcome.started ? 'completed' : 'skipped' }, (now() - startedAt) / 1000);
      log.info({ jobId, attempt: job.attemptsMade + 1, started: outcome.started, ...(outcome.started ? { checkRunId: outcome.checkRunId } : { reason: outcome.reason }) }, 'job finished');
      return outcome.started ? 'completed' : 'skipped';
    } catch (error) {
      metrics.failures.inc({ reason: failureReason(error) });
      metrics.jobDuration.observe({ outcome: 'failed' }, (now() - startedAt) / 1000);
      log.warn({ jobId, attempt: job.attemptsMade + 1, reason: error instanceof Error ? error.message : String(error) }, 'job failed; it will be tried again or reconciled');
      throw error;
    } finally {
      clearInterval(renew);
      active--;
      await fairness.release(installationId, jobId).catch(() => undefined);
    }
  };

  const worker: Worker<QueuedRun> = new Worker<QueuedRun>(settings.queueName, processJob, {
    connection: options.connection,
    concurrency: settings.workerConcurrency,
    lockDuration: settings.lockDurationMs,
    stalledInterval: Math.max(1000, Math.round(settings.lockDurationMs / 2)),
    // A worker killed twice on the same job (a poison job that crashes the process) leaves it to the reconciler.
    maxStalledCount: 2,
    ...(options.name ? { name: options.name } : {}),
  });
  worker.on('failed', (job) => {
    // Failed for good: it no longer counts toward its installation's rank; its run record stays for the reconciler.
    if (job && job.attemptsMade >= (job.opts.attempts ?? JOB_ATTEMPTS)) void fairness.finished(job.data.request.target.installationId, job.id!).catch(() => undefined);
  });
  worker.on('stalled', (jobId) => log.warn({ jobId }, 'a worker stopped renewing its job; it goes to another worker'));
  worker.on('error', (error) => log.warn({ reason: error.message }, 'queue worker error'));

  return {
    worker,
    get activeJobs() {
      return active;
    },
    async close(graceMs) {
      const closing = worker.close();
      const timedOut = await Promise.race([closing.then(() => false), new Promise<boolean>((resolve) => setTimeout(() => resolve(true), graceMs).unref())]);
      if (!timedOut) return 'drained';
      // Still running after the grace: leave without completing. The lock expires and another worker takes the job.
      await worker.close(true).catch(() => undefined);
      return 'handed-on';
    },
  };
}
