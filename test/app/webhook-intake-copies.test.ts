/**
 * The webhook intake with its module loaded twice in one process, as a test runner loads it per
 * test file and as a bundle can: the copy of an app that was never closed must not wrap a later
 * server a second time and wait for a body the first wrapper already read (a full `npm test` hung
 * on it). Runs the compiled module in a child Node, which loads each copy under its own URL.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const intakeUrl = pathToFileURL(resolve('lib/app/webhook-intake.js')).href;

const script = `
import http from 'node:http';
const silent = { warn() {}, info() {}, error() {}, debug() {} };
const stale = await import(${JSON.stringify(`${intakeUrl}?copy=stale`)});
const live = await import(${JSON.stringify(`${intakeUrl}?copy=live`)});
// The stale copy's app (another secret) is never closed; the live copy's app is the server's.
stale.registerWebhookIntake({ path: '/hook', verify: async (_p, s) => s === 'stale-signature', log: silent });
const stop = live.registerWebhookIntake({ path: '/hook', verify: async (_p, s) => s === 'live-signature', log: silent });
const server = http.createServer((req, res) => res.end(JSON.stringify({ body: req.body ?? null })));
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const url = 'http://127.0.0.1:' + server.address().port + '/hook';
const post = (signature) => fetch(url, { method: 'POST', headers: { 'x-hub-signature-256': signature }, body: '{"zen":"ok"}', signal: AbortSignal.timeout(5000) })
  .then(async (response) => ({ status: response.status, text: await response.text() }), (error) => ({ error: String(error) }));
const results = { live: await post('live-signature'), stale: await post('stale-signature'), forged: await post('forged') };
stop();
const afterStop = await post('forged');
server.close();
console.log(JSON.stringify({ ...results, afterStop }));
`;

it('two loaded copies guard a server once: a signed delivery reaches the app with its body, a forged one is refused', async () => {
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
  const results = JSON.parse(stdout.trim().split('\n').pop()!) as Record<string, { status?: number; text?: string; error?: string }>;
  expect(results.live).toEqual({ status: 200, text: JSON.stringify({ body: '{"zen":"ok"}' }) });
  // Every live intake on the route is asked, so the never-closed app's secret still verifies its own deliveries.
  expect(results.stale!.status).toBe(200);
  expect(results.forged!.status).toBe(400);
  // The stale copy's app is still registered: the route stays guarded after the live one stops.
  expect(results.afterStop!.status).toBe(400);
});
