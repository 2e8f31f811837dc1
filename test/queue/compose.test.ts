/**
 * docker-compose.yml kept honest without a Docker engine: every service's command and health
 * check is run here as written (the image's working directory is the repository root, as in the
 * Dockerfile), with the environment the file gives it. Redis runs from the same arguments.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { queueSettingsFromEnv } from '../../src/queue/settings.js';
import { describeWithRedis, hasRedisServerBinary, REDIS_URL, uniqueQueueName, dropQueueKeys } from './support/redis.js';
import { freePort, generateAppCredentials } from './support/simulator.js';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

interface Service {
  command: string[];
  environment?: Record<string, string>;
  healthcheck: { test: string[] };
  read_only?: boolean;
  user?: string;
  deploy?: { replicas?: unknown };
}
const compose = parse(readFileSync(path.join(projectRoot, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;

/** Compose's `${NAME:-default}` and `${NAME:?message}` with test values for the required ones. */
function resolveEnvironment(environment: Record<string, string> = {}, given: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(environment).map(([name, value]) => [name, String(value).replace(/\$\{(\w+)(?::([-?])([^}]*))?\}/g, (_, variable: string, kind?: string, rest?: string) => given[variable] ?? (kind === '-' ? (rest ?? '') : ''))]),
  );
}

test('three services; the app services run as the unprivileged user on a read-only filesystem, with health checks', () => {
  expect(Object.keys(services).sort()).toEqual(['receiver', 'redis', 'worker']);
  for (const name of ['receiver', 'worker']) {
    expect(services[name]).toMatchObject({ user: 'node', read_only: true });
    expect(services[name]!.healthcheck.test[0]).toBe('CMD');
    expect(services[name]!.environment?.REDIS_URL).toBe('redis://redis:6379');
  }
  expect(services.redis!.command).toEqual(expect.arrayContaining(['--appendonly', 'yes']));
  expect(services.worker!.deploy?.replicas).toBeDefined();
  // Every queue setting the file sets is one the code accepts.
  expect(() => queueSettingsFromEnv(resolveEnvironment(services.worker!.environment, { APP_ID: '1', PRIVATE_KEY: 'k', WEBHOOK_SECRET: 's' }))).not.toThrow();
});

const describeRedis = hasRedisServerBinary() ? test : test.skip;
describeRedis("the redis service's command starts Redis with AOF, and its health check passes", async () => {
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'compose-redis-'));
  const [binary, ...args] = services.redis!.command;
  // Same arguments, with the test's data directory for the volume's /data, on a loopback port.
  const ownArgs = args.map((arg, index) => (args[index - 1] === '--dir' ? dir : arg));
  expect(ownArgs).not.toEqual(args);
  const redis = spawn(binary!, [...ownArgs, '--port', String(port), '--bind', '127.0.0.1'], { stdio: 'ignore' });
  const exited = new Promise((resolve) => redis.once('exit', resolve));
  try {
    const [check, ...checkArgs] = services.redis!.healthcheck.test.slice(1);
    let healthy = false;
    for (let attempt = 0; attempt < 50 && !healthy; attempt++) {
      healthy = spawnSync(check!, ['-p', String(port), ...checkArgs], { encoding: 'utf8' }).stdout.trim() === 'PONG';
      if (!healthy) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(healthy).toBe(true);
    expect(spawnSync('redis-cli', ['-p', String(port), 'config', 'get', 'appendonly'], { encoding: 'utf8' }).stdout).toContain('yes');
  } finally {
    redis.kill('SIGTERM');
    await exited;
    rmSync(dir, { recursive: true, force: true });
  }
});

describeWithRedis('the receiver and worker commands, with their health checks', () => {
  const queueName = uniqueQueueName('compose');
  afterAll(() => dropQueueKeys(REDIS_URL!, queueName));

  test.each(['receiver', 'worker'])('%s starts from its compose command and passes its health check', async (name) => {
    const service = services[name]!;
    const credentials = generateAppCredentials(77);
    const port = await freePort();
    const environment = {
      ...resolveEnvironment(service.environment, { APP_ID: String(credentials.appId), PRIVATE_KEY: credentials.privateKeyPem, WEBHOOK_SECRET: credentials.webhookSecret, GHE_HOST: '127.0.0.1:9' }),
      // Loopback stand-ins for compose's network: the test's Redis, a free port.
      REDIS_URL: REDIS_URL!,
      QUEUE_NAME: queueName,
      HOST: '127.0.0.1',
      METRICS_HOST: '127.0.0.1',
      ...(name === 'receiver' ? { PORT: String(port) } : { METRICS_PORT: String(port), ANALYSIS_THREADS: '1' }),
      PATH: process.env.PATH ?? '',
    };
    const [binary, ...args] = service.command;
    expect(binary).toBe('node');
    const child = spawn(process.execPath, args, { cwd: projectRoot, env: environment, stdio: ['ignore', 'pipe', 'pipe'] });
    const output: string[] = [];
    child.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    try {
      const [, check, ...checkArgs] = service.healthcheck.test;
      expect(check).toBe('node');
      let healthy = false;
      for (let attempt = 0; attempt < 100 && !healthy && child.exitCode === null; attempt++) {
        healthy = spawnSync(process.execPath, checkArgs, { env: environment, timeout: 5000 }).status === 0;
        if (!healthy) await new Promise((resolve) => setTimeout(resolve, 200));
      }
      if (!healthy) throw new Error(`${name} never became healthy:\n${output.join('')}`);
      // SIGTERM (docker stop) ends it cleanly.
      child.kill('SIGTERM');
      const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
      expect(code).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 60_000);
});
