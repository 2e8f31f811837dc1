/** Issue 10: the check run's summary carries the scope table (what `mcp-oauth-guard scopes` prints) when `broad-scope` reports. */
import { readFileSync } from 'node:fs';
import nock from 'nock';
import { addedFile, gitHubForFirstRun, loadGuard, receivePullRequest } from './github-mock.js';

const GMAIL = readFileSync('test/fixtures/broad-scope/google-gmail-tools-full-mailbox.ts', 'utf8');
const CLEAN = "import pino from 'pino';\nexport const log = pino();\n";

async function openPullRequest(files: Parameters<typeof gitHubForFirstRun>[0], analysis: 'in-process' | 'worker-pool') {
  const github = gitHubForFirstRun(files);
  const app = await loadGuard({ analysis, ...(analysis === 'worker-pool' ? { pool: { threads: 1 } } : {}) });
  try {
    await receivePullRequest(app.probot);
  } finally {
    await app.guard.close();
  }
  expect(nock.pendingMocks()).toEqual([]);
  return github.completion;
}

afterEach(() => nock.cleanAll());
beforeAll(() => nock.disableNetConnect());
afterAll(() => nock.enableNetConnect());

describe.each(['in-process', 'worker-pool'] as const)('the scope table in the summary (%s)', (analysis) => {
  test('a broad-scope finding comes with the table: requested against needed scopes and the calls behind them', async () => {
    const completion = await openPullRequest([addedFile('src/gmail.ts', GMAIL), addedFile('src/log.ts', CLEAN)], analysis);
    expect(completion.conclusion).toBe('failure');
    const summary: string = completion.output.summary;
    expect(summary).toContain('`broad-scope`');
    const section = summary.slice(summary.indexOf('### OAuth scopes'), summary.indexOf('### Files'));
    expect(section).toContain('**Google**');
    expect(section).toMatch(/\| `https:\/\/mail\.google\.com\/` \| narrow: request `gmail\.readonly` `gmail\.send` instead \|/);
    expect(section).toMatch(/gmail users\.messages\.send \(tools: [^)]*send_email/);
    expect(section).toContain('`src/gmail.ts`:');
  });

  test('without a broad-scope finding there is no table', async () => {
    const completion = await openPullRequest([addedFile('src/log.ts', CLEAN)], analysis);
    expect(completion.output.summary).not.toContain('### OAuth scopes');
  });
});
