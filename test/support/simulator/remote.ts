/**
 * A simulator in a child process (`build/test/support/simulator/main.js`, compiled by tsconfig.tools.json), with the same control surface as the in-process one.
 * Jest cannot load openapi-backend (it requires an ESM-only module), so tests use this.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONTROL_PREFIX,
  decodeFromWire,
  encodeForWire,
  type ControlMethod,
  type SimulatorControl,
} from './control.js';
import type { DescriptionName } from './description.js';

export interface SpawnSimulatorOptions {
  appId: number;
  /** PEM of the app's public key; when given, app JWTs must be signed with the matching private key. */
  appPublicKeyPem?: string;
  descriptions?: DescriptionName[];
  /** Where `build/` (with `test/support/simulator/main.js`) is; found from this module's location by default. */
  projectRoot?: string;
  startTimeoutMs?: number;
}

export async function spawnGitHubSimulator(options: SpawnSimulatorOptions): Promise<SimulatorControl> {
  const projectRoot = options.projectRoot ?? findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
  const entry = path.join(projectRoot, 'build', 'test', 'support', 'simulator', 'main.js');
  if (!existsSync(entry)) throw new Error(`The simulator is not built: ${entry} does not exist (run 'npm run build:tools')`);

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    SIMULATOR_APP_ID: String(options.appId),
    SIMULATOR_DESCRIPTIONS: (options.descriptions ?? ['api.github.com']).join(','),
    ...(options.appPublicKeyPem ? { SIMULATOR_APP_PUBLIC_KEY: options.appPublicKeyPem } : {}),
  };
  const child = spawn(process.execPath, [entry], { cwd: projectRoot, env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'] });
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString('utf8')));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const address = await new Promise<{ url: string; port: number; host: string }>((resolve, reject) => {
    let buffered = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`The simulator did not start in time:\n${errors.join('')}`));
    }, options.startTimeoutMs ?? 30_000);
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      resolve(JSON.parse(buffered.slice(0, newline)) as { url: string; port: number; host: string });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`The simulator exited with code ${code}:\n${errors.join('')}`));
    });
  });

  const call = async (method: ControlMethod, args?: unknown): Promise<never> => {
    const response = await fetch(`${address.url}${CONTROL_PREFIX}/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(encodeForWire({ args })),
    });
    const payload = decodeFromWire(await response.json()) as { result?: unknown; error?: string };
    if (!response.ok) throw new Error(`Simulator ${method} failed: ${payload.error ?? response.status}`);
    return payload.result as never;
  };

  return {
    ...address,
    addRepository: (request) => call('addRepository', request),
    addInstallation: (request) => call('addInstallation', request),
    addPullRequest: (request) => call('addPullRequest', request),
    setDefaultBranchFile: (request) => call('setDefaultBranchFile', request),
    injectFault: (fault) => call('injectFault', fault),
    checkRuns: (request) => call('checkRuns', request),
    requests: () => call('requests'),
    clearRequests: () => call('clearRequests'),
    waitForCompletedCheckRun: (request) => call('waitForCompletedCheckRun', request),
    async close() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function findProjectRoot(start: string): string {
  let directory = start;
  while (!existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`No package.json above ${start}`);
    directory = parent;
  }
  return directory;
}
