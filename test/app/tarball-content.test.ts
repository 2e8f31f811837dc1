import nock from 'nock';
import { gitBlobSha } from '../../src/git-object-id.js';
import { GitHubMock, HEAD_SHA, loadGuard, pullRequestPayload, type ChangedFile } from './github-mock.js';

const LEAKY = "import pino from 'pino';\nconst logger = pino();\nexport function onTokens(tokens: { access_token: string }) {\n  logger.info({ accessToken: tokens.access_token }, 'signed in');\n}\n";
const CLEAN = 'export const echo = (text: string) => text;\n';
const HELPER = 'export function add(a: number, b: number) {\n  return a + b;\n}\n';

/** A modified file as GitHub lists it: its real blob id at the head and a patch that changes line `line`. */
function modified(filename: string, content: string, line = 1): ChangedFile {
  const changed = content.split('\n')[line - 1] ?? '';
  return { filename, status: 'modified', sha: gitBlobSha(Buffer.from(content)), patch: `@@ -${line},1 +${line},1 @@\n-old\n+${changed}`, changes: 2, content };
}

const files = [modified('src/auth.ts', LEAKY, 4), modified('src/echo.ts', CLEAN), modified('src/math.ts', HELPER)];
const tree = { 'README.md': '# server\n', 'package.json': '{"type":"module"}\n', 'src/auth.ts': LEAKY, 'src/echo.ts': CLEAN, 'src/math.ts': HELPER };

async function openPullRequest(github: GitHubMock, repositorySizeKb: number) {
  const app = await loadGuard();
  try {
    await app.probot.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload('opened', { repositorySizeKb }) as never });
  } finally {
    await app.guard.close();
  }
  return app;
}

/** The first analysis, listing `files` without serving their blobs (each test says which blobs exist). */
function firstRun(): GitHubMock {
  return new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files(files.map(({ content: _content, ...listed }) => listed));
}

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe("a small repository's modified files come from one tarball of the head", () => {
  test('one API call instead of one per file, and the same findings', async () => {
    const github = firstRun().tarball(HEAD_SHA, tree).updatesRun();
    await openPullRequest(github, 40);
    expect(github.scope.isDone()).toBe(true);
    expect(nock.pendingMocks()).toEqual([]);
    expect(github.completion.conclusion).toBe('failure');
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:4']);
    expect(github.completion.output.summary).toContain('Analysed 3 files');
  });

  test('a file whose archived content is not the listed blob is fetched by blob', async () => {
    // export-subst or an eol attribute changes what `git archive` writes.
    const github = firstRun().tarball(HEAD_SHA, { ...tree, 'src/echo.ts': CLEAN.replace('text;', 'text; // $Format:%H$') }).blob(files[1]!.sha, CLEAN).updatesRun();
    await openPullRequest(github, 40);
    expect(github.scope.isDone()).toBe(true);
    expect(github.completion.output.summary).toContain('Analysed 3 files');
  });

  test('a tarball GitHub fails to serve falls back to blobs, and the run completes', async () => {
    const github = firstRun().tarball(HEAD_SHA, tree, 500);
    for (const file of files) github.blob(file.sha, file.content as string);
    github.updatesRun();
    const app = await openPullRequest(github, 40);
    expect(github.scope.isDone()).toBe(true);
    expect(github.completion.conclusion).toBe('failure');
    expect(app.logs.some((line) => /could not read the tarball; fetching blobs instead/.test(line))).toBe(true);
  });

  test('a file over the size limit in the tarball is skipped and named, as a blob would be', async () => {
    const big = `export const table = ${JSON.stringify('x'.repeat(1_100_000))};\n`;
    const listed = [...files, modified('src/table.ts', big)];
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files(listed.map(({ content: _content, ...rest }) => rest)).tarball(HEAD_SHA, { ...tree, 'src/table.ts': big }).updatesRun();
    await openPullRequest(github, 40);
    expect(github.scope.isDone()).toBe(true);
    expect(github.completion.output.summary).toMatch(/src\/table\.ts.*over the 1\.0 MB limit/);
  });
});

describe('a large repository', () => {
  test('is not downloaded whole for a few files: their blobs are fetched', async () => {
    const github = firstRun();
    for (const file of files) github.blob(file.sha, file.content as string);
    github.updatesRun();
    await openPullRequest(github, 500_000);
    expect(github.scope.isDone()).toBe(true);
    expect(github.completion.output.summary).toContain('Analysed 3 files');
  });
});
