/** ioredis connections for BullMQ and our own keys. */
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/**
 * Commands wait while Redis reconnects (a restart, a failover) instead of failing at once:
 * BullMQ needs `maxRetriesPerRequest: null`, and the receiver bounds each wait itself.
 */
export function connectRedis(url: string, purpose: string, log: Logger): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableOfflineQueue: true,
    connectionName: `mcp-oauth-guard:${purpose}`,
    retryStrategy: (times) => Math.min(100 * times, 2000),
  });
  let lastWarning = 0;
  redis.on('error', (error: Error) => {
    // A Redis restart makes every connection report each failed attempt: one line per 10 s is enough.
    if (Date.now() - lastWarning < 10_000) return;
    lastWarning = Date.now();
    log.warn({ purpose, reason: error.message }, 'Redis connection failed; retrying');
  });
  return redis;
}

/** Rejects when `promise` has not settled within `ms`; the caller fails closed. */
export async function withinMs<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Redis did not answer within ${ms} ms (${what})`)), ms);
  });
  try {
    return await Promise.race([promise, late]);
  } finally {
    clearTimeout(timer);
  }
}
