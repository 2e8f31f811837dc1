/**
 * Audit #10: a job held every file of its PR at once (1,000 modified 1 MB files: 2.07 GB RSS)
 * and the in-process executor ran any number of jobs at once. Jobs analyse in batches bounded
 * by bytes, and the executor runs a bounded number of jobs.
 */
import nock from 'nock';
import pino from 'pino';
import { ProbotOctokit } from 'probot';
import { GitHubClient } from '../../src/app/github/client.js';
import { PullRequestHeads } from '../../src/app/heads.js';
import { InProcessExecutor, runAnalysisJob, type AnalysisJob } from '../../src/app/job.js';
import { analyzeInProcess } from '../../src/app/analyze.js';
import type { InputFile } from '../../src/analyzer/types.js';
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
  // A batch is analysed once it reaches the budget: it can exceed it by at most one fetch window (8 files here).
  for (const bytes of batches) expect(bytes).toBeLessThan(maxJobInputBytes + 8 * 2 * leak(0).length);
  expect(github.completion.output.summary).toContain('Analysed 40 files.');
  // Every file's finding survives the batching.
  expect(new Set(github.annotations.map((annotation) => annotation.path)).size).toBe(40);
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
