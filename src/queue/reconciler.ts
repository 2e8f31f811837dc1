/**
 * Runs left "in progress" past their deadline (a worker crash or SIGKILL the stalled check could
 * not cover, a job that failed every attempt, a long GitHub outage): one worker at a time, the
 * leader of a Redis lock, looks at each and either leaves it (its job is still queued or running),
 * drops it (GitHub already shows it completed), queues it again (at most `MAX_REQUEUES` times), or
 * completes it as "could not be analysed", failing closed. Never left in progress for good.
 */
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { CHECK_RUN_NAME, planAnalysisError } from '../report/check-run.js';
import { publishPlan, describeError } from '../app/job.js';
import { JOB_NAME } from './queue.js';
import { type QueueKeys, type QueuedRun } from './keys.js';
import { failureReason, type GuardMetrics } from './metrics.js';
import type { RunProcessor } from './processor.js';
import type { RunLedger, RunRecord } from './run-ledger.js';

export const MAX_REQUEUES = 2;
const SWEEP_BATCH = 100;
const STILL_QUEUED = new Set(['active', 'waiting', 'prioritized', 'delayed', 'waiting-children']);

const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;

export interface ReconcilerOptions {
  redis: Redis;
  queue: Queue<QueuedRun>;
  ledger: RunLedger;
  keys: QueueKeys;
  processor: RunProcessor;
  appId: number | undefined;
  metrics: GuardMetrics;
  log: Logger;
  /** This process's name in the leader lock. */
  identity: string;
  intervalMs: number;
  runDeadlineMs: number;
  now?: () => number;
}

export type ReconcileAction = 'still-queued' | 'already-completed' | 'requeued' | 'completed' | 'retry-later';

export class Reconciler {
  private timer: NodeJS.Timeout | undefined;
  private sweeping: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(private readonly options: ReconcilerOptions) {
    this.now = options.now ?? Date.now;
  }

  start(): void {
    this.timer = setInterval(() => void this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.sweeping;
    // Hand the lead on at once rather than after the lock expires.
    await this.options.redis.eval(`if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`, 1, this.options.keys.leader, this.options.identity).catch(() => undefined);
  }

  /** One period: sweep when this process holds (or wins) the lead. Errors are logged and retried next period. */
  async tick(): Promise<void> {
    if (this.sweeping) return;
    this.sweeping = (async () => {
      try {
        if (await this.lead()) await this.sweep();
      } catch (error) {
        this.options.log.warn({ reason: describeError(error) }, 'reconciler sweep failed; next period tries again');
      } finally {
        this.sweeping = undefined;
      }
    })();
    await this.sweeping;
  }

  async lead(): Promise<boolean> {
    const ttl = Math.max(3 * this.options.intervalMs, 10_000);
    return Number(await this.options.redis.eval(RENEW_SCRIPT, 1, this.options.keys.leader, this.options.identity, ttl)) === 1;
  }

  async sweep(): Promise<Map<string, ReconcileAction>> {
    const done = new Map<string, ReconcileAction>();
    for (const record of await this.options.ledger.due(this.now(), SWEEP_BATCH)) {
      let action: ReconcileAction;
      try {
        action = await this.settle(record);
      } catch (error) {
        // GitHub still away: look again in one period.
        this.options.metrics.failures.inc({ reason: failureReason(error) });
        this.options.log.warn({ key: record.key, reason: describeError(error) }, 'could not reconcile a run; trying again later');
        await this.options.ledger.update(record, this.now() + this.options.intervalMs);
        action = 'retry-later';
      }
      this.options.metrics.reconciled.inc({ action });
      done.set(record.key, action);
    }
    return done;
  }

  private async settle(record: RunRecord): Promise<ReconcileAction> {
    const { queue, ledger, log } = this.options;
    const job = await queue.getJob(record.jobId);
    const state = job ? await job.getState() : 'unknown';
    if (STILL_QUEUED.has(state)) {
      await ledger.update(record, this.now() + this.options.runDeadlineMs);
      return 'still-queued';
    }
    const { target } = record.request;
    const github = await this.options.processor.github(target);
    const existing = await github.findCheckRun(target.headSha, CHECK_RUN_NAME, this.options.appId);
    if (existing?.status === 'completed') {
      await ledger.finish(record.key);
      return 'already-completed';
    }
    if (record.requeues < MAX_REQUEUES) {
      const jobId = `${record.originalJobId}/requeue-${record.requeues + 1}`;
      await queue.add(JOB_NAME, { request: record.request, enqueuedAt: this.now() }, { jobId });
      await ledger.update({ ...record, jobId, requeues: record.requeues + 1 }, this.now() + this.options.runDeadlineMs);
      log.warn({ key: record.key, state, jobId, checkRunId: existing?.id }, 'run left in progress past its deadline; queued again');
      return 'requeued';
    }
    if (!existing) {
      // Queued again and again, and still no run on GitHub: nothing shows "in progress" to fix.
      await ledger.finish(record.key);
      log.error({ key: record.key, state }, 'run could not be started after re-queues; dropped (no check run exists)');
      return 'completed';
    }
    const reason = `the analysis did not finish within ${Math.round(this.options.runDeadlineMs / 1000)} s after ${record.requeues + 1} attempts (a worker stopped, or GitHub was unreachable); re-run the check`;
    await publishPlan(github, existing.id, planAnalysisError(reason, 'failure'), new Date(this.now()).toISOString(), log);
    await ledger.finish(record.key);
    log.error({ key: record.key, checkRunId: existing.id }, 'run left in progress past its deadline; completed as not analysed');
    return 'completed';
  }
}
