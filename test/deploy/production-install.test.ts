/**
 * The Dockerfile's runtime stage, outside Docker (no engine here): pack the project as npm would
 * publish it, install only its production dependencies from the lockfile in a temporary folder,
 * start the app there the two ways it is started (`probot run` and the image's
 * `node lib/app/server.js`), and ask the health route. Also: in production, no WEBHOOK_SECRET,
 * no start. Uses the npm cache first; the registry is only asked for what the cache lacks.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '../support/simulator/app-process.js';
import { PRIVATE_KEY } from '../helpers/private-key.js';

const run = promisify(execFile);
const PROJECT = process.cwd();

let workdir: string;
let installed: string;
const children: ChildProcess[] = [];

beforeAll(async () => {
  if (!existsSync(join(PROJECT, 'lib', 'app', 'index.js'))) throw new Error('lib/app/index.js is missing: build first (npm test does it in its global setup)');
  workdir = mkdtempSync(join(tmpdir(), 'mcp-oauth-guard-deploy-'));
  // The build already ran; `prepare` would run it again.
  await run('npm', ['pack', '--ignore-scripts', '--pack-destination', workdir, '--silent'], { cwd: PROJECT });
  const tarball = readdirSync(workdir).find((name) => name.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack produced no tarball');
  await run('tar', ['-xzf', join(workdir, tarball), '-C', workdir]);
  installed = join(workdir, 'package');
  copyFileSync(join(PROJECT, 'package-lock.json'), join(installed, 'package-lock.json'));
  await run('npm', ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: installed, timeout: 150_000 });
}, 180_000);

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  if (workdir) rmSync(workdir, { recursive: true, force: true });
});

/** Only what the container would have: no developer credentials leak in from this shell. */
function productionEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'production', LOG_LEVEL: 'warn', ...extra };
}

function start(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, args, { cwd: installed, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForHealth(port: number, exited: Promise<number | null>, output: () => string): Promise<Record<string, unknown>> {
  let stopped = false;
  void exited.then(() => (stopped = true));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline && !stopped) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`);
      if (response.status === 200) return (await response.json()) as Record<string, unknown>;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no healthy answer on port ${port}; output:\n${output()}`);
}

const ENTRIES: [string, string[]][] = [
  ['probot run ./lib/app/index.js', ['node_modules/probot/bin/probot.js', 'run', './lib/app/index.js']],
  ['node lib/app/server.js (the image command)', ['lib/app/server.js']],
];

describe('a production install of the packed app', () => {
  it('contains the compiled app and the manifest, and no dev dependency', () => {
    expect(existsSync(join(installed, 'lib', 'app', 'index.js'))).toBe(true);
    expect(existsSync(join(installed, 'app.yml'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules', 'probot'))).toBe(true);
    expect(existsSync(join(installed, 'node_modules', 'jest'))).toBe(false);
    expect(existsSync(join(installed, 'node_modules', 'nock'))).toBe(false);
  });

  it.each(ENTRIES)('%s starts and answers the health route', async (_name, args) => {
    const port = await freePort();
    const { child, output, exited } = start(args, productionEnv({ APP_ID: '123', PRIVATE_KEY, WEBHOOK_SECRET: 'deploy-test-secret', HOST: '127.0.0.1', PORT: String(port) }));
    const health = await waitForHealth(port, exited, output);
    expect(health).toMatchObject({ status: 'ok', name: 'mcp-oauth-guard' });
    child.kill('SIGTERM');
    await exited;
    expect(output()).not.toContain('deploy-test-secret');
  }, 60_000);

  it.each(ENTRIES)('%s refuses to start in production without WEBHOOK_SECRET', async (_name, args) => {
    const port = await freePort();
    const { output, exited } = start(args, productionEnv({ APP_ID: '123', PRIVATE_KEY, HOST: '127.0.0.1', PORT: String(port) }));
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([exited, new Promise<'running'>((resolve) => (timer = setTimeout(() => resolve('running'), 30_000)))]);
    clearTimeout(timer);
    expect(code).not.toBe('running');
    expect(code).not.toBe(0);
    expect(output()).toContain('WEBHOOK_SECRET is not set');
  }, 60_000);
});
