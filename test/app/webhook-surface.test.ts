/**
 * What reaches the webhook server but must not start work: unsigned or wrongly signed
 * deliveries, events and actions the app does not handle, payloads that are not JSON. Each is
 * answered at once, nothing is analysed, and GitHub is never called (every request the app
 * tries is recorded, whether or not a mock exists). Plus the health route.
 */
import { sign } from '@octokit/webhooks-methods';
import nock from 'nock';
import { analyzeInProcess } from '../../src/app/analyze.js';
import { startGuardServer, type GuardServer } from '../helpers/app-server.js';
import { pullRequestPayload } from './github-mock.js';

const SECRET = 'surface-secret-5b1e9c0d7a';

let app: GuardServer;
const attemptedGitHubRequests: string[] = [];
let analyses = 0;
/** nock reports every request it has no mock for; our own loopback calls to the server pass through. */
const recordUnmatched = (request: { method?: string; path?: string; href?: string; host?: string; hostname?: string }) => {
  const target = request.href ?? `${request.hostname ?? request.host ?? ''}${request.path ?? ''}`;
  if (!/^(?:https?:\/\/)?127\.0\.0\.1[:/]/.test(target)) attemptedGitHubRequests.push(`${request.method} ${target}`);
};

beforeAll(async () => {
  nock.emitter.on('no match', recordUnmatched);
  app = await startGuardServer(SECRET, {
    analyze: async (files, config) => {
      analyses++;
      return analyzeInProcess(files, config);
    },
  });
});

beforeEach(() => {
  app.logs.length = 0;
  attemptedGitHubRequests.length = 0;
  analyses = 0;
});

afterEach(async () => {
  // Let any handler that (wrongly) started reach GitHub before checking that none did.
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(attemptedGitHubRequests).toEqual([]);
  expect(analyses).toBe(0);
  expect(app.logs.join('')).not.toContain(SECRET);
});

afterAll(async () => {
  nock.emitter.removeListener('no match', recordUnmatched);
  await app.stop();
});

describe('deliveries that start no work', () => {
  it('a pull_request.opened without a signature is refused with 400', async () => {
    const response = await app.deliver('pull_request', JSON.stringify(pullRequestPayload('opened')));
    expect(response.status).toBe(400);
  });

  it('a pull_request.opened signed with another secret is refused (400/401)', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));
    const response = await app.deliver('pull_request', body, await sign('an-attackers-guess', body));
    expect([400, 401]).toContain(response.status);
  });

  it('a signature over a different body is refused: the payload was altered in transit', async () => {
    const body = JSON.stringify(pullRequestPayload('opened'));
    const signature = await sign(SECRET, body);
    const altered = body.replace('"Codertocat"', '"Mallory"');
    const response = await app.deliver('pull_request', altered, signature);
    expect([400, 401]).toContain(response.status);
  });

  it.each(['closed', 'labeled', 'edited', 'assigned'])('a signed pull_request.%s is accepted and ignored', async (action) => {
    const payload = pullRequestPayload('opened');
    payload.action = action;
    const body = JSON.stringify(payload);
    const response = await app.deliverSigned('pull_request', body);
    expect(response.status).toBe(200);
  });

  it('a signed event the app does not subscribe to is accepted and ignored', async () => {
    const body = JSON.stringify({ action: 'published', release: { id: 1, tag_name: 'v1.0.0' }, repository: pullRequestPayload('opened').repository, installation: { id: 1 } });
    const response = await app.deliverSigned('release', body);
    expect(response.status).toBe(200);
  });

  it('a signed body that is not JSON gets a 4xx and a log line that carries no secret', async () => {
    const body = '{"action": "opened", "pull_request": {"head": ';
    const response = await app.deliverSigned('pull_request', body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(app.logs.length).toBeGreaterThan(0);
    expect(app.logs.join('')).toMatch(/error|invalid|json/i);
  });
});

describe('health route', () => {
  it('answers GET and HEAD with 200 and no repository data, without touching GitHub', async () => {
    const get = await fetch(`${app.base}/healthz`);
    expect(get.status).toBe(200);
    const body = (await get.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['activeRuns', 'name', 'status', 'uptimeSeconds', 'version']);
    expect(body.status).toBe('ok');
    const head = await fetch(`${app.base}/healthz`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
