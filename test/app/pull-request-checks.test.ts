/**
 * The app end to end against a nock'd GitHub: real Probot, real webhook payloads, the real
 * analyzer. Every test ends with no pending mocks (every expected call happened) and no
 * unexpected request (net connect is off, so one would fail the run and show up here).
 */
import nock from 'nock';
import {
  addedFile,
  blobSha,
  checkRunCreatedByAnotherApp,
  checkRunRerequestedPayload,
  checkSuitePayload,
  CHECK_RUN_ID,
  gitHubForFirstRun,
  GitHubMock,
  HEAD_SHA,
  INSTALLATION_TOKEN,
  loadGuard,
  NEWER_SHA,
  PRIVATE_KEY,
  pullRequestPayload,
  PULL_NUMBER,
  receivePullRequest,
  type ChangedFile,
} from './github-mock.js';

/** A small MCP server with two OAuth mistakes: a refresh token and an access token written to the console. */
const CALENDAR_SERVER = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { OAuth2Client } from 'google-auth-library';
import { z } from 'zod';

const server = new McpServer({ name: 'calendar', version: '1.0.0' });
const oauth = new OAuth2Client(process.env.GOOGLE_CLIENT_ID, process.env.GOOGLE_CLIENT_SECRET, 'http://localhost:3000/callback');
const verifiers = new Map<string, string>();
server.tool('finish-login', { code: z.string(), state: z.string() }, async ({ code, state }) => {
  const { tokens } = await oauth.getToken({ code, codeVerifier: verifiers.get(state) });
  console.error('refresh token', tokens.refresh_token);
  oauth.setCredentials(tokens);
  return { content: [{ type: 'text', text: 'Connected' }] };
});

server.tool('reconnect', { code: z.string(), state: z.string() }, async ({ code, state }) => {
  const { tokens } = await oauth.getToken({ code, codeVerifier: verifiers.get(state) });
  console.log('access token', tokens.access_token);
  return { content: [{ type: 'text', text: 'Reconnected' }] };
});
`;
const OLD_FINDING_LINE = 10;
const NEW_FINDING_LINE = 17;
/** The PR added the 'reconnect' tool (lines 15–19); line 10 is older code. */
const ADDS_RECONNECT_TOOL = [
  '@@ -12,3 +12,8 @@ server.tool(\'finish-login\', { code: z.string(), state: z.string() }, async ({ code, state }) => {',
  "   return { content: [{ type: 'text', text: 'Connected' }] };",
  ' });',
  ' ',
  "+server.tool('reconnect', { code: z.string(), state: z.string() }, async ({ code, state }) => {",
  '+  const { tokens } = await oauth.getToken({ code, codeVerifier: verifiers.get(state) });',
  "+  console.log('access token', tokens.access_token);",
  "+  return { content: [{ type: 'text', text: 'Reconnected' }] };",
  '+});',
].join('\n');
/** Only the text of the 'Connected' message changed (line 12). */
const CHANGES_A_MESSAGE = ['@@ -11,3 +11,3 @@', '   oauth.setCredentials(tokens);', "-  return { content: [{ type: 'text', text: 'Done' }] };", "+  return { content: [{ type: 'text', text: 'Connected' }] };", ' });'].join('\n');

const CLEAN_TOOL = `import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';

export function registerEcho(server: McpServer): void {
  server.tool('echo', async () => ({ content: [{ type: 'text', text: 'echo' }] }));
}
`;

beforeAll(() => {
  nock.disableNetConnect();
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(() => {
  nock.enableNetConnect();
});

/** Loads the app and delivers \`pull_request.opened\` for the head commit, as GitHub does for a new PR. */
async function openPullRequest(): Promise<void> {
  const { probot } = await loadGuard();
  await receivePullRequest(probot);
}

/** The calendar server as the PR leaves it, changed in place by `patch`. */
function calendarServer(patch: string, changes: number): ChangedFile {
  return { filename: 'src/calendar-server.ts', status: 'modified', sha: blobSha('calendar'), patch, changes, content: CALENDAR_SERVER };
}

/** A one-line change to a file that is not JavaScript or TypeScript, so nothing is fetched for it. */
function readmeChange(): ChangedFile {
  return { filename: 'README.md', status: 'modified', sha: blobSha('readme'), patch: '@@ -1 +1 @@\n-a\n+b', changes: 2 };
}

/** A modified file whose blob GitHub answers with `status`. */
function unreadableOAuthFile(status: number): ChangedFile {
  return { filename: 'src/oauth.ts', status: 'modified', sha: blobSha('failing'), patch: '@@ -1 +1 @@\n-a\n+b', changes: 2, blobStatus: status };
}

describe('a pull request with OAuth mistakes', () => {
  it('fails on a finding in a line the PR adds, and annotates the older finding without failing on it', async () => {
    const github = gitHubForFirstRun([calendarServer(ADDS_RECONNECT_TOOL, 5)]);

    await openPullRequest();

    const created = github.creates[0]!.body;
    expect(created).toMatchObject({ name: 'MCP OAuth Guard', head_sha: HEAD_SHA, status: 'in_progress', external_id: String(PULL_NUMBER) });
    const completion = github.completion;
    expect(completion.conclusion).toBe('failure');
    expect(completion.output.title).toMatch(/^2 errors in 1 file$/);
    const byLine = new Map(github.annotations.map((annotation) => [annotation.start_line, annotation]));
    expect(byLine.get(NEW_FINDING_LINE)).toMatchObject({ path: 'src/calendar-server.ts', annotation_level: 'failure', title: 'token-logged' });
    expect(byLine.get(OLD_FINDING_LINE)).toMatchObject({ path: 'src/calendar-server.ts', annotation_level: 'failure', title: 'token-logged (does not fail this check)' });
    // The finding that gates comes first, in the summary and in the annotations.
    expect(github.annotations[0]!.start_line).toBe(NEW_FINDING_LINE);
    expect(completion.output.summary).toContain('### Findings that fail this check (1)');
    expect(completion.output.summary).toContain('No `.github/mcp-oauth-guard.yml`');
  });

  it('is neutral when the findings are only on lines the PR does not change', async () => {
    const github = gitHubForFirstRun([calendarServer(CHANGES_A_MESSAGE, 2)]);

    await openPullRequest();

    expect(github.completion.conclusion).toBe('neutral');
    expect(github.completion.output.title).toBe('2 errors in 1 file (none on changed lines)');
    expect(github.annotations.map((annotation) => annotation.start_line).sort()).toEqual([OLD_FINDING_LINE, NEW_FINDING_LINE]);
  });

  it('fails on old code too with gate: changed-files', async () => {
    const github = gitHubForFirstRun([calendarServer(CHANGES_A_MESSAGE, 2)], { config: 'gate: changed-files\n' });

    await openPullRequest();

    expect(github.completion.conclusion).toBe('failure');
    expect(github.completion.output.summary).toContain('Codertocat/Hello-World/.github/mcp-oauth-guard.yml');
  });

  it('sends 120 findings in three annotation batches, each repeating the title and summary', async () => {
    const lines = Array.from({ length: 120 }, (_, i) => `  console.log('attempt ${i}', tokens.access_token);`);
    const source = [
      "import { OAuth2Client } from 'google-auth-library';",
      'const oauth = new OAuth2Client();',
      'export async function debugLogin(code: string, codeVerifier: string) {',
      '  const { tokens } = await oauth.getToken({ code, codeVerifier });',
      ...lines,
      '}',
      '',
    ].join('\n');
    const github = gitHubForFirstRun([addedFile('src/debug-login.ts', source)], { updates: 3 });

    await openPullRequest();

    expect(github.updates.map((update) => update.body.output.annotations.length)).toEqual([50, 50, 20]);
    expect(github.updates[0]!.body).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const [first, ...rest] = github.updates.map((update) => update.body.output);
    for (const output of rest) {
      expect(output.title).toBe(first.title);
      expect(output.summary).toBe(first.summary);
    }
    expect(first.title).toBe('120 errors in 1 file');
  });
});

describe('one run and one analysis per commit', () => {
  it('a redelivered webhook while the first is running starts nothing new', async () => {
    const { probot } = await loadGuard();
    const github = gitHubForFirstRun([addedFile('src/echo.ts', CLEAN_TOOL)]);

    await Promise.all([
      receivePullRequest(probot, 'opened', {}, 'same-delivery'),
      receivePullRequest(probot, 'opened', {}, 'same-delivery'),
      receivePullRequest(probot, 'synchronize', {}, 'synchronize-same-sha'),
    ]);

    expect(github.creates).toHaveLength(1);
    expect(github.completion.conclusion).toBe('success');
  });

  it('a redelivery after the run completed finds that run and does not analyse again', async () => {
    const { probot } = await loadGuard();
    const github = new GitHubMock().installationToken().existingRuns(HEAD_SHA, [{ id: CHECK_RUN_ID, status: 'completed' }]);

    await receivePullRequest(probot, 'reopened');

    expect(github.requests).toEqual([]);
  });

  it('adopts a run left in progress (e.g. by a process that died) and completes it', async () => {
    const { probot } = await loadGuard();
    const github = new GitHubMock()
      .installationToken()
      .existingRuns(HEAD_SHA, [{ id: CHECK_RUN_ID, status: 'in_progress' }])
      .noConfig()
      .files([readmeChange()])
      .updatesRun();

    await receivePullRequest(probot, 'ready_for_review');

    expect(github.creates).toHaveLength(0);
    expect(github.completion.conclusion).toBe('success');
  });

  it('"Re-run" analyses the same commit again in a fresh run, finding the PR from external_id', async () => {
    const { probot } = await loadGuard();
    const github = new GitHubMock()
      .installationToken()
      .pullRequest(HEAD_SHA, 1)
      .existingRuns(HEAD_SHA, [{ id: CHECK_RUN_ID - 1, status: 'completed' }])
      .createsRun()
      .noConfig()
      .changedFiles([calendarServer(ADDS_RECONNECT_TOOL, 5)])
      .updatesRun();

    await probot.receive({ id: 'rerun-1', name: 'check_run', payload: checkRunRerequestedPayload({ externalId: String(PULL_NUMBER) }) as never });

    expect(github.creates[0]!.body).toMatchObject({ head_sha: HEAD_SHA, external_id: String(PULL_NUMBER) });
    expect(github.completion.conclusion).toBe('failure');
  });

  it('a check suite re-run without pull requests finds the PR through our earlier run', async () => {
    const { probot } = await loadGuard();
    const github = new GitHubMock()
      .installationToken()
      .existingRuns(HEAD_SHA, [{ id: CHECK_RUN_ID - 1, status: 'completed', externalId: String(PULL_NUMBER) }], 2)
      .pullRequest(HEAD_SHA, 0)
      .createsRun()
      .noConfig()
      .files([])
      .updatesRun();

    await probot.receive({ id: 'suite-rerun', name: 'check_suite', payload: checkSuitePayload('rerequested', []) as never });

    expect(github.creates).toHaveLength(1);
    expect(github.completion.conclusion).toBe('success');
  });

  it('a requested check suite for a PR head analyses that PR', async () => {
    const { probot } = await loadGuard();
    const github = gitHubForFirstRun([]);

    await probot.receive({ id: 'suite', name: 'check_suite', payload: checkSuitePayload('requested', [{ number: PULL_NUMBER, headSha: HEAD_SHA }, { number: 9, headSha: NEWER_SHA }]) as never });

    expect(github.creates).toHaveLength(1);
    expect(github.completion.output.title).toBe('No OAuth problems found in 0 files');
  });

  it('ignores runs of other apps and re-runs of checks that are not ours', async () => {
    const { probot } = await loadGuard();
    await probot.receive({ id: 'other-app', name: 'check_run', payload: checkRunCreatedByAnotherApp() as never });
    await probot.receive({ id: 'other-rerun', name: 'check_run', payload: checkRunRerequestedPayload({ externalId: '2', name: 'randscape', appId: 2 }) as never });
    // Net connect is disabled and nothing is mocked: any request would have failed the receive.
  });

  it('an older commit analysed after a newer one was seen concludes cancelled, pointing at the newer one', async () => {
    const { probot } = await loadGuard();
    const github = new GitHubMock()
      .installationToken()
      .startsAnalysis(NEWER_SHA)
      .files([])
      .updatesRun(CHECK_RUN_ID)
      .startsAnalysis(HEAD_SHA)
      .updatesRun(CHECK_RUN_ID + 1);

    await receivePullRequest(probot, 'synchronize', { headSha: NEWER_SHA, updatedAt: '2019-05-15T16:00:00Z' });
    // The older push's event arrives late (a retry, a slow queue): its updated_at is older.
    await receivePullRequest(probot, 'opened', { headSha: HEAD_SHA, updatedAt: '2019-05-15T15:20:33Z' });

    const [newer, older] = github.updates;
    expect(newer!.path).toContain(`/check-runs/${CHECK_RUN_ID}`);
    expect(newer!.body.conclusion).toBe('success');
    expect(older!.path).toContain(`/check-runs/${CHECK_RUN_ID + 1}`);
    expect(older!.body.conclusion).toBe('cancelled');
    expect(older!.body.output.summary).toContain(NEWER_SHA);
  });
});

describe('configuration', () => {
  it('an invalid config completes the run as failure, naming the key, the problem and an example', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA, 'fail_on: sometimes\n').updatesRun();

    await openPullRequest();

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.title).toMatch(/^Invalid configuration/);
    expect(output.summary).toContain('`fail_on`');
    // Values are described, never quoted: the summary is public to the PR's readers (audit #13).
    expect(output.summary).toContain('(got a string)');
    expect(output.summary).not.toContain('sometimes');
    expect(output.summary).toContain('fail_on: warning');
  });

  it('YAML that does not parse is an invalid config too', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA, 'fail_on: [error\n').updatesRun();

    await openPullRequest();

    expect(github.completion.conclusion).toBe('failure');
    expect(github.completion.output.summary).toContain('not valid YAML (line');
  });
});

describe('files', () => {
  it('skips removed files, analyses renamed ones under the new name and files with NUL bytes, and names oversized files', async () => {
    const big = `// generated\n${'export const padding = 0;\n'.repeat(Math.ceil(1024 * 1024 / 25) + 10)}`;
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]);
    const github = gitHubForFirstRun([
      { filename: 'src/legacy-auth.ts', status: 'removed', sha: blobSha('removed'), patch: '@@ -1 +0,0 @@\n-console.log(tokens.access_token);', changes: 1 },
      { filename: 'src/tools/calendar.ts', previous_filename: 'src/calendar-server.ts', status: 'renamed', sha: blobSha('renamed'), changes: 0, content: CALENDAR_SERVER },
      { filename: 'assets/icon.ts', status: 'added', sha: blobSha('binary'), changes: 0, content: png },
      { filename: 'src/generated/schema.ts', status: 'added', sha: blobSha('oversized'), changes: 40000, content: big },
    ]);

    await openPullRequest();

    const { conclusion, output } = github.completion;
    // A pure rename changes no line, so its two findings are annotated but do not fail the check.
    expect(conclusion).toBe('neutral');
    expect(github.annotations.every((annotation) => annotation.path === 'src/tools/calendar.ts')).toBe(true);
    expect(github.annotations.length).toBeGreaterThanOrEqual(2);
    // A NUL byte does not make a .ts file "binary": it is analysed like any other (audit #2).
    expect(output.summary).toContain('Analysed 2 files.');
    expect(output.summary).not.toContain('binary content');
    expect(output.summary).toMatch(/`src\/generated\/schema\.ts`: 1\.0 MB is over the 1\.0 MB limit/);
    expect(output.summary).toContain('1 removed');
  });

  it('GitHub answering 500 on a blob still completes the run, failing closed and naming the file', async () => {
    const github = gitHubForFirstRun([addedFile('src/echo.ts', CLEAN_TOOL), unreadableOAuthFile(500)]);

    await openPullRequest();

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain('`src/oauth.ts` could not be read: GitHub answered HTTP 500');
    expect(output.summary).toContain('Re-run');
  });

  it('with on_error: neutral an unreadable blob makes the run neutral', async () => {
    const github = gitHubForFirstRun([unreadableOAuthFile(502)], { config: 'on_error: neutral\n' });

    await openPullRequest();

    expect(github.completion.conclusion).toBe('neutral');
  });

  it('a failure after the run exists (listing files) completes it with the reason', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis().updatesRun();
    github.scope.get(`${github.repoPath}/pulls/${PULL_NUMBER}/files`).query(true).reply(500, { message: 'Server Error' });

    await openPullRequest();

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.title).toBe('The analysis could not be completed');
    expect(output.summary).toContain(`GitHub answered HTTP 500 to GET /repos/Codertocat/Hello-World/pulls/${PULL_NUMBER}/files`);
  });

  it('a fork PR is read through the base repository with the installation token', async () => {
    const { probot } = await loadGuard();
    const payload = pullRequestPayload('opened');
    payload.pull_request.head.repo = { ...payload.pull_request.head.repo, full_name: 'forker/Hello-World', name: 'Hello-World', owner: { ...payload.pull_request.head.repo.owner, login: 'forker' }, fork: true };
    payload.pull_request.head.label = 'forker:changes';
    const github = gitHubForFirstRun([calendarServer(ADDS_RECONNECT_TOOL, 5)]);

    await probot.receive({ id: 'fork-pr', name: 'pull_request', payload: payload as never });

    expect(github.completion.conclusion).toBe('failure');
    // Only the base repository was asked (nock fails any other host or path).
    expect(github.requests.every((request) => request.path.startsWith('/repos/Codertocat/Hello-World/'))).toBe(true);
  });

  it('a PR with no JavaScript or TypeScript files succeeds without fetching anything', async () => {
    const github = gitHubForFirstRun([readmeChange(), { filename: 'docs/setup.md', status: 'added', sha: blobSha('setup'), patch: '@@ -0,0 +1 @@\n+hi', changes: 1 }]);

    await openPullRequest();

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('success');
    expect(output.title).toBe('No OAuth problems found in 0 files');
    expect(output.summary).toContain('2 not JavaScript or TypeScript');
  });

  it('lists files page by page', async () => {
    const files = Array.from({ length: 230 }, (_, i) => ({ filename: `docs/page-${i}.md`, status: 'added' as const, sha: blobSha(`page${i}`), patch: '@@ -0,0 +1 @@\n+x', changes: 1 }));
    const github = gitHubForFirstRun(files);

    await openPullRequest();

    expect(github.completion.output.summary).toContain('230 not JavaScript or TypeScript');
  });
});

describe('logs', () => {
  it('a full run at debug level logs no installation token, private key or file content', async () => {
    const { probot, logs } = await loadGuard();
    gitHubForFirstRun([calendarServer(ADDS_RECONNECT_TOOL, 5)]);

    await receivePullRequest(probot);

    const text = logs.join('');
    expect(logs.length).toBeGreaterThan(3);
    expect(text).not.toContain(INSTALLATION_TOKEN);
    expect(text).not.toContain(PRIVATE_KEY.split('\n')[1]!);
    expect(text).not.toContain('GOOGLE_CLIENT_SECRET');
    expect(text).not.toContain(Buffer.from(CALENDAR_SERVER).toString('base64').slice(0, 40));
  });
});
