/**
 * The app behind Probot's real HTTP server: the health route, signature checks, events it does
 * not handle, and a handler that outlives Probot's 9-second answer. GitHub is nock'd; webhooks
 * arrive over HTTP on loopback, signed as GitHub signs them.
 */
import { createServer } from 'node:net';
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import pino from 'pino';
import { Probot, ProbotOctokit, Server } from 'probot';
import { createGuardApp, assertProductionSecrets } from '../../src/app/index.js';
import { analyzeInProcess } from '../../src/app/analyze.js';
import { APP_ID, GitHubMock, HEAD_SHA, PRIVATE_KEY, pullRequestPayload } from './github-mock.js';

const SECRET = 'webhook-secret-for-tests-7f3a';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

let server: Server;
let base: string;
const logs: string[] = [];
let analyzeDelayMs = 0;

beforeAll(async () => {
  nock.disableNetConnect();
  nock.enableNetConnect('127.0.0.1');
  const port = await freePort();
  const log = pino({ level: 'debug' }, { write: (line: string) => void logs.push(line) });
  server = new Server({
    host: '127.0.0.1',
    port,
    log,
    Probot: Probot.defaults({
      appId: APP_ID,
      privateKey: PRIVATE_KEY,
      secret: SECRET,
      log,
      Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    }),
  });
  await server.load(
    createGuardApp({
      appId: APP_ID,
      env: {},
      analyze: async (files, config) => {
        if (analyzeDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, analyzeDelayMs));
        return analyzeInProcess(files, config);
      },
    }),
  );
  await server.start();
  base = `http://127.0.0.1:${port}`;
});

afterEach(() => {
  const pending = nock.pendingMocks();
  nock.cleanAll();
  expect(pending).toEqual([]);
});

afterAll(async () => {
  await server.stop();
  nock.enableNetConnect();
});

async function deliver(name: string, body: string, signature?: string): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-github-event': name, 'x-github-delivery': `delivery-${Math.random().toString(16).slice(2)}` };
  if (signature !== undefined) headers['x-hub-signature-256'] = signature;
  return fetch(`${base}/api/github/webhooks`, { method: 'POST', headers, body });
}

describe('health route', () => {
  it('answers 200 with JSON for load balancers and the HEALTHCHECK', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(await response.json()).toMatchObject({ status: 'ok', name: 'mcp-oauth-guard', activeRuns: 0 });
  });
});

describe('webhook surface', () => {
  it('rejects a missing or wrong signature before any work', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));
    const unsigned = await deliver('pull_request', body);
    const wrong = await deliver('pull_request', body, await sign('not-the-secret', body));
    expect([400, 401]).toContain(unsigned.status);
    expect([400, 401]).toContain(wrong.status);
    // No GitHub call was mocked and net connect is off: any work would have failed loudly.
  });

  it('accepts and ignores an event the app does not handle', async () => {
    const body = JSON.stringify({ action: 'created', starred_at: null, repository: pullRequestPayload('opened').repository, sender: { login: 'octocat' } });
    const response = await deliver('star', body, await sign(SECRET, body));
    expect(response.status).toBe(200);
  });

  it('answers a malformed payload with a 4xx and logs no secret', async () => {
    const body = '{"action": "opened", "pull_request": ';
    const response = await deliver('pull_request', body, await sign(SECRET, body));
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(logs.join('')).not.toContain(SECRET);
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
      const response = await deliver('pull_request', body, await sign(SECRET, body));
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
