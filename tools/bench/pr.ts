import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedFile } from './big-pr.js';
import { allowedApiCalls, type PrFigure, type PrFigures } from './report.js';

export const PR_SIZES = [20, 300, 3000] as const;

const INSTALLATION_ID = 4711;
const OWNER = 'acme';
const REPO = 'mcp-server';

/** What each size is measured on: the app just started (nothing cached), then the same app again. */
const PR_KINDS = [
  { kind: 'added files, app just started', status: 'added' },
  { kind: 'modified files, config cached', status: 'modified' },
] as const;

/**
 * PR figures against the loopback GitHub simulator: for each size, a fresh app process
 * (`probot run ./lib/app/index.js`, as deployed) gets a signed `pull_request` webhook for a PR
 * that adds the files, then one for a PR that modifies them; we time each to the completed
 * check run, count its API calls by endpoint (tarball downloads from codeload are not API calls;
 * the simulator logs them apart and they are counted apart) and read the app's peak RSS.
 */
export async function measurePullRequests(repoRoot: string, bigPr: readonly GeneratedFile[], log: (line?: string) => void): Promise<PrFigures> {
  const missing = ['build/test/support/simulator/server.js', 'build/test/support/simulator/scenario.js', 'build/test/support/simulator/app-process.js', 'lib/app/index.js'].filter(
    (path) => !existsSync(join(repoRoot, path)),
  );
  if (missing.length > 0) return { status: 'skipped', reason: `simulator/app not available (missing ${missing.join(', ')})` };

  let modules;
  try {
    modules = {
      server: await import('../../test/support/simulator/server.js'),
      scenario: await import('../../test/support/simulator/scenario.js'),
      appProcess: await import('../../test/support/simulator/app-process.js'),
    };
  } catch (error) {
    return { status: 'skipped', reason: `simulator/app not available (${describe(error)})` };
  }
  const { startGitHubSimulator } = modules.server;
  const { openPullRequestAndAwaitCheck, callsByEndpoint } = modules.scenario;
  const { generateAppCredentials, startApp } = modules.appProcess;

  const credentials = generateAppCredentials();
  const simulator = await startGitHubSimulator({ appId: credentials.appId, appPublicKey: credentials.publicKey });
  const runs: PrFigure[] = [];
  try {
    const repository = await simulator.addRepository({ owner: OWNER, name: REPO, files: { 'README.md': '# MCP server\n' } });
    await simulator.addInstallation({ id: INSTALLATION_ID, account: OWNER, repositories: [`${OWNER}/${REPO}`] });
    for (const size of PR_SIZES) {
      const appStarting = startApp({ credentials, githubHost: simulator.host, projectRoot: repoRoot, logLevel: 'warn' });
      simulator.warmUp();
      const app = await appStarting;
      try {
        for (const { kind, status } of PR_KINDS) {
          log(`PR of ${size} ${kind} against the simulator...`);
          const files = bigPr.slice(0, size);
          const changes = status === 'added'
            ? files.map((file) => ({ status: 'added' as const, filename: file.path, content: file.text }))
            : files.map((file) => ({ status: 'modified' as const, filename: file.path, baseContent: file.text, content: revised(file.text) }));
          let run;
          try {
            run = await openPullRequestAndAwaitCheck({
              simulator,
              app,
              webhookSecret: credentials.webhookSecret,
              repository,
              installationId: INSTALLATION_ID,
              title: `${status === 'added' ? 'Add' : 'Revise'} ${size} MCP server modules`,
              changes,
              timeoutMs: 10 * 60_000,
            });
          } catch (error) {
            return { status: 'failed', reason: `${size}-file PR (${kind}): ${describe(error)}\n--- app output (tail) ---\n${app.output().slice(-3000)}`, runs };
          }
          const apiRequests = run.requests;
          const firstRequest = apiRequests[0]?.sequence ?? Number.POSITIVE_INFINITY;
          const downloads = simulator.codeloadDownloads.filter((download) => download.afterApiRequest >= firstRequest).length;
          const apiCalls = Object.fromEntries(callsByEndpoint(apiRequests).map(({ endpoint, calls }) => [endpoint, calls]));
          const annotations = run.checkRun.annotations.length;
          runs.push({
            files: size,
            kind,
            wallMs: run.webhookToCompletedMs,
            apiCalls,
            totalApiCalls: apiRequests.length,
            downloads,
            annotations,
            allowedApiCalls: allowedApiCalls(size, annotations),
            appPeakRssMiB: peakRssMiB(app.pid),
            conclusion: run.checkRun.conclusion ?? 'none',
          });
        }
      } finally {
        await app.stop();
      }
    }
  } finally {
    await simulator.close();
  }
  return { status: 'measured', runs };
}

/** A revision of a module: a changed line near the top and a new export at the end, as a typical edit. */
export function revised(text: string): string {
  const lines = text.split('\n');
  const at = Math.min(2, lines.length - 1);
  lines[at] = `${lines[at]} // revised`;
  return `${lines.join('\n')}\nexport const revision = 2;\n`;
}

/** The process's high-water mark of resident memory (Linux `VmHWM`), read while it is still running. */
export function peakRssMiB(pid: number, procRoot = '/proc'): number {
  try {
    const status = readFileSync(join(procRoot, String(pid), 'status'), 'utf8');
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
