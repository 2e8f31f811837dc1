/**
 * The log stream of a full run, at debug level, carries no secret and no code: a signed webhook
 * over HTTP, the installation token, analysis in the worker pool (the production path), a blob
 * GitHub fails to serve, findings. The logger is plain pino without redaction, so what is kept
 * out is kept out by the app, not blanked afterwards.
 */
import { createServer } from 'node:net';
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import pino from 'pino';
import { Probot, ProbotOctokit, Server } from 'probot';
import { createGuardApp, type GuardApp } from '../../src/app/index.js';
import { addedFilePatch, APP_ID, blobSha, GitHubMock, HEAD_SHA, INSTALLATION_TOKEN, PRIVATE_KEY, pullRequestPayload } from '../app/github-mock.js';

const WEBHOOK_SECRET = 'whsec-9f81c2e7d45a4b0c8e1f';
/** A distinctive line of code that must not reach the logs, verbatim or encoded. */
const SECRET_LOOKING_LINE = "const clientSecret = process.env.STRIPE_OAUTH_CLIENT_SECRET ?? 'sk_live_51HxQ2bKZf0';";
const SOURCE = `import express from 'express';
${SECRET_LOOKING_LINE}
const app = express();
app.get('/callback', async (req, res) => {
  const response = await fetch('https://connect.stripe.com/oauth/token', { method: 'POST', body: new URLSearchParams({ code: String(req.query.code), client_secret: clientSecret, grant_type: 'authorization_code' }) });
  const tokens = await response.json();
  console.log('stripe tokens', tokens.access_token, tokens.refresh_token);
  res.send('ok');
});
`;

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
let guard: GuardApp;
let webhookUrl: string;
const logs: string[] = [];

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
      secret: WEBHOOK_SECRET,
      log,
      Octokit: ProbotOctokit.defaults((options: Record<string, unknown>) => ({ ...options, retry: { enabled: false }, throttle: { enabled: false } })),
    }),
  });
  guard = createGuardApp({ appId: APP_ID, env: {}, analysis: 'worker-pool', pool: { threads: 1 } });
  await server.load(guard);
  await server.start();
  webhookUrl = `http://127.0.0.1:${port}/api/github/webhooks`;
});

afterAll(async () => {
  await server.stop();
  await guard.close();
  nock.cleanAll();
  nock.enableNetConnect();
});

/** The PEM body's lines (64 base64 characters each); any one of them in a log is a leak. */
function privateKeyLines(): string[] {
  return PRIVATE_KEY.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----'));
}

describe('secrets in the logs', () => {
  it('a full run through the worker pool at debug level logs no token, key, webhook secret or file content', async () => {
    const good = blobSha('stripe-callback');
    const failing = blobSha('unreadable');
    const github = new GitHubMock()
      .installationToken()
      .existingRuns(HEAD_SHA)
      .createsRun()
      .noConfig()
      .files([
        { filename: 'src/stripe-callback.ts', status: 'added', sha: good, patch: addedFilePatch(SOURCE.trimEnd()), changes: 10 },
        { filename: 'src/unreadable.ts', status: 'added', sha: failing, patch: '@@ -0,0 +1 @@\n+export {};', changes: 1 },
      ])
      .blob(good, SOURCE)
      .blobFails(failing, 500)
      .updatesRun();

    const body = JSON.stringify(pullRequestPayload('opened'));
    const response = await fetch(webhookUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': 'secrets-run', 'x-hub-signature-256': await sign(WEBHOOK_SECRET, body) },
      body,
    });
    expect(response.status).toBe(200);
    expect(nock.pendingMocks()).toEqual([]);
    // The run happened, with findings and an error path, so the logs had things to leak.
    expect(github.completion.conclusion).toBe('failure');
    expect(github.annotations.length).toBeGreaterThan(0);

    const text = logs.join('');
    expect(text).toContain('analysis backend ready');
    expect(text).toContain('worker-pool');
    expect(text).toContain('check run completed');
    expect(text).toMatch(/debug|"level":20/);
    expect(text).not.toContain(INSTALLATION_TOKEN);
    expect(text).not.toContain(WEBHOOK_SECRET);
    for (const line of privateKeyLines()) expect(text).not.toContain(line);
    expect(text).not.toContain('STRIPE_OAUTH_CLIENT_SECRET');
    expect(text).not.toContain('sk_live_51HxQ2bKZf0');
    expect(text).not.toContain("console.log('stripe tokens'");
    const encoded = Buffer.from(SOURCE).toString('base64');
    for (let offset = 0; offset + 40 <= encoded.length; offset += 200) expect(text).not.toContain(encoded.slice(offset, offset + 40));
  }, 60_000);
});
