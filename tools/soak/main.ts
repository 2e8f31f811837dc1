/**
 * `npm run soak`: the real app (`probot run ./lib/app/index.js`, worker-pool analysis) against the
 * local GitHub simulator, on loopback only. 200 signed `pull_request.opened` webhooks of mixed
 * sizes go out within 60 seconds, spread over 20 installations; then it waits for every check run.
 * Bounded in count and time: it stops by itself, and exits non-zero when a target is missed.
 *
 * Reports: check runs completed (200, each completed exactly once), webhook response times,
 * webhook-to-completed latency, the app's own analysis time per run, peak RSS and RSS at the end
 * against the start (the app process, worker threads included).
 * The simulator runs in its own process, so its request validation does not slow this one's
 * clock; this process's own event-loop delay is reported, to show the measurements are sound.
 */
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { generateAppCredentials, startApp, stopOnInterrupt, type RunningApp } from '../../test/support/simulator/app-process.js';
import { contractProblems, GHES_API_PREFIX, type RepositorySummary, type SimulatorControl } from '../../test/support/simulator/control.js';
import { addedFilesFromFolder } from '../../test/support/simulator/pull-request-files.js';
import { spawnGitHubSimulator } from '../../test/support/simulator/remote.js';
import { deliverWebhook, pullRequestPayload } from '../../test/support/simulator/webhooks.js';
import type { SimulatedCheckRun } from '../../test/support/simulator/world.js';
import { CHECK_NAME, format, INSTALLATIONS, memoryOf, planPullRequests, PULL_REQUESTS, quantile, say, type SentPullRequest } from './shared.js';

const SEND_WINDOW_MS = 50_000;
const WEBHOOK_TARGET_MS = 10_000;
/** Every run must be completed this long after the last webhook went out. */
const COMPLETION_DEADLINE_MS = 180_000;
/** The whole soak stops after this, whatever happens. */
const HARD_STOP_MS = 6 * 60_000;
/**
 * The app's memory budget (main thread plus workers). RSS at the end is reported against the
 * start but not gated: V8 keeps heap it has grown into, so one soak cannot tell retained
 * capacity from a leak; the peak is what a deployment must provision.
 */
const PEAK_RSS_LIMIT_MB = 1536;

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

async function soak(): Promise<number> {
  const began = Date.now();
  let simulator: SimulatorControl | undefined;
  let app: RunningApp | undefined;
  const stopBoth = () => Promise.allSettled([app?.stop(), simulator?.close()]);
  const hardStop = setTimeout(() => {
    process.stderr.write(`The soak passed its hard limit of ${HARD_STOP_MS / 1000} s; stopping.\n`);
    void stopBoth().finally(() => process.exit(2));
  }, HARD_STOP_MS);
  hardStop.unref();
  stopOnInterrupt(stopBoth);

  try {
    const credentials = generateAppCredentials();
    simulator = await spawnGitHubSimulator({
      appId: credentials.appId,
      appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      descriptions: ['api.github.com'],
      projectRoot,
    });
    const repositories: Array<{ repository: RepositorySummary; installationId: number }> = [];
    for (let i = 0; i < INSTALLATIONS; i++) {
      const owner = `soak-org-${i}`;
      const repository = await simulator.addRepository({ owner, name: 'mcp-server', files: { 'README.md': '# MCP server\n' } });
      const installationId = 7000 + i;
      await simulator.addInstallation({ id: installationId, account: owner, repositories: [`${owner}/mcp-server`] });
      repositories.push({ repository, installationId });
    }
    app = await startApp({ credentials, githubHost: simulator.host, projectRoot, logLevel: 'info' });
    const appPid = app.pid;
    // Let the worker threads load the analyzer before measuring the starting footprint.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const startMemory = memoryOf(appPid);
    let peakRssMb = startMemory?.rssMb ?? Number.NaN;
    const sampler = setInterval(() => {
      const memory = memoryOf(appPid);
      if (memory) peakRssMb = Math.max(peakRssMb, memory.rssMb, memory.peakMb);
    }, 200);

    const vulnerable = addedFilesFromFolder(path.join(projectRoot, 'examples', 'vulnerable-server'));
    const hardened = addedFilesFromFolder(path.join(projectRoot, 'examples', 'hardened-server'));
    const plans = planPullRequests(vulnerable, hardened);
    say(`Simulator ${simulator.url}, app pid ${appPid} at ${app.url}; ${PULL_REQUESTS} PRs over ${INSTALLATIONS} installations within ${SEND_WINDOW_MS / 1000} s`);
    say(`Mix: ${plans.filter((plan) => plan.size === 'small').length} small, ${plans.filter((plan) => plan.size === 'medium').length} medium, ${plans.filter((plan) => plan.size === 'large').length} large; ${plans.reduce((sum, plan) => sum + plan.changes.length, 0)} files in all`);

    const driverLoop = monitorEventLoopDelay({ resolution: 10 });
    driverLoop.enable();
    const sent: SentPullRequest[] = [];
    const deliveries: Promise<void>[] = [];
    const sendStart = Date.now();
    for (const plan of plans) {
      const target = sendStart + (plan.index * SEND_WINDOW_MS) / PULL_REQUESTS;
      const wait = target - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const { repository, installationId } = repositories[plan.index % INSTALLATIONS]!;
      const pull = await simulator.addPullRequest({ owner: repository.owner, repo: repository.name, title: `Soak PR ${plan.index} (${plan.size})`, changes: plan.changes });
      const payload = pullRequestPayload({ repository, pull, installationId, action: 'opened', webUrl: simulator.url, apiUrl: `${simulator.url}${GHES_API_PREFIX}` });
      const record: SentPullRequest = { ...plan, repository, installationId, pull, sentAt: Date.now() };
      sent.push(record);
      deliveries.push(
        deliverWebhook({ url: app.webhookUrl, secret: credentials.webhookSecret, event: 'pull_request', payload }).then(
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
    say(`Sent ${sent.length} webhooks in ${format(lastSentAt - sendStart)}`);
    await Promise.all(deliveries);

    // Wait for every run to complete, polling the simulator's state repository by repository.
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
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    driverLoop.disable();
    const allDoneAt = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 2000));
    clearInterval(sampler);
    await poll();
    const endMemory = memoryOf(appPid);
    if (endMemory) peakRssMb = Math.max(peakRssMb, endMemory.peakMb);

    // Each PR's head: exactly one check run of ours, completed by exactly one update, with the expected conclusion.
    const problems: string[] = [];
    let completedOnce = 0;
    const latencies: number[] = [];
    for (const record of sent) {
      const runs = runsBySha.get(record.pull.headSha) ?? [];
      const run = runs[0];
      const completions = run?.writes.filter((write) => write.body.status === 'completed').length ?? 0;
      const expected = record.vulnerable ? 'failure' : 'success';
      if (runs.length !== 1) problems.push(`PR ${record.index}: ${runs.length} check runs on its head`);
      else if (run!.status !== 'completed') problems.push(`PR ${record.index}: check run left ${run!.status}`);
      else if (completions !== 1) problems.push(`PR ${record.index}: completed ${completions} times`);
      else if (run!.conclusion !== expected) problems.push(`PR ${record.index} (${record.size}): conclusion ${run!.conclusion}, expected ${expected}: ${run!.output.title}`);
      else completedOnce++;
      const done = completedAt.get(record.pull.headSha);
      if (done) latencies.push(done - record.sentAt);
    }
    const webhookTimes = sent.flatMap((record) => (record.webhookMs === undefined ? [] : [record.webhookMs]));
    const badWebhooks = sent.filter((record) => record.webhookError !== undefined || record.webhookStatus === undefined || record.webhookStatus >= 300);
    const slowWebhooks = webhookTimes.filter((ms) => ms >= WEBHOOK_TARGET_MS);
    const analysisTimes = app
      .output()
      .split('\n')
      .flatMap((line) => {
        try {
          const entry = JSON.parse(line) as { msg?: string; durationMs?: number };
          return entry.msg === 'check run completed' && typeof entry.durationMs === 'number' ? [entry.durationMs] : [];
        } catch {
          return [];
        }
      });
    const recorded = await simulator.requests();
    const contract = contractProblems(recorded);
    const growthMb = endMemory && startMemory ? endMemory.rssMb - startMemory.rssMb : Number.NaN;

    say();
    say('━━ Soak results ━━');
    say(`  check runs completed exactly once, as expected : ${completedOnce} / ${PULL_REQUESTS}`);
    say(`  webhook responses       p50 ${format(quantile(webhookTimes, 0.5))}  p99 ${format(quantile(webhookTimes, 0.99))}  max ${format(Math.max(...webhookTimes))}  (${badWebhooks.length} not 2xx, ${slowWebhooks.length} ≥ ${WEBHOOK_TARGET_MS / 1000} s; statuses ${[...new Set(sent.map((record) => record.webhookStatus))].join('/')})`);
    say(`  webhook → completed     p50 ${format(quantile(latencies, 0.5))}  p99 ${format(quantile(latencies, 0.99))}  max ${format(Math.max(...latencies))}`);
    say(`  analysis (app's job)    p50 ${format(quantile(analysisTimes, 0.5))}  p99 ${format(quantile(analysisTimes, 0.99))}  (${analysisTimes.length} runs logged)`);
    say(`  app RSS                 start ${startMemory?.rssMb.toFixed(0)} MB, peak ${peakRssMb.toFixed(0)} MB, end ${endMemory?.rssMb.toFixed(0)} MB (${growthMb >= 0 ? '+' : ''}${growthMb.toFixed(0)} MB)`);
    say(`  API requests            ${recorded.length} (${contract.length} outside GitHub's OpenAPI description)`);
    say(`  soak driver's own loop  p99 ${format(driverLoop.percentile(99) / 1e6)}  max ${format(driverLoop.max / 1e6)} (its clock is what times the webhooks)`);
    say(`  all runs completed ${format(allDoneAt - lastSentAt)} after the last webhook; soak wall time ${format(Date.now() - began)}`);

    const missed: string[] = [];
    if (completedOnce !== PULL_REQUESTS) missed.push(`${PULL_REQUESTS - completedOnce} check runs not completed exactly once as expected: ${problems.slice(0, 5).join('; ')}`);
    if (badWebhooks.length > 0) missed.push(`${badWebhooks.length} webhooks not answered 2xx`);
    if (slowWebhooks.length > 0) missed.push(`${slowWebhooks.length} webhook responses took ${WEBHOOK_TARGET_MS / 1000} s or more`);
    if (lastSentAt - sendStart > 60_000) missed.push('the webhooks took longer than 60 s to send');
    if (!(peakRssMb < PEAK_RSS_LIMIT_MB)) missed.push(`peak RSS ${peakRssMb.toFixed(0)} MB is over the ${PEAK_RSS_LIMIT_MB} MB budget`);
    if (contract.length > 0) missed.push(`${contract.length} requests outside GitHub's OpenAPI description`);
    say();
    if (missed.length === 0) {
      say('✓ every target met');
      return 0;
    }
    for (const line of missed) say(`✗ ${line}`);
    return 1;
  } catch (error) {
    process.stderr.write(`The soak failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
    if (app) process.stderr.write(`--- app output (last 4,000 characters) ---\n${app.output().slice(-4000)}\n`);
    return 1;
  } finally {
    clearTimeout(hardStop);
    await app?.stop();
    await simulator?.close();
  }
}

// `--redis` (with `--workers N`): the same 200 PRs through queue mode (queue-soak.ts).
// `--big-pr` (embedded app) or `--big-pr --redis --workers N`: peak memory on PRs of 1,000 modified 1 MB files (queue-memory.ts).
process.exitCode = process.argv.includes('--big-pr')
  ? await (await import('./queue-memory.js')).bigPullRequestMemory(process.argv.slice(2))
  : process.argv.includes('--redis')
    ? await (await import('./queue-soak.js')).queueSoak(process.argv.slice(2))
    : await soak();
