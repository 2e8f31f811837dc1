/**
 * Audit #8: SIGTERM while files were being fetched exited after 8 s with no PATCH, so the run
 * stayed "in progress" forever. Stopping cancels the fetches and completes the run as interrupted.
 */
import nock from 'nock';
import { API, blobSha, GitHubMock, HEAD_SHA, loadGuard, receivePullRequest } from '../app/github-mock.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

test('a shutdown during blob fetches completes the run as interrupted, well within the grace period', async () => {
  const files = Array.from({ length: 4 }, (_, index) => ({ filename: `src/tool-${index}.ts`, status: 'modified' as const, sha: blobSha(`slow-${index}`), changes: 1, patch: '@@ -1 +1 @@\n-a\n+b' }));
  const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files(files).updatesRun();
  for (const file of files) {
    nock(API).get(`${github.repoPath}/git/blobs/${file.sha}`).delay(30_000).reply(200, { sha: file.sha, size: 2, encoding: 'base64', content: Buffer.from('{}').toString('base64') });
  }
  const { probot, guard } = await loadGuard();
  const started = Date.now();
  const run = receivePullRequest(probot);
  await new Promise((resolve) => setTimeout(resolve, 500));
  await guard.shutdown('the app was stopped (SIGTERM) before this file was analysed; re-run the check', 5000);
  await run;
  expect(Date.now() - started).toBeLessThan(5000);
  const { conclusion, output } = github.completion;
  expect(conclusion).toBe('failure');
  expect(output.summary).toContain('Interrupted, re-run this check: the app was stopped (SIGTERM)');
}, 20_000);
