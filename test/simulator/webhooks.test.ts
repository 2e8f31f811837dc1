import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '@octokit/webhooks-methods';
import type { PullRequestSummary, RepositorySummary } from '../support/simulator/control.js';
import { deliverWebhook, pullRequestPayload } from '../support/simulator/webhooks.js';

const repository: RepositorySummary = { id: 11, owner: 'acme', name: 'tools', defaultBranch: 'main', private: true, defaultBranchSha: 'b'.repeat(40) };
const pull: PullRequestSummary = {
  owner: 'acme',
  repo: 'tools',
  number: 12,
  id: 13,
  title: 'Add tools',
  state: 'open',
  draft: false,
  headRef: 'add-tools',
  headSha: 'c'.repeat(40),
  baseRef: 'main',
  baseSha: 'b'.repeat(40),
  headRepositoryFullName: 'contributor/tools',
  files: [{ filename: 'a.ts', status: 'added', sha: 'd'.repeat(40), additions: 3, deletions: 0 }],
  createdAt: '2026-01-01T00:00:00Z',
  repositorySizeKb: 12,
};

describe('webhook deliveries', () => {
  it("builds the pull_request payload from GitHub's example, pointed at the simulated PR", () => {
    const payload = pullRequestPayload({ repository, pull, installationId: 99, webUrl: 'http://127.0.0.1:1', apiUrl: 'http://127.0.0.1:1/api/v3' }) as any;
    expect(payload).toMatchObject({
      action: 'opened',
      number: 12,
      installation: { id: 99 },
      repository: { id: 11, full_name: 'acme/tools', private: true, default_branch: 'main', size: 12 },
      pull_request: {
        number: 12,
        title: 'Add tools',
        head: { sha: pull.headSha, ref: 'add-tools', repo: { full_name: 'contributor/tools', fork: true } },
        base: { sha: pull.baseSha, ref: 'main', repo: { full_name: 'acme/tools' } },
        changed_files: 1,
      },
    });
    // Fields the example carries and we do not set are still there, as GitHub sends them.
    expect(payload.sender.login).toEqual(expect.any(String));
    expect(payload.pull_request._links).toBeDefined();
  });

  it('signs the delivery so that the receiver can verify it with the secret', async () => {
    const received: Array<{ headers: Record<string, unknown>; body: string }> = [];
    const server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        response.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
      const result = await deliverWebhook({ url, secret: 's3cret', event: 'pull_request', payload: { action: 'opened' }, deliveryId: 'delivery-1' });
      expect(result).toMatchObject({ status: 202, deliveryId: 'delivery-1' });
      const [delivery] = received;
      expect(delivery!.headers).toMatchObject({ 'x-github-event': 'pull_request', 'x-github-delivery': 'delivery-1' });
      const signature = String(delivery!.headers['x-hub-signature-256']);
      expect(await verify('s3cret', delivery!.body, signature)).toBe(true);
      expect(await verify('wrong', delivery!.body, signature)).toBe(false);
    } finally {
      server.close();
    }
  });
});
