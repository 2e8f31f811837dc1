/**
 * Queue mode's settings, all from the environment the app already uses. REDIS_URL turns queue
 * mode on; every other value has a default fit for production. A value that is not a positive
 * number is refused at start-up with its name, never silently replaced.
 */
export interface QueueSettings {
  redisUrl: string;
  /** BullMQ queue name and the prefix of our own keys: two deployments can share one Redis. */
  queueName: string;
  /** Jobs one worker process runs at once (QUEUE_WORKER_CONCURRENCY). */
  workerConcurrency: number;
  /** Workers one installation may hold while other installations' jobs wait (QUEUE_INSTALLATION_MAX_ACTIVE). */
  installationMaxActive: number;
  /** A run still in progress this long after its job started is looked at by the reconciler (RUN_DEADLINE_SECONDS). */
  runDeadlineMs: number;
  /** How often the reconciler's leader sweeps (RECONCILE_INTERVAL_SECONDS). */
  reconcileIntervalMs: number;
  /** Longest wait for Redis on a webhook before answering 503 (QUEUE_ENQUEUE_TIMEOUT_MS); GitHub gives up at 10 s. */
  enqueueTimeoutMs: number;
  /** A worker's lock on a job; a worker silent this long loses the job to another (QUEUE_LOCK_SECONDS). */
  lockDurationMs: number;
  /** How long a delivery id is remembered, to drop redeliveries (QUEUE_DELIVERY_TTL_SECONDS). */
  deliveryTtlSeconds: number;
  /** Worker process: where /metrics and /healthz listen (METRICS_PORT, METRICS_HOST). */
  metricsPort: number;
  metricsHost: string;
}

export function queueSettingsFromEnv(env: NodeJS.ProcessEnv): QueueSettings | undefined {
  const redisUrl = env.REDIS_URL?.trim();
  if (!redisUrl) return undefined;
  if (!/^rediss?:\/\//.test(redisUrl)) throw new Error(`mcp-oauth-guard: REDIS_URL must be a redis:// or rediss:// URL, not '${redisUrl.replace(/\/\/[^@/]*@/, '//…@')}'.`);
  const queueName = env.QUEUE_NAME?.trim() || 'mcp-oauth-guard';
  if (!/^[A-Za-z0-9_.-]{1,64}$/.test(queueName)) throw new Error(`mcp-oauth-guard: QUEUE_NAME may hold letters, digits, '.', '_' and '-' (up to 64), not '${queueName}'.`);
  return {
    redisUrl,
    queueName,
    workerConcurrency: positive(env, 'QUEUE_WORKER_CONCURRENCY', 2),
    installationMaxActive: positive(env, 'QUEUE_INSTALLATION_MAX_ACTIVE', 2),
    runDeadlineMs: positive(env, 'RUN_DEADLINE_SECONDS', 900) * 1000,
    reconcileIntervalMs: positive(env, 'RECONCILE_INTERVAL_SECONDS', 60) * 1000,
    enqueueTimeoutMs: positive(env, 'QUEUE_ENQUEUE_TIMEOUT_MS', 5000),
    lockDurationMs: positive(env, 'QUEUE_LOCK_SECONDS', 30) * 1000,
    deliveryTtlSeconds: positive(env, 'QUEUE_DELIVERY_TTL_SECONDS', 86_400),
    metricsPort: positive(env, 'METRICS_PORT', 9464),
    metricsHost: env.METRICS_HOST?.trim() || '127.0.0.1',
  };
}

function positive(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`mcp-oauth-guard: ${name} must be a positive number, not '${raw}'.`);
  return value;
}
