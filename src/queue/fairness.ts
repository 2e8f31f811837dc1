/**
 * Per-installation fairness on one shared queue, so one organisation's 3,000-file PRs cannot
 * starve the others. Two parts:
 *
 * 1. Round-robin by rank. A job's BullMQ priority is its rank among its installation's unfinished
 *    jobs (1 for the first, 2 for the second, …), and BullMQ serves lower numbers first. So every
 *    installation's first pending job runs before any installation's second: an organisation that
 *    queues 100 PRs delays a newcomer by at most one job, not 100.
 * 2. A cap on held workers. A job whose installation already runs `maxActive` jobs goes back to
 *    the queue for a moment, but only while other installations' jobs wait: an idle fleet is
 *    never held back (work-conserving).
 *
 * Both live in Redis (sorted sets with expiring members), so they hold across receivers and
 * workers, and a worker killed mid-job leaks at most one lease until it expires.
 */
import type { Redis } from 'ioredis';
import type { QueueKeys } from './keys.js';

/** An unfinished job forgotten this long after it was queued stops counting toward its installation's rank. */
const OUTSTANDING_FORGET_MS = 6 * 60 * 60_000;
/** BullMQ's highest priority number. */
const MAX_PRIORITY = 2_097_151;

const RANK_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[3]))
redis.call('ZADD', KEYS[1], 'NX', ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return redis.call('ZRANK', KEYS[1], ARGV[2]) + 1`;

/** 1 when the lease is held (or renewed), 0 when the installation is at its cap. */
const ACQUIRE_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) or redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[4]) then
  redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
  redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[2]) - tonumber(ARGV[1]))
  return 1
end
return 0`;

export class InstallationFairness {
  constructor(
    private readonly redis: Redis,
    private readonly keys: QueueKeys,
    private readonly maxActive: number,
    private readonly leaseMs: number,
  ) {}

  /** The priority for a job being queued: its rank among the installation's unfinished jobs (idempotent per job id). */
  async priorityFor(installationId: number, jobId: string, now: number): Promise<number> {
    const rank = Number(await this.redis.eval(RANK_SCRIPT, 1, this.keys.outstanding(installationId), now, jobId, OUTSTANDING_FORGET_MS));
    return Math.min(Math.max(rank, 1), MAX_PRIORITY);
  }

  /** The job is finished (completed, or failed for good): it no longer counts toward the rank. */
  async finished(installationId: number, jobId: string): Promise<void> {
    await this.redis.zrem(this.keys.outstanding(installationId), jobId);
  }

  /**
   * May this job run now? `othersWaiting` is asked only when the installation is at its cap,
   * so the common case costs one script call.
   */
  async admit(installationId: number, jobId: string, now: number, othersWaiting: (ownWaiting: number) => Promise<boolean>): Promise<boolean> {
    if (await this.holdLease(installationId, jobId, now, this.maxActive)) return true;
    const [outstanding, active] = await Promise.all([this.redis.zcard(this.keys.outstanding(installationId)), this.redis.zcard(this.keys.active(installationId))]);
    if (await othersWaiting(Math.max(0, outstanding - active))) return false;
    // Nobody else waits: run anyway (a lease beyond the cap, released like any other).
    return this.holdLease(installationId, jobId, now, Number.MAX_SAFE_INTEGER);
  }

  async renew(installationId: number, jobId: string, now: number): Promise<void> {
    await this.holdLease(installationId, jobId, now, Number.MAX_SAFE_INTEGER);
  }

  async release(installationId: number, jobId: string): Promise<void> {
    await this.redis.zrem(this.keys.active(installationId), jobId);
  }

  private async holdLease(installationId: number, jobId: string, now: number, cap: number): Promise<boolean> {
    return Number(await this.redis.eval(ACQUIRE_SCRIPT, 1, this.keys.active(installationId), now, now + this.leaseMs, jobId, cap)) === 1;
  }
}
