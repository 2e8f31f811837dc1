/**
 * `npm run soak -- --redis --big-pr`: the memory of a receiver and a worker on one pull request of
 * 1,000 modified files of 1 MB each, in queue mode. The simulator runs in this process (it keeps
 * one copy of the shared content); the receiver and the worker are child processes whose peak RSS
 * (VmHWM, worker threads included) is read from /proc. Target: under 512 MiB each.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, generateAppCredentials } from '../../test/support/simulator/app-process.js';
import { GHES_API_PREFIX } from '../../test/support/simulator/control.js';
import { startGitHubSimulator } from '../../test/support/simulator/server.js';
import { deliverWebhook, pullRequestPayload } from '../../test/support/simulator/webhooks.js';
import type { FileChange } from '../../test/support/simulator/world.js';
import { env, SoakRedis, startChild, stopChild, type Child } from './queue-soak.js';
import { format, memoryOf, say } from './shared.js';

const FILES = 1000;
const FILE_BYTES = 1_000_000;
const RSS_TARGET_MB = 512;
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

export async function bigPullRequestMemory(): Promise<number> {
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status !== 0) {
    process.stderr.write('soak --big-pr: redis-server is not installed (apt-get install -y redis-server)\n');
    return 2;
  }
  const credentials = generateAppCredentials();
  const redis = new SoakRedis(await freePort());
  const simulator = await startGitHubSimulator({ appId: credentials.appId, appPublicKey: credentials.publicKey, port: await freePort() });
  const children: Child[] = [];
  try {
    await redis.start();
    const repository = simulator.world.addRepository({ owner: 'bigcorp', name: 'mcp-monorepo', files: { 'README.md': '# monorepo\n' } });
    simulator.world.addInstallation(9999, 'bigcorp', ['bigcorp/mcp-monorepo']);
    const head = megabyteOfCode();
    const base = `${head.slice(0, FILE_BYTES - 40)}\n// the base version of this file\n`;
    const changes: FileChange[] = Array.from({ length: FILES }, (_, index) => ({ status: 'modified', filename: `packages/p${Math.floor(index / 50)}/src/file-${index}.ts`, baseContent: base, content: head }));
    const pull = simulator.world.addPullRequest({ owner: repository.owner, repo: repository.name, title: '1,000 modified 1 MB files', changes });
    const receiverPort = await freePort();
    const workerPort = await freePort();
    const receiver = await startChild('receiver', 'lib/app/server.js', env(credentials, simulator.host, redis.url, receiverPort), '/ping', receiverPort);
    const worker = await startChild('worker', 'lib/queue/worker-main.js', { ...env(credentials, simulator.host, redis.url, workerPort), QUEUE_WORKER_CONCURRENCY: '1' }, '/healthz', workerPort);
    children.push(receiver, worker);
    say(`PR #${pull.number}: ${FILES} modified files of ${(FILE_BYTES / 1e6).toFixed(1)} MB (${((FILES * FILE_BYTES) / 1e9).toFixed(1)} GB of head content); worker ANALYSIS_THREADS=${process.env.ANALYSIS_THREADS ?? '1'}`);
    const sampler = setInterval(() => {
      for (const child of children) {
        const memory = child.process.pid ? memoryOf(child.process.pid) : undefined;
        if (memory) child.peakRssMb = Math.max(child.peakRssMb, memory.rssMb, Number.isFinite(memory.peakMb) ? memory.peakMb : 0);
      }
    }, 100);
    const payload = pullRequestPayload({ repository, pull, installationId: 9999, action: 'opened', webUrl: simulator.url, apiUrl: `${simulator.url}${GHES_API_PREFIX}` });
    const began = Date.now();
    const answer = await deliverWebhook({ url: `${receiver.url}/api/github/webhooks`, secret: credentials.webhookSecret, event: 'pull_request', payload });
    const run = await waitForRun(simulator, repository.owner, repository.name, pull.headSha, 20 * 60_000);
    clearInterval(sampler);
    for (const child of children) {
      const memory = child.process.pid ? memoryOf(child.process.pid) : undefined;
      if (memory && Number.isFinite(memory.peakMb)) child.peakRssMb = Math.max(child.peakRssMb, memory.peakMb);
    }
    say();
    say('━━ 1,000 × 1 MB modified files, queue mode ━━');
    say(`  webhook answered       HTTP ${answer.status}`);
    say(`  check run              ${run ? `${run.conclusion} after ${format(Date.now() - began)}: ${run.output.title}` : 'not completed in 20 min'}`);
    for (const child of children) say(`  ${child.name.padEnd(22)} peak RSS ${child.peakRssMb.toFixed(0)} MB (target < ${RSS_TARGET_MB} MiB)`);
    const over = children.filter((child) => !(child.peakRssMb < RSS_TARGET_MB * 1.048576));
    if (run && over.length === 0) {
      say('✓ under the memory target');
      return 0;
    }
    for (const child of over) say(`✗ ${child.name} peak RSS ${child.peakRssMb.toFixed(0)} MB`);
    return 1;
  } finally {
    await Promise.allSettled(children.map(stopChild));
    await simulator.close();
    await redis.close();
  }
}

async function waitForRun(simulator: Awaited<ReturnType<typeof startGitHubSimulator>>, owner: string, repo: string, headSha: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const run = simulator.world.checkRunsFor(owner, repo, headSha).find((candidate) => candidate.status === 'completed');
    if (run) return run;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  return undefined;
}
