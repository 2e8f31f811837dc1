/**
 * The runs a worker has started and not yet finished, in Redis: what the reconciler looks at.
 * A worker writes the record before it touches GitHub and removes it once the check run is
 * completed (or the job decided there was nothing to run), so a run left "in progress" by a
 * crash, a SIGKILL or a GitHub outage always has a record with a deadline.
 */
import type { Redis } from 'ioredis';
import type { RunRequest } from '../app/job.js';
import type { QueueKeys } from './keys.js';

export interface RunRecord {
  key: string;
  request: RunRequest;
  /** The BullMQ job working on it now. */
  jobId: string;
  /** The job id before any re-queue by the reconciler (new ids are derived from it). */
  originalJobId: string;
  checkRunId?: number;
  startedAt: number;
  /** Times the reconciler has queued it again. */
  requeues: number;
}

export class RunLedger {
  constructor(
    private readonly redis: Redis,
    private readonly keys: QueueKeys,
  ) {}

  async begin(record: RunRecord, deadlineAt: number): Promise<void> {
    const previous = await this.get(record.key);
    // A job handed on (stalled worker, re-queue) keeps what the ledger already knows.
    const merged: RunRecord = previous ? { ...record, requeues: previous.requeues, originalJobId: previous.originalJobId, ...(previous.checkRunId !== undefined && record.checkRunId === undefined ? { checkRunId: previous.checkRunId } : {}) } : record;
    await this.redis.multi().hset(this.keys.runRecords, record.key, JSON.stringify(merged)).zadd(this.keys.runDeadlines, deadlineAt, record.key).exec();
  }

  async attachCheckRun(key: string, checkRunId: number): Promise<void> {
    const record = await this.get(key);
    if (record) await this.redis.hset(this.keys.runRecords, key, JSON.stringify({ ...record, checkRunId }));
  }

  async update(record: RunRecord, deadlineAt: number): Promise<void> {
    await this.redis.multi().hset(this.keys.runRecords, record.key, JSON.stringify(record)).zadd(this.keys.runDeadlines, deadlineAt, record.key).exec();
  }

  async finish(key: string): Promise<void> {
    await this.redis.multi().hdel(this.keys.runRecords, key).zrem(this.keys.runDeadlines, key).exec();
  }

  async get(key: string): Promise<RunRecord | undefined> {
    const raw = await this.redis.hget(this.keys.runRecords, key);
    return raw ? (JSON.parse(raw) as RunRecord) : undefined;
  }

  /** Records whose deadline has passed, oldest first. */
  async due(now: number, limit: number): Promise<RunRecord[]> {
    const keys = await this.redis.zrangebyscore(this.keys.runDeadlines, '-inf', now, 'LIMIT', 0, limit);
    if (keys.length === 0) return [];
    const raws = await this.redis.hmget(this.keys.runRecords, ...keys);
    const records: RunRecord[] = [];
    for (const [index, raw] of raws.entries()) {
      if (raw) records.push(JSON.parse(raw) as RunRecord);
      // A deadline without a record: drop it.
      else await this.redis.zrem(this.keys.runDeadlines, keys[index]!);
    }
    return records;
  }

  async size(): Promise<number> {
    return this.redis.zcard(this.keys.runDeadlines);
  }
}
