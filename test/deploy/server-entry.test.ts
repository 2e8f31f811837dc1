/**
 * `npm start` and the Docker image run the same entry, `node lib/app/server.js`: one redacting
 * logger with one `name` per JSON line, a shutdown line on SIGTERM, and /healthz in setup mode too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRIVATE_KEY } from '../helpers/private-key.js';
import { freePort } from '../support/simulator/app-process.js';

const children: ChildProcess[] = [];
let home: string;

beforeAll(() => {
  home = mkdtempSync(join(tmpdir(), 'mcp-oauth-guard-home-'));
});

afterAll(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['lib/app/server.js'], { env: { PATH: process.env.PATH ?? '', HOME: home, LOG_LEVEL: 'info', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function health(port: number, output: () => string): Promise<{ status: number; body: Record<string, unknown> }> {
  for (let attempt = 0; attempt < 150; attempt++) {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`).catch(() => undefined);
    if (response) return { status: response.status, body: (await response.json()) as Record<string, unknown> };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer on port ${port}; output:\n${output()}`);
}

/** Every stdout line is one JSON object with at most one "name" key (pino writes duplicate keys as they come). */
function expectCleanJsonLines(output: string): Array<Record<string, unknown>> {
  const lines = output.split('\n').filter(Boolean);
  expect(lines.length).toBeGreaterThan(0);
  for (const line of lines) {
    expect({ line, atMostOneName: (line.match(/"name":/g)?.length ?? 0) <= 1 }).toEqual({ line, atMostOneName: true });
  }
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

test('npm start runs the same entry as the Docker image', () => {
  const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(scripts.start).toMatch(/node lib\/app\/server\.js$/);
  expect(readFileSync('Dockerfile', 'utf8')).toContain('CMD ["node", "lib/app/server.js"]');
});

test('setup mode (no credentials): /healthz answers status setup, the setup page is served, SIGTERM logs a shutdown line', async () => {
  const port = await freePort();
  // NO_SMEE_SETUP: no attempt to reach smee.io from a test.
  const server = startServer({ PORT: String(port), NO_SMEE_SETUP: 'true' });
  const answer = await health(port, server.output);
  expect(answer).toEqual({ status: 200, body: expect.objectContaining({ status: 'setup', name: 'mcp-oauth-guard' }) });
  expect((await fetch(`http://127.0.0.1:${port}/`, { redirect: 'manual' })).status).toBe(302);
  server.child.kill('SIGTERM');
  await server.exited;
  const lines = expectCleanJsonLines(server.output());
  expect(lines.some((line) => line.signal === 'SIGTERM' && String(line.msg).startsWith('shutting down'))).toBe(true);
}, 60_000);

test('with credentials: /healthz ok, the app logs with one name and its component, SIGTERM logs a shutdown line', async () => {
  const port = await freePort();
  const server = startServer({ PORT: String(port), APP_ID: '123', PRIVATE_KEY, WEBHOOK_SECRET: 'entry-test-secret', ANALYSIS_THREADS: '1' });
  const answer = await health(port, server.output);
  expect(answer.body).toMatchObject({ status: 'ok' });
  server.child.kill('SIGTERM');
  await server.exited;
  const lines = expectCleanJsonLines(server.output());
  expect(lines.some((line) => line.component === 'mcp-oauth-guard' && line.name === 'probot')).toBe(true);
  expect(lines.some((line) => line.signal === 'SIGTERM' && String(line.msg).startsWith('shutting down'))).toBe(true);
  expect(server.output()).not.toContain('entry-test-secret');
}, 60_000);
