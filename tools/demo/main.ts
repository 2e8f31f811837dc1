/**
 * `npm run demo`: the whole product on one machine, with no network.
 * Starts the GitHub simulator and the real app, opens two pull requests (the vulnerable example MCP server and
 * its hardened twin), delivers the signed webhooks, waits for the check runs and shows them as GitHub would.
 * Also measures what a 20-file PR costs in API calls. Exits 0 when the vulnerable PR fails and the hardened passes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAppCredentials, startApp, stopOnInterrupt, type RunningApp } from '../../test/support/simulator/app-process.js';
import { contractProblems, type RepositorySummary } from '../../test/support/simulator/control.js';
import { addedFilesFromFolder } from '../../test/support/simulator/pull-request-files.js';
import { callsByEndpoint, openPullRequestAndAwaitCheck, type PullRequestRun } from '../../test/support/simulator/scenario.js';
import { startGitHubSimulator, type GitHubSimulator } from '../../test/support/simulator/server.js';
import type { FileChange } from '../../test/support/simulator/world.js';
import { COLOURS, formatSeconds, PLAIN, renderHtml, renderTerminal, type CheckRunView } from './render.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const INSTALLATION_ID = 4242;
const OWNER = 'acme';
const REPO = 'mcp-github-tools';

interface Scenario {
  title: string;
  folder: string;
  expectedConclusion: 'failure' | 'success';
}

const SCENARIOS: Scenario[] = [
  { title: 'Add the GitHub and Google tools', folder: 'vulnerable-server', expectedConclusion: 'failure' },
  { title: 'Add the GitHub and Google tools, hardened', folder: 'hardened-server', expectedConclusion: 'success' },
];

async function main(): Promise<number> {
  const style = process.stdout.isTTY && !process.env.NO_COLOR ? COLOURS : PLAIN;
  const say = (text = '') => process.stdout.write(`${text}\n`);
  const began = Date.now();
  let simulator: GitHubSimulator | undefined;
  let app: RunningApp | undefined;
  const stopAll = async () => {
    await app?.stop();
    await simulator?.close();
  };
  stopOnInterrupt(stopAll);

  try {
    const credentials = generateAppCredentials();
    simulator = await startGitHubSimulator({
      appId: credentials.appId,
      appPublicKey: credentials.publicKey,
      descriptions: ['api.github.com', 'ghes-3.19'],
    });
    say(style.dim(`GitHub simulator on ${simulator.url} (requests checked against GitHub's OpenAPI descriptions for github.com and GHES 3.19)`));
    const repository = await simulator.addRepository({ owner: OWNER, name: REPO, files: { 'README.md': '# MCP GitHub tools\n' } });
    await simulator.addInstallation({ id: INSTALLATION_ID, account: OWNER, repositories: [`${OWNER}/${REPO}`] });
    const appStarting = startApp({ credentials, githubHost: simulator.host, projectRoot, logLevel: 'warn' });
    simulator.warmUp();
    app = await appStarting;
    say(style.dim(`App (probot run ./lib/app/index.js) on ${app.url}, GHE_HOST=${simulator.host}`));
    say();

    const views: CheckRunView[] = [];
    for (const scenario of SCENARIOS) {
      const changes = addedFilesFromFolder(path.join(projectRoot, 'examples', scenario.folder));
      const run = await openAndCheck(simulator, app, credentials.webhookSecret, repository, scenario.title, changes);
      const view: CheckRunView = {
        heading: `PR #${run.pull.number}: ${scenario.title} (examples/${scenario.folder})`,
        expectedConclusion: scenario.expectedConclusion,
        run: run.checkRun,
        files: textFiles(changes),
        webhookToCompletedMs: run.webhookToCompletedMs,
        calls: callsByEndpoint(run.requests),
      };
      views.push(view);
      say(renderTerminal(view, style));
      say();
    }

    // The cost of a 20-file PR: both examples and a second copy of the hardened one, under packages/.
    const twentyFiles = [
      ...addedFilesFromFolder(path.join(projectRoot, 'examples', 'vulnerable-server'), { pathPrefix: 'packages/vulnerable/' }),
      ...addedFilesFromFolder(path.join(projectRoot, 'examples', 'hardened-server'), { pathPrefix: 'packages/hardened/' }),
      ...addedFilesFromFolder(path.join(projectRoot, 'examples', 'hardened-server'), { pathPrefix: 'packages/hardened-copy/' }),
    ];
    const costRun = await openAndCheck(simulator, app, credentials.webhookSecret, repository, `A ${twentyFiles.length}-file PR`, twentyFiles);
    say(style.bold(`━━ API cost of a ${twentyFiles.length}-file PR (PR #${costRun.pull.number}, ${costRun.checkRun.conclusion}) ━━`));
    for (const { endpoint, calls } of callsByEndpoint(costRun.requests)) say(`  ${String(calls).padStart(4)}  ${endpoint}`);
    say(`  ${String(costRun.requests.length).padStart(4)}  ${style.dim('in total')}, ${formatSeconds(costRun.webhookToCompletedMs)} from webhook to completed run`);
    say();

    const htmlPath = path.join(projectRoot, 'demo-output', 'check-runs.html');
    mkdirSync(path.dirname(htmlPath), { recursive: true });
    writeFileSync(htmlPath, renderHtml(views, new Date()));

    const problems = contractProblems(simulator.recorded);
    const outcomes = views.map((view) => ({ view, ok: view.run.conclusion === view.expectedConclusion }));
    say(style.bold('━━ Result ━━'));
    for (const { view, ok } of outcomes) {
      const verdict = ok ? style.green('as expected') : style.red(`expected ${view.expectedConclusion}`);
      say(`  ${ok ? style.green('✓') : style.red('✗')} ${view.heading}: ${view.run.conclusion} (${verdict})`);
    }
    say(
      problems.length === 0
        ? `  ${style.green('✓')} all ${simulator.recorded.length} API requests were valid per GitHub's OpenAPI descriptions`
        : `  ${style.red('✗')} ${problems.length} API requests broke GitHub's OpenAPI descriptions:\n${problems.map((problem) => `      ${problem.method} ${problem.url} → ${problem.status}: ${JSON.stringify([...problem.violations, ...problem.responseViolations])}`).join('\n')}`,
    );
    const timings = [...views.map((view) => view.webhookToCompletedMs), costRun.webhookToCompletedMs].map(formatSeconds);
    say(`  Webhook to completed run: ${timings.join(', ')} (PR #1, #2, #3; the first includes the app's cold start)`);
    say(`  HTML view: ${htmlPath}`);
    say(style.dim(`  Demo wall time ${formatSeconds(Date.now() - began)}`));
    return outcomes.every((outcome) => outcome.ok) && problems.length === 0 ? 0 : 1;
  } catch (error) {
    process.stderr.write(`The demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
    if (app) process.stderr.write(`--- app output ---\n${app.output()}\n`);
    return 1;
  } finally {
    await stopAll();
  }
}

function openAndCheck(
  simulator: GitHubSimulator,
  app: RunningApp,
  webhookSecret: string,
  repository: RepositorySummary,
  title: string,
  changes: FileChange[],
): Promise<PullRequestRun> {
  return openPullRequestAndAwaitCheck({ simulator, app, webhookSecret, repository, installationId: INSTALLATION_ID, title, changes });
}

function textFiles(changes: FileChange[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const change of changes) {
    if ('content' in change) files.set(change.filename, typeof change.content === 'string' ? change.content : change.content.toString('utf8'));
  }
  return files;
}

process.exitCode = await main();
