/**
 * Runs the real GitHub App (`probot run ./lib/app/index.js`) as a child process pointed at the simulator,
 * exactly as it is deployed: Probot's standard environment, a generated private key, HTTP webhooks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export interface AppCredentials {
  appId: number;
  privateKeyPem: string;
  publicKey: KeyObject;
  webhookSecret: string;
}

/** A fresh RSA key pair and secret, like the ones GitHub issues when an app is registered. */
export function generateAppCredentials(appId = 424242): AppCredentials {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    appId,
    privateKeyPem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey,
    webhookSecret: `simulated-${Math.random().toString(36).slice(2)}`,
  };
}

export interface StartAppOptions {
  credentials: AppCredentials;
  /** `127.0.0.1:<port>` of the simulator (Probot's `GHE_HOST`). */
  githubHost: string;
  /** The repository root (where `lib/app/index.js` and `node_modules` live). */
  projectRoot: string;
  appEntry?: string;
  logLevel?: string;
  /** Extra environment for the app (e.g. config knobs under test). */
  env?: Record<string, string>;
  startTimeoutMs?: number;
}

export interface RunningApp {
  readonly url: string;
  readonly webhookUrl: string;
  readonly pid: number;
  /** Everything the app printed, for diagnosis when a test fails. */
  output(): string;
  stop(): Promise<void>;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export function defaultAppEntry(projectRoot: string): string {
  return path.join(projectRoot, 'lib', 'app', 'index.js');
}

export async function startApp(options: StartAppOptions): Promise<RunningApp> {
  const entry = options.appEntry ?? defaultAppEntry(options.projectRoot);
  if (!existsSync(entry)) throw new Error(`The app is not built: ${entry} does not exist (run 'npm run build')`);
  // probot's package.json `exports` hide its bin from resolvers, so take the installed file itself.
  const probotBin = path.join(options.projectRoot, 'node_modules', 'probot', 'bin', 'probot.js');
  if (!existsSync(probotBin)) throw new Error(`Probot is not installed: ${probotBin} does not exist (run 'npm ci')`);
  const port = await freePort();

  // Only what Probot needs: the parent's own GitHub settings (GHE_HOST, WEBHOOK_PROXY_URL) must not leak in.
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    APP_ID: String(options.credentials.appId),
    PRIVATE_KEY: options.credentials.privateKeyPem,
    WEBHOOK_SECRET: options.credentials.webhookSecret,
    PORT: String(port),
    HOST: '127.0.0.1',
    GHE_HOST: options.githubHost,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: options.logLevel ?? 'info',
    LOG_FORMAT: 'json',
    ...options.env,
  };
  const child = spawn(process.execPath, [probotBin, 'run', entry], {
    cwd: options.projectRoot,
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  installExitHook();
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.once('exit', () => running.delete(child));

  const url = `http://127.0.0.1:${port}`;
  const app: RunningApp = {
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    pid: child.pid ?? -1,
    output: () => chunks.join(''),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 20_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with code ${child.exitCode} before listening:\n${app.output()}`);
    if (await answersPing(url)) return app;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await app.stop();
  throw new Error(`The app did not answer ${url}/ping within the start timeout:\n${app.output()}`);
}

async function answersPing(url: string): Promise<boolean> {
  try {
    const response = await fetch(`${url}/ping`, { signal: AbortSignal.timeout(1000) });
    await response.text();
    return response.ok;
  } catch {
    return false;
  }
}

/** A port the OS considers free right now (the app binds it a moment later). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Ctrl-C or SIGTERM: run `stop` (the app, the simulator), then exit 130 as a shell expects of an interrupted command. */
export function stopOnInterrupt(stop: () => Promise<unknown>): void {
  const interrupt = () => void stop().finally(() => process.exit(130));
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
}

/** Children must not outlive the demo or a test run, even on Ctrl-C. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of running) child.kill('SIGKILL');
  });
}
