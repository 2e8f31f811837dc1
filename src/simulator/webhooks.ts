/**
 * Webhook deliveries as GitHub sends them: real example payloads from @octokit/webhooks-examples, adjusted to the
 * simulated repository and PR, signed with `x-hub-signature-256`.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { sign } from '@octokit/webhooks-methods';
import type { PullRequestSummary, RepositorySummary } from './control.js';

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
  const fullName = `${repository.owner}/${repository.name}`;
  const repositoryJson = {
    ...(payload.repository as Json),
    id: repository.id,
    node_id: Buffer.from(`Repository:${repository.id}`).toString('base64'),
    name: repository.name,
    full_name: fullName,
    private: repository.private,
    owner: { ...((payload.repository as Json).owner as Json), login: repository.owner },
    html_url: `${options.webUrl}/${fullName}`,
    url: `${options.apiUrl}/repos/${fullName}`,
    default_branch: repository.defaultBranch,
  };
  const [headOwner, headName] = pull.headRepositoryFullName.split('/') as [string, string];
  const headRepositoryJson =
    pull.headRepositoryFullName === fullName
      ? repositoryJson
      : {
          ...repositoryJson,
          id: repository.id + 1_000_000,
          name: headName,
          full_name: pull.headRepositoryFullName,
          owner: { ...(repositoryJson.owner as Json), login: headOwner },
          fork: true,
          html_url: `${options.webUrl}/${pull.headRepositoryFullName}`,
          url: `${options.apiUrl}/repos/${pull.headRepositoryFullName}`,
        };
  const example = payload.pull_request as Json;
  const pullUrl = `${options.apiUrl}/repos/${fullName}/pulls/${pull.number}`;
  const pullRequestJson = {
    ...example,
    id: pull.id,
    node_id: Buffer.from(`PullRequest:${pull.id}`).toString('base64'),
    number: pull.number,
    title: pull.title,
    state: pull.state,
    draft: action === 'ready_for_review' ? false : pull.draft,
    url: pullUrl,
    html_url: `${options.webUrl}/${fullName}/pull/${pull.number}`,
    head: {
      ...(example.head as Json),
      label: `${headOwner}:${pull.headRef}`,
      ref: pull.headRef,
      sha: pull.headSha,
      repo: headRepositoryJson,
      user: { ...((example.head as Json).user as Json), login: headOwner },
    },
    base: {
      ...(example.base as Json),
      label: `${repository.owner}:${pull.baseRef}`,
      ref: pull.baseRef,
      sha: pull.baseSha,
      repo: repositoryJson,
      user: { ...((example.base as Json).user as Json), login: repository.owner },
    },
    changed_files: pull.files.length,
    additions: pull.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pull.files.reduce((sum, file) => sum + file.deletions, 0),
  };
  return {
    ...payload,
    action,
    number: pull.number,
    pull_request: pullRequestJson,
    repository: repositoryJson,
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
