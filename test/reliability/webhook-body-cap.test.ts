/**
 * Audit #1: unauthenticated POSTs were buffered whole before the signature check (one 600 MB
 * body took the app from 109 MB to 1.4 GB RSS), and a rejected body was logged three times at
 * error level. Bodies are capped at GitHub's 25 MB before buffering, signatures are checked
 * before Probot sees the delivery, and a refusal is one short log line without the payload.
 */
import { request } from 'node:http';
import { sign } from '@octokit/webhooks-methods';
import { startGuardServer, type GuardServer } from '../helpers/app-server.js';
import { MAX_WEBHOOK_BYTES } from '../../src/app/webhook-intake.js';
import { pullRequestPayload } from '../app/github-mock.js';

const SECRET = 'webhook-secret-for-body-cap-tests';
let app: GuardServer;

beforeAll(async () => {
  app = await startGuardServer(SECRET, { analyze: async () => ({ findings: [], suppressed: [], errors: [], stats: { files: 0, analyzed: 0 } }) });
});
afterAll(async () => {
  await app.stop();
});

/** Streams `megabytes` of body (chunked, no Content-Length unless `declare`) and returns the status and how many bytes the server took before answering. */
function post(megabytes: number, options: { declare?: number; deliveryId: string }): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(app.webhookUrl);
    const headers: Record<string, string | number> = { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': options.deliveryId, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };
    if (options.declare !== undefined) headers['content-length'] = options.declare;
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', (error) => reject(error));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    const write = (): void => {
      while (sent < megabytes) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      req.end();
    };
    req.on('response', () => (sent = megabytes));
    write();
  });
}

function linesFor(deliveryId: string): string[] {
  return app.logs.filter((line) => line.includes(deliveryId));
}

test('a declared Content-Length over 25 MB is refused with 413 before any byte is read', async () => {
  const result = await post(0, { declare: MAX_WEBHOOK_BYTES + 1, deliveryId: 'declared-too-large' }).catch((error: Error) => ({ status: -1, body: error.message }));
  expect(result.status).toBe(413);
  expect(linesFor('declared-too-large')).toHaveLength(1);
});

test('a chunked body past 25 MB is cut off at the cap with 413, not buffered whole', async () => {
  const before = process.memoryUsage().rss;
  const result = await post(200, { deliveryId: 'chunked-too-large' }).catch((error: Error) => ({ status: -1, body: error.message }));
  // The server answers 413 and closes; a client still uploading may see the reset before it reads the answer.
  expect(result.status === 413 || /ECONNRESET|EPIPE/.test(result.body)).toBe(true);
  // 200 MB sent; the server kept at most the 25 MB cap (plus socket buffers).
  expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
  const lines = linesFor('chunked-too-large');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('body over the 25 MB cap');
}, 60_000);

test('a wrong signature is refused with one short line that does not carry the payload', async () => {
  const payload = JSON.stringify({ action: 'opened', marker: `${'X'.repeat(1_000_000)}ENDMARK` });
  const response = await app.deliver('pull_request', payload, await sign('not-the-secret', payload), 'bad-signature-delivery');
  expect(response.status).toBe(400);
  expect(app.logs.join('\n')).not.toContain('ENDMARK');
  const lines = linesFor('bad-signature-delivery');
  expect(lines).toHaveLength(1);
  expect(lines[0]!.length).toBeLessThan(400);
  expect(JSON.parse(lines[0]!)).toMatchObject({ level: 40, msg: 'webhook refused: signature does not match' });
});

test('a correctly signed delivery under the cap still reaches the app', async () => {
  const payload = JSON.stringify({ ...pullRequestPayload('closed'), action: 'closed' });
  const response = await app.deliverSigned('pull_request', payload, 'good-delivery');
  expect(response.status).toBe(200);
});
