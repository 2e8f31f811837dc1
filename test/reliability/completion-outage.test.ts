/**
 * Audit #9: a PATCH outage of about a minute (longer than Octokit's retries) left the run in
 * progress forever. The completion is kept pending and retried later, and a reconciler completes
 * runs of ours that an earlier process left in progress.
 */
import nock from 'nock';
import pino from 'pino';
import { ProbotOctokit } from 'probot';
import { GitHubClient } from '../../src/app/github/client.js';
import { completeStaleRuns, STALE_RUN_REASON } from '../../src/app/reconcile.js';
import { addedFile, API, APP_ID, CHECK_RUN_ID, gitHubForFirstRun, GitHubMock, HEAD_SHA, loadGuard, NO_RETRIES, OWNER, receivePullRequest, REPO } from '../app/github-mock.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

test('a completion GitHub refuses is retried later until it is accepted', async () => {
  const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([addedFile('src/clean.ts', 'export const answer = 42;\n')]);
  // The outage: the first three completions fail, the fourth is accepted.
  github.updatesRun(CHECK_RUN_ID, 3, 502).updatesRun(CHECK_RUN_ID, 1, 200);
  const { probot } = await loadGuard({ completionRetryDelaysMs: [20, 20, 20, 20] });
  await receivePullRequest(probot);
  for (let waited = 0; github.acceptedUpdates.length === 0 && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(github.updates.map((update) => update.status)).toEqual([502, 502, 502, 200]);
  expect(github.completion.conclusion).toBe('success');
});

test('the reconciler completes our stale in-progress runs on open PR heads, and nothing else', async () => {
  const octokit = new ProbotOctokit({ auth: { token: 'ghs_test' }, ...NO_RETRIES });
  const client = new GitHubClient(octokit as never, { owner: OWNER, repo: REPO });
  const startedAt = Date.parse('2024-05-01T10:00:00Z');
  const patched: { id: string; body: Record<string, any> }[] = [];
  nock(API)
    .get(`/repos/${OWNER}/${REPO}/pulls`)
    .query(true)
    .reply(200, [{ number: 2, head: { sha: HEAD_SHA } }]);
  nock(API)
    .get(`/repos/${OWNER}/${REPO}/commits/${HEAD_SHA}/check-runs`)
    .query(true)
    .reply(200, {
      total_count: 4,
      check_runs: [
        { id: 1, name: 'MCP OAuth Guard', head_sha: HEAD_SHA, status: 'in_progress', started_at: '2024-05-01T09:00:00Z', app: { id: APP_ID } },
        { id: 2, name: 'MCP OAuth Guard', head_sha: HEAD_SHA, status: 'in_progress', started_at: '2024-05-01T10:05:00Z', app: { id: APP_ID } },
        { id: 3, name: 'MCP OAuth Guard', head_sha: HEAD_SHA, status: 'in_progress', started_at: '2024-05-01T09:00:00Z', app: { id: 999 } },
        { id: 4, name: 'MCP OAuth Guard', head_sha: HEAD_SHA, status: 'completed', started_at: '2024-05-01T09:00:00Z', app: { id: APP_ID } },
      ],
    });
  nock(API)
    .patch(/\/check-runs\/\d+$/)
    .reply(200, (path, body) => {
      patched.push({ id: path.split('/').pop()!, body: body as Record<string, any> });
      return {};
    });
  const completed = await completeStaleRuns(client, { appId: APP_ID, staleBefore: startedAt, now: () => startedAt, log: pino({ level: 'silent' }) });
  expect(completed).toBe(1);
  expect(patched.map((patch) => [patch.id, patch.body.status, patch.body.conclusion])).toEqual([['1', 'completed', 'failure']]);
  expect(patched[0]!.body.output.summary).toContain(STALE_RUN_REASON);
});
