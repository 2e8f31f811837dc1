/**
 * `npm run soak -- --redis --workers 2`: the 200-PR soak through queue mode. Its own redis-server
 * (AOF on, temp dir, loopback), two receivers (`node lib/app/server.js` with REDIS_URL; webhooks
 * alternate between them) and N workers (`node lib/queue/worker-main.js`), against the local GitHub
 * simulator. A third of the way through sending, one worker with a job in hand is SIGKILLed (and a
 * replacement started); two thirds of the way, Redis is restarted. Then it waits for every run.
 *
 * Reports: runs completed exactly once with the expected conclusion (200/200), runs left in
 * progress, jobs lost (failed, or still queued at the end), webhook response times (p50/p99/max)
 * and their statuses, webhook-to-completed latency, peak RSS of each worker and receiver.
 * Exits non-zero when a target is missed.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, generateAppCredentials, type AppCredentials } from '../../test/support/simulator/app-process.js';
import { GHES_API_PREFIX, type RepositorySummary, type SimulatorControl } from '../../test/support/simulator/control.js';
import { addedFilesFromFolder } from '../../test/support/simulator/pull-request-files.js';
import { spawnGitHubSimulator } from '../../test/support/simulator/remote.js';
import { deliverWebhook, pullRequestPayload } from '../../test/support/simulator/webhooks.js';
import type { SimulatedCheckRun } from '../../test/support/simulator/world.js';
import { CHECK_NAME, format, INSTALLATIONS, memoryOf, planPullRequests, PULL_REQUESTS, quantile, say, type SentPullRequest } from './shared.js';

const SEND_WINDOW_MS = 50_000;
const WEBHOOK_P99_TARGET_MS = 1000;
const COMPLETION_DEADLINE_MS = 240_000;
const HARD_STOP_MS = 8 * 60_000;
const WORKER_RSS_LIMIT_MB = 1536;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

export interface Child {
  name: string;
  process: ChildProcess;
  url: string;
  output: string[];
  peakRssMb: number;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

export async function startChild(name: string, entry: string, env: Record<string, string>, readyPath: string, port: number): Promise<Child> {
  const child = spawn(process.execPath, [path.join(projectRoot, entry)], { cwd: projectRoot, env: env as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited:\n${output.join('').slice(-3000)}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(1000) });
      await response.text();
      if (response.ok) return { name, process: child, url, output, peakRssMb: 0 };
    } catch {
      // not yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill('SIGKILL');
  throw new Error(`${name} was not ready in 30 s:\n${output.join('').slice(-3000)}`);
}

export async function stopChild(child: Child): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  const exited = new Promise((resolve) => child.process.once('exit', resolve));
  child.process.kill('SIGTERM');
  const timer = setTimeout(() => child.process.kill('SIGKILL'), 30_000);
  await exited;
  clearTimeout(timer);
}

export function logEntries(child: Child, message: string): Array<Record<string, unknown>> {
  return child.output
    .join('')
    .split('\n')
    .flatMap((line) => {
      try {
        const entry = JSON.parse(line) as Record<string, unknown>;
        return entry.msg === message ? [entry] : [];
      } catch {
        return [];
      }
    });
}

export class SoakRedis {
  private child: ChildProcess | undefined;
  readonly dir = mkdtempSync(path.join(tmpdir(), 'guard-soak-redis-'));
  constructor(readonly port: number) {}
  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }
  async start(): Promise<void> {
    this.child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--appendonly', 'yes', '--appendfsync', 'everysec', '--save', '', '--dir', this.dir], { stdio: 'ignore' });
    children.add(this.child);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      if (spawnSync('redis-cli', ['-p', String(this.port), 'ping'], { encoding: 'utf8' }).stdout?.trim() === 'PONG') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('redis-server did not start');
  }
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    children.delete(child);
  }
  async close(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export function env(credentials: AppCredentials, githubHost: string, redisUrl: string, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'production',
    APP_ID: String(credentials.appId),
    PRIVATE_KEY: credentials.privateKeyPem,
    WEBHOOK_SECRET: credentials.webhookSecret,
    GHE_HOST: githubHost,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    REDIS_URL: redisUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
    METRICS_PORT: String(port),
    METRICS_HOST: '127.0.0.1',
    ANALYSIS_THREADS: process.env.ANALYSIS_THREADS ?? '1',
  };
}

export async function queueSoak(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { redis: { type: 'boolean' }, workers: { type: 'string', default: '2' } }, strict: true });
  const workerCount = Number(values.workers);
  if (!Number.isInteger(workerCount) || workerCount < 2) {
    process.stderr.write('soak --redis: --workers must be an integer of at least 2 (one is killed mid-run)\n');
    return 2;
  }
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write('soak --redis: redis-server is not installed (apt-get install -y redis-server)\n');
    return 2;
  }
  const began = Date.now();
  const credentials = generateAppCredentials();
  const redis = new SoakRedis(await freePort());
  let simulator: SimulatorControl | undefined;
  const receivers: Child[] = [];
  const workers: Child[] = [];
  const retired: Child[] = [];
  const hardStop = setTimeout(() => {
    process.stderr.write(`The soak passed its hard limit of ${HARD_STOP_MS / 1000} s; stopping.\n`);
    process.exit(2);
  }, HARD_STOP_MS);
  hardStop.unref();
  try {
    await redis.start();
    simulator = await spawnGitHubSimulator({ appId: credentials.appId, appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(), descriptions: ['api.github.com'], projectRoot });
    const repositories: Array<{ repository: RepositorySummary; installationId: number }> = [];
    for (let i = 0; i < INSTALLATIONS; i++) {
      const owner = `soak-org-${i}`;
      const repository = await simulator.addRepository({ owner, name: 'mcp-server', files: { 'README.md': '# MCP server\n' } });
      await simulator.addInstallation({ id: 7000 + i, account: owner, repositories: [`${owner}/mcp-server`] });
      repositories.push({ repository, installationId: 7000 + i });
    }
    const startWorker = async (index: number) => {
      const port = await freePort();
      return startChild(`worker ${index}`, 'lib/queue/worker-main.js', env(credentials, simulator!.host, redis.url, port), '/healthz', port);
    };
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      receivers.push(await startChild(`receiver ${i}`, 'lib/app/server.js', env(credentials, simulator.host, redis.url, port), '/ping', port));
    }
    for (let i = 0; i < workerCount; i++) workers.push(await startWorker(i));
    const sampler = setInterval(() => {
      for (const child of [...receivers, ...workers]) {
        const memory = child.process.pid ? memoryOf(child.process.pid) : undefined;
        if (memory) child.peakRssMb = Math.max(child.peakRssMb, memory.rssMb, Number.isFinite(memory.peakMb) ? memory.peakMb : 0);
      }
    }, 200);

    const vulnerable = addedFilesFromFolder(path.join(projectRoot, 'examples', 'vulnerable-server'));
    const hardened = addedFilesFromFolder(path.join(projectRoot, 'examples', 'hardened-server'));
    const plans = planPullRequests(vulnerable, hardened);
    say(`Queue soak: Redis ${redis.url} (AOF), ${receivers.length} receivers, ${workers.length} workers, simulator ${simulator.url}; ${PULL_REQUESTS} PRs over ${INSTALLATIONS} installations within ${SEND_WINDOW_MS / 1000} s`);

    const sent: SentPullRequest[] = [];
    const deliveries: Promise<void>[] = [];
    const events: string[] = [];
    let killed = false;
    let restarted = false;
    const sendStart = Date.now();
    for (const plan of plans) {
      const target = sendStart + (plan.index * SEND_WINDOW_MS) / PULL_REQUESTS;
      const wait = target - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (!killed && plan.index >= PULL_REQUESTS / 3) {
        killed = true;
        // The worker with the most jobs started and not finished: it holds one mid-run.
        const busy = workers.map((worker) => ({ worker, open: logEntries(worker, 'analysis job submitted').length - logEntries(worker, 'job finished').length })).sort((a, b) => b.open - a.open)[0]!;
        busy.worker.process.kill('SIGKILL');
        events.push(`${format(Date.now() - sendStart)}: SIGKILLed ${busy.worker.name} (pid ${busy.worker.process.pid}) with ${busy.open} job(s) in hand`);
        workers.splice(workers.indexOf(busy.worker), 1);
        retired.push(busy.worker);
        void startWorker(workerCount).then((worker) => {
          workers.push(worker);
          events.push(`${format(Date.now() - sendStart)}: replacement worker ready`);
        });
      }
      if (!restarted && plan.index >= (2 * PULL_REQUESTS) / 3) {
        restarted = true;
        const at = Date.now();
        await redis.stop();
        await redis.start();
        events.push(`${format(at - sendStart)}: Redis restarted (down ${format(Date.now() - at)})`);
      }
      const { repository, installationId } = repositories[plan.index % INSTALLATIONS]!;
      const pull = await simulator.addPullRequest({ owner: repository.owner, repo: repository.name, title: `Soak PR ${plan.index} (${plan.size})`, changes: plan.changes });
      const payload = pullRequestPayload({ repository, pull, installationId, action: 'opened', webUrl: simulator.url, apiUrl: `${simulator.url}${GHES_API_PREFIX}` });
      const record: SentPullRequest = { ...plan, repository, installationId, pull, sentAt: Date.now() };
      sent.push(record);
      const receiver = receivers[plan.index % receivers.length]!;
      deliveries.push(
        deliverWebhook({ url: `${receiver.url}/api/github/webhooks`, secret: credentials.webhookSecret, event: 'pull_request', payload }).then(
          (result) => {
            record.webhookStatus = result.status;
            record.webhookMs = Date.now() - result.sentAt;
          },
          (error: unknown) => {
            record.webhookError = error instanceof Error ? error.message : String(error);
          },
        ),
      );
    }
    const lastSentAt = Date.now();
    await Promise.all(deliveries);
    say(`Sent ${sent.length} webhooks in ${format(lastSentAt - sendStart)}`);
    for (const event of events) say(`  ${event}`);

    const completedAt = new Map<string, number>();
    const runsBySha = new Map<string, SimulatedCheckRun[]>();
    const poll = async () => {
      runsBySha.clear();
      for (const { repository } of repositories) {
        for (const run of await simulator!.checkRuns({ owner: repository.owner, repo: repository.name })) {
          if (run.name !== CHECK_NAME) continue;
          runsBySha.set(run.headSha, [...(runsBySha.get(run.headSha) ?? []), run]);
          if (run.status === 'completed' && run.completedAtMs && !completedAt.has(run.headSha)) completedAt.set(run.headSha, run.completedAtMs);
        }
      }
    };
    while (Date.now() - lastSentAt < COMPLETION_DEADLINE_MS) {
      await poll();
      if (sent.every((record) => completedAt.has(record.pull.headSha))) break;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    const allDoneAt = Date.now();
    // Long enough for a duplicate (a second job, a second completion) to show itself.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    await poll();
    clearInterval(sampler);

    const problems: string[] = [];
    let completedOnce = 0;
    let leftInProgress = 0;
    const latencies: number[] = [];
    for (const record of sent) {
      const runs = runsBySha.get(record.pull.headSha) ?? [];
      const run = runs[0];
      const completions = run?.writes.filter((write) => write.body.status === 'completed').length ?? 0;
      const expected = record.vulnerable ? 'failure' : 'success';
      if (runs.length !== 1) problems.push(`PR ${record.index}: ${runs.length} check runs on its head`);
      else if (run!.status !== 'completed') {
        leftInProgress++;
        problems.push(`PR ${record.index}: check run left ${run!.status}`);
      } else if (completions !== 1) problems.push(`PR ${record.index}: completed ${completions} times`);
      else if (run!.conclusion !== expected) problems.push(`PR ${record.index} (${record.size}): conclusion ${run!.conclusion}, expected ${expected}: ${run!.output.title}`);
      else completedOnce++;
      const done = completedAt.get(record.pull.headSha);
      if (done) latencies.push(done - record.sentAt);
    }
    const metrics = await fetch(`${workers[0]!.url}/metrics`).then((response) => response.text());
    const gauge = (name: string) => Number(new RegExp(`^${name.replace(/[{}"]/g, '\\$&')} (\\S+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
    const failedJobs = gauge('guard_queue_jobs{state="failed"}');
    const queuedAtEnd = ['waiting', 'prioritized', 'active', 'delayed'].reduce((sum, state) => sum + gauge(`guard_queue_jobs{state="${state}"}`), 0);
    const runsInLedger = gauge('guard_runs_in_progress');
    const jobsFinished = [...workers, ...retired].reduce((sum, worker) => sum + logEntries(worker, 'job finished').length, 0);
    const stalled = [...workers, ...retired].reduce((sum, worker) => sum + logEntries(worker, 'a worker stopped renewing its job; it goes to another worker').length, 0);
    const webhookTimes = sent.flatMap((record) => (record.webhookMs === undefined ? [] : [record.webhookMs]));
    const badWebhooks = sent.filter((record) => record.webhookError !== undefined || record.webhookStatus === undefined || record.webhookStatus >= 300);
    const p99 = quantile(webhookTimes, 0.99);

    say();
    say('━━ Queue soak results ━━');
    say(`  check runs completed exactly once, as expected : ${completedOnce} / ${PULL_REQUESTS}`);
    say(`  left in progress        ${leftInProgress}; runs still on the reconciler's books ${runsInLedger}`);
    say(`  jobs lost               ${failedJobs} failed, ${queuedAtEnd} still queued at the end; ${jobsFinished} job completions logged, ${stalled} stalled job(s) handed on`);
    say(`  webhook responses       p50 ${format(quantile(webhookTimes, 0.5))}  p99 ${format(p99)}  max ${format(Math.max(...webhookTimes))}  (${badWebhooks.length} not 2xx; statuses ${[...new Set(sent.map((record) => record.webhookStatus))].join('/')})`);
    say(`  webhook → completed     p50 ${format(quantile(latencies, 0.5))}  p99 ${format(quantile(latencies, 0.99))}  max ${format(Math.max(...latencies))}`);
    for (const child of [...receivers, ...workers, ...retired]) say(`  ${child.name.padEnd(22)} peak RSS ${child.peakRssMb.toFixed(0)} MB${retired.includes(child) ? ' (SIGKILLed)' : ''}`);
    say(`  all runs completed ${format(allDoneAt - lastSentAt)} after the last webhook; soak wall time ${format(Date.now() - began)}`);

    const missed: string[] = [];
    if (completedOnce !== PULL_REQUESTS) missed.push(`${PULL_REQUESTS - completedOnce} runs not completed exactly once as expected: ${problems.slice(0, 5).join('; ')}`);
    if (leftInProgress > 0 || runsInLedger > 0) missed.push('runs left in progress');
    if (failedJobs > 0 || queuedAtEnd > 0) missed.push(`jobs lost or stuck: ${failedJobs} failed, ${queuedAtEnd} queued`);
    if (badWebhooks.length > 0) missed.push(`${badWebhooks.length} webhooks not answered 2xx`);
    if (!(p99 < WEBHOOK_P99_TARGET_MS)) missed.push(`webhook p99 ${format(p99)} is not under ${format(WEBHOOK_P99_TARGET_MS)}`);
    for (const child of workers) if (!(child.peakRssMb < WORKER_RSS_LIMIT_MB)) missed.push(`${child.name} peak RSS ${child.peakRssMb.toFixed(0)} MB over ${WORKER_RSS_LIMIT_MB} MB`);
    say();
    if (missed.length === 0) {
      say('✓ every target met');
      return 0;
    }
    for (const line of missed) say(`✗ ${line}`);
    return 1;
  } catch (error) {
    process.stderr.write(`The queue soak failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    for (const child of [...receivers, ...workers, ...retired]) process.stderr.write(`--- ${child.name} (last 2,000 characters) ---\n${child.output.join('').slice(-2000)}\n`);
    return 1;
  } finally {
    clearTimeout(hardStop);
    await Promise.allSettled([...receivers, ...workers].map(stopChild));
    await simulator?.close();
    await redis.close();
  }
}
