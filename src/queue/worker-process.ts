/**
 * The worker process behind `npm run worker` / `mcp-oauth-guard worker`: an analysis worker for queue mode. Same
 * environment as the app (APP_ID, PRIVATE_KEY or PRIVATE_KEY_PATH, GHE_HOST, GHE_PROTOCOL,
 * ANALYSIS_THREADS, CONFIG_CACHE_SECONDS, …) plus REDIS_URL. Serves /metrics and /healthz on
 * METRICS_PORT. SIGTERM: stop taking jobs, let those running finish (WORKER_GRACE_SECONDS,
 * default 25), hand on whatever is left, exit.
 */
import { createServer, type Server } from 'node:http';
import { hostname } from 'node:os';
import { createProbot } from 'probot';
import type { Logger } from 'pino';
import { createWorkerPoolBackend, workerPoolSettingsFromEnv } from '../app/analysis-backend.js';
import { configCacheMsFromEnv, type PushSummary } from '../app/config-cache.js';
import type { InstallationOctokit } from '../app/github/client.js';
import { createRootLogger } from '../app/logging.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';
import { queueKeys } from './keys.js';
import { GuardMetrics } from './metrics.js';
import { createRunProcessor } from './processor.js';
import { importedModuleLimitsFromEnv } from '../app/imported-modules.js';
import { openQueue, queueProbe } from './queue.js';
import { Reconciler } from './reconciler.js';
import { connectRedis } from './redis.js';
import { RunLedger } from './run-ledger.js';
import { queueSettingsFromEnv } from './settings.js';
import { startQueueWorker } from './worker.js';

export async function runWorker(env: NodeJS.ProcessEnv, log: Logger): Promise<void> {
  const settings = queueSettingsFromEnv(env);
  if (!settings) throw new Error('mcp-oauth-guard worker: REDIS_URL is not set. Workers take their jobs from Redis; set REDIS_URL to the same Redis as the app (e.g. redis://redis:6379).');
  const appId = Number(env.APP_ID);
  if (!Number.isInteger(appId) || appId <= 0) throw new Error('mcp-oauth-guard worker: APP_ID is not set. Use the same APP_ID and PRIVATE_KEY as the app.');
  if (!env.PRIVATE_KEY && !env.PRIVATE_KEY_PATH) throw new Error('mcp-oauth-guard worker: PRIVATE_KEY (or PRIVATE_KEY_PATH) is not set. Use the same key as the app.');
  // Probot would also read REDIS_URL and move its rate limiter into Redis; the worker keeps it local.
  const probot = createProbot({ env: { ...env, REDIS_URL: '' }, overrides: { log } });
  const identity = `${hostname()}:${process.pid}`;
  const stopping = new AbortController();
  const backend = createWorkerPoolBackend(workerPoolSettingsFromEnv(env), stopping.signal);
  const redis = connectRedis(settings.redisUrl, 'worker', log);
  const blocking = connectRedis(settings.redisUrl, 'worker-blocking', log);
  const subscriber = connectRedis(settings.redisUrl, 'worker-config', log);
  const keys = queueKeys(settings.queueName);
  const queue = openQueue(settings.queueName, redis);
  const ledger = new RunLedger(redis, keys);
  const metrics = new GuardMetrics(queueProbe(queue, ledger));
  const processor = createRunProcessor({
    auth: async (installationId) => (await probot.auth(installationId)) as InstallationOctokit,
    backend,
    appId,
    configCacheMs: configCacheMsFromEnv(env),
    importedModules: importedModuleLimitsFromEnv(env),
    metrics,
    log,
  });

  await subscriber.subscribe(keys.configChannel);
  subscriber.on('message', (_channel: string, message: string) => {
    try {
      const dropped = processor.invalidateConfig(JSON.parse(message) as PushSummary);
      if (dropped > 0) log.info({ dropped }, 'configuration changed; cached configs dropped');
    } catch {
      log.warn('ignored a malformed config-change message');
    }
  });

  const worker = startQueueWorker({ settings, connection: blocking, redis, queue, processor, metrics, log, name: identity });
  const reconciler = new Reconciler({ redis, queue, ledger, keys, processor, appId, metrics, log, identity, intervalMs: settings.reconcileIntervalMs, runDeadlineMs: settings.runDeadlineMs });
  reconciler.start();
  const server = await serveMetrics(settings.metricsHost, settings.metricsPort, metrics, () => worker.activeJobs);
  log.info({ queue: settings.queueName, concurrency: settings.workerConcurrency, metrics: `http://${settings.metricsHost}:${settings.metricsPort}/metrics`, identity }, 'worker ready');

  const graceMs = Number(env.WORKER_GRACE_SECONDS ?? 25) * 1000;
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.once(signal, () => resolve());
  });
  log.info({ activeJobs: worker.activeJobs, graceMs }, 'stopping: no new jobs; waiting for those running');
  const outcome = await worker.close(Number.isFinite(graceMs) && graceMs >= 0 ? graceMs : 25_000);
  log.info({ outcome }, outcome === 'drained' ? 'every job finished' : 'jobs still running are handed on to other workers');
  await reconciler.stop();
  stopping.abort('the worker was stopped');
  await Promise.allSettled([backend.close(), queue.close(), new Promise((resolve) => server.close(resolve))]);
  for (const connection of [redis, blocking, subscriber]) connection.disconnect();
}

function serveMetrics(host: string, port: number, metrics: GuardMetrics, activeJobs: () => number): Promise<Server> {
  const startedAt = Date.now();
  const metricsRoute = metrics.handler();
  const server = createServer((req, res) => {
    if (metricsRoute(req, res)) return;
    if ((req.url ?? '').split('?')[0] === '/healthz' && (req.method === 'GET' || req.method === 'HEAD')) {
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ status: 'ok', role: 'worker', name: TOOL_NAME, version: TOOL_VERSION, uptimeSeconds: Math.round((Date.now() - startedAt) / 1000), activeJobs: activeJobs() }));
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found\n');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

/** The process entry (`npm run worker`, `mcp-oauth-guard worker`): exit code 1 with a clear message when it cannot run. */
export async function main(): Promise<void> {
  const log = createRootLogger().child({ name: 'mcp-oauth-guard-worker' });
  try {
    await runWorker(process.env, log);
    process.exit(0);
  } catch (error) {
    log.fatal({ reason: error instanceof Error ? error.message : String(error) }, 'the worker could not run');
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}

