/**
 * Issue 9 item 4: modules imported by changed files are read from the head commit (bounded,
 * counted), values are followed into them, and findings stay on the changed files.
 */
import nock from 'nock';
import pino from 'pino';
import { ProbotOctokit } from 'probot';
import { createInProcessBackend } from '../../src/app/analysis-backend.js';
import { gitBlobSha } from '../../src/git-object-id.js';
import { GuardMetrics } from '../../src/queue/metrics.js';
import { createRunProcessor } from '../../src/queue/processor.js';
import { addedFile, CHECK_RUN_ID, GitHubMock, HEAD_SHA, INSTALLATION_ID, loadGuard, OWNER, PULL_NUMBER, pullRequestPayload, REPO, type ChangedFile } from './github-mock.js';

/** A logger helper in a module the pull request does not touch. */
const AUDIT = "import pino from 'pino';\nconst logger = pino();\nexport function audit(message: string, value: string) {\n  logger.info({ value }, message);\n}\n";
/** The changed file: it hands a token to that helper on line 3. */
const AUTH = "import { audit } from './audit.js';\nexport function onTokens(tokens: { access_token: string }) {\n  audit('signed in', tokens.access_token);\n}\n";

/** A modified file as GitHub lists it: its real blob id at the head and a patch that changes line `line`. */
function modified(filename: string, content: string, line = 1): ChangedFile {
  const changed = content.split('\n')[line - 1] ?? '';
  return { filename, status: 'modified', sha: gitBlobSha(Buffer.from(content)), patch: `@@ -${line},1 +${line},1 @@\n-old\n+${changed}`, changes: 2, content };
}

function sha(content: string): string {
  return gitBlobSha(Buffer.from(content));
}

async function openPullRequest(github: GitHubMock, options: { env?: NodeJS.ProcessEnv; repositorySizeKb?: number; analysis?: 'worker-pool' | 'in-process' } = {}) {
  const app = await loadGuard({ env: options.env ?? {}, ...(options.analysis ? { analysis: options.analysis, pool: { threads: 1 } } : {}) });
  try {
    await app.probot.receive({ id: '1', name: 'pull_request', payload: pullRequestPayload('opened', { repositorySizeKb: options.repositorySizeKb ?? 2_000_000 }) as never });
  } finally {
    await app.guard.close();
  }
  return app;
}

/** The requests that read content: blobs, the tree listing, the tarball. */
function contentCalls(github: GitHubMock): string[] {
  return github.calls.filter((call) => /\/git\/(blobs|trees)\/|\/tarball\//.test(call)).map((call) => call.replace(`GET ${github.repoPath}/`, ''));
}

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe('a changed file that logs a token through a helper of an unchanged module', () => {
  const tree = { 'package.json': '{"type":"module"}\n', 'src/auth.ts': AUTH, 'src/audit.ts': AUDIT };

  test('is reported at its own call; the helper module is read from the head with one tree listing and one blob', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([auth]).tree(HEAD_SHA, tree).blob(sha(AUDIT), AUDIT).updatesRun();
    await openPullRequest(github);
    expect(nock.pendingMocks()).toEqual([]);
    expect(github.completion.conclusion).toBe('failure');
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:3']);
    expect(contentCalls(github)).toEqual([`git/blobs/${auth.sha}`, `git/trees/${HEAD_SHA}`, `git/blobs/${sha(AUDIT)}`]);
    expect(github.completion.output.summary).toContain('Read 1 module (');
    expect(github.completion.output.summary).toContain('findings are reported in changed files only');
  });

  test('the same through the worker pool', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([auth]).tree(HEAD_SHA, tree).blob(sha(AUDIT), AUDIT).updatesRun();
    await openPullRequest(github, { analysis: 'worker-pool' });
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:3']);
    expect(contentCalls(github)).toHaveLength(3);
  });

  test('a suppression at the call works as before', async () => {
    const suppressed = AUTH.replace("tokens.access_token);", "tokens.access_token); // mcp-oauth-guard-ignore token-logged: the audit sink redacts values");
    const auth = modified('src/auth.ts', suppressed, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([auth]).tree(HEAD_SHA, { ...tree, 'src/auth.ts': suppressed }).blob(sha(AUDIT), AUDIT).updatesRun();
    await openPullRequest(github);
    expect(github.completion.conclusion).toBe('success');
    expect(github.annotations).toEqual([]);
    expect(github.completion.output.summary).toContain('the audit sink redacts values');
  });

  test('with the module bound at 0 nothing is listed or read, and the summary says the import was not followed', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([auth]).updatesRun();
    await openPullRequest(github, { env: { ANALYSIS_IMPORTED_MODULES: '0' } });
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`git/blobs/${auth.sha}`]);
    // Analysed with what was read: no finding, and no failure of the run for it.
    expect(github.completion.conclusion).toBe('success');
    expect(github.completion.output.summary).toContain('### Imported modules');
    expect(github.completion.output.summary).toMatch(/1 relative import of changed files was not followed: reading imported modules is turned off \(`ANALYSIS_IMPORTED_MODULES=0`\)/);
  });

  test('with the byte bound below the module, it is not fetched and the summary names the bound', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([auth]).tree(HEAD_SHA, tree).updatesRun();
    await openPullRequest(github, { env: { ANALYSIS_IMPORTED_BYTES: '64' } });
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`git/blobs/${auth.sha}`, `git/trees/${HEAD_SHA}`]);
    expect(github.completion.conclusion).toBe('success');
    expect(github.completion.output.summary).toMatch(/1 more imported module was not read: the limit of 64 B of imported modules per pull request \(`ANALYSIS_IMPORTED_BYTES`\) was reached/);
  });

  test("a module the configuration excludes is not read, as the CLI's scan would not hold it", async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA, 'exclude:\n  - "src/audit.ts"\n').changedFiles([auth]).tree(HEAD_SHA, tree).updatesRun();
    await openPullRequest(github);
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`git/blobs/${auth.sha}`, `git/trees/${HEAD_SHA}`]);
    expect(github.completion.conclusion).toBe('success');
    expect(github.annotations).toEqual([]);
    // Not asked for at all: no blob request, and no module reported as unreadable.
    expect(github.completion.output.summary).not.toContain('### Imported modules');
  });

  test('a tree listing GitHub fails to serve leaves the helper unread, says so, and the run completes', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([auth]).tree(HEAD_SHA, tree, { status: 500 }).updatesRun();
    await openPullRequest(github);
    expect(nock.pendingMocks()).toEqual([]);
    expect(github.completion.conclusion).toBe('success');
    expect(github.completion.output.summary).toMatch(/the head commit's file list could not be read \(GitHub answered HTTP 500/);
  });

  test('a wrong bound in the environment stops the app at load', async () => {
    await expect(loadGuard({ env: { ANALYSIS_IMPORTED_MODULES: 'many' } })).rejects.toThrow(/ANALYSIS_IMPORTED_MODULES must be a whole number/);
  });
});

describe("imports between the pull request's own files", () => {
  test('are followed at no request: no file list, no blob', async () => {
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([addedFile('src/auth.ts', AUTH), addedFile('src/audit.ts', AUDIT)]).updatesRun();
    await openPullRequest(github);
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([]);
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:3']);
    expect(github.completion.output.summary).not.toContain('### Imported modules');
  });
});

describe('when the head tarball is downloaded anyway', () => {
  test('the helper module comes from it: no tree listing and no blob request', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const other = modified('src/echo.ts', 'export const echo = (text: string) => text;\n');
    const tree = { 'package.json': '{"type":"module"}\n', 'src/auth.ts': AUTH, 'src/audit.ts': AUDIT, 'src/echo.ts': other.content as string };
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files([auth, other].map(({ content: _content, ...listed }) => listed)).tarball(HEAD_SHA, tree).updatesRun();
    await openPullRequest(github, { repositorySizeKb: 40 });
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`tarball/${HEAD_SHA}`]);
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:3']);
    expect(github.completion.output.summary).toContain('Read 1 module (');
  });

  test('a module the tarball did not keep (over its byte allowance) is fetched by blob after one tree listing', async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    const other = modified('src/echo.ts', 'export const echo = (text: string) => text;\n');
    // A larger source file earlier in the archive takes the allowance (the tarball keeps files in archive order).
    const filler = `export const table = ${JSON.stringify('x'.repeat(400))};\n`;
    const tree = { 'src/a-filler.ts': filler, 'src/auth.ts': AUTH, 'src/audit.ts': AUDIT, 'src/echo.ts': other.content as string };
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).files([auth, other].map(({ content: _content, ...listed }) => listed)).tarball(HEAD_SHA, tree).tree(HEAD_SHA, tree).blob(sha(AUDIT), AUDIT).updatesRun();
    await openPullRequest(github, { repositorySizeKb: 40, env: { ANALYSIS_IMPORTED_BYTES: '500' } });
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`tarball/${HEAD_SHA}`, `git/trees/${HEAD_SHA}`, `git/blobs/${sha(AUDIT)}`]);
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:3']);
  });
});

describe('import graphs that must not hang or crash', () => {
  test('a cycle through unchanged modules and a missing module: each module is read once, the missing one never asked for', async () => {
    const a = "import { b } from './b.js';\nimport { gone } from './missing.js';\nexport const a = () => b() + gone;\n";
    const b = "import { a } from './a.js';\nimport { c } from './c';\nexport const b = () => c(a);\n";
    const c = "import { b } from './b.js';\nexport const c = (f: unknown) => String(f) + b;\n";
    const changed = modified('src/a.ts', a, 3);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([changed]).tree(HEAD_SHA, { 'src/a.ts': a, 'src/b.ts': b, 'src/c.ts': c }).blob(sha(b), b).blob(sha(c), c).updatesRun();
    await openPullRequest(github);
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`git/blobs/${changed.sha}`, `git/trees/${HEAD_SHA}`, `git/blobs/${sha(b)}`, `git/blobs/${sha(c)}`]);
    expect(github.completion.conclusion).toBe('success');
    expect(github.completion.output.summary).toContain('Read 2 modules (');
  });

  test('the module bound counts modules across the files of the pull request', async () => {
    // Two changed files import three different unchanged modules; a bound of 2 reads two of them.
    const helpers = ['one', 'two', 'three'].map((name) => ({ path: `src/${name}.ts`, text: `export const ${name} = '${name}';\n` }));
    const first = modified('src/first.ts', "import { one } from './one.js';\nimport { two } from './two.js';\nexport const first = one + two;\n");
    const second = modified('src/second.ts', "import { three } from './three.js';\nexport const second = three;\n");
    const tree = Object.fromEntries([...helpers.map((helper) => [helper.path, helper.text]), ['src/first.ts', first.content], ['src/second.ts', second.content]]);
    const github = new GitHubMock().installationToken().startsAnalysis(HEAD_SHA).changedFiles([first, second]).tree(HEAD_SHA, tree).blob(sha(helpers[0]!.text), helpers[0]!.text).blob(sha(helpers[1]!.text), helpers[1]!.text).updatesRun();
    await openPullRequest(github, { env: { ANALYSIS_IMPORTED_MODULES: '2' } });
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github).filter((call) => call.startsWith('git/'))).toHaveLength(5);
    expect(github.completion.output.summary).toContain('Read 2 modules (');
    expect(github.completion.output.summary).toMatch(/1 more imported module was not read: the limit of 2 imported modules per pull request \(`ANALYSIS_IMPORTED_MODULES`\) was reached/);
  });
});

describe('the queue workers take the same path', () => {
  test("a worker's run processor reads the helper module and reports at the changed file's call", async () => {
    const auth = modified('src/auth.ts', AUTH, 3);
    // The worker is handed an installation client; no token request is made here.
    const github = new GitHubMock().startsAnalysis(HEAD_SHA).changedFiles([auth]).tree(HEAD_SHA, { 'src/auth.ts': AUTH, 'src/audit.ts': AUDIT }).blob(sha(AUDIT), AUDIT).updatesRun();
    const octokit = new ProbotOctokit({ auth: { token: 'ghs_test' }, retry: { enabled: false }, throttle: { enabled: false } });
    const processor = createRunProcessor({
      auth: async () => octokit as never,
      backend: createInProcessBackend(),
      appId: 123,
      configCacheMs: 0,
      importedModules: { maxModules: 5, maxBytes: 64 * 1024 },
      metrics: new GuardMetrics(),
      log: pino({ level: 'silent' }),
    });
    const runs: number[] = [];
    await processor.process({ target: { installationId: INSTALLATION_ID, owner: OWNER, repo: REPO, pullNumber: PULL_NUMBER, headSha: HEAD_SHA }, mode: 'event' }, async (id) => void runs.push(id));
    expect(runs).toEqual([CHECK_RUN_ID]);
    expect(nock.pendingMocks()).toEqual([]);
    expect(contentCalls(github)).toEqual([`git/blobs/${auth.sha}`, `git/trees/${HEAD_SHA}`, `git/blobs/${sha(AUDIT)}`]);
    expect(github.annotations.map((annotation) => `${annotation.path}:${annotation.start_line}`)).toEqual(['src/auth.ts:3']);
  });
});
