/**
 * Real Redis for the queue tests. `.ci/run` starts one and exports REDIS_URL; without it these
 * tests are skipped with a printed reason, so `npm test` passes on a machine without Redis.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './simulator.js';

export const REDIS_URL = process.env.REDIS_URL?.trim() || undefined;

/** `describe` when Redis is there, else `describe.skip` after saying why. */
export function describeWithRedis(name: string, body: () => void): void {
  if (REDIS_URL) return describe(name, body);
  process.stderr.write(`skipped '${name}': REDIS_URL is not set (.ci/run starts redis-server and sets it)\n`);
  describe.skip(name, body);
}

export function hasRedisServerBinary(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A unique queue name per test file run, so tests sharing one Redis never see each other's keys. */
export function uniqueQueueName(label: string): string {
  return `test-${label}-${process.pid}-${Date.now().toString(36)}`;
}

/** Deletes every key of a queue (BullMQ's and ours). */
export async function dropQueueKeys(url: string, queueName: string): Promise<void> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  try {
    for (const pattern of [`bull:${queueName}:*`, `guard:${queueName}:*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await redis.del(...keys);
      } while (cursor !== '0');
    }
  } finally {
    redis.disconnect();
  }
}

/**
 * A redis-server of the test's own, with AOF on in a temp dir, that the test may stop and start
 * again on the same port (a Redis restart mid-run).
 */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private constructor(
    readonly port: number,
    private readonly dir: string,
  ) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<OwnRedis> {
    const redis = new OwnRedis(await freePort(), mkdtempSync(path.join(tmpdir(), 'guard-redis-')));
    await redis.startServer();
    return redis;
  }

  async startServer(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--dir', this.dir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const probe = new Redis(this.url, { maxRetriesPerRequest: 0, retryStrategy: () => null, lazyConnect: true });
      try {
        await probe.connect();
        if ((await probe.ping()) === 'PONG') return;
      } catch {
        // not yet listening
      } finally {
        probe.disconnect();
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server did not start on port ${this.port}`);
  }

  /** SIGTERM: Redis writes its AOF and exits, as a restart by an orchestrator does. */
  async stopServer(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }

  async restart(downMs = 300): Promise<void> {
    await this.stopServer();
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.startServer();
  }

  async close(): Promise<void> {
    await this.stopServer();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
