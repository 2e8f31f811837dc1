/**
 * The app behind Probot's real HTTP server: the health route, signature checks, events it does
 * not handle, and a handler that outlives Probot's 9-second answer. GitHub is nock'd; webhooks
 * arrive over HTTP on loopback, signed as GitHub signs them.
 */
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import pino from 'pino';
import { Probot } from 'probot';
import { createGuardApp, assertProductionSecrets } from '../../src/app/index.js';
import { analyzeInProcess } from '../../src/app/analyze.js';
import { startGuardServer, type GuardServer } from '../helpers/app-server.js';
import { APP_ID, GitHubMock, HEAD_SHA, PRIVATE_KEY, pullRequestPayload } from './github-mock.js';

const SECRET = 'webhook-secret-for-tests-7f3a';

let app: GuardServer;
let analyzeDelayMs = 0;

beforeAll(async () => {
  app = await startGuardServer(SECRET, {
    analyze: async (files, config) => {
      if (analyzeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, analyzeDelayMs));
      return analyzeInProcess(files, config);
    },
  });
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(async () => {
  await app.stop();
});

describe('health route', () => {
  it('answers 200 with JSON for load balancers and the HEALTHCHECK', async () => {
    const response = await fetch(`${app.base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok', name: 'mcp-oauth-guard', activeRuns: 0 });
  });
});

describe('webhook surface', () => {
  it('rejects a missing or wrong signature before any work', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));
    const unsigned = await app.deliver('pull_request', body);
    const wrong = await app.deliver('pull_request', body, await sign('not-the-secret', body));
    expect([400, 401]).toContain(unsigned.status);
    expect([400, 401]).toContain(wrong.status);
    // No GitHub call was mocked and net connect is off: any work would have failed loudly.
  });

  it('accepts and ignores an event the app does not handle', async () => {
    const body = JSON.stringify({ action: 'created', starred_at: null, repository: pullRequestPayload('opened').repository, sender: { login: 'octocat' } });
    const response = await app.deliverSigned('star', body);
    expect(response.status).toBe(200);
  });

  it('answers a malformed payload with a 4xx and logs no secret', async () => {
    const body = '{"action": "opened", "pull_request": ';
    const response = await app.deliverSigned('pull_request', body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(app.logs.join('')).not.toContain(SECRET);
  });

  it('completes the run after Probot has answered 202 at 9 seconds', async () => {
    analyzeDelayMs = 9_500;
    try {
      const github = new GitHubMock()
        .installationToken()
        .existingRuns(HEAD_SHA)
        .createsRun()
        .noConfig()
        .files([{ filename: 'src/echo.ts', status: 'added', sha: 'a'.repeat(40), patch: '@@ -0,0 +1 @@\n+export const echo = 1;', changes: 1 }])
        .blob('a'.repeat(40), 'export const echo = 1;\n')
        .updatesRun();
      const body = JSON.stringify(pullRequestPayload('opened'));
      const response = await app.deliverSigned('pull_request', body);
      expect(response.status).toBe(202);
      const deadline = Date.now() + 10_000;
      while (github.updates.length === 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(github.completion.conclusion).toBe('success');
    } finally {
      analyzeDelayMs = 0;
    }
  }, 30_000);
});

describe('production secrets', () => {
  it('refuses to run in production without WEBHOOK_SECRET, with a message that says what to set', () => {
    expect(() => assertProductionSecrets({ NODE_ENV: 'production' })).toThrow(/WEBHOOK_SECRET is not set/);
    expect(() => assertProductionSecrets({ NODE_ENV: 'production', WEBHOOK_SECRET: 's' })).not.toThrow();
    expect(() => assertProductionSecrets({ NODE_ENV: 'development' })).not.toThrow();
  });

  it('the app function itself refuses, so `probot run` cannot start without it either', async () => {
    const probot = new Probot({ appId: APP_ID, privateKey: PRIVATE_KEY, log: pino({ level: 'silent' }) });
    await expect(probot.load(createGuardApp({ env: { NODE_ENV: 'production' } }))).rejects.toThrow(/WEBHOOK_SECRET/);
  });
});
