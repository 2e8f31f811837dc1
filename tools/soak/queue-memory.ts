/**
 * `npm run soak -- --big-pr [--redis [--workers N]] [--files N]`: peak memory on pull requests of
 * 1,000 modified files of 1 MB each (issue 13's target: under 512 MiB per process).
 *
 * - Without `--redis`: the embedded app (`node lib/app/server.js`, no REDIS_URL), which fetches and
 *   analyses in its own process; one big PR.
 * - With `--redis`: its own redis-server, one receiver and N workers (`--workers`, default 2) with
 *   `QUEUE_WORKER_CONCURRENCY=1`; one big PR per worker (each in its own installation), so every
 *   worker carries one.
 *
 * The simulator runs in this process (it keeps one copy of the shared content); the app, receiver
 * and workers are child processes whose peak RSS (VmHWM, worker threads included) is read from
 * /proc. Every run must complete with `success` (every file analysed) and every process stay under
 * the target, or it exits non-zero. `--files` makes a smaller PR for a quick look; the acceptance
 * figure is the default 1,000.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { freePort, generateAppCredentials } from '../../test/support/simulator/app-process.js';
import { GHES_API_PREFIX, type PullRequestSummary, type RepositorySummary } from '../../test/support/simulator/control.js';
import { startGitHubSimulator } from '../../test/support/simulator/server.js';
import { deliverWebhook, pullRequestPayload } from '../../test/support/simulator/webhooks.js';
import type { FileChange, SimulatedCheckRun } from '../../test/support/simulator/world.js';
import { env, SoakRedis, startChild, stopChild, type Child } from './queue-soak.js';
import { format, memoryOf, say } from './shared.js';

const DEFAULT_FILES = 1000;
const FILE_BYTES = 1_000_000;
const RSS_TARGET_MIB = 512;
const RSS_TARGET_MB = (RSS_TARGET_MIB * 1024 * 1024) / 1e6;
const RUN_TIMEOUT_MS = 25 * 60_000;
const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** About 1 MB of ordinary TypeScript: many small clean functions. */
function megabyteOfCode(): string {
  const parts: string[] = [];
  let size = 0;
  for (let index = 0; size < FILE_BYTES; index++) {
    const part = `export function handler${index}(input: { id: number; name: string }): string {\n  const label = input.name.trim() + ':' + String(input.id + ${index});\n  return label.length > 80 ? label.slice(0, 80) : label;\n}\n`;
    parts.push(part);
    size += part.length;
  }
  return parts.join('').slice(0, FILE_BYTES);
}

interface BigPullRequest {
  repository: RepositorySummary;
  installationId: number;
  pull: PullRequestSummary;
  run?: SimulatedCheckRun;
  completedAfterMs?: number;
  webhookStatus?: number;
  webhookError?: string;
}

export async function bigPullRequestMemory(argv: string[]): Promise<number> {
  let values: { redis?: boolean; workers?: string; files?: string };
  try {
    ({ values } = parseArgs({ args: argv, options: { 'big-pr': { type: 'boolean' }, redis: { type: 'boolean' }, workers: { type: 'string' }, files: { type: 'string', default: String(DEFAULT_FILES) } }, strict: true }));
  } catch (error) {
    return usage(error instanceof Error ? error.message : String(error));
  }
  const queueMode = values.redis === true;
  const workerCount = queueMode ? Number(values.workers ?? '2') : 0;
  const fileCount = Number(values.files);
  if (!queueMode && values.workers !== undefined) return usage('--workers needs --redis (the embedded app has no worker processes)');
  if (queueMode && (!Number.isInteger(workerCount) || workerCount < 1 || workerCount > 8)) return usage('--workers must be an integer from 1 to 8');
  if (!Number.isInteger(fileCount) || fileCount < 1 || fileCount > 3000) return usage('--files must be an integer from 1 to 3000');
  if (queueMode && spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write('soak --big-pr --redis: redis-server is not installed (apt-get install -y redis-server)\n');
    return 2;
  }
  const began = Date.now();
  const credentials = generateAppCredentials();
  const redis = queueMode ? new SoakRedis(await freePort()) : undefined;
  const simulator = await startGitHubSimulator({ appId: credentials.appId, appPublicKey: credentials.publicKey, port: await freePort() });
  const children: Child[] = [];
  try {
    await redis?.start();
    const head = megabyteOfCode();
    const base = `${head.slice(0, FILE_BYTES - 40)}\n// the base version of this file\n`;
    const changes: FileChange[] = Array.from({ length: fileCount }, (_, index) => ({ status: 'modified', filename: `packages/p${Math.floor(index / 50)}/src/file-${index}.ts`, baseContent: base, content: head }));
    // One PR per worker (one in embedded mode), each in its own installation so fairness holds none back.
    const pulls: BigPullRequest[] = Array.from({ length: Math.max(1, workerCount) }, (_, index) => {
      const owner = `bigcorp-${index}`;
      const repository = simulator.world.addRepository({ owner, name: 'mcp-monorepo', files: { 'README.md': '# monorepo\n' } });
      const installationId = 9000 + index;
      simulator.world.addInstallation(installationId, owner, [`${owner}/mcp-monorepo`]);
      const pull = simulator.world.addPullRequest({ owner, repo: repository.name, title: `${fileCount} modified 1 MB files`, changes });
      return { repository, installationId, pull };
    });

    let webhookUrl: string;
    if (queueMode) {
      const receiverPort = await freePort();
      const receiver = await startChild('receiver', 'lib/app/server.js', env(credentials, simulator.host, redis!.url, receiverPort), '/ping', receiverPort);
      children.push(receiver);
      webhookUrl = `${receiver.url}/api/github/webhooks`;
      for (let index = 0; index < workerCount; index++) {
        const workerPort = await freePort();
        children.push(await startChild(`worker ${index + 1}`, 'lib/queue/worker-main.js', { ...env(credentials, simulator.host, redis!.url, workerPort), QUEUE_WORKER_CONCURRENCY: '1' }, '/healthz', workerPort));
      }
    } else {
      const appPort = await freePort();
      const { REDIS_URL: _none, ...embeddedEnv } = env(credentials, simulator.host, '', appPort);
      const app = await startChild('app (embedded)', 'lib/app/server.js', embeddedEnv, '/ping', appPort);
      children.push(app);
      webhookUrl = `${app.url}/api/github/webhooks`;
    }
    // Let the analysis threads load the analyzer first, as a deployment's would have.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    say(
      `${queueMode ? `Queue mode: 1 receiver, ${workerCount} worker${workerCount === 1 ? '' : 's'} (QUEUE_WORKER_CONCURRENCY=1)` : 'Embedded app (no Redis)'}; ` +
        `${pulls.length} PR${pulls.length === 1 ? '' : 's'} of ${fileCount} modified files of ${(FILE_BYTES / 1e6).toFixed(1)} MB each; ANALYSIS_THREADS=${process.env.ANALYSIS_THREADS ?? '1'}`,
    );
    const sampler = setInterval(() => sampleAll(children, false), 100);
    const sentAt = Date.now();
    await Promise.all(
      pulls.map(async (big) => {
        const payload = pullRequestPayload({ repository: big.repository, pull: big.pull, installationId: big.installationId, action: 'opened', webUrl: simulator.url, apiUrl: `${simulator.url}${GHES_API_PREFIX}` });
        // A connection the app closed as it was reused (keep-alive) fails the POST before the app
        // reads it: redeliver once with the same delivery id, as GitHub would.
        const deliveryId = randomUUID();
        for (let attempt = 1; attempt <= 2; attempt++) {
          try {
            big.webhookStatus = (await deliverWebhook({ url: webhookUrl, secret: credentials.webhookSecret, event: 'pull_request', payload, deliveryId })).status;
            big.webhookError = undefined;
            break;
          } catch (error) {
            big.webhookError = error instanceof Error ? `${error.message}${error.cause instanceof Error ? ` (${error.cause.message})` : ''}` : String(error);
          }
        }
      }),
    );
    const deadline = Date.now() + RUN_TIMEOUT_MS;
    while (Date.now() < deadline && pulls.some((big) => !big.run) && !pulls.some((big) => big.webhookError) && children.every((child) => child.process.exitCode === null && child.process.signalCode === null)) {
      for (const big of pulls) {
        if (big.run) continue;
        const run = simulator.world.checkRunsFor(big.repository.owner, big.repository.name, big.pull.headSha).find((candidate) => candidate.status === 'completed');
        if (run) Object.assign(big, { run, completedAfterMs: Date.now() - sentAt });
      }
      if (pulls.some((big) => !big.run)) await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    clearInterval(sampler);
    sampleAll(children, true);

    say();
    say(`━━ ${fileCount} × 1 MB modified files, ${queueMode ? 'queue mode' : 'embedded app'} ━━`);
    for (const [index, big] of pulls.entries()) {
      say(`  PR ${index + 1}: webhook ${big.webhookError ? `failed: ${big.webhookError}` : `HTTP ${big.webhookStatus}`}; check run ${big.run ? `${big.run.conclusion} after ${format(big.completedAfterMs!)}: ${big.run.output.title}` : `not completed in ${RUN_TIMEOUT_MS / 60_000} min`}`);
    }
    for (const child of children) say(`  ${child.name.padEnd(16)} peak RSS ${child.peakRssMb.toFixed(0)} MB (${((child.peakRssMb * 1e6) / 1048576).toFixed(0)} MiB; target < ${RSS_TARGET_MIB} MiB)`);
    say(`  wall time ${format(Date.now() - began)}`);

    const missed: string[] = [];
    for (const [index, big] of pulls.entries()) {
      if (!big.run) missed.push(`PR ${index + 1}: check run not completed`);
      else if (big.run.conclusion !== 'success') missed.push(`PR ${index + 1}: conclusion ${big.run.conclusion}, expected success (every file analysed, none with a finding)`);
    }
    for (const child of children) {
      if (!(child.peakRssMb > 0)) missed.push(`${child.name}: no memory sample`);
      else if (!(child.peakRssMb < RSS_TARGET_MB)) missed.push(`${child.name} peak RSS ${((child.peakRssMb * 1e6) / 1048576).toFixed(0)} MiB is over the ${RSS_TARGET_MIB} MiB target`);
    }
    if (fileCount !== DEFAULT_FILES) say(`  (--files ${fileCount}: not the acceptance measurement, which is ${DEFAULT_FILES} files)`);
    say();
    for (const child of children) {
      if (child.process.exitCode !== null || child.process.signalCode !== null) missed.push(`${child.name} exited (${child.process.exitCode ?? child.process.signalCode}) during the measurement`);
    }
    if (missed.length === 0) {
      say(`PASS: every run completed with success and every process stayed under ${RSS_TARGET_MIB} MiB peak RSS`);
      return 0;
    }
    for (const line of missed) say(`FAIL: ${line}`);
    for (const child of children) say(`--- ${child.name} output (last 3,000 characters) ---\n${child.output.join('').slice(-3000)}`);
    return 1;
  } finally {
    await Promise.allSettled(children.map(stopChild));
    await simulator.close();
    await redis?.close();
  }
}

/** Peak RSS per child: the larger of the sampled VmRSS and the kernel's high-water mark (VmHWM), which catches peaks between samples. */
function sampleAll(children: readonly Child[], final: boolean): void {
  for (const child of children) {
    const memory = child.process.pid ? memoryOf(child.process.pid) : undefined;
    if (!memory) continue;
    const peak = Number.isFinite(memory.peakMb) ? memory.peakMb : 0;
    child.peakRssMb = Math.max(child.peakRssMb, final ? peak : Math.max(memory.rssMb, peak));
  }
}

function usage(problem: string): number {
  process.stderr.write(`soak --big-pr: ${problem}\nUsage: npm run soak -- --big-pr [--redis [--workers N]] [--files N]\n`);
  return 2;
}
