/**
 * Queue mode's receiving side: the webhook handler validates (Probot checks the signature), then
 * this records the delivery and enqueues one job per commit. Nothing here calls GitHub, so the
 * webhook is answered in milliseconds.
 *
 * Redis unreachable: the request waits for a reconnection up to `enqueueTimeoutMs`, then fails,
 * and the webhook is answered 5xx. GitHub shows a failed delivery that can be redelivered, and the
 * PR has no check run, so a required check blocks the merge: fail closed. We do not run the job
 * inline instead: a receiver sized for webhooks would take on a burst of analyses at the moment
 * the fleet is impaired.
 */
import type { Logger } from 'pino';
import type { Redis } from 'ioredis';
import type { PushSummary } from '../app/config-cache.js';
import type { RunDispatcher, RunRequest } from '../app/job.js';
import { InstallationFairness } from './fairness.js';
import { jobIdFor, queueKeys, type QueuedRun } from './keys.js';
import { failureReason, GuardMetrics } from './metrics.js';
import { JOB_NAME, openQueue, queueProbe } from './queue.js';
import { connectRedis, withinMs } from './redis.js';
import { RunLedger } from './run-ledger.js';
import type { QueueSettings } from './settings.js';

export type SubmitResult = 'queued' | 'duplicate-delivery';

export interface QueueReceiver extends RunDispatcher {
  submitRequest(request: RunRequest): Promise<SubmitResult>;
  /** Tells every worker to drop cached configs a push may have changed (best effort: the cache TTL bounds the rest). */
  publishConfigChange(push: PushSummary): Promise<void>;
  readonly metrics: GuardMetrics;
  close(): Promise<void>;
}

export function createQueueReceiver(settings: QueueSettings, log: Logger, now: () => number = Date.now): QueueReceiver {
  const redis: Redis = connectRedis(settings.redisUrl, 'receiver', log);
  const keys = queueKeys(settings.queueName);
  const queue = openQueue(settings.queueName, redis);
  const fairness = new InstallationFairness(redis, keys, settings.installationMaxActive, settings.lockDurationMs);
  const ledger = new RunLedger(redis, keys);
  const metrics = new GuardMetrics(queueProbe(queue, ledger), now);
  const bounded = <T>(promise: Promise<T>, what: string) => withinMs(promise, settings.enqueueTimeoutMs, what);

  const submitRequest = async (request: RunRequest): Promise<SubmitResult> => {
    try {
      const deliveryKey = request.deliveryId ? keys.delivery(request.deliveryId) : undefined;
      if (deliveryKey && (await bounded(redis.exists(deliveryKey), 'delivery lookup')) === 1) {
        metrics.deliveries.inc({ outcome: 'duplicate-delivery' });
        log.info({ deliveryId: request.deliveryId, owner: request.target.owner, repo: request.target.repo, pullNumber: request.target.pullNumber }, 'delivery already received; ignored');
        return 'duplicate-delivery';
      }
      const jobId = jobIdFor(request);
      const enqueuedAt = now();
      const priority = await bounded(fairness.priorityFor(request.target.installationId, jobId, enqueuedAt), 'fairness rank');
      // An id already queued (the same PR head from another receiver or event) is not added again.
      await bounded(queue.add(JOB_NAME, { request, enqueuedAt }, { jobId, priority }), 'enqueue');
      // Recorded after the job is safe: a receiver that dies in between leaves the redelivery welcome.
      if (deliveryKey) await bounded(redis.set(deliveryKey, jobId, 'EX', settings.deliveryTtlSeconds), 'delivery record');
      metrics.deliveries.inc({ outcome: 'queued' });
      log.info({ jobId, priority, deliveryId: request.deliveryId, pullNumber: request.target.pullNumber }, 'analysis job queued');
      return 'queued';
    } catch (error) {
      metrics.deliveries.inc({ outcome: 'rejected' });
      metrics.failures.inc({ reason: failureReason(error) });
      log.error({ reason: error instanceof Error ? error.message : String(error), pullNumber: request.target.pullNumber }, 'could not queue the analysis; the webhook fails so GitHub shows it');
      throw error;
    }
  };

  return {
    metrics,
    submitRequest,
    async submit(request) {
      await submitRequest(request);
    },
    async publishConfigChange(push) {
      try {
        await bounded(redis.publish(keys.configChannel, JSON.stringify(push)), 'config change');
      } catch (error) {
        log.warn({ reason: error instanceof Error ? error.message : String(error) }, 'could not tell workers about a config change; their cache expires it');
      }
    },
    async close() {
      await queue.close().catch(() => undefined);
      redis.disconnect();
    },
  };
}

export type { QueuedRun };
