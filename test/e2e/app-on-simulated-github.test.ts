/**
 * End to end without nock: the real app (`probot run ./lib/app/index.js`, a child process) talks HTTP to the
 * simulated GitHub (another child process, GitHub Enterprise style under /api/v3), receives signed webhooks,
 * and every request it makes must be valid per GitHub's OpenAPI descriptions (github.com and GHES 3.19).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAppCredentials, startApp, type RunningApp } from '../support/simulator/app-process.js';
import { contractProblems, type RepositorySummary, type SimulatorControl } from '../support/simulator/control.js';
import { addedFilesFromFolder } from '../support/simulator/pull-request-files.js';
import { spawnGitHubSimulator } from '../support/simulator/remote.js';
import { GUARD_CHECK_NAME, openPullRequestAndAwaitCheck, type PullRequestRun } from '../support/simulator/scenario.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const INSTALLATION_ID = 5150;
const credentials = generateAppCredentials(90210);

let simulator: SimulatorControl;
let app: RunningApp;
let repository: RepositorySummary;

const STEP_TIMEOUT_MS = 120_000;

beforeAll(async () => {
  simulator = await spawnGitHubSimulator({
    appId: credentials.appId,
    appPublicKeyPem: credentials.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    descriptions: ['api.github.com', 'ghes-3.19'],
    projectRoot,
  });
  repository = await simulator.addRepository({ owner: 'acme', name: 'mcp-github-tools', files: { 'README.md': '# MCP GitHub tools\n' } });
  await simulator.addInstallation({ id: INSTALLATION_ID, account: 'acme', repositories: ['acme/mcp-github-tools'] });
  app = await startApp({ credentials, githubHost: simulator.host, projectRoot, logLevel: 'warn' });
}, STEP_TIMEOUT_MS);

afterAll(async () => {
  await app?.stop();
  await simulator?.close();
});

async function checkFolder(folder: string, title: string): Promise<PullRequestRun> {
  try {
    return await openPullRequestAndAwaitCheck({
      simulator,
      app,
      webhookSecret: credentials.webhookSecret,
      repository,
      installationId: INSTALLATION_ID,
      title,
      changes: addedFilesFromFolder(path.join(projectRoot, 'examples', folder)),
    });
  } catch (error) {
    throw new Error(`${String(error)}\n--- app output ---\n${app.output()}`);
  }
}

describe('the GitHub App against the simulated GitHub', () => {
  it('fails the check with annotations on the vulnerable MCP server PR', async () => {
    const run = await checkFolder('vulnerable-server', 'Add the GitHub and Google tools');
    expect(run.webhook.status).toBeLessThan(300);
    expect(run.checkRun).toMatchObject({ name: GUARD_CHECK_NAME, status: 'completed', conclusion: 'failure', headSha: run.pull.headSha });
    expect(run.checkRun.output.title).toEqual(expect.any(String));
    expect(run.checkRun.output.summary).toEqual(expect.any(String));
    expect(run.checkRun.annotations.length).toBeGreaterThan(0);
    expect(run.checkRun.annotations.every((annotation) => annotation.path.startsWith('src/'))).toBe(true);
    expect(run.checkRun.annotations.some((annotation) => annotation.annotation_level === 'failure')).toBe(true);
    // One run per head SHA.
    expect(await simulator.checkRuns({ owner: 'acme', repo: 'mcp-github-tools', headSha: run.pull.headSha })).toHaveLength(1);
    // The app reached GitHub the way Probot does with GHE_HOST: under /api/v3, authenticated.
    expect(run.requests.length).toBeGreaterThan(0);
    expect(run.requests.every((request) => request.prefix === '/api/v3')).toBe(true);
    expect(run.requests.map((request) => request.operationId)).toEqual(
      // Added files are rebuilt from their patches, so this all-new PR needs no blob reads.
      expect.arrayContaining(['apps/create-installation-access-token', 'pulls/list-files', 'checks/create', 'checks/update']),
    );
  }, STEP_TIMEOUT_MS);

  it('passes the check on the hardened twin', async () => {
    const run = await checkFolder('hardened-server', 'Add the GitHub and Google tools, hardened');
    expect(run.checkRun).toMatchObject({ name: GUARD_CHECK_NAME, status: 'completed', conclusion: 'success' });
    expect(run.checkRun.annotations).toEqual([]);
  }, STEP_TIMEOUT_MS);

  it('made only requests that GitHub’s OpenAPI descriptions allow', async () => {
    const requests = await simulator.requests();
    expect(requests.length).toBeGreaterThan(0);
    expect(contractProblems(requests)).toEqual([]);
    expect(requests.filter((request) => request.status >= 400)).toEqual(
      // The only refusals are the config lookups that find no file (repository, then the org .github fallback).
      requests.filter((request) => request.status === 404 && request.operationId === 'repos/get-content'),
    );
  });
});
