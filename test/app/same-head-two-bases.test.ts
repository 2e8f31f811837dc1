/**
 * Audit #4: two pull requests with the same head SHA (one into main, one into release, with other
 * changed files) shared one verdict; the second was never analysed. Each PR head is its own run.
 */
import nock from 'nock';
import { addedFile, addedFilePatch, API, blobSha, CHECK_RUN_ID, GitHubMock, HEAD_SHA, loadGuard, pullRequestPayload, PULL_NUMBER } from './github-mock.js';

const CLEAN = 'export const answer = 42;\n';
const LEAKS = 'export function onTokens(tokens: { access_token: string }) {\n  console.log("token", tokens.access_token);\n}\n';
const RELEASE_PR = PULL_NUMBER + 1;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

test('a second PR of the same commit into another base gets its own analysis and run', async () => {
  const github = new GitHubMock().installationToken();
  // PR #2 (into main): only the clean file. It finds no run and creates one.
  github.startsAnalysis(HEAD_SHA).changedFiles([addedFile('src/clean.ts', CLEAN)]).updatesRun(CHECK_RUN_ID);
  const { probot } = await loadGuard();
  await probot.receive({ id: 'pr-main', name: 'pull_request', payload: pullRequestPayload('opened') as never });
  expect(github.completion.conclusion).toBe('success');

  // PR #3 (into release): same head, one more file, which leaks a token. The completed run of PR #2 is listed for the commit, but it is another PR's.
  github.existingRuns(HEAD_SHA, [{ id: CHECK_RUN_ID, status: 'completed', externalId: String(PULL_NUMBER) }]).createsRun().noConfig();
  nock(API)
    .get(`${github.repoPath}/pulls/${RELEASE_PR}/files`)
    .query(true)
    .reply(200, [
      { filename: 'src/clean.ts', status: 'added', sha: blobSha('src/clean.ts'), additions: 1, deletions: 0, changes: 1, patch: addedFilePatch(CLEAN.trimEnd()) },
      { filename: 'src/server.ts', status: 'added', sha: blobSha('src/server.ts'), additions: 3, deletions: 0, changes: 3, patch: addedFilePatch(LEAKS.trimEnd()) },
    ]);
  github.updatesRun(CHECK_RUN_ID + 1);
  const release = pullRequestPayload('opened');
  release.number = RELEASE_PR;
  release.pull_request.number = RELEASE_PR;
  release.pull_request.base.ref = 'release';
  await probot.receive({ id: 'pr-release', name: 'pull_request', payload: release as never });

  expect(github.creates.map((request) => request.body.external_id)).toEqual([String(PULL_NUMBER), String(RELEASE_PR)]);
  const completions = github.acceptedUpdates.filter((request) => request.body.status === 'completed');
  expect(completions.map((request) => [request.path.split('/').pop(), request.body.conclusion])).toEqual([
    [String(CHECK_RUN_ID), 'success'],
    [String(CHECK_RUN_ID + 1), 'failure'],
  ]);
});

test('a redelivery for the same PR and head still reuses its completed run', async () => {
  const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA, [{ id: CHECK_RUN_ID, status: 'completed', externalId: String(PULL_NUMBER) }]);
  const { probot } = await loadGuard();
  await probot.receive({ id: 'again', name: 'pull_request', payload: pullRequestPayload('opened') as never });
  expect(github.requests).toEqual([]);
});
