/**
 * Audit #10: a job held every file of its PR at once (1,000 modified 1 MB files: 2.07 GB RSS)
 * and the in-process executor ran any number of jobs at once. Jobs analyse in batches bounded
 * by bytes, fetch only a few files ahead of the batch they fill, keep at most half the budget
 * from a tarball, and the executor runs a bounded number of jobs.
 */
import nock from 'nock';
import pino from 'pino';
import { ProbotOctokit } from 'probot';
import { GitHubClient } from '../../src/app/github/client.js';
import { PullRequestHeads } from '../../src/app/heads.js';
import { consumeInOrder } from '../../src/app/files.js';
import { InProcessExecutor, runAnalysisJob, type AnalysisJob } from '../../src/app/job.js';
import { analyzeInProcess } from '../../src/app/analyze.js';
import type { InputFile } from '../../src/analyzer/types.js';
import { gitBlobSha } from '../../src/git-object-id.js';
import { blobSha, CHECK_RUN_ID, GitHubMock, HEAD_SHA, INSTALLATION_ID, NO_RETRIES, OWNER, PULL_NUMBER, REPO } from '../app/github-mock.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

const JOB: AnalysisJob = { installationId: INSTALLATION_ID, owner: OWNER, repo: REPO, pullNumber: PULL_NUMBER, headSha: HEAD_SHA, checkRunId: CHECK_RUN_ID, trigger: 'pull_request' };

test('a job never holds more file text than its byte budget before analysing it', async () => {
  const leak = (index: number) => `export function onTokens${index}(tokens: { access_token: string }) {\n  console.log("token", tokens.access_token);\n}\n// ${'x'.repeat(20_000)}\n`;
  const files = Array.from({ length: 40 }, (_, index) => ({ filename: `src/tool-${index}.ts`, status: 'modified' as const, sha: blobSha(`file-${index}`), changes: 2, patch: '@@ -1,3 +1,3 @@\n-a\n-b\n-c\n+x\n+y\n+z', content: leak(index) }));
  const github = new GitHubMock().noConfig().changedFiles(files).updatesRun();
  const batches: number[] = [];
  const analyze = async (inputs: InputFile[], config: Parameters<typeof analyzeInProcess>[1]) => {
    batches.push(inputs.reduce((sum, input) => sum + input.text.length * 2, 0));
    return analyzeInProcess(inputs, config);
  };
  const client = new GitHubClient(new ProbotOctokit({ auth: { token: 'ghs_test' }, ...NO_RETRIES }) as never, { owner: OWNER, repo: REPO });
  const maxJobInputBytes = 200_000;
  const outcome = await runAnalysisJob(JOB, { github: async () => client, analyze, heads: new PullRequestHeads(), ruleHelp: {}, log: pino({ level: 'silent' }), now: Date.now, maxJobInputBytes, blobConcurrency: 2 });
  expect(outcome.conclusion).toBe('failure');
  expect(batches.length).toBeGreaterThan(1);
  // A batch is analysed as soon as it reaches the budget: it exceeds it by less than one file.
  for (const bytes of batches) expect(bytes).toBeLessThan(maxJobInputBytes + 2 * leak(39).length);
  expect(github.completion.output.summary).toContain('Analysed 40 files.');
  // Every file's finding survives the batching.
  expect(new Set(github.annotations.map((annotation) => annotation.path)).size).toBe(40);
});

test("a tarball's files count against the budget: it keeps half of it, and the rest are fetched as blobs", async () => {
  // A repository GitHub reports as small makes the job read one tarball, however large the files it holds.
  const text = (index: number) => `export function onTokens${index}(tokens: { access_token: string }) {\n  console.log("token", tokens.access_token);\n}\n// ${'y'.repeat(20_000)}\n`;
  const paths = Array.from({ length: 40 }, (_, index) => `src/tool-${String(index).padStart(2, '0')}.ts`);
  const listed = paths.map((filename, index) => ({ filename, status: 'modified' as const, sha: gitBlobSha(Buffer.from(text(index))), changes: 2, patch: '@@ -1,3 +1,3 @@\n-a\n-b\n-c\n+x\n+y\n+z' }));
  const maxJobInputBytes = 200_000;
  // The tarball keeps files until it holds half the budget in bytes: the first five (5 × ~20 KB ≥ 100 KB), in path order.
  const keptFromTarball = 5;
  const github = new GitHubMock().noConfig().files(listed).tarball(HEAD_SHA, Object.fromEntries(paths.map((path, index) => [path, text(index)])));
  // Only the files past the tarball's share have a blob: a job that kept more would leave these unrequested (afterEach).
  for (const [index, file] of listed.entries()) if (index >= keptFromTarball) github.blob(file.sha, text(index));
  github.updatesRun();
  const batches: number[] = [];
  const analyze = async (inputs: InputFile[], config: Parameters<typeof analyzeInProcess>[1]) => {
    batches.push(inputs.reduce((sum, input) => sum + input.text.length * 2, 0));
    return analyzeInProcess(inputs, config);
  };
  const client = new GitHubClient(new ProbotOctokit({ auth: { token: 'ghs_test' }, ...NO_RETRIES }) as never, { owner: OWNER, repo: REPO });
  const outcome = await runAnalysisJob({ ...JOB, repositorySizeKb: 40 }, { github: async () => client, analyze, heads: new PullRequestHeads(), ruleHelp: {}, log: pino({ level: 'silent' }), now: Date.now, maxJobInputBytes, blobConcurrency: 2 });
  expect(outcome.conclusion).toBe('failure');
  for (const bytes of batches) expect(bytes).toBeLessThan(maxJobInputBytes + 2 * text(39).length);
  expect(github.completion.output.summary).toContain('Analysed 40 files.');
  expect(new Set(github.annotations.map((annotation) => annotation.path)).size).toBe(40);
});

test('consumeInOrder keeps at most its concurrency of fetched files ahead of the consumer, and hands them over in order', async () => {
  let fetchesStarted = 0;
  let consumed = 0;
  let mostAhead = 0;
  const order: number[] = [];
  const items = Array.from({ length: 30 }, (_, index) => index);
  const finished = await consumeInOrder(
    items,
    4,
    async (item) => {
      fetchesStarted++;
      // Later items finish first, so order must come from the helper, not from the fetches.
      for (let turn = 0; turn < (item % 3 === 0 ? 3 : 0); turn++) await new Promise((resolve) => setImmediate(resolve));
      return item;
    },
    async (item) => {
      mostAhead = Math.max(mostAhead, fetchesStarted - consumed);
      // A slow consumer (a batch being analysed): the fetches must wait for it, not pile up.
      for (let turn = 0; turn < 5; turn++) await new Promise((resolve) => setImmediate(resolve));
      order.push(item);
      consumed++;
      return true;
    },
  );
  expect(finished).toBe(true);
  expect(order).toEqual(items);
  expect(fetchesStarted).toBe(30);
  expect(mostAhead).toBe(4);
});

test('consumeInOrder stops when the consumer says so, and starts no fetch past its window', async () => {
  const fetched: number[] = [];
  const finished = await consumeInOrder(
    Array.from({ length: 100 }, (_, index) => index),
    3,
    async (item) => {
      fetched.push(item);
      return item;
    },
    (item) => item < 9,
  );
  expect(finished).toBe(false);
  // Items 0–9 consumed (9 said stop), and at most two more already started.
  expect(Math.max(...fetched)).toBeLessThanOrEqual(11);
});

test('the in-process executor runs at most its concurrency of jobs at once, in order', async () => {
  let running = 0;
  let peak = 0;
  const order: number[] = [];
  const executor = new InProcessExecutor(async (job) => {
    running++;
    peak = Math.max(peak, running);
    await new Promise((resolve) => setTimeout(resolve, 20));
    order.push(job.pullNumber);
    running--;
  }, 2);
  await Promise.all(Array.from({ length: 6 }, (_, index) => executor.submit({ ...JOB, pullNumber: index })));
  expect(peak).toBe(2);
  expect(order.sort()).toEqual([0, 1, 2, 3, 4, 5]);
});
