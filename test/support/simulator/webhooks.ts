/**
 * Webhook deliveries as GitHub sends them: real example payloads from @octokit/webhooks-examples, adjusted to the
 * simulated repository and PR, signed with `x-hub-signature-256`.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { sign } from '@octokit/webhooks-methods';
import type { PullRequestSummary, RepositorySummary } from './control.js';
import { pullRequestFileStats, pullRequestJson, repositoryJson } from './pull-request-json.js';

type Json = Record<string, unknown>;

interface WebhookExampleGroup {
  name: string;
  examples: Json[];
}

export type PullRequestAction = 'opened' | 'synchronize' | 'reopened' | 'ready_for_review';

let exampleGroups: WebhookExampleGroup[] | undefined;

function examplesOf(event: string): Json[] {
  exampleGroups ??= createRequire(import.meta.url)('@octokit/webhooks-examples/api.github.com/index.json') as WebhookExampleGroup[];
  return exampleGroups.find((group) => group.name === event)?.examples ?? [];
}

/** GitHub's example for the event and action, preferring one delivered to an app installation (it has `installation`). */
function examplePayload(event: string, action: string): Json {
  const candidates = examplesOf(event).filter((example) => example.action === action);
  const chosen = candidates.find((example) => 'installation' in example && !('organization' in example)) ?? candidates[0];
  if (!chosen) throw new Error(`@octokit/webhooks-examples has no ${event}.${action} example`);
  return structuredClone(chosen);
}

export interface PullRequestPayloadOptions {
  repository: RepositorySummary;
  pull: PullRequestSummary;
  installationId: number;
  action?: PullRequestAction;
  /** The simulator's web root, so URLs in the payload lead to it. */
  webUrl: string;
  /** The API root the app is configured with (e.g. `http://127.0.0.1:4567/api/v3`). */
  apiUrl: string;
}

/** A `pull_request` payload for the simulated PR, built on GitHub's own example. */
export function pullRequestPayload(options: PullRequestPayloadOptions): Json {
  const { repository, pull } = options;
  const action = options.action ?? 'opened';
  const payload = examplePayload('pull_request', action);
  const roots = { api: options.apiUrl, web: options.webUrl };
  const repositoryPayload = { ...repositoryJson(payload.repository as Json, repository, roots), size: pull.repositorySizeKb };
  return {
    ...payload,
    action,
    number: pull.number,
    pull_request: {
      ...pullRequestJson(payload.pull_request as Json, pull, repository, repositoryPayload, roots),
      // The event says the PR is ready now; the stored PR may still say draft.
      draft: action === 'ready_for_review' ? false : pull.draft,
      ...pullRequestFileStats(pull.files),
    },
    repository: repositoryPayload,
    installation: { id: options.installationId, node_id: Buffer.from(`Installation:${options.installationId}`).toString('base64') },
  };
}

export interface WebhookDelivery {
  /** The app's webhook URL, e.g. `http://127.0.0.1:3000/api/github/webhooks`. */
  url: string;
  secret: string;
  event: string;
  payload: unknown;
  /** Reuse a delivery id to simulate a redelivery. */
  deliveryId?: string;
}

export interface WebhookResult {
  status: number;
  body: string;
  deliveryId: string;
  /** When the request was sent (epoch ms), to measure webhook-to-result time. */
  sentAt: number;
}

/** POSTs a signed delivery, with the headers GitHub sends. */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookResult> {
  const body = JSON.stringify(delivery.payload);
  const deliveryId = delivery.deliveryId ?? randomUUID();
  const sentAt = Date.now();
  const response = await fetch(delivery.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/simulator',
      'x-github-event': delivery.event,
      'x-github-delivery': deliveryId,
      'x-hub-signature-256': await sign(delivery.secret, body),
    },
    body,
  });
  return { status: response.status, body: await response.text(), deliveryId, sentAt };
}
