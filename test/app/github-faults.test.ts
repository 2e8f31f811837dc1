/**
 * GitHub misbehaving during a run: 5xx answers, a secondary rate limit, a blob gone after a
 * force-push, a refused annotation batch, a dropped connection, an installation token that stops
 * working. Octokit's retries are on (with tiny delays) so retrying shows. In every case the run
 * ends completed, once, with the right conclusion and a summary that says what happened.
 */
import { jest } from '@jest/globals';
import nock from 'nock';
import {
  addedFilePatch,
  API,
  blobSha,
  CHECK_RUN_ID,
  FAST_RETRIES,
  GitHubMock,
  HEAD_SHA,
  INSTALLATION_ID,
  INSTALLATION_TOKEN,
  loadGuard,
  NEWER_SHA,
  OWNER,
  pullRequestPayload,
  PULL_NUMBER,
  REPO,
} from './github-mock.js';

const ECHO_TOOL = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function registerEcho(server: McpServer): void {
  server.tool('echo', async () => ({ content: [{ type: 'text', text: 'echo' }] }));
}
`;

/** A debug helper that logs the access token on each of `count` lines: `count` errors, all on added lines. */
function noisyLogin(count: number): string {
  return [
    "import { OAuth2Client } from 'google-auth-library';",
    'const oauth = new OAuth2Client();',
    'export async function debugLogin(code: string, codeVerifier: string) {',
    '  const { tokens } = await oauth.getToken({ code, codeVerifier });',
    ...Array.from({ length: count }, (_, i) => `  console.log('attempt ${i}', tokens.access_token);`),
    '}',
    '',
  ].join('\n');
}

const SECONDARY_RATE_LIMIT = { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits' };

beforeAll(() => nock.disableNetConnect());

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  jest.useRealTimers();
  expect(pending).toEqual([]);
});

afterAll(() => nock.enableNetConnect());

const loadWithRetries = () => loadGuard({}, undefined, FAST_RETRIES);

function receiveOpened(probot: Awaited<ReturnType<typeof loadGuard>>['probot']) {
  return probot.receive({ id: `delivery-${Math.random().toString(16).slice(2)}`, name: 'pull_request', payload: pullRequestPayload('opened') as never });
}

/** One added file: the echo tool. */
function echoPullRequest(github: GitHubMock, sha = blobSha('echo')): GitHubMock {
  // Modified, not added: the app must fetch the blob (an added file is rebuilt from its patch).
  return github.files([{ filename: 'src/echo.ts', status: 'modified', sha, patch: addedFilePatch(ECHO_TOOL.trimEnd()), changes: 5 }]);
}

describe('5xx answers are retried', () => {
  it('a 502 on a blob and a 500 on the completing update are retried, and the run completes once', async () => {
    const { probot } = await loadWithRetries();
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    echoPullRequest(github, sha);
    github.scope.get(`${github.repoPath}/git/blobs/${sha}`).reply(502, { message: 'Server Error' });
    github.blob(sha, ECHO_TOOL);
    github.scope.patch(`${github.repoPath}/check-runs/${CHECK_RUN_ID}`).reply(500, { message: 'Server Error' });
    github.updatesRun();

    await receiveOpened(probot);

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('success');
    expect(output.summary).toContain('Analysed 1 file.');
    expect(output.summary).not.toContain('could not be read');
  });
});

describe('a secondary rate limit', () => {
  it('is honoured: the request is repeated only after retry-after seconds', async () => {
    const { probot, logs } = await loadWithRetries();
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    echoPullRequest(github, sha);
    let limitedAt = 0;
    let retriedAt = 0;
    github.scope.get(`${github.repoPath}/git/blobs/${sha}`).reply(() => {
      limitedAt = Date.now();
      return [403, SECONDARY_RATE_LIMIT, { 'retry-after': '1' }];
    });
    github.scope.get(`${github.repoPath}/git/blobs/${sha}`).reply(() => {
      retriedAt = Date.now();
      return [200, { sha, size: ECHO_TOOL.length, encoding: 'base64', content: Buffer.from(ECHO_TOOL).toString('base64') }];
    });
    github.updatesRun();

    await receiveOpened(probot);

    expect(retriedAt - limitedAt).toBeGreaterThanOrEqual(1000);
    expect(github.completion.conclusion).toBe('success');
    expect(logs.join('')).toContain('secondary rate limit');
  });

  it('that asks for a longer wait than the app allows fails the run closed, saying so', async () => {
    const { probot } = await loadWithRetries();
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    echoPullRequest(github, sha);
    github.scope.get(`${github.repoPath}/git/blobs/${sha}`).reply(403, SECONDARY_RATE_LIMIT, { 'retry-after': '3600' });
    github.updatesRun();

    await receiveOpened(probot);

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain('`src/echo.ts` could not be read: GitHub answered HTTP 403 (secondary rate limit; GitHub asked to wait 3600 s)');
    expect(output.summary).toContain('Re-run');
  });
});

describe('a blob that is gone (404)', () => {
  it('after a force-push concludes cancelled, pointing at the new head', async () => {
    const { probot } = await loadWithRetries();
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    echoPullRequest(github, sha).blobFails(sha, 404).pullRequest(NEWER_SHA, 1, '2019-05-15T16:00:00Z').updatesRun();

    await receiveOpened(probot);

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('cancelled');
    expect(output.title).toBe(`Superseded by ${NEWER_SHA.slice(0, 7)}`);
    expect(output.summary).toContain(NEWER_SHA);
  });

  it('while the head is unchanged fails closed, naming the file and the 404', async () => {
    const { probot } = await loadWithRetries();
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    echoPullRequest(github, sha).blobFails(sha, 404).pullRequest(HEAD_SHA, 1).updatesRun();

    await receiveOpened(probot);

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain(`\`src/echo.ts\` could not be read: GitHub answered HTTP 404 to GET /repos/${OWNER}/${REPO}/git/blobs/${sha}`);
  });
});

describe('annotation batches GitHub does not take', () => {
  function noisyPullRequest(github: GitHubMock): GitHubMock {
    const source = noisyLogin(120);
    const sha = blobSha('noisy');
    return github
      .installationToken()
      .existingRuns(HEAD_SHA)
      .createsRun()
      .noConfig()
      .files([{ filename: 'src/debug-login.ts', status: 'added', sha, patch: addedFilePatch(source.trimEnd()), changes: 125 }])
      .blob(sha, source);
  }

  it('a 422 on the second batch keeps the run failed, sends the third, and notes the gap', async () => {
    const { probot } = await loadWithRetries();
    const github = noisyPullRequest(new GitHubMock()).updatesRun(CHECK_RUN_ID, 1).updatesRun(CHECK_RUN_ID, 1, 422).updatesRun(CHECK_RUN_ID, 2);

    await receiveOpened(probot);

    expect(github.completion.conclusion).toBe('failure');
    expect(github.annotations).toHaveLength(70);
    const note = github.updates.at(-1)!.body.output;
    expect(note.annotations).toBeUndefined();
    expect(note.summary).toContain('GitHub refused 1 of 3 annotation batches');
    expect(github.updates.every((update) => update.body.status === undefined || update.body.status === 'completed')).toBe(true);
  });

  it('a 422 on the completing batch completes the run without those annotations', async () => {
    const { probot } = await loadWithRetries();
    const github = noisyPullRequest(new GitHubMock()).updatesRun(CHECK_RUN_ID, 1, 422).updatesRun(CHECK_RUN_ID, 4);

    await receiveOpened(probot);

    const completed = github.completion;
    expect(completed.conclusion).toBe('failure');
    expect(completed.output.annotations).toBeUndefined();
    expect(github.annotations).toHaveLength(70);
    expect(github.updates.at(-1)!.body.output.summary).toContain('GitHub refused 1 of 3 annotation batches');
  });

  it('a batch that keeps failing with 500 loses its annotations, never the conclusion', async () => {
    const { probot } = await loadWithRetries();
    const github = noisyPullRequest(new GitHubMock()).updatesRun(CHECK_RUN_ID, 1).updatesRun(CHECK_RUN_ID, 4, 500).updatesRun(CHECK_RUN_ID, 2);

    await receiveOpened(probot);

    expect(github.completion.conclusion).toBe('failure');
    expect(github.completion.output.title).toBe('120 errors in 1 file');
    const note = github.updates.at(-1)!.body.output.summary as string;
    expect(note).toContain('1 of 3 annotation batches could not be sent (GitHub answered HTTP 500');
  });
});

describe('a connection reset', () => {
  it('while listing files is retried and the run completes normally', async () => {
    const { probot } = await loadWithRetries();
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    github.scope.get(`${github.repoPath}/pulls/${PULL_NUMBER}/files`).query(true).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    echoPullRequest(github).blob(blobSha('echo'), ECHO_TOOL).updatesRun();

    await receiveOpened(probot);

    expect(github.completion.conclusion).toBe('success');
    expect(github.completion.output.summary).toContain('Analysed 1 file.');
  });

  it('on every attempt to read a blob fails closed, saying the connection failed', async () => {
    const { probot } = await loadWithRetries();
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    echoPullRequest(github, sha);
    github.scope.get(`${github.repoPath}/git/blobs/${sha}`).times(4).replyWithError({ code: 'ECONNRESET', message: 'socket hang up' });
    github.updatesRun();

    await receiveOpened(probot);

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain(`\`src/echo.ts\` could not be read: the connection to GitHub failed (ECONNRESET) on GET /repos/${OWNER}/${REPO}/git/blobs/${sha}`);
  });
});

describe('an installation token that expires mid-run', () => {
  it('is replaced by a fresh token and the run completes with it', async () => {
    // Only the clock is faked: auth-app waits out 401s in a token's first 5 s (replication delay), and this token is older.
    jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout', 'queueMicrotask', 'hrtime', 'performance'], now: Date.now() });
    const { probot, logs } = await loadWithRetries();
    const freshToken = 'ghs_freshInstallationTokenForTests00000000';
    const sha = blobSha('echo');
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA).createsRun().noConfig();
    // Listing the files takes a while: by the time the blob is read, the first token is 10 minutes old.
    github.scope
      .get(`${github.repoPath}/pulls/${PULL_NUMBER}/files`)
      .query(true)
      .reply(() => {
        jest.setSystemTime(Date.now() + 10 * 60_000);
        return [200, [{ filename: 'src/echo.ts', status: 'modified', sha, additions: 5, deletions: 0, changes: 5, patch: addedFilePatch(ECHO_TOOL.trimEnd()) }]];
      });
    const oldToken = nock(API, { reqheaders: { authorization: `token ${INSTALLATION_TOKEN}` } });
    oldToken.get(`${github.repoPath}/git/blobs/${sha}`).reply(401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    github.scope.post(`/app/installations/${INSTALLATION_ID}/access_tokens`).reply(201, { token: freshToken, expires_at: '2099-01-01T00:00:00Z', permissions: { checks: 'write' } });
    const newToken = nock(API, { reqheaders: { authorization: `token ${freshToken}` } });
    newToken.get(`${github.repoPath}/git/blobs/${sha}`).reply(200, { sha, size: ECHO_TOOL.length, encoding: 'base64', content: Buffer.from(ECHO_TOOL).toString('base64') });
    newToken.patch(`${github.repoPath}/check-runs/${CHECK_RUN_ID}`).reply(200, (path, body) => {
      github.requests.push({ method: 'PATCH', path, body: body as Record<string, any> });
      return { id: CHECK_RUN_ID, status: 'completed' };
    });

    await receiveOpened(probot);

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('success');
    expect(output.summary).toContain('Analysed 1 file.');
    expect(logs.join('')).toContain('fetching a fresh one');
    expect(logs.join('')).not.toContain(freshToken);
  });
});
