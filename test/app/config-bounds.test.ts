/**
 * Audits #7 and #13 in the app: the config file is size-capped before it is parsed, and
 * `_extends` reads only this repository or the owner's `.github` repository. A summary never
 * quotes another repository's file nor a config value.
 */
import nock from 'nock';
import { addedFile, API, GitHubMock, HEAD_SHA, loadGuard, OWNER, receivePullRequest, REPO } from './github-mock.js';

const CLEAN = 'export const answer = 42;\n';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

function contents(repo: string, path: string, text: string): void {
  nock(API).get(`/repos/${OWNER}/${repo}/contents/${encodeURIComponent(path)}`).reply(200, text, { 'content-type': 'application/vnd.github.raw; charset=utf-8' });
}

describe('_extends', () => {
  test("naming another repository of the owner fails closed without reading it", async () => {
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().config('_extends: billing-private:deploy/production.yml\n').updatesRun();
    // No mock for billing-private: with net connect off, reading it would fail the run with a connection error instead.
    const { probot } = await loadGuard();
    await receivePullRequest(probot);
    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain(`'_extends' may name only this repository or ${OWNER}/.github`);
    expect(output.summary).not.toContain('billing-private/deploy');
  });

  test('another owner is refused as well', async () => {
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().config('_extends: other-org/.github\n').updatesRun();
    const { probot } = await loadGuard();
    await receivePullRequest(probot);
    expect(github.completion.conclusion).toBe('failure');
    expect(github.completion.output.summary).toContain("'_extends' may name only");
  });

  test("the owner's .github repository is read and merged, nearest file first; values are never quoted", async () => {
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().config('_extends: .github:shared/guard.yml\nfail_on: warning\n');
    contents('.github', 'shared/guard.yml', 'fail_on: error\ngate: sk_live_VALUE_IN_KNOWN_KEY\n');
    github.updatesRun();
    const { probot } = await loadGuard();
    await receivePullRequest(probot);
    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain('gate');
    expect(output.summary).not.toContain('sk_live');
    expect(output.summary).toContain(`${OWNER}/.github/shared/guard.yml`);
  });

  test('a valid chain through .github configures the run', async () => {
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().config('_extends: .github\n');
    contents('.github', '.github/mcp-oauth-guard.yml', 'fail_on: never\n');
    github.changedFiles([addedFile('src/clean.ts', CLEAN)]).updatesRun();
    const { probot } = await loadGuard();
    await receivePullRequest(probot);
    expect(github.completion.conclusion).toBe('success');
    expect(github.completion.output.summary).toContain(`${OWNER}/${REPO}/.github/mcp-oauth-guard.yml`);
  });
});

describe('config size', () => {
  test('a 3 MB config is refused unparsed and the run fails closed at once', async () => {
    let text = 'exclude:\n';
    while (text.length < 3 * 1024 * 1024) text += `  - "src/generated/some/long/path/pattern-${text.length}/**"\n`;
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().config(text).updatesRun();
    const { probot } = await loadGuard();
    const started = Date.now();
    await receivePullRequest(probot);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(github.completion.conclusion).toBe('failure');
    expect(github.completion.output.summary).toMatch(/is \d+ bytes; a config file may have at most 65536 bytes/);
  });
});
