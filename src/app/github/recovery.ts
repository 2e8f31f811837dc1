/**
 * Recovery from the GitHub faults Probot's Octokit leaves to the app:
 * - an installation token GitHub refuses mid-run (401): fetch a fresh token once and repeat the request
 *   (auth-app only retries 401s in the first seconds of a token's life, for replication delay);
 * - a secondary rate limit (403/429 with `retry-after`): wait as told, then repeat the request
 *   (Probot's throttle options log secondary limits but do not retry them).
 * 5xx answers and dropped connections are retried by Octokit's retry plugin; this hook sits outside it.
 */
import type { Logger } from 'pino';
import type { InstallationOctokit } from './client.js';

export interface RecoveryOptions {
  log: Logger;
  /** Longest `retry-after` we wait for; a longer one fails the request (and the run says why). */
  maxRetryAfterSeconds?: number;
  /** Waits per request for rate limits. */
  maxRateLimitRetries?: number;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_MAX_RETRY_AFTER_SECONDS = 60;
/** GitHub's advice when a secondary limit names no wait: at least a minute. */
const FALLBACK_RETRY_AFTER_SECONDS = 60;
const DEFAULT_MAX_RATE_LIMIT_RETRIES = 2;

/** Marks kept on a request's own options, so each request recovers a bounded number of times. */
interface RecoveryMarks {
  guardTokenRefreshed?: boolean;
  guardRateLimitWaits?: number;
}

const hardened = new WeakSet<object>();

/** Installs the recovery hook on an installation Octokit (once per instance); returns the same Octokit. */
export function withGitHubRecovery(octokit: InstallationOctokit, options: RecoveryOptions): InstallationOctokit {
  if (hardened.has(octokit)) return octokit;
  hardened.add(octokit);
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxWait = options.maxRetryAfterSeconds ?? DEFAULT_MAX_RETRY_AFTER_SECONDS;
  const maxWaits = options.maxRateLimitRetries ?? DEFAULT_MAX_RATE_LIMIT_RETRIES;
  // Requests that fail together share one refresh.
  let refreshing: Promise<unknown> | undefined;

  octokit.hook.error('request', async (error, requestOptions) => {
    const marks = (requestOptions.request ?? {}) as RecoveryMarks;
    const route = `${requestOptions.method} ${routeOf(requestOptions.url)}`;
    const status = statusOf(error);

    if (status === 401 && !marks.guardTokenRefreshed && !isAppRoute(requestOptions.url)) {
      options.log.warn({ route }, 'GitHub refused the installation token; fetching a fresh one and repeating the request');
      refreshing ??= octokit.auth({ type: 'installation', refresh: true }).finally(() => (refreshing = undefined));
      await refreshing;
      return octokit.request({ ...requestOptions, request: { ...requestOptions.request, guardTokenRefreshed: true } } as never);
    }

    const retryAfter = secondaryRateLimitWait(error);
    if (retryAfter !== undefined) {
      const waits = marks.guardRateLimitWaits ?? 0;
      if (waits < maxWaits && retryAfter <= maxWait) {
        options.log.warn({ route, retryAfterSeconds: retryAfter }, 'GitHub secondary rate limit; waiting as retry-after says, then repeating the request');
        await sleep(retryAfter * 1000);
        return octokit.request({ ...requestOptions, request: { ...requestOptions.request, guardRateLimitWaits: waits + 1 } } as never);
      }
    }
    throw error;
  });
  return octokit;
}

/** Seconds to wait when the error is a secondary rate limit, else undefined. */
export function secondaryRateLimitWait(error: unknown): number | undefined {
  const status = statusOf(error);
  if (status !== 403 && status !== 429) return undefined;
  const headers = (error as { response?: { headers?: Record<string, string | number | undefined> } }).response?.headers ?? {};
  const header = headers['retry-after'];
  const message = error instanceof Error ? error.message : '';
  if (header === undefined && !/secondary rate limit/i.test(message)) return undefined;
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : FALLBACK_RETRY_AFTER_SECONDS;
}

function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Requests authenticated as the app itself (its JWT), where a fresh installation token changes nothing. */
function isAppRoute(url: string): boolean {
  return /^(?:https?:\/\/[^/]+)?(?:\/api\/v3)?\/app(?:\/|$)/.test(url);
}

function routeOf(url: string): string {
  return url.replace(/^https?:\/\/[^/]+/, '').split('?')[0]!;
}
