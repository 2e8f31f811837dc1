/**
 * Redis restarted mid-run (AOF on, as `.ci/run` and docker-compose.yml run it): the job in flight
 * completes its run once, a webhook sent while Redis is down fails visibly (5xx) or waits for it,
 * and a webhook after the restart is analysed. Runs on a redis-server of its own, so it can stop it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeWithRedis, hasRedisServerBinary, OwnRedis } from './support/redis.js';
import { scrape, startReceiver, startWorker, type QueueProcess } from './support/processes.js';
import { addedFilesFromFolder, deliverWebhook, generateAppCredentials, GHES_API_PREFIX, pullRequestPayload, spawnGitHubSimulator, type RepositorySummary, type SimulatorControl } from './support/simulator.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALLATION_ID = 9090;
const CHECK_NAME = 'MCP OAuth Guard';
const TIMEOUT_MS = 150_000;

const describeRestart = hasRedisServerBinary() ? describeWithRedis : (name: string, body: () => void) => {
  process.stderr.write(`skipped '${name}': redis-server is not installed\n`);
  describe.skip(name, body);
};

describeRestart('queue mode: a Redis restart mid-run', () => {
  const credentials = generateAppCredentials(4242);
  let redis: OwnRedis;
  let simulator: SimulatorControl;
  let repository: RepositorySummary;
  let receiver: QueueProcess;
  let worker: QueueProcess;

  beforeAll(async () => {
    redis = await OwnRedis.start();
    simulator = await spawnGitHubSimulator({ appId: credentials.appId, appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(), projectRoot });
    repository = await simulator.addRepository({ owner: 'globex', name: 'mcp-server', files: { 'README.md': '# server\n' } });
    await simulator.addInstallation({ id: INSTALLATION_ID, account: 'globex', repositories: ['globex/mcp-server'] });
    const options = { projectRoot, credentials, githubHost: simulator.host, redisUrl: redis.url, queueName: 'restart', env: { QUEUE_LOCK_SECONDS: '3', RECONCILE_INTERVAL_SECONDS: '2' } };
    [receiver, worker] = await Promise.all([startReceiver(options), startWorker(options)]);
  }, TIMEOUT_MS);

  afterAll(async () => {
    await Promise.allSettled([receiver?.stop(), worker?.stop()]);
    await simulator?.close();
    await redis?.close();
  });

  const diagnosis = () => `--- receiver ---\n${receiver.output().slice(-3000)}\n--- worker ---\n${worker.output().slice(-5000)}`;

  async function send(title: string) {
    const pull = await simulator.addPullRequest({ owner: repository.owner, repo: repository.name, title, changes: addedFilesFromFolder(path.join(projectRoot, 'examples', 'hardened-server')) });
    const payload = pullRequestPayload({ repository, pull, installationId: INSTALLATION_ID, action: 'opened', webUrl: simulator.url, apiUrl: `${simulator.url}${GHES_API_PREFIX}` });
    return { pull, answer: deliverWebhook({ url: receiver.webhookUrl, secret: credentials.webhookSecret, event: 'pull_request', payload }) };
  }

  async function runsOf(headSha: string) {
    try {
      await simulator.waitForCompletedCheckRun({ owner: repository.owner, repo: repository.name, headSha, name: CHECK_NAME, timeoutMs: 90_000 });
    } catch (error) {
      throw new Error(`${String(error)}\n${diagnosis()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    return simulator.checkRuns({ owner: repository.owner, repo: repository.name, headSha });
  }

  test('the run in flight completes once; a webhook after the restart is analysed', async () => {
    await simulator.injectFault({ operationId: 'pulls/list-files', status: 502, delayMs: 4000, times: 1 });
    const first = await send('In flight across the restart');
    expect((await first.answer).status).toBe(200);
    const deadline = Date.now() + 30_000;
    while (!worker.logs('analysis job submitted').some((entry) => entry.headSha === first.pull.headSha)) {
      if (Date.now() > deadline) throw new Error(`the worker did not start the job\n${diagnosis()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await redis.restart(500);
    const second = await send('After the restart');
    expect((await second.answer).status).toBe(200);

    for (const { pull } of [first, second]) {
      const runs = await runsOf(pull.headSha);
      expect(runs).toHaveLength(1);
      expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
      expect(runs[0]!.writes.filter((write) => write.body.status === 'completed')).toHaveLength(1);
    }
    const metrics = await scrape(worker.url);
    expect(metrics.values.get('guard_runs_in_progress')).toBe(0);
  }, TIMEOUT_MS);

  test('Redis down: a webhook fails (5xx) instead of passing silently', async () => {
    await redis.stopServer();
    try {
      const { answer } = await send('While Redis is down');
      const result = await answer;
      expect(result.status).toBeGreaterThanOrEqual(500);
      // The receiver logs before it answers, but its log comes over a pipe and the answer over a socket: either may be read first here.
      const logged = () => receiver.logs('could not queue the analysis; the webhook fails so GitHub shows it');
      for (const deadline = Date.now() + 10_000; logged().length === 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(logged()).toHaveLength(1);
    } finally {
      await redis.startServer();
    }
  }, TIMEOUT_MS);
});
