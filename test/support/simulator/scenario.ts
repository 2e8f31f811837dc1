/**
 * The steps the end-to-end test and the demo share: put a folder up as a pull request on the simulated GitHub,
 * deliver the signed `pull_request` webhook to the running app, and wait for its check run.
 * Works with an in-process or a remote simulator (it only uses the control surface).
 */
import type { RunningApp } from './app-process.js';
import type { PullRequestSummary, RecordedRequest, RepositorySummary, SimulatorControl } from './control.js';
import { GHES_API_PREFIX } from './control.js';
import { deliverWebhook, pullRequestPayload, type PullRequestAction, type WebhookResult } from './webhooks.js';
import type { FileChange, SimulatedCheckRun } from './world.js';

/** The name branch protection requires; the app must use exactly this. */
export const GUARD_CHECK_NAME = 'MCP OAuth Guard';

export interface PullRequestRun {
  pull: PullRequestSummary;
  webhook: WebhookResult;
  checkRun: SimulatedCheckRun;
  /** Milliseconds from sending the webhook to the run reaching `completed`. */
  webhookToCompletedMs: number;
  /** The API requests the app made for this PR (between this webhook and the next step). */
  requests: RecordedRequest[];
}

export interface OpenAndCheckOptions {
  simulator: SimulatorControl;
  app: RunningApp;
  webhookSecret: string;
  repository: RepositorySummary;
  installationId: number;
  title: string;
  changes: FileChange[];
  number?: number;
  action?: PullRequestAction;
  timeoutMs?: number;
}

/** Opens the PR, delivers the webhook, waits for the completed check run and collects the app's requests. */
export async function openPullRequestAndAwaitCheck(options: OpenAndCheckOptions): Promise<PullRequestRun> {
  const { simulator, repository } = options;
  const pull = await simulator.addPullRequest({
    owner: repository.owner,
    repo: repository.name,
    title: options.title,
    changes: options.changes,
    ...(options.number === undefined ? {} : { number: options.number }),
  });
  const before = (await simulator.requests()).at(-1)?.sequence ?? 0;
  const payload = pullRequestPayload({
    repository,
    pull,
    installationId: options.installationId,
    action: options.action ?? 'opened',
    webUrl: simulator.url,
    apiUrl: `${simulator.url}${GHES_API_PREFIX}`,
  });
  const webhook = await deliverWebhook({ url: options.app.webhookUrl, secret: options.webhookSecret, event: 'pull_request', payload });
  if (webhook.status >= 300) throw new Error(`The app answered the webhook with ${webhook.status}: ${webhook.body}`);
  const checkRun = await simulator.waitForCompletedCheckRun({
    owner: repository.owner,
    repo: repository.name,
    headSha: pull.headSha,
    name: GUARD_CHECK_NAME,
    timeoutMs: options.timeoutMs ?? 60_000,
  });
  // The run is completed with the first 50 annotations; the rest follow, a second apart. A first
  // batch under 50 was the only one, so only a short wait for stragglers is needed then.
  const requests = await settledRequests(simulator, before, checkRun.annotations.length >= 50 ? 2_000 : 300);
  const settled = (await simulator.checkRuns({ owner: repository.owner, repo: repository.name, headSha: pull.headSha })).find((run) => run.id === checkRun.id) ?? checkRun;
  return {
    pull,
    webhook,
    checkRun: settled,
    webhookToCompletedMs: (checkRun.completedAtMs ?? Date.now()) - webhook.sentAt,
    requests,
  };
}

/**
 * The requests after `before`, once none has arrived for `quietMs` (at most `maxWaitMs`). Octokit's
 * throttling spaces an installation's writes about a second apart, so the quiet time is longer.
 */
async function settledRequests(simulator: SimulatorControl, before: number, quietMs = 2_000, maxWaitMs = 60_000): Promise<RecordedRequest[]> {
  const started = Date.now();
  let requests = (await simulator.requests()).filter((request) => request.sequence > before);
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const next = (await simulator.requests()).filter((request) => request.sequence > before);
    if (next.length === requests.length || Date.now() - started > maxWaitMs) return next;
    requests = next;
  }
}

/** Counts requests by documented route, most frequent first (unmatched requests count under their URL). */
export function callsByEndpoint(requests: readonly RecordedRequest[]): Array<{ endpoint: string; calls: number }> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const endpoint = request.route ?? `${request.method} ${request.url} (not a GitHub operation)`;
    counts.set(endpoint, (counts.get(endpoint) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([endpoint, calls]) => ({ endpoint, calls }))
    .sort((a, b) => b.calls - a.calls || a.endpoint.localeCompare(b.endpoint));
}
