/**
 * Events that race: two deliveries for one commit, and a push that lands while the previous
 * commit is still being analysed. One run and one analysis per commit; an older commit's result
 * never lands on the newer commit's run, and never poses as the pull request's latest result.
 */
import nock from 'nock';
import { analyzeInProcess } from '../../src/app/analyze.js';
import type { AnalyzeFiles } from '../../src/app/job.js';
import { addedFile, CHECK_RUN_ID, gitHubForFirstRun, GitHubMock, HEAD_SHA, loadGuard, NEWER_SHA, receivePullRequest } from './github-mock.js';

const LOGGING_CALLBACK = `import { OAuth2Client } from 'google-auth-library';
const oauth = new OAuth2Client();
export async function finishLogin(code: string, codeVerifier: string) {
  const { tokens } = await oauth.getToken({ code, codeVerifier });
  console.log('tokens', tokens.access_token);
}
`;
const ECHO_TOOL = `export const echo = (text: string) => text;\n`;

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});
afterAll(() => nock.enableNetConnect());

describe('racing events', () => {
  it('opened and synchronize for one commit, delivered together: one check run and one analysis', async () => {
    const analysed: string[][] = [];
    const { probot } = await loadGuard({
      analyze: async (files, config) => {
        analysed.push(files.map((file) => file.path));
        return analyzeInProcess(files, config);
      },
    });
    const github = gitHubForFirstRun([addedFile('src/echo.ts', ECHO_TOOL)]);

    await Promise.all([receivePullRequest(probot, 'opened', {}, 'opened-1'), receivePullRequest(probot, 'synchronize', {}, 'synchronize-1')]);

    expect(analysed).toEqual([['src/echo.ts']]);
    expect(github.creates).toHaveLength(1);
    expect(github.completion.conclusion).toBe('success');
  });

  it('a push during the analysis of the previous commit: the older run concludes cancelled and the newer run keeps its own result', async () => {
    let releaseOlder!: () => void;
    const olderMayFinish = new Promise<void>((resolve) => (releaseOlder = resolve));
    let olderStarted!: () => void;
    const olderIsAnalysing = new Promise<void>((resolve) => (olderStarted = resolve));
    const analyze: AnalyzeFiles = async (files, config) => {
      if (files.some((file) => file.path === 'src/login.ts')) {
        olderStarted();
        await olderMayFinish;
      }
      return analyzeInProcess(files, config);
    };
    const { probot } = await loadGuard({ analyze });
    const github = new GitHubMock()
      // The older commit: a token written to the console (its own result would be a failure).
      .installationToken()
      .startsAnalysis(HEAD_SHA)
      .changedFiles([addedFile('src/login.ts', LOGGING_CALLBACK)])
      // The newer commit replaced it with a clean file.
      .startsAnalysis(NEWER_SHA)
      .changedFiles([addedFile('src/echo.ts', ECHO_TOOL)])
      .updatesRun(CHECK_RUN_ID + 1)
      .updatesRun(CHECK_RUN_ID);

    const older = receivePullRequest(probot, 'opened', { headSha: HEAD_SHA, updatedAt: '2019-05-15T15:20:33Z' }, 'opened-older');
    await olderIsAnalysing;
    await receivePullRequest(probot, 'synchronize', { headSha: NEWER_SHA, updatedAt: '2019-05-15T15:21:00Z' }, 'synchronize-newer');
    releaseOlder();
    await older;

    const completions = github.acceptedUpdates.filter((update) => update.body.status === 'completed');
    expect(completions.map((update) => update.path.split('/').at(-1))).toEqual([String(CHECK_RUN_ID + 1), String(CHECK_RUN_ID)]);
    const [newer, olderRun] = completions.map((update) => update.body);
    expect(newer).toMatchObject({ conclusion: 'success' });
    expect(olderRun).toMatchObject({ conclusion: 'cancelled' });
    expect(olderRun!.output.summary).toContain(NEWER_SHA);
    expect(olderRun!.output.annotations ?? []).toEqual([]);
  });

  it('answering the webhook early (answerWithinMs) still completes the run once, and a redelivery meanwhile starts nothing', async () => {
    let release!: () => void;
    const analysisMayFinish = new Promise<void>((resolve) => (release = resolve));
    let analyses = 0;
    const { probot } = await loadGuard({
      answerWithinMs: 1000,
      analyze: async (files, config) => {
        analyses++;
        await analysisMayFinish;
        return analyzeInProcess(files, config);
      },
    });
    const github = gitHubForFirstRun([addedFile('src/echo.ts', ECHO_TOOL)]);

    await receivePullRequest(probot, 'opened', {}, 'early-answer');
    // Answered while the analysis waits; the run is open.
    expect(github.creates).toHaveLength(1);
    expect(github.updates).toHaveLength(0);
    await receivePullRequest(probot, 'opened', {}, 'early-answer');

    release();
    const deadline = Date.now() + 10_000;
    while (github.updates.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(github.completion.conclusion).toBe('success');
    expect(analyses).toBe(1);
    expect(github.creates).toHaveLength(1);
  });
});
