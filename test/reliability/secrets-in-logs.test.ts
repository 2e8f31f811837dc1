/**
 * The log stream of a full run, at debug level, carries no secret and no code: a signed webhook
 * over HTTP, the installation token, analysis in the worker pool (the production path), a blob
 * GitHub fails to serve, findings. The logger is plain pino without redaction, so what is kept
 * out is kept out by the app, not blanked afterwards.
 */
import nock from 'nock';
import { startGuardServer, type GuardServer } from '../helpers/app-server.js';
import { addedFile, gitHubForFirstRun, INSTALLATION_TOKEN, PRIVATE_KEY, pullRequestPayload } from '../app/github-mock.js';

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

let app: GuardServer;

beforeAll(async () => {
  app = await startGuardServer(WEBHOOK_SECRET, { analysis: 'worker-pool', pool: { threads: 1 } });
});

afterAll(async () => {
  await app.stop();
  nock.cleanAll();
});

/** The PEM body's lines (64 base64 characters each); any one of them in a log is a leak. */
function privateKeyLines(): string[] {
  return PRIVATE_KEY.split('\n').filter((line) => line.length > 0 && !line.startsWith('-----'));
}

describe('secrets in the logs', () => {
  it('a full run through the worker pool at debug level logs no token, key, webhook secret or file content', async () => {
    const github = gitHubForFirstRun([addedFile('src/stripe-callback.ts', SOURCE), { ...addedFile('src/unreadable.ts', 'export {};'), status: 'modified', blobStatus: 500 }]);

    const body = JSON.stringify(pullRequestPayload('opened'));
    const response = await app.deliverSigned('pull_request', body, 'secrets-run');
    expect(response.status).toBe(200);
    expect(nock.pendingMocks()).toEqual([]);
    // The run happened, with findings and an error path, so the logs had things to leak.
    expect(github.completion.conclusion).toBe('failure');
    expect(github.annotations.length).toBeGreaterThan(0);

    const text = app.logs.join('');
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
