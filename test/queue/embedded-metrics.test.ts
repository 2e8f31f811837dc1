/**
 * The embedded mode (no REDIS_URL) serves /metrics too: the app as deployed (`probot run`)
 * against the GitHub simulator, one PR, then a scrape. No Redis needed, so no queue gauges.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { scrape } from './support/processes.js';
import { addedFilesFromFolder, generateAppCredentials, openPullRequestAndAwaitCheck, spawnGitHubSimulator, startApp, type RepositorySummary, type RunningApp, type SimulatorControl } from './support/simulator.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const credentials = generateAppCredentials(5050);
let simulator: SimulatorControl;
let app: RunningApp;
let repository: RepositorySummary;

beforeAll(async () => {
  simulator = await spawnGitHubSimulator({ appId: credentials.appId, appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(), projectRoot });
  repository = await simulator.addRepository({ owner: 'initech', name: 'mcp', files: { 'README.md': '# mcp\n' } });
  await simulator.addInstallation({ id: 606, account: 'initech', repositories: ['initech/mcp'] });
  app = await startApp({ credentials, githubHost: simulator.host, projectRoot, logLevel: 'warn', env: { ANALYSIS_THREADS: '1' } });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await simulator?.close();
});

test('after one analysed PR, /metrics counts its findings, API calls, rate limit and job duration', async () => {
  const before = await scrape(app.url);
  expect(before.status).toBe(200);
  expect(before.values.get('guard_findings_total{rule="missing-pkce"}')).toBeUndefined();
  const run = await openPullRequestAndAwaitCheck({
    simulator,
    app,
    webhookSecret: credentials.webhookSecret,
    repository,
    installationId: 606,
    title: 'Add tools',
    changes: addedFilesFromFolder(path.join(projectRoot, 'examples', 'vulnerable-server')),
  });
  expect(run.checkRun.conclusion).toBe('failure');
  const after = await scrape(app.url);
  expect(after.values.get('guard_findings_total{rule="missing-pkce"}')).toBeGreaterThan(0);
  expect(after.values.get('guard_job_duration_seconds_count{outcome="completed"}')).toBe(1);
  expect(after.values.get('guard_github_api_requests_total{status="201"}')).toBeGreaterThanOrEqual(1);
  expect(after.values.get('guard_github_rate_limit_remaining{installation="606"}')).toBeLessThan(5000);
  expect(after.text).not.toContain('guard_queue_jobs');
}, 120_000);
