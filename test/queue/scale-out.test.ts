/**
 * Queue mode across processes, on a real Redis and the local GitHub simulator: two receivers
 * (`node lib/app/server.js` with REDIS_URL) and two workers (`node lib/queue/worker-main.js`).
 * Duplicate deliveries sent to both receivers make one run; a worker SIGKILLed mid-job loses the
 * job to the other, which completes the run once; /metrics on both sides.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeWithRedis, dropQueueKeys, REDIS_URL, uniqueQueueName } from './support/redis.js';
import { scrape, startReceiver, startWorker, type QueueProcess, type QueueProcessOptions } from './support/processes.js';
import {
  addedFilesFromFolder,
  deliverWebhook,
  generateAppCredentials,
  GHES_API_PREFIX,
  pullRequestPayload,
  spawnGitHubSimulator,
  type RepositorySummary,
  type SimulatedCheckRun,
  type SimulatorControl,
} from './support/simulator.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALLATION_ID = 8080;
const CHECK_NAME = 'MCP OAuth Guard';
const STEP_TIMEOUT_MS = 120_000;

describeWithRedis('queue mode: two receivers and two workers on one Redis', () => {
  const credentials = generateAppCredentials(31337);
  const queueName = uniqueQueueName('scale');
  let simulator: SimulatorControl;
  let repository: RepositorySummary;
  let options: QueueProcessOptions;
  const receivers: QueueProcess[] = [];
  const workers: QueueProcess[] = [];

  beforeAll(async () => {
    simulator = await spawnGitHubSimulator({ appId: credentials.appId, appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(), projectRoot });
    repository = await simulator.addRepository({ owner: 'acme', name: 'mcp-tools', files: { 'README.md': '# tools\n' } });
    await simulator.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: ['acme/mcp-tools'] });
    options = {
      projectRoot,
      credentials,
      githubHost: simulator.host,
      redisUrl: REDIS_URL!,
      queueName,
      // A killed worker's job is handed on within seconds, not the production 30 s.
      env: { QUEUE_LOCK_SECONDS: '3', RUN_DEADLINE_SECONDS: '60', RECONCILE_INTERVAL_SECONDS: '2' },
    };
    receivers.push(...(await Promise.all([startReceiver(options), startReceiver(options)])));
    workers.push(...(await Promise.all([startWorker(options), startWorker(options)])));
  }, STEP_TIMEOUT_MS);

  afterAll(async () => {
    await Promise.allSettled([...receivers, ...workers].map((child) => child.stop()));
    await simulator?.close();
    await dropQueueKeys(REDIS_URL!, queueName);
  });

  const diagnosis = () => [...receivers, ...workers].map((child, index) => `--- process ${index} (pid ${child.pid}) ---\n${child.output().slice(-3000)}`).join('\n');

  async function openPullRequest(title: string, folder = 'vulnerable-server') {
    const pull = await simulator.addPullRequest({ owner: repository.owner, repo: repository.name, title, changes: addedFilesFromFolder(path.join(projectRoot, 'examples', folder)) });
    const payload = pullRequestPayload({ repository, pull, installationId: INSTALLATION_ID, action: 'opened', webUrl: simulator.url, apiUrl: `${simulator.url}${GHES_API_PREFIX}` });
    return { pull, payload };
  }

  async function completedRun(headSha: string): Promise<SimulatedCheckRun[]> {
    try {
      await simulator.waitForCompletedCheckRun({ owner: repository.owner, repo: repository.name, headSha, name: CHECK_NAME, timeoutMs: 60_000 });
    } catch (error) {
      throw new Error(`${String(error)}\n${diagnosis()}`);
    }
    // Let any duplicate (a second job, a second completion) show itself.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    return simulator.checkRuns({ owner: repository.owner, repo: repository.name, headSha });
  }

  const completions = (run: SimulatedCheckRun) => run.writes.filter((write) => write.body.status === 'completed').length;

  test('duplicate deliveries to both receivers, and a second event for the commit, make one run completed once', async () => {
    const { pull, payload } = await openPullRequest('Add the OAuth tools');
    const send = (receiver: QueueProcess, deliveryId?: string) => deliverWebhook({ url: receiver.webhookUrl, secret: credentials.webhookSecret, event: 'pull_request', payload, ...(deliveryId ? { deliveryId } : {}) });
    const answers = await Promise.all([send(receivers[0]!, 'same-delivery'), send(receivers[1]!, 'same-delivery'), send(receivers[1]!)]);
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200]);
    const runs = await completedRun(pull.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completions(runs[0]!)).toBe(1);
    // Exactly one worker ran it.
    const started = workers.flatMap((worker) => worker.logs('analysis job submitted')).filter((entry) => entry.headSha === pull.headSha);
    expect(started).toHaveLength(1);
  }, STEP_TIMEOUT_MS);

  test('a worker SIGKILLed mid-job: the other worker completes the run, once', async () => {
    // The file list answers after 6 s (then fails, and Octokit asks again): the job is mid-flight long enough to kill.
    await simulator.injectFault({ operationId: 'pulls/list-files', status: 502, delayMs: 6000, times: 1 });
    const { pull, payload } = await openPullRequest('Add the OAuth tools again');
    const answer = await deliverWebhook({ url: receivers[0]!.webhookUrl, secret: credentials.webhookSecret, event: 'pull_request', payload });
    expect(answer.status).toBe(200);
    const deadline = Date.now() + 30_000;
    let victim: QueueProcess | undefined;
    while (!victim && Date.now() < deadline) {
      victim = workers.find((worker) => worker.logs('analysis job submitted').some((entry) => entry.headSha === pull.headSha));
      if (!victim) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!victim) throw new Error(`no worker took the job\n${diagnosis()}`);
    victim.kill('SIGKILL');
    const survivor = workers.find((worker) => worker !== victim)!;

    const runs = await completedRun(pull.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'failure' });
    expect(completions(runs[0]!)).toBe(1);
    expect(survivor.logs('job finished').some((entry) => entry.started === true && entry.checkRunId === runs[0]!.id)).toBe(true);
    // The check run the killed worker created was reused, not duplicated.
    expect(survivor.logs('analysis job submitted').find((entry) => entry.headSha === pull.headSha)).toMatchObject({ reused: true, checkRunId: runs[0]!.id });

    workers.splice(workers.indexOf(victim), 1, await startWorker(options));
  }, STEP_TIMEOUT_MS);

  test('/metrics in Prometheus format on a worker and a receiver', async () => {
    const worker = workers.find((candidate) => candidate.logs('job finished').length > 0)!;
    const fromWorker = await scrape(worker.url);
    expect(fromWorker.status).toBe(200);
    expect(fromWorker.contentType).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(fromWorker.values.get('guard_job_duration_seconds_count{outcome="completed"}')).toBeGreaterThanOrEqual(1);
    expect(fromWorker.values.get('guard_findings_total{rule="missing-pkce"}') ?? 0).toBeGreaterThan(0);
    expect(fromWorker.values.get('guard_github_api_requests_total{status="201"}')).toBeGreaterThanOrEqual(1);
    expect(fromWorker.values.get(`guard_github_rate_limit_remaining{installation="${INSTALLATION_ID}"}`)).toBeLessThan(5000);
    expect(fromWorker.values.get('guard_queue_jobs{state="active"}')).toBe(0);
    expect(fromWorker.values.get('guard_queue_oldest_waiting_age_seconds')).toBe(0);
    expect(fromWorker.values.get('guard_runs_in_progress')).toBe(0);
    expect(fromWorker.text).toContain('# TYPE guard_runs_reconciled_total counter');
    expect(fromWorker.values.get('guard_process_resident_memory_bytes')).toBeGreaterThan(0);

    const deliveries = await Promise.all(receivers.map((receiver) => scrape(receiver.url)));
    const sum = (name: string) => deliveries.reduce((total, scraped) => total + (scraped.values.get(name) ?? 0), 0);
    // Four deliveries so far; the two racing copies of one may both pass the delivery check (the job id still made one job).
    expect(sum('guard_webhook_deliveries_total{outcome="queued"}') + sum('guard_webhook_deliveries_total{outcome="duplicate-delivery"}')).toBe(4);
    expect(sum('guard_webhook_deliveries_total{outcome="queued"}')).toBeGreaterThanOrEqual(3);
    expect(deliveries[0]!.values.has('guard_queue_jobs{state="waiting"}')).toBe(true);
  }, STEP_TIMEOUT_MS);

  test('SIGTERM mid-job: the worker finishes the job it holds (the run completed once) and exits 0', async () => {
    await simulator.injectFault({ operationId: 'pulls/list-files', status: 502, delayMs: 3000, times: 1 });
    const { pull, payload } = await openPullRequest('Add the OAuth tools during a deploy', 'hardened-server');
    expect((await deliverWebhook({ url: receivers[1]!.webhookUrl, secret: credentials.webhookSecret, event: 'pull_request', payload })).status).toBe(200);
    const deadline = Date.now() + 30_000;
    let holder: QueueProcess | undefined;
    while (!holder && Date.now() < deadline) {
      holder = workers.find((worker) => worker.logs('analysis job submitted').some((entry) => entry.headSha === pull.headSha));
      if (!holder) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!holder) throw new Error(`no worker took the job\n${diagnosis()}`);
    holder.kill('SIGTERM');
    const runs = await completedRun(pull.headSha);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: 'completed', conclusion: 'success' });
    expect(completions(runs[0]!)).toBe(1);
    await holder.stop();
    expect(holder.exitCode()).toBe(0);
    expect(holder.logs('every job finished')).toHaveLength(1);
    expect(holder.logs('job finished').some((entry) => entry.checkRunId === runs[0]!.id)).toBe(true);
    workers.splice(workers.indexOf(holder), 1, await startWorker(options));
  }, STEP_TIMEOUT_MS);
});
