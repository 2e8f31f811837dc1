import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedFile } from './big-pr.js';
import { allowedApiCalls, type PrFigure, type PrFigures } from './report.js';

export const PR_SIZES = [20, 300, 3000] as const;

const INSTALLATION_ID = 4711;
const OWNER = 'acme';
const REPO = 'mcp-server';

/**
 * PR figures against the loopback GitHub simulator: for each size, a fresh app process
 * (`probot run ./lib/app/index.js`, as deployed) gets the signed `pull_request` webhook; we time it
 * to the completed check run, count its API calls by endpoint and read its peak RSS.
 */
export async function measurePullRequests(repoRoot: string, bigPr: readonly GeneratedFile[], log: (line?: string) => void): Promise<PrFigures> {
  const missing = ['lib/simulator/server.js', 'lib/simulator/scenario.js', 'lib/simulator/app-process.js', 'lib/app/index.js'].filter(
    (path) => !existsSync(join(repoRoot, path)),
  );
  if (missing.length > 0) return { status: 'skipped', reason: `simulator/app not available (missing ${missing.join(', ')})` };

  let modules;
  try {
    modules = {
      server: await import('../simulator/server.js'),
      scenario: await import('../simulator/scenario.js'),
      appProcess: await import('../simulator/app-process.js'),
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
      log(`PR of ${size} files against the simulator...`);
      const appStarting = startApp({ credentials, githubHost: simulator.host, projectRoot: repoRoot, logLevel: 'warn' });
      simulator.warmUp();
      const app = await appStarting;
      try {
        const changes = bigPr.slice(0, size).map((file) => ({ status: 'added' as const, filename: file.path, content: file.text }));
        const run = await openPullRequestAndAwaitCheck({
          simulator,
          app,
          webhookSecret: credentials.webhookSecret,
          repository,
          installationId: INSTALLATION_ID,
          title: `Add ${size} MCP server modules`,
          changes,
          timeoutMs: 10 * 60_000,
        });
        const apiCalls = Object.fromEntries(callsByEndpoint(run.requests).map(({ endpoint, calls }) => [endpoint, calls]));
        const annotations = run.checkRun.annotations.length;
        runs.push({
          files: size,
          wallMs: run.webhookToCompletedMs,
          apiCalls,
          totalApiCalls: run.requests.length,
          annotations,
          allowedApiCalls: allowedApiCalls(size, annotations),
          appPeakRssMiB: peakRssMiB(app.pid),
          conclusion: run.checkRun.conclusion ?? 'none',
        });
      } catch (error) {
        return { status: 'failed', reason: `${size}-file PR: ${describe(error)}\n--- app output (tail) ---\n${app.output().slice(-3000)}`, runs };
      } finally {
        await app.stop();
      }
    }
  } finally {
    await simulator.close();
  }
  return { status: 'measured', runs };
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
