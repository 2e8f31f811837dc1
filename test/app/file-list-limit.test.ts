/**
 * Audit #3: a pull request of more than 3,000 files passed ("success" with a note) when a
 * check_suite event started the run, which carries no file count, and failed closed when a
 * pull_request event did. Now the count is asked for, and an unknown count is no pass either.
 */
import nock from 'nock';
import { checkSuitePayload, GitHubMock, HEAD_SHA, loadGuard, PULL_NUMBER, receivePullRequest, type ListedFileFixture } from './github-mock.js';
import { planCheckRun } from '../../src/report/check-run.js';

const THREE_THOUSAND: ListedFileFixture[] = Array.from({ length: 3000 }, (_, index) => ({ filename: `docs/page-${index}.md`, status: 'added', sha: index.toString(16).padStart(40, '0'), changes: 1 }));

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('more files than GitHub lists', () => {
  test('check_suite.requested: the PR is asked for its file count and the run fails closed', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files(THREE_THOUSAND).pullRequest(HEAD_SHA, 3001).updatesRun();
    const { probot } = await loadGuard();
    await probot.receive({ id: 'suite-3001', name: 'check_suite', payload: checkSuitePayload('requested', [{ number: PULL_NUMBER, headSha: HEAD_SHA }]) as never });
    expect(github.completion.conclusion).toBe('failure');
    expect(github.completion.output.summary).toContain('this one has 3,001, so 1 were not analysed');
  });

  test('pull_request.opened carries the count and fails closed the same way', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files(THREE_THOUSAND).updatesRun();
    const { probot } = await loadGuard();
    await receivePullRequest(probot, 'opened', { changedFiles: 3001 });
    expect(github.completion.conclusion).toBe('failure');
  });

  test('exactly 3,000 files is complete', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files(THREE_THOUSAND).pullRequest(HEAD_SHA, 3000).updatesRun();
    const { probot } = await loadGuard();
    await probot.receive({ id: 'suite-3000', name: 'check_suite', payload: checkSuitePayload('requested', [{ number: PULL_NUMBER, headSha: HEAD_SHA }]) as never });
    expect(github.completion.conclusion).toBe('success');
  });

  test('a plan that reached the limit with an unknown total is not a pass', () => {
    const plan = planCheckRun({
      headSha: HEAD_SHA, findings: [], suppressed: [], errors: [], analyzedFiles: 0, changedFiles: [], skipped: [], unread: [],
      ignored: { removed: 0, unsupported: 3000, excluded: 0 }, fileListLimit: { listed: 3000 },
      settings: { failOn: 'error', gate: 'changed-lines', onError: 'failure' }, configSource: { files: [] }, ruleHelp: {}, durationMs: 1,
    });
    expect(plan.conclusion).toBe('failure');
    expect(plan.summary).toContain("the pull request's file count is unknown");
  });
});
