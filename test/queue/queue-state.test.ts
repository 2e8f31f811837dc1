/**
 * Queue mode's Redis state on a real Redis: delivery and job-key dedup, failing closed when Redis
 * is away, per-installation fairness, and the reconciler's decisions for runs left in progress.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import pino from 'pino';
import type { GitHubClient } from '../../src/app/github/client.js';
import type { RunRequest } from '../../src/app/job.js';
import { InstallationFairness } from '../../src/queue/fairness.js';
import { jobIdFor, queueKeys, runKey, type QueuedRun } from '../../src/queue/keys.js';
import { GuardMetrics } from '../../src/queue/metrics.js';
import type { RunProcessor } from '../../src/queue/processor.js';
import { JOB_NAME, openQueue } from '../../src/queue/queue.js';
import { createQueueReceiver } from '../../src/queue/receiver.js';
import { MAX_REQUEUES, Reconciler } from '../../src/queue/reconciler.js';
import { RunLedger, type RunRecord } from '../../src/queue/run-ledger.js';
import { startQueueWorker } from '../../src/queue/worker.js';
import { queueSettingsFromEnv, type QueueSettings } from '../../src/queue/settings.js';
import { describeWithRedis, dropQueueKeys, REDIS_URL, uniqueQueueName } from './support/redis.js';
import { freePort } from './support/simulator.js';

const log = pino({ level: 'silent' });

function request(overrides: Partial<RunRequest['target']> = {}, extra: Partial<RunRequest> = {}): RunRequest {
  return { target: { installationId: 11, owner: 'Acme', repo: 'Tools', pullNumber: 7, headSha: 'a'.repeat(40), ...overrides }, mode: 'event', ...extra };
}

test('settings: REDIS_URL turns queue mode on; bad values are refused by name', () => {
  expect(queueSettingsFromEnv({})).toBeUndefined();
  expect(queueSettingsFromEnv({ REDIS_URL: 'redis://127.0.0.1:6379' })).toMatchObject({ queueName: 'mcp-oauth-guard', workerConcurrency: 2, installationMaxActive: 2, enqueueTimeoutMs: 5000 });
  expect(() => queueSettingsFromEnv({ REDIS_URL: 'localhost:6379' })).toThrow(/REDIS_URL must be a redis:\/\//);
  expect(() => queueSettingsFromEnv({ REDIS_URL: 'redis://x', QUEUE_WORKER_CONCURRENCY: '0' })).toThrow(/QUEUE_WORKER_CONCURRENCY must be a positive number, not '0'/);
  expect(() => queueSettingsFromEnv({ REDIS_URL: 'redis://x', QUEUE_NAME: 'a b' })).toThrow(/QUEUE_NAME/);
});

test('job ids: one per PR head whatever the case of the names or the event; a re-run is one job per delivery', () => {
  expect(jobIdFor(request())).toBe(jobIdFor(request({ owner: 'acme', repo: 'tools', headSha: 'A'.repeat(40), changedFiles: 3, updatedAt: '2026-12-01T00:00:00Z' })));
  expect(jobIdFor(request({ headSha: 'b'.repeat(40) }))).not.toBe(jobIdFor(request()));
  // Audit #4 in queue mode: a second PR of the same commit (into another base, with other files) is its own job.
  expect(jobIdFor(request({ pullNumber: 8 }))).not.toBe(jobIdFor(request()));
  expect(runKey(request({ pullNumber: 8 }).target)).not.toBe(runKey(request().target));
  expect(jobIdFor(request({}, { mode: 'rerun', deliveryId: 'd1' }))).not.toBe(jobIdFor(request({}, { mode: 'rerun', deliveryId: 'd2' })));
  expect(jobIdFor(request())).not.toContain(':');
});

test('the receiver fails closed when Redis is unreachable: the webhook fails, nothing is recorded', async () => {
  const port = await freePort();
  const settings = { ...queueSettingsFromEnv({ REDIS_URL: `redis://127.0.0.1:${port}`, QUEUE_ENQUEUE_TIMEOUT_MS: '300' })! };
  const receiver = createQueueReceiver(settings, log);
  const began = Date.now();
  await expect(receiver.submit(request({}, { deliveryId: 'nowhere' }))).rejects.toThrow(/Redis did not answer within 300 ms/);
  expect(Date.now() - began).toBeLessThan(3000);
  const metrics = await receiver.metrics.registry.getSingleMetricAsString('guard_webhook_deliveries_total');
  expect(metrics).toContain('outcome="rejected"} 1');
  await receiver.close();
});

describeWithRedis('queue state on Redis', () => {
  const url = REDIS_URL!;
  let queueName: string;
  let settings: QueueSettings;
  let redis: Redis;
  let queue: Queue<QueuedRun>;

  beforeEach(() => {
    queueName = uniqueQueueName('state');
    settings = queueSettingsFromEnv({ REDIS_URL: url, QUEUE_NAME: queueName, RUN_DEADLINE_SECONDS: '60' })!;
    redis = new Redis(url, { maxRetriesPerRequest: null });
    queue = openQueue(queueName, redis);
  });
  afterEach(async () => {
    await queue.close();
    redis.disconnect();
    await dropQueueKeys(url, queueName);
  });

  test('duplicate deliveries to two receivers and two events for one PR head make one job; another PR of the commit is its own', async () => {
    const [a, b] = [createQueueReceiver(settings, log), createQueueReceiver(settings, log)];
    const results = await Promise.all([a.submitRequest(request({}, { deliveryId: 'd-1' })), b.submitRequest(request({}, { deliveryId: 'd-1' }))]);
    // Both may pass the delivery check at once; the job id still makes one job.
    expect(results.every((result) => result === 'queued' || result === 'duplicate-delivery')).toBe(true);
    expect(await a.submitRequest(request({}, { deliveryId: 'd-1' }))).toBe('duplicate-delivery');
    // A second event for the same PR head (say check_suite after opened): a new delivery, the same job.
    expect(await b.submitRequest(request({ changedFiles: 1 }, { deliveryId: 'd-2' }))).toBe('queued');
    let counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(1);
    const job = await queue.getJob(jobIdFor(request()));
    expect(job?.data.request.target.headSha).toBe('a'.repeat(40));
    // The same commit opened as a PR into another base (audit #4): its files differ, so it is analysed too.
    expect(await a.submitRequest(request({ pullNumber: 9 }, { deliveryId: 'd-3' }))).toBe('queued');
    counts = await queue.getJobCounts('waiting', 'prioritized', 'delayed', 'active');
    expect(Object.values(counts).reduce((sum, count) => sum + count, 0)).toBe(2);
    expect((await queue.getJob(jobIdFor(request({ pullNumber: 9 }))))?.data.request.target.pullNumber).toBe(9);
    await Promise.all([a.close(), b.close()]);
  });

  test('fairness: an installation with a backlog yields to a newcomer, and holds at most its cap while others wait', async () => {
    const fairness = new InstallationFairness(redis, queueKeys(queueName), 2, 30_000);
    const now = Date.now();
    const big = await Promise.all(Array.from({ length: 5 }, (_, i) => fairness.priorityFor(1, `big-${i}`, now + i)));
    expect(big).toEqual([1, 2, 3, 4, 5]);
    expect(await fairness.priorityFor(1, 'big-0', now)).toBe(1); // idempotent per job
    expect(await fairness.priorityFor(2, 'small-0', now + 10)).toBe(1);
    await fairness.finished(1, 'big-0');
    expect(await fairness.priorityFor(1, 'big-5', now + 20)).toBe(5);

    const othersWait = async () => true;
    expect(await fairness.admit(1, 'big-1', now, othersWait)).toBe(true);
    expect(await fairness.admit(1, 'big-2', now, othersWait)).toBe(true);
    expect(await fairness.admit(1, 'big-3', now, othersWait)).toBe(false);
    // Nobody else waiting: the cap does not hold an idle fleet back.
    expect(await fairness.admit(1, 'big-3', now, async () => false)).toBe(true);
    await fairness.release(1, 'big-1');
    await fairness.release(1, 'big-3');
    expect(await fairness.admit(1, 'big-4', now, othersWait)).toBe(true);
    // A lease of a killed worker expires.
    expect(await fairness.admit(1, 'big-5', now + 31_000, othersWait)).toBe(true);
  });

  test('priorities from the receiver: the newcomer is served before the backlog', async () => {
    const receiver = createQueueReceiver(settings, log);
    for (let i = 0; i < 4; i++) await receiver.submitRequest(request({ installationId: 1, headSha: `${i}`.repeat(40) }));
    await receiver.submitRequest(request({ installationId: 2, headSha: 'f'.repeat(40) }));
    const prioritized = await queue.getJobs(['prioritized', 'waiting'], 0, 10, true);
    const byInstallation = prioritized.map((job) => [job.data.request.target.installationId, job.opts.priority]);
    expect(byInstallation).toContainEqual([2, 1]);
    expect(byInstallation.filter(([installation]) => installation === 1).map(([, priority]) => priority).sort()).toEqual([1, 2, 3, 4]);
    await receiver.close();
  });

  test('a worker keeps an installation to its cap while another installation waits, and serves the newcomer next', async () => {
    const capped = { ...settings, installationMaxActive: 1, workerConcurrency: 3, lockDurationMs: 5000 };
    const receiver = createQueueReceiver(capped, log);
    for (let i = 0; i < 4; i++) await receiver.submitRequest(request({ installationId: 1, headSha: `${i}`.repeat(40) }));
    await receiver.submitRequest(request({ installationId: 2, headSha: 'e'.repeat(40) }));
    const started: number[] = [];
    const running = new Map<number, number>();
    let worstWhileOthersWait = 0;
    const processor: RunProcessor = {
      github: async () => Promise.reject(new Error('unused')),
      invalidateConfig: () => 0,
      async process(run) {
        const installation = run.target.installationId;
        started.push(installation);
        running.set(installation, (running.get(installation) ?? 0) + 1);
        if (started.filter((id) => id === 2).length === 0) worstWhileOthersWait = Math.max(worstWhileOthersWait, running.get(1) ?? 0);
        await new Promise((resolve) => setTimeout(resolve, 300));
        running.set(installation, running.get(installation)! - 1);
        return { started: true, checkRunId: 1, reused: false };
      },
    };
    const connection = new Redis(url, { maxRetriesPerRequest: null });
    const worker = startQueueWorker({ settings: capped, connection, redis, queue, processor, metrics: new GuardMetrics(), log });
    const deadline = Date.now() + 30_000;
    while (started.length < 5 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    await worker.close(5000);
    connection.disconnect();
    await receiver.close();
    expect(started).toHaveLength(5);
    // The newcomer ran second: after installation 1's first job, before its backlog.
    expect(started.indexOf(2)).toBe(1);
    expect(worstWhileOthersWait).toBe(1);
    expect(await queue.getJobCounts('completed')).toEqual({ completed: 5 });
  });

  describe('the reconciler', () => {
    function fakeGitHub(status: 'in_progress' | 'completed' | undefined, calls: string[]) {
      const client = {
        findCheckRun: async () => (status ? { id: 99, status, externalId: '7', appId: 1 } : undefined),
        completeCheckRun: async (id: number, params: { conclusion: string; output: { title: string } }) => void calls.push(`complete ${id} ${params.conclusion} ${params.output.title}`),
        appendOutput: async () => undefined,
      };
      return client as unknown as GitHubClient;
    }
    function reconcilerWith(status: 'in_progress' | 'completed' | undefined, calls: string[], identity = 'worker-a') {
      const processor: RunProcessor = { github: async () => fakeGitHub(status, calls), process: async () => ({ started: false, reason: 'unused' }), invalidateConfig: () => 0 };
      const metrics = new GuardMetrics();
      const reconciler = new Reconciler({ redis, queue, ledger: new RunLedger(redis, queueKeys(queueName)), keys: queueKeys(queueName), processor, appId: 1, metrics, log, identity, intervalMs: 1000, runDeadlineMs: 60_000 });
      return { reconciler, metrics };
    }
    async function leftInProgress(requeues = 0, jobId = 'run/gone'): Promise<RunRecord> {
      const ledger = new RunLedger(redis, queueKeys(queueName));
      const record: RunRecord = { key: runKey(request().target), request: request(), jobId, originalJobId: 'run/gone', checkRunId: 99, startedAt: Date.now() - 120_000, requeues };
      await ledger.update(record, Date.now() - 1);
      return record;
    }

    test('a run whose job is gone is queued again, then completed as not analysed after the last re-queue', async () => {
      const calls: string[] = [];
      const { reconciler, metrics } = reconcilerWith('in_progress', calls);
      const record = await leftInProgress();
      expect(await reconciler.lead()).toBe(true);
      expect([...(await reconciler.sweep()).values()]).toEqual(['requeued']);
      const requeued = await queue.getJob('run/gone/requeue-1');
      expect(requeued?.name).toBe(JOB_NAME);
      expect(requeued?.data.request).toEqual(record.request);
      // Not due again until its new deadline.
      expect((await reconciler.sweep()).size).toBe(0);

      await requeued!.remove();
      await leftInProgress(MAX_REQUEUES, 'run/gone/requeue-2');
      expect([...(await reconciler.sweep()).values()]).toEqual(['completed']);
      expect(calls).toEqual([expect.stringMatching(/^complete 99 failure The analysis could not be completed/)]);
      expect(await new RunLedger(redis, queueKeys(queueName)).size()).toBe(0);
      expect(await metrics.registry.getSingleMetricAsString('guard_runs_reconciled_total')).toMatch(/action="requeued"\} 1[\s\S]*action="completed"\} 1/);
    });

    test('a run GitHub shows completed is dropped; one whose job still waits is left alone', async () => {
      const calls: string[] = [];
      await leftInProgress();
      expect([...(await reconcilerWith('completed', calls).reconciler.sweep()).values()]).toEqual(['already-completed']);
      await queue.add(JOB_NAME, { request: request(), enqueuedAt: Date.now() }, { jobId: 'run/waiting' });
      await leftInProgress(0, 'run/waiting');
      expect([...(await reconcilerWith('in_progress', calls).reconciler.sweep()).values()]).toEqual(['still-queued']);
      expect(calls).toEqual([]);
    });

    test('GitHub unreachable: the run stays on the books and is tried again', async () => {
      const failing: RunProcessor = { github: async () => Promise.reject(Object.assign(new Error('connect ECONNREFUSED'), { status: 500 })), process: async () => ({ started: false, reason: '' }), invalidateConfig: () => 0 };
      const reconciler = new Reconciler({ redis, queue, ledger: new RunLedger(redis, queueKeys(queueName)), keys: queueKeys(queueName), processor: failing, appId: 1, metrics: new GuardMetrics(), log, identity: 'a', intervalMs: 1000, runDeadlineMs: 60_000 });
      await leftInProgress();
      expect([...(await reconciler.sweep()).values()]).toEqual(['retry-later']);
      expect(await new RunLedger(redis, queueKeys(queueName)).size()).toBe(1);
    });

    test('one leader at a time; the lead passes on when the leader stops', async () => {
      const a = reconcilerWith('completed', [], 'worker-a').reconciler;
      const b = reconcilerWith('completed', [], 'worker-b').reconciler;
      expect(await a.lead()).toBe(true);
      expect(await b.lead()).toBe(false);
      expect(await a.lead()).toBe(true);
      await a.stop();
      expect(await b.lead()).toBe(true);
    });
  });
});
