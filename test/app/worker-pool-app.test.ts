/**
 * The production wiring: what `probot run ./lib/app/index.js` loads analyses in worker threads
 * with per-file and per-PR budgets; a file over its budget is skipped and named, and the run
 * still completes.
 */
import nock from 'nock';
import pino from 'pino';
import { Probot } from 'probot';
import { workerPoolSettingsFromEnv } from '../../src/app/analysis-backend.js';
import guardApp from '../../src/app/index.js';
import { addedFile, APP_ID, blobSha, gitHubForFirstRun, loadGuard, PRIVATE_KEY, receivePullRequest, type TestApp } from './github-mock.js';

const ECHO_TOOL = `export const echo = (text: string) => text;\n`;

beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

/** The app a test loaded; closed after each test, which must also have used every mock it set up. */
let app: TestApp | undefined;
afterEach(async () => {
  await app?.guard.close();
  app = undefined;
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

describe('the default export', () => {
  it('analyses through the worker pool, and close() stops it', async () => {
    const logs: string[] = [];
    const probot = new Probot({ appId: APP_ID, privateKey: PRIVATE_KEY, log: pino({ level: 'info' }, { write: (line: string) => void logs.push(line) }) });
    // The embedded mode: `.ci/run` exports REDIS_URL for the queue tests, which would load queue mode.
    const redisUrl = process.env.REDIS_URL;
    delete process.env.REDIS_URL;
    try {
      await probot.load(guardApp);
      expect(logs.map((line) => JSON.parse(line) as { msg: string; analysis?: string }).find((entry) => entry.msg === 'analysis backend ready')?.analysis).toBe('worker-pool');
    } finally {
      if (redisUrl !== undefined) process.env.REDIS_URL = redisUrl;
      await guardApp.close();
    }
  });
});

describe('worker pool settings', () => {
  it('come from the environment, sized to the cores by default', () => {
    const defaults = workerPoolSettingsFromEnv({});
    expect(defaults.threads).toBeGreaterThanOrEqual(1);
    expect(defaults).toMatchObject({ fileBudgetMs: 10_000, runBudgetMs: 120_000, workerHeapMb: 768 });
    expect(workerPoolSettingsFromEnv({ ANALYSIS_THREADS: '3', ANALYSIS_FILE_BUDGET_MS: '2500', ANALYSIS_RUN_BUDGET_MS: '60000' })).toMatchObject({ threads: 3, fileBudgetMs: 2500, runBudgetMs: 60_000 });
  });

  it('refuse a value that is not a positive integer, naming the variable', () => {
    expect(() => workerPoolSettingsFromEnv({ ANALYSIS_THREADS: 'all' })).toThrow("ANALYSIS_THREADS must be a positive integer, not 'all'");
    expect(() => workerPoolSettingsFromEnv({ ANALYSIS_FILE_BUDGET_MS: '-5' })).toThrow(/ANALYSIS_FILE_BUDGET_MS/);
  });
});

describe('a file over its time budget', () => {

  it('is skipped and named in the summary; the other files are analysed and the run completes', async () => {
    app = await loadGuard({ analysis: 'worker-pool', pool: { threads: 1, fileBudgetMs: 100, runBudgetMs: 60_000 } });
    // About 960 KB (under the 1 MB file limit) of generated client code: about a third of a second of analysis on an idle 2-core machine, over a 0.1 s budget
    // (a small tool file takes milliseconds; the analyzer got faster at this shape, so 0.3 s no longer sufficed).
    const generated = Array.from({ length: 5000 }, (_, i) => `export async function call${i}(client: { get(path: string, bearer: string): Promise<unknown> }, bearer: string) {\n  return client.get('/v1/items/${i}?expand=owner,labels,comments', bearer);\n}\n`).join('');
    const github = gitHubForFirstRun([
      { filename: 'src/generated/api-client.ts', status: 'added', sha: blobSha('generated'), changes: 12_000, content: generated },
      addedFile('src/echo.ts', ECHO_TOOL),
    ]);

    await receivePullRequest(app.probot, 'opened', {}, 'budget');

    const { conclusion, output } = github.completion;
    expect(output.summary).toContain('`src/generated/api-client.ts` was not analysed: skipped: analysis took longer than the 0.1 s per-file budget');
    expect(output.title).toBe('No OAuth problems found in 1 file; some files could not be analysed');
    // Fail closed: an unanalysed file may hide a finding (on_error defaults to failure).
    expect(conclusion).toBe('failure');
  }, 60_000);
});

describe('a graceful shutdown (SIGTERM) during an analysis', () => {

  it('ends the analysis, completes the run failing closed with the reason, and leaves nothing in progress', async () => {
    app = await loadGuard({ analysis: 'worker-pool', pool: { threads: 1, fileBudgetMs: 120_000, runBudgetMs: 240_000 } });
    // Seconds of analysis per file on one thread: the shutdown lands while they are queued or running.
    const generated = (seed: number) => Array.from({ length: 3000 }, (_, i) => `export async function call${seed}_${i}(client: { get(path: string, bearer: string): Promise<unknown> }, bearer: string) {\n  return client.get('/v1/items/${i}', bearer);\n}\n`).join('');
    const github = gitHubForFirstRun([
      { filename: 'src/generated/a.ts', status: 'modified', sha: blobSha('a'), patch: '@@ -1 +1 @@\n-x\n+y', changes: 2, content: generated(1) },
      { filename: 'src/generated/b.ts', status: 'modified', sha: blobSha('b'), patch: '@@ -1 +1 @@\n-x\n+y', changes: 2, content: generated(2) },
      { filename: 'src/generated/c.ts', status: 'modified', sha: blobSha('c'), patch: '@@ -1 +1 @@\n-x\n+y', changes: 2, content: generated(3) },
    ]);

    const delivery = receivePullRequest(app.probot, 'opened', {}, 'shutdown');
    while (github.creates.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    await app.guard.shutdown('the app was stopped (SIGTERM) before this file was analysed; re-run the check');
    await delivery;
    // Stopped before or while its files were fetched, the job asks for no more of them (audit #8).
    nock.cleanAll();

    const { conclusion, output } = github.completion;
    expect(conclusion).toBe('failure');
    expect(output.summary).toContain('the app was stopped (SIGTERM) before this file was analysed; re-run the check');
  }, 120_000);
});
