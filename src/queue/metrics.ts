/**
 * Prometheus metrics (prom-client), one registry per process: the receiver serves them on its
 * own port at /metrics, a worker on METRICS_PORT. Labels are bounded: rule ids, HTTP statuses,
 * failure classes, installation ids; never repository names, paths or anything from a payload.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { AnalyzeFiles } from '../app/job.js';
import type { InstallationOctokit } from '../app/github/client.js';

export const METRICS_PATH = '/metrics';

/** What the queue gauges read on each scrape (queue mode only). */
export interface QueueProbe {
  counts(): Promise<Record<string, number>>;
  /** Age in seconds of the oldest job waiting to start, 0 when none waits. */
  oldestWaitingAgeSeconds(now: number): Promise<number>;
  runsInProgress(): Promise<number>;
}

export class GuardMetrics {
  readonly registry = new Registry();
  readonly jobDuration = new Histogram({
    name: 'guard_job_duration_seconds',
    help: 'Time from a worker taking a run to its check run completed, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: [0.25, 0.5, 1, 2, 5, 10, 20, 40, 80, 160, 320],
    registers: [this.registry],
  });
  readonly apiRequests = new Counter({
    name: 'guard_github_api_requests_total',
    help: 'Requests to the GitHub API, by HTTP status ("network" when no answer came).',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });
  readonly rateLimitRemaining = new Gauge({
    name: 'guard_github_rate_limit_remaining',
    help: 'x-ratelimit-remaining of the latest GitHub answer, per installation.',
    labelNames: ['installation'] as const,
    registers: [this.registry],
  });
  readonly findings = new Counter({
    name: 'guard_findings_total',
    help: 'Findings reported, by rule.',
    labelNames: ['rule'] as const,
    registers: [this.registry],
  });
  readonly failures = new Counter({
    name: 'guard_failures_total',
    help: 'Jobs and deliveries that failed, by reason class.',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });
  readonly reconciled = new Counter({
    name: 'guard_runs_reconciled_total',
    help: 'Runs found in progress past their deadline, by what the reconciler did.',
    labelNames: ['action'] as const,
    registers: [this.registry],
  });
  readonly deliveries = new Counter({
    name: 'guard_webhook_deliveries_total',
    help: 'Analysis requests from webhooks, by outcome (queued, duplicate-delivery, rejected).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  constructor(probe?: QueueProbe, now: () => number = Date.now) {
    collectDefaultMetrics({ register: this.registry, prefix: 'guard_' });
    if (!probe) return;
    new Gauge({
      name: 'guard_queue_jobs',
      help: 'Jobs in the queue, by state (waiting, prioritized, active, delayed, failed).',
      labelNames: ['state'] as const,
      registers: [this.registry],
      async collect() {
        for (const [state, count] of Object.entries(await probe.counts())) this.set({ state }, count);
      },
    });
    new Gauge({
      name: 'guard_queue_oldest_waiting_age_seconds',
      help: 'Age of the oldest job waiting for a worker.',
      registers: [this.registry],
      async collect() {
        this.set(await probe.oldestWaitingAgeSeconds(now()));
      },
    });
    new Gauge({
      name: 'guard_runs_in_progress',
      help: 'Runs a worker has started and not finished (the reconciler watches these).',
      registers: [this.registry],
      async collect() {
        this.set(await probe.runsInProgress());
      },
    });
  }

  /** GET /metrics; false for any other request. */
  handler() {
    return (req: IncomingMessage, res: ServerResponse): boolean => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== METRICS_PATH || req.method !== 'GET') return false;
      this.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': this.registry.contentType, 'cache-control': 'no-store' });
          res.end(text);
        },
        (error: unknown) => {
          // Redis away: say so rather than serve stale gauges.
          res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
          res.end(`metrics unavailable: ${error instanceof Error ? error.message : String(error)}\n`);
        },
      );
      return true;
    };
  }
}

const observed = new WeakSet<object>();

/** Counts an installation client's requests and keeps its latest rate-limit reading. */
export function observeGitHubCalls(octokit: InstallationOctokit, installationId: number, metrics: GuardMetrics): InstallationOctokit {
  if (observed.has(octokit)) return octokit;
  observed.add(octokit);
  octokit.hook.after('request', (response) => {
    metrics.apiRequests.inc({ status: String(response.status) });
    const remaining = Number(response.headers['x-ratelimit-remaining']);
    if (Number.isFinite(remaining)) metrics.rateLimitRemaining.set({ installation: String(installationId) }, remaining);
  });
  octokit.hook.error('request', (error) => {
    const status = (error as { status?: unknown }).status;
    const answered = (error as { response?: unknown }).response !== undefined;
    metrics.apiRequests.inc({ status: answered && typeof status === 'number' ? String(status) : 'network' });
    throw error;
  });
  return octokit;
}

/** The analyzer, counting what it finds by rule. */
export function countingFindings(analyze: AnalyzeFiles, metrics: GuardMetrics): AnalyzeFiles {
  return async (files, config, imports) => {
    const result = await analyze(files, config, imports);
    for (const finding of result.findings) metrics.findings.inc({ rule: finding.ruleId });
    return result;
  };
}

/** A failure's class for `guard_failures_total`: bounded, and free of anything from the payload. */
export function failureReason(error: unknown): string {
  const status = (error as { status?: unknown })?.status;
  if (typeof status === 'number') return (error as { response?: unknown }).response === undefined ? 'github-connection' : `github-http-${status}`;
  const message = error instanceof Error ? error.message : '';
  if (/^Redis /.test(message) || /ECONNREFUSED|Connection is closed|ETIMEDOUT/.test(message)) return 'redis';
  return 'internal';
}
