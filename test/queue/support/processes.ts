/**
 * The queue-mode processes as deployed: receivers (`node lib/app/server.js` with REDIS_URL) and
 * workers (`node lib/queue/worker-main.js`), each a child process on loopback.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { freePort, type AppCredentials } from './simulator.js';

export interface QueueProcess {
  readonly pid: number;
  /** Receiver: the base URL; worker: its metrics/health server. */
  readonly url: string;
  readonly webhookUrl: string;
  output(): string;
  /** JSON log lines with this message. */
  logs(message: string): Array<Record<string, unknown>>;
  exited(): boolean;
  exitCode(): number | null;
  kill(signal: NodeJS.Signals): void;
  stop(): Promise<void>;
}

export interface QueueProcessOptions {
  projectRoot: string;
  credentials: AppCredentials;
  githubHost: string;
  redisUrl: string;
  queueName: string;
  env?: Record<string, string>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function baseEnv(options: QueueProcessOptions, port: number): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    NODE_ENV: 'test',
    APP_ID: String(options.credentials.appId),
    PRIVATE_KEY: options.credentials.privateKeyPem,
    WEBHOOK_SECRET: options.credentials.webhookSecret,
    GHE_HOST: options.githubHost,
    GHE_PROTOCOL: 'http',
    LOG_LEVEL: 'info',
    LOG_FORMAT: 'json',
    REDIS_URL: options.redisUrl,
    QUEUE_NAME: options.queueName,
    PORT: String(port),
    HOST: '127.0.0.1',
    METRICS_PORT: String(port),
    METRICS_HOST: '127.0.0.1',
    ANALYSIS_THREADS: '1',
    ...options.env,
  };
}

async function launch(entry: string, options: QueueProcessOptions, readyPath: string): Promise<QueueProcess> {
  const file = path.join(options.projectRoot, entry);
  if (!existsSync(file)) throw new Error(`not built: ${file} (run 'npm run build')`);
  const port = await freePort();
  const child = spawn(process.execPath, [file], { cwd: options.projectRoot, env: baseEnv(options, port) as NodeJS.ProcessEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const chunks: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => chunks.push(chunk.toString('utf8')));
  const exitedPromise = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const handle: QueueProcess = {
    pid: child.pid ?? -1,
    url,
    webhookUrl: `${url}/api/github/webhooks`,
    output: () => chunks.join(''),
    logs(message) {
      return chunks
        .join('')
        .split('\n')
        .flatMap((line) => {
          try {
            const entry = JSON.parse(line) as Record<string, unknown>;
            return entry.msg === message ? [entry] : [];
          } catch {
            return [];
          }
        });
    },
    exited: () => child.exitCode !== null || child.signalCode !== null,
    exitCode: () => child.exitCode,
    kill: (signal) => void child.kill(signal),
    async stop() {
      if (handle.exited()) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitedPromise;
      clearTimeout(timer);
    },
  };
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (handle.exited()) throw new Error(`${entry} exited before it was ready:\n${handle.output()}`);
    try {
      const response = await fetch(`${url}${readyPath}`, { signal: AbortSignal.timeout(1000) });
      await response.text();
      if (response.ok) return handle;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await handle.stop();
  throw new Error(`${entry} was not ready within 30 s:\n${handle.output()}`);
}

export function startReceiver(options: QueueProcessOptions): Promise<QueueProcess> {
  return launch(path.join('lib', 'app', 'server.js'), options, '/ping');
}

export function startWorker(options: QueueProcessOptions): Promise<QueueProcess> {
  return launch(path.join('lib', 'queue', 'worker-main.js'), options, '/healthz');
}

/** Parses Prometheus text into `name{labels}` → value. */
export function parseMetrics(text: string): Map<string, number> {
  const values = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const match = /^(\S+?)(\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (match) values.set(`${match[1]}${match[2] ?? ''}`, Number(match[3]));
  }
  return values;
}

export async function scrape(url: string): Promise<{ status: number; contentType: string | null; text: string; values: Map<string, number> }> {
  const response = await fetch(`${url}/metrics`);
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get('content-type'), text, values: parseMetrics(text) };
}
