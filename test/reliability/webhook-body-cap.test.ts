/**
 * Audit #1: unauthenticated POSTs were buffered whole before the signature check (one 600 MB
 * body took the app from 109 MB to 1.4 GB RSS), and a rejected body was logged three times at
 * error level. Bodies are capped at GitHub's 25 MB before buffering, signatures are checked
 * before Probot sees the delivery, and a refusal is one short log line without the payload.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { sign } from '@octokit/webhooks-methods';
import { startGuardServer, type GuardServer } from '../helpers/app-server.js';
import { MAX_WEBHOOK_BYTES } from '../../src/app/webhook-intake.js';
import { pullRequestPayload } from '../app/github-mock.js';

const SECRET = 'webhook-secret-for-body-cap-tests';
const run = promisify(execFile);
let app: GuardServer;

beforeAll(async () => {
  app = await startGuardServer(SECRET, { analyze: async () => ({ findings: [], suppressed: [], errors: [], stats: { files: 0, analyzed: 0 } }) });
});
afterAll(async () => {
  await app.stop();
});

/**
 * Streams `megabytes` of body (chunked, no Content-Length unless `declare`) from a child process and
 * returns the status it got (or the connection error): the client's own buffers and write errors stay
 * out of this process, whose memory is the server's.
 */
async function post(megabytes: number, options: { declare?: number; deliveryId: string }): Promise<{ status: number; body: string }> {
  const url = new URL(app.webhookUrl);
  const headers: Record<string, string | number> = { 'content-type': 'application/json', 'x-github-event': 'pull_request', 'x-github-delivery': options.deliveryId, 'x-hub-signature-256': `sha256=${'0'.repeat(64)}` };
  if (options.declare !== undefined) headers['content-length'] = options.declare;
  const script = `
    const http = require('node:http');
    const done = (result) => { process.stdout.write(JSON.stringify(result)); process.exit(0); };
    const req = http.request(${JSON.stringify({ host: url.hostname, port: Number(url.port), path: url.pathname, method: 'POST', headers })}, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
      res.on('error', (error) => done({ status: res.statusCode ?? -1, body: String(error.message) }));
    });
    req.on('error', (error) => done({ status: -1, body: error.message }));
    const chunk = Buffer.alloc(1024 * 1024, 0x61);
    let sent = 0;
    let answered = false;
    req.on('response', () => (answered = true));
    const write = () => {
      while (!answered && sent < ${megabytes}) {
        sent++;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) req.end();
    };
    write();`;
  const { stdout } = await run(process.execPath, ['-e', script], { timeout: 50_000 });
  return JSON.parse(stdout) as { status: number; body: string };
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
  const result = await post(200, { deliveryId: 'chunked-too-large' });
  // The server answers 413 and closes; a client still uploading may see the reset before it reads the answer.
  expect(result.status === 413 || /ECONNRESET|EPIPE|ECANCELED/.test(result.body)).toBe(true);
  const lines = linesFor('chunked-too-large');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain('body over the 25 MB cap');
  // Of the 200 MB sent, the server read at most one chunk past the cap (its refusal line says how much) and kept none of it.
  const bytesRead = (JSON.parse(lines[0]!) as { bytes: number }).bytes;
  expect(bytesRead).toBeGreaterThan(MAX_WEBHOOK_BYTES);
  expect(bytesRead).toBeLessThanOrEqual(MAX_WEBHOOK_BYTES + 1024 * 1024);
  expect(process.memoryUsage().rss - before).toBeLessThan(150 * 1024 * 1024);
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
